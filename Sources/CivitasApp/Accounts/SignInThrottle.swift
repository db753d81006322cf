import FluentKit
import Foundation
import SQLKit

/// Limits password guessing without handing an attacker a way to lock the real person out.
///
/// Three counts of failed attempts within `window`, as mature sites keep them:
/// - one account from one address (`pairLimit`): stops guessing one password;
/// - one address, any accounts (`clientLimit`): stops spraying many accounts;
/// - one account from anywhere (`accountLimit`, softer): stops a guessing botnet, but does not
///   apply to an address the account signed in from successfully before, so the real person
///   still gets in from their usual place while their account is attacked.
///
/// Each attempt is written (as a failure) before its password is checked and only then
/// counted, so attempts running at the same moment see each other: the k-th to be written
/// counts at least k, and no more than the limit are ever checked. A correct password turns
/// the attempt into a success. Stored in the database, so every server process counts alike.
enum SignInThrottle {
    static let pairLimit = 5
    static let clientLimit = 20
    static let accountLimit = 50
    static let window: TimeInterval = 15 * 60
    static let knownClientMemory: TimeInterval = 30 * 24 * 3600

    enum Decision: Equatable {
        case proceed(attemptID: String)
        case blocked
    }

    static func begin(email: String, client: String, database: AppDatabase, now: Date) async throws -> Decision {
        let attempt = SignInAttempt(email: email, client: client, succeeded: false, now: now)
        // Committed before counting (through the writer queue, which SQLite needs for every
        // write), so that every attempt counted after this one sees it.
        try await database.transaction { tx in try await attempt.create(on: tx) }
        let db = database.db
        let sql = db as! any SQLDatabase
        let since = now.addingTimeInterval(-window)
        let row = try await sql.raw("""
            SELECT
              (SELECT COUNT(*) FROM sign_in_attempts WHERE email = \(bind: email) AND client = \(bind: client) AND succeeded = \(bind: false) AND attempted_at > \(bind: since)) AS pair,
              (SELECT COUNT(*) FROM sign_in_attempts WHERE client = \(bind: client) AND succeeded = \(bind: false) AND attempted_at > \(bind: since)) AS by_client,
              (SELECT COUNT(*) FROM sign_in_attempts WHERE email = \(bind: email) AND succeeded = \(bind: false) AND attempted_at > \(bind: since)) AS by_account,
              (SELECT COUNT(*) FROM sign_in_attempts WHERE email = \(bind: email) AND client = \(bind: client) AND succeeded = \(bind: true) AND attempted_at > \(bind: now.addingTimeInterval(-knownClientMemory))) AS known
            """).first()!
        let pair = try row.decode(column: "pair", as: Int.self)
        let byClient = try row.decode(column: "by_client", as: Int.self)
        let byAccount = try row.decode(column: "by_account", as: Int.self)
        let known = try row.decode(column: "known", as: Int.self) > 0
        // Under an attack no sign-in may succeed for a long time: old failures go now and then here too.
        if Int.random(in: 0..<50) == 0 { try await database.transaction { tx in try await forgetOldFailures(on: tx, now: now) } }
        if pair > pairLimit || byClient > clientLimit || (byAccount > accountLimit && !known) { return .blocked }
        return .proceed(attemptID: attempt.id!)
    }

    private static func forgetOldFailures(on db: any Database, now: Date) async throws {
        try await SignInAttempt.query(on: db).filter(\.$succeeded == false).filter(\.$attemptedAt < now.addingTimeInterval(-window * 4)).delete()
    }

    static func succeeded(_ attemptID: String, database: AppDatabase, now: Date) async throws {
        try await database.transaction { tx in try await recordSuccess(attemptID, on: tx, now: now) }
    }

    private static func recordSuccess(_ attemptID: String, on db: any Database, now: Date) async throws {
        try await SignInAttempt.query(on: db).filter(\.$id == attemptID).set(\.$succeeded, to: true).update()
        // Old failures say nothing any more; successes are kept to recognise the person's usual addresses.
        try await forgetOldFailures(on: db, now: now)
        try await SignInAttempt.query(on: db).filter(\.$attemptedAt < now.addingTimeInterval(-knownClientMemory)).delete()
    }
}
