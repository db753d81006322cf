// AsyncKit's pool timeout and PostgresNIO's error come with the driver.
import FluentPostgresDriver

/// The database could not take a request just now: every pooled connection (of the pool that
/// writes, or of PostgreSQL's reader) stayed in use for the pool's whole timeout, or PostgreSQL
/// refused a new connection for want of room (SQLSTATE class 53, "too many clients already"
/// among them) or while it starts or stops (57P03).
///
/// Nothing is wrong with the request or the site, and the same request is likely to succeed
/// in a moment, so it is answered 503 with `Retry-After`: a person is told to send it again,
/// and a client, monitor or load balancer reads it as overload rather than as a broken site
/// (500). A burst of 60 sign-ins on a loaded machine once ended this way.
enum DatabaseBusy {
    static let retryAfterSeconds = 5

    static let appError = AppError(
        .serviceUnavailable,
        "The site is too busy to take this request at this moment. Wait a few seconds and send it again.",
        retryAfterSeconds: retryAfterSeconds)

    /// The database was closed under the request: the server is stopping (a deploy, a restart)
    /// and another process, or this one started again, will take the request. (The HTTP server
    /// stops first and drains its requests before the database closes, so this is a request
    /// that outlived that drain.)
    static let closedError = AppError(
        .serviceUnavailable,
        "The site is restarting and could not take this request. Wait a few seconds and send it again.",
        retryAfterSeconds: retryAfterSeconds)

    /// `appError` or `closedError` for an error the database gave, nil for any other.
    static func answer(to error: any Error) -> AppError? {
        if isClosed(error) { return closedError }
        return isBusy(error) ? appError : nil
    }

    static func isClosed(_ error: any Error) -> Bool {
        switch error {
        case ConnectionPoolError.shutdown, PostgresReadError.closed: true
        case let error as SQLiteReadError: error.isClosed
        default: false
        }
    }

    static func isBusy(_ error: any Error) -> Bool {
        switch error {
        case is ConnectionPoolTimeoutError, PostgresReadError.busy:
            return true
        case let error as PSQLError:
            guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("53") || state == "57P03"
        default:
            return false
        }
    }
}
