import CivitasCore
import Foundation
import Logging
import SQLKit
import Synchronization
import Testing
@testable import CivitasApp

/// The databases every storage test runs on: SQLite always, and PostgreSQL when
/// `scripts/with-postgres` has started a server (`CIVITAS_TEST_POSTGRES_URL`).
/// With `CIVITAS_REQUIRE_POSTGRES=1` (CI) a missing server fails the run instead of
/// silently testing SQLite alone.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static let adminURL: String? = {
        let environment = ProcessInfo.processInfo.environment
        return environment["CIVITAS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }()

    static var all: [TestDatabase] {
        if adminURL != nil { return [.sqlite, .postgres] }
        if ProcessInfo.processInfo.environment["CIVITAS_REQUIRE_POSTGRES"] == "1" {
            fatalError("CIVITAS_REQUIRE_POSTGRES=1 but no PostgreSQL server: run the tests through scripts/with-postgres")
        }
        return [.sqlite]
    }

    /// A new, empty database for one test.
    func makeLocation() async throws -> (DatabaseLocation, cleanup: @Sendable () async -> Void) {
        let name = "civitas_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))"
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            return (.sqlite(path: path), {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            })
        case .postgres:
            let admin = try PostgresAdmin.shared()
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            var components = URLComponents(string: Self.adminURL!)!
            components.path = "/\(name)"
            return (.postgres(url: components.string!), {
                try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            })
        }
    }
}

/// One connection pool to the server's `postgres` database, to create and drop test databases.
enum PostgresAdmin {
    private static let instance = Mutex<AppDatabase?>(nil)

    static func shared() throws -> AppDatabase {
        try instance.withLock { instance in
            if let instance { return instance }
            // Every test creates its database through this pool at about the same moment, and
            // PostgreSQL creates databases one at a time: waiting is expected here.
            let database = try AppDatabase(location: .postgres(url: TestDatabase.adminURL!), logger: Logger(label: "test-admin"),
                                           poolTimeout: .seconds(300))
            instance = database
            return database
        }
    }
}
