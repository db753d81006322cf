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

    /// A new database for one test, migrated (and holding the demo network when `demo`):
    /// copied from a template made once per run, not migrated again (see `TestTemplates`).
    /// The test holds one of its kind's `TestSlots` until it calls `cleanup`.
    func makeLocation(demo: Bool = false) async throws -> (DatabaseLocation, cleanup: @Sendable () async -> Void) {
        let template = try await TestTemplates.template(self, demo: demo)
        let slots = slots
        await slots.acquire()
        do {
            let (location, remove) = try await copy(of: template)
            return (location, {
                await remove()
                slots.release()
            })
        } catch {
            slots.release()
            throw error
        }
    }

    private var slots: AsyncLock {
        switch self {
        case .sqlite: TestSlots.sqlite
        case .postgres: TestSlots.postgres
        }
    }

    private func copy(of template: DatabaseLocation) async throws -> (DatabaseLocation, remove: @Sendable () async -> Void) {
        let name = Self.newName()
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            guard case .sqlite(let templatePath) = template else { preconditionFailure() }
            try FileManager.default.copyItem(atPath: templatePath, toPath: path)
            return (.sqlite(path: path), {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            })
        case .postgres:
            let admin = try PostgresAdmin.shared()
            guard case .postgres(let templateURL) = template, let templateName = URLComponents(string: templateURL)?.path.dropFirst() else {
                preconditionFailure()
            }
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE \(unsafeRaw: String(templateName))").run()
            var components = URLComponents(string: Self.adminURL!)!
            components.path = "/\(name)"
            return (.postgres(url: components.string!), {
                try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            })
        }
    }
}

extension TestDatabase {
    static func newName() -> String {
        "civitas_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))"
    }

    /// An empty database, for templates.
    func makeEmptyLocation(named name: String) async throws -> DatabaseLocation {
        switch self {
        case .sqlite:
            return .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path)
        case .postgres:
            try await PostgresAdmin.shared().sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            var components = URLComponents(string: Self.adminURL!)!
            components.path = "/\(name)"
            return .postgres(url: components.string!)
        }
    }
}

/// Migrated databases to copy, one per database kind and demo choice, made once per test run:
/// each test's database is a file copy (SQLite) or `CREATE DATABASE ... TEMPLATE` (PostgreSQL),
/// so adding a module's migrations does not slow every test.
enum TestTemplates {
    private static let templates = Mutex<[String: Task<DatabaseLocation, any Error>]>([:])

    static func template(_ database: TestDatabase, demo: Bool) async throws -> DatabaseLocation {
        let key = "\(database.rawValue)-\(demo)"
        let task = templates.withLock { templates in
            if let task = templates[key] { return task }
            let task = Task { try await make(database, demo: demo) }
            templates[key] = task
            return task
        }
        return try await task.value
    }

    private static func make(_ database: TestDatabase, demo: Bool) async throws -> DatabaseLocation {
        await removeStale(database)
        let made = Int(Date().timeIntervalSince1970)
        let location = try await database.makeEmptyLocation(named: "\(prefix)\(demo ? "demo" : "empty")_\(made)_\(TestDatabase.newName().suffix(8))")
        var logger = Logger(label: "civitas-test-template")
        logger.logLevel = .warning
        let configuration = AppConfiguration(database: location, dataDirectory: NSTemporaryDirectory(), loadDemo: demo, publicCacheSeconds: 0)
        let services = AppServices(database: try AppDatabase(location: location, logger: logger, poolTimeout: .seconds(300)),
                                   configuration: configuration, logger: logger, passwordCost: 4)
        try await prepareDatabase(services: services)
        // PostgreSQL copies a template only while nobody is connected to it.
        await services.database.shutdown()
        if case .sqlite = location {
            // Everything into the main file, so copying that one file copies the database. On a
            // connection of its own: a checkpoint that truncates waits for every other
            // connection's reads to end, and the pool that migrated may still hold one.
            let checkpoint = try AppDatabase(location: location, logger: logger, poolTimeout: .seconds(300))
            _ = try await checkpoint.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").all()
            await checkpoint.shutdown()
        }
        return location
    }
}

extension TestTemplates {
    static let prefix = "civitas_template_"

    /// How long a template may be in use: no run of the suite lasts this long.
    static let kept: TimeInterval = 24 * 3600

    /// Removes the templates of earlier runs, which nothing else removes (a run cannot tell
    /// when its last test is done): each run left two on a developer's own PostgreSQL server
    /// and two files in the temporary folder (a hundred runs, 1 GB and 216 MB). A template made
    /// within `kept` may be another run's, still copied from, and stays; so does one in use.
    static func removeStale(_ database: TestDatabase, now: Date = Date()) async {
        switch database {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasPrefix(prefix) && isStale(file.components(separatedBy: ".sqlite")[0], now: now) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(file))
            }
        case .postgres:
            guard let admin = try? PostgresAdmin.shared(),
                  let rows = try? await admin.sql.raw("SELECT datname FROM pg_database WHERE starts_with(datname, \(bind: prefix))").all()
            else { return }
            for name in rows.compactMap({ try? $0.decode(column: "datname", as: String.self) }) where isStale(name, now: now) {
                // Without FORCE: a template someone is copying from is left for a later run.
                try? await admin.sql.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
            }
        }
    }

    /// Whether a template's name (`civitas_template_demo_<seconds>_<random>`) says it was made
    /// more than `kept` ago; one named without its time is from before templates had one.
    static func isStale(_ name: String, now: Date) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let parts = name.dropFirst(prefix.count).split(separator: "_")
        guard parts.count == 3 else { return parts.count == 2 }
        guard let made = TimeInterval(parts[1]) else { return false }
        return now.timeIntervalSince1970 - made > kept
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
