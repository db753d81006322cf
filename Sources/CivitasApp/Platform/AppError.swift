import Hummingbird

/// An error from a lower layer that knows how it should be answered.
protocol AppErrorConvertible: Error {
    var appError: AppError { get }
}

/// An error a person can act on: the status, and a message saying what to change.
/// Rendered as JSON under `/api` and as an HTML page elsewhere (see `ErrorMiddleware`).
public struct AppError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let message: String
    /// Per-field messages for forms and API bodies.
    public let fieldErrors: [String: String]
    /// Sent as `Retry-After` when the same request may succeed after this many seconds.
    public let retryAfterSeconds: Int?

    public init(_ status: HTTPResponse.Status, _ message: String, fieldErrors: [String: String] = [:], retryAfterSeconds: Int? = nil) {
        self.status = status
        self.message = message
        self.fieldErrors = fieldErrors
        self.retryAfterSeconds = retryAfterSeconds
    }

    public static func notFound(_ what: String) -> AppError { AppError(.notFound, "\(what) was not found") }
    public static func forbidden(_ message: String = "You do not have permission to do this") -> AppError { AppError(.forbidden, message) }
    public static func badRequest(_ message: String) -> AppError { AppError(.badRequest, message) }
    /// Visitors get 403 like members do; the page links to the sign-in form.
    public static let signInRequired = AppError(.forbidden, "Sign in with a staff account to continue")
}
