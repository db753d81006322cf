import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
@testable import CivitasApp

/// Sign-in as an attacker tries it: in parallel, from many addresses, against the admin.
@Suite("Sign-in under attack")
struct SignInAttackTests {
    static func post(_ client: any TestClientProtocol, email: String, password: String, from address: String,
                     next: String? = nil) async throws -> TestResponse {
        var browser = Browser()
        browser.cookies["civitas_csrf"] = "token-\(address)"
        var headers = browser.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[HTTPField.Name("X-Forwarded-For")!] = "10.9.9.9, \(address)"
        var fields = [("email", email), ("password", password), ("csrf_token", "token-\(address)")]
        if let next { fields.append(("next", next)) }
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
        return try await client.execute(uri: AccountsURL.signIn.path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func parallel(_ count: Int, _ make: @escaping @Sendable (Int) async throws -> TestResponse) async throws -> [HTTPResponse.Status] {
        try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
            for index in 0..<count { group.addTask { try await make(index).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("60 wrong passwords at once for one account from one address: no more than 5 are checked", arguments: TestDatabase.all)
    func parallelGuessesAreCounted(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.trustProxy = true }) { client, services in
            _ = try await CreateUser(email: "admin@example.org", name: "Admin", role: .admin, password: Accounts.password).run(services: services)
            let statuses = try await Self.parallel(60) { _ in
                try await Self.post(client, email: "admin@example.org", password: "wrong password", from: "203.0.113.9")
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= SignInThrottle.pairLimit)
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            let right = try await Self.post(client, email: "admin@example.org", password: Accounts.password, from: "203.0.113.9")
            #expect(right.status == .tooManyRequests, "the guessing address stays blocked")
        }
    }

    @Test("60 guesses at once from one address over many accounts: no more than 20 are checked", arguments: TestDatabase.all)
    func parallelSprayIsCounted(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.trustProxy = true }) { client, _ in
            let statuses = try await Self.parallel(60) { index in
                try await Self.post(client, email: "person\(index)@example.org", password: "wrong password", from: "203.0.113.10")
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= SignInThrottle.clientLimit)
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
        }
    }

    @Test("Wrong passwords from an attacker's address do not lock the real person out", arguments: TestDatabase.all)
    func lockoutIsNoWeapon(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.trustProxy = true }) { client, services in
            _ = try await CreateUser(email: "admin@example.org", name: "Admin", role: .admin, password: Accounts.password).run(services: services)
            // The admin signs in from their usual address once.
            #expect(try await Self.post(client, email: "admin@example.org", password: Accounts.password, from: "198.51.100.7").status == .seeOther)
            // An attacker guesses from one address, then from many.
            for _ in 0..<(SignInThrottle.pairLimit + 2) {
                _ = try await Self.post(client, email: "admin@example.org", password: "wrong password", from: "203.0.113.9")
            }
            for index in 0..<(SignInThrottle.accountLimit + 1) {
                _ = try await Self.post(client, email: "admin@example.org", password: "wrong password", from: "192.0.2.\(index)")
            }
            let attacker = try await Self.post(client, email: "admin@example.org", password: Accounts.password, from: "203.0.113.9")
            #expect(attacker.status == .tooManyRequests)
            let stranger = try await Self.post(client, email: "admin@example.org", password: Accounts.password, from: "192.0.2.250")
            #expect(stranger.status == .tooManyRequests, "an unknown address meets the account's softer limit")
            let admin = try await Self.post(client, email: "admin@example.org", password: Accounts.password, from: "198.51.100.7")
            #expect(admin.status == .seeOther, "the real admin still signs in from their usual address")
        }
    }

    @Test("Password hashing has its own threads: with every one busy, reads still answer and sign-ins are turned away with 429", arguments: TestDatabase.all)
    func hashingNeverStarvesReads(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.trustProxy = true }) { client, services in
            let gate = Gate()
            let hasher = services.passwordHasher
            // Occupy every hashing thread and fill the queue.
            let turnedAway = Tally()
            let blockers = (0..<80).map { _ in
                Task {
                    do { try await hasher.run { gate.waitUntilOpen() } } catch { turnedAway.add() }
                }
            }
            // Once the 16 blockers beyond the queue's 64 places were turned away, the queue is full.
            for _ in 0..<1_000 where turnedAway.value < 16 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(turnedAway.value == 16)
            #expect(hasher.waiting == 64)
            let read = try await client.execute(uri: "/api/v1/people", method: .get)
            #expect(read.status == .ok)
            let statuses = try await Self.parallel(20) { index in
                try await Self.post(client, email: "someone\(index)@example.org", password: "wrong password", from: "192.0.2.\(index)")
            }
            #expect(statuses.allSatisfy { $0 == .tooManyRequests }, "\(statuses)")
            gate.open()
            for blocker in blockers { await blocker.value }
        }
    }

    @Test("A CSRF token from another browser does not work with a signed-in session", arguments: TestDatabase.all)
    func csrfIsBoundToTheSession(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            var admin = try await Accounts.signedIn(.admin, client: client, services: services)
            let before = try await count("users", services)
            // The attacker planted their own cookie and token pair.
            admin.cookies["civitas_csrf"] = "attacker-token"
            let forged = try await admin.post(client, AccountsURL.staffUsers.path,
                                              [("email", "evil@example.org"), ("name", "Evil"), ("role", "admin"), ("password", "long enough password")],
                                              csrf: "attacker-token")
            #expect(forged.status == .forbidden)
            #expect(try await count("users", services) == before)
            // The session's own token works.
            let real = try await admin.post(client, AccountsURL.staffUsers.path,
                                            [("email", "new@example.org"), ("name", "New"), ("role", "member"), ("password", "long enough password")])
            #expect(real.status != .forbidden)
            #expect(try await count("users", services) == before + 1)
        }
    }

    @Test("Signing in replaces the CSRF cookie", arguments: TestDatabase.all)
    func csrfRotatesAtSignIn(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            _ = try await CreateUser(email: "a@example.org", name: "A", role: .member, password: Accounts.password).run(services: services)
            let response = try await Browser().post(client, AccountsURL.signIn.path, [("email", "a@example.org"), ("password", Accounts.password)])
            let rotated = try #require(response.cookie("civitas_csrf"))
            #expect(rotated != Browser().cookies["civitas_csrf"])
        }
    }

    @Test("Sign-in never sends anyone off the site", arguments: TestDatabase.all,
          ["//evil.example/", "/%09/evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example"])
    func noOpenRedirect(database: TestDatabase, next: String) async throws {
        try await withApp(database) { client, services in
            _ = try await CreateUser(email: "a@example.org", name: "A", role: .member, password: Accounts.password).run(services: services)
            let response = try await Browser().post(client, AccountsURL.signIn.path, [("email", "a@example.org"), ("password", Accounts.password), ("next", next)])
            #expect(response.headers[.location] == "/")
            let form = try await Browser().get(client, AccountsURL.signIn.path + "?next=" + next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(form.text.contains(#"name="next" value="/""#), "the form carries only a local path")
        }
    }
}

/// Counts events from concurrent tasks.
final class Tally: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// Blocks threads until opened, to hold a pool busy in a test.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func waitUntilOpen() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }
}
