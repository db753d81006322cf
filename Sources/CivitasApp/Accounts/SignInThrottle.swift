import FluentKit
import Foundation

/// Rate-limits password guessing: after `maximumFailures` failed attempts for one e-mail
/// or from one client within `window`, further attempts are refused until the window
/// passes. Attempts are stored in the database so that every server process counts them.
enum SignInThrottle {
    static let maximumFailures = 5
    static let window: TimeInterval = 15 * 60

    static func isBlocked(email: String, client: String, on db: any Database, now: Date) async throws -> Bool {
        let since = now.addingTimeInterval(-window)
        let byEmail = try await SignInAttempt.query(on: db)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$attemptedAt > since).count()
        if byEmail >= maximumFailures { return true }
        let byClient = try await SignInAttempt.query(on: db)
            .filter(\.$client == client).filter(\.$succeeded == false).filter(\.$attemptedAt > since).count()
        return byClient >= maximumFailures * 4
    }

    static func record(email: String, client: String, succeeded: Bool, on db: any Database, now: Date) async throws {
        try await SignInAttempt(email: email, client: client, succeeded: succeeded, now: now).create(on: db)
        // Old attempts say nothing any more; keep the table small.
        try await SignInAttempt.query(on: db).filter(\.$attemptedAt < now.addingTimeInterval(-window * 4)).delete()
    }
}
