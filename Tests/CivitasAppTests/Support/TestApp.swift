import CivitasCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SQLKit
@testable import CivitasApp

/// Builds the real application on a fresh database, runs `body` against it through
/// Hummingbird's router test client, and removes the database afterwards.
func withApp(
    _ database: TestDatabase, demo: Bool = false, cacheSeconds: Int = 0,
    configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
    live: Bool = false,
    clock: any WallClock = SystemClock(),
    secrets: any SecretSource = SystemSecrets(),
    extraModules: [@Sendable (AppServices) -> any CivitasModule] = [],
    poolTimeout: TimeAmount = .seconds(120),
    _ body: @Sendable (any TestClientProtocol, AppServices) async throws -> Void
) async throws {
    let (location, cleanup) = try await database.makeLocation(demo: demo)
    var logger = Logger(label: "civitas-test")
    logger.logLevel = .warning
    // Each test has its own data folder, so mail the outbox writes stays out of the project.
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("civitas-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
    var configuration = AppConfiguration(database: location, dataDirectory: dataDirectory, loadDemo: demo, publicCacheSeconds: cacheSeconds)
    // `configure` may also point the app at the same database another way (its socket).
    configure(&configuration)
    // The whole suite runs in parallel on two cores (and shares one PostgreSQL server): a test may
    // wait its turn for a connection, on SQLite for its one writer; hence a long `poolTimeout`.
    let services = AppServices(database: try AppDatabase(location: configuration.database, logger: logger, poolTimeout: poolTimeout), configuration: configuration,
                               clock: clock, secrets: secrets, extraModules: extraModules, logger: logger, passwordCost: 4)
    do {
        let app = try await buildApplication(services: services)
        try await app.test(live ? .live : .router) { client in try await body(client, services) }
    } catch {
        await services.database.shutdown()
        await cleanup()
        throw error
    }
    await services.database.shutdown()
    await cleanup()
}

/// A browser's cookies for one test: the CSRF cookie, and the session after signing in.
struct Browser: Sendable {
    var cookies: [String: String] = ["civitas_csrf": "test-csrf-token"]
    /// The token a form of this browser carries: bound to the session once signed in.
    var csrf: String { cookies["civitas_session"].map(Sessions.csrfToken(forSecret:)) ?? cookies["civitas_csrf"]! }

    var headers: HTTPFields {
        var headers = HTTPFields()
        headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        return headers
    }

    func get(_ client: any TestClientProtocol, _ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: headers)
    }

    /// Posts a form, adding the CSRF token unless `csrf` says otherwise.
    func post(_ client: any TestClientProtocol, _ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let all = fields + [("csrf_token", csrf ?? self.csrf)]
        let body = all.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a form with a file as a browser does (multipart/form-data), with the CSRF token.
    func upload(_ client: any TestClientProtocol, _ path: String, field: String = "file", filename: String, bytes: [UInt8],
                fields: [(String, String)] = []) async throws -> TestResponse {
        let boundary = "civitas-test-boundary-7d1f"
        var body: [UInt8] = []
        for (name, value) in fields + [("csrf_token", csrf)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        let quoted = filename.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(quoted)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var headers = headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    private func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(buffer: body)) }

    /// The value a `Set-Cookie` header gives `name`.
    func cookie(_ name: String) -> String? {
        headers[values: .setCookie].lazy.compactMap { header -> String? in
            guard header.hasPrefix(name + "=") else { return nil }
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }.first
    }
}

enum Accounts {
    static let password = "correct horse battery"

    /// Creates an account with `role` and returns a browser signed in as it.
    static func signedIn(_ role: Role, client: any TestClientProtocol, services: AppServices) async throws -> Browser {
        let email = "\(role.rawValue)-\(UUID().uuidString.prefix(8))@example.org"
        let outcome = try await CreateUser(email: email, name: "Test \(role.rawValue)", role: role, password: password).run(services: services)
        guard case .created = outcome else { throw TestFailure("could not create \(role) account: \(outcome)") }
        var browser = Browser()
        let response = try await browser.post(client, AccountsURL.signIn.path, [("email", email), ("password", password)])
        guard response.status == .seeOther, let session = response.cookie("civitas_session") else {
            throw TestFailure("sign-in failed with \(response.status)")
        }
        browser.cookies["civitas_session"] = session
        return browser
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// How many rows a table holds, to check that refused input wrote nothing.
func count(_ table: String, _ services: AppServices) async throws -> Int {
    try await services.database.sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(table)
        .first()!.decode(column: "n", as: Int.self)
}
