import CivitasCore
import Foundation
import HummingbirdTesting
import NIOCore
import HTTPTypes
import SQLKit
import Synchronization
@testable import CivitasApp

/// Creates an event through the same command staff use, starting `daysAhead` from now.
func makeEvent(_ services: AppServices, slug: String = "test-convening", capacity: Int? = nil, mode: RegistrationMode = .open,
               daysAhead: Int = 30, extra: [String: String] = [:]) async throws -> EventRecord {
    let zone = TimeZone(identifier: "America/Chicago")!
    let start = services.now().addingTimeInterval(Double(daysAhead) * 86_400)
    var input = EventInput()
    input.values = [
        "title": "Test convening", "slug": slug, "kind": "convening", "time_zone": zone.identifier,
        "starts_at": ZonedTime.formValue(start, in: zone), "ends_at": ZonedTime.formValue(start.addingTimeInterval(8 * 3600), in: zone),
        "attendance_mode": "hybrid", "online_url": "https://meet.example.org/secret-room", "status": "scheduled",
        "registration_mode": mode.rawValue, "capacity": capacity.map(String.init) ?? "", "published": "true",
    ].merging(extra) { $1 }
    guard case .saved(let event) = try await SaveEvent(id: nil, input: input, actor: .demoLoader).run(services: services) else {
        throw TestFailure("the test event was not saved")
    }
    return event
}

/// Registers through the API as a trusted integration (an events:write token), which is told
/// each outcome; `anonymous` registers as a visitor's program would, answered alike whatever happened.
func registerByAPI(_ client: any TestClientProtocol, _ services: AppServices, slug: String, name: String, email: String, extra: String = "",
                   anonymous: Bool = false) async throws -> TestResponse {
    let body = #"{"name": "\#(name)", "email": "\#(email)", "organization": "City of Testing"\#(extra)}"#
    var headers: HTTPFields = [.contentType: "application/json"]
    if !anonymous { headers[.authorization] = "Bearer \(try await IntegrationTokens.token(for: services))" }
    return try await client.execute(uri: "/api/v1/events/\(slug)/registrations", method: .post, headers: headers, body: ByteBuffer(string: body))
}

/// One events:write token per test database, made on first use.
enum IntegrationTokens {
    /// Keyed by the database's location, unique to each test.
    private static let tokens = Mutex<[String: String]>([:])

    static func token(for services: AppServices) async throws -> String {
        let key = "\(services.database.location)"
        if let token = tokens.withLock({ $0[key] }) { return token }
        let token = try await apiToken(["events:write"], name: "integration", services: services)
        return tokens.withLock { tokens in
            if let existing = tokens[key] { return existing }
            tokens[key] = token
            return token
        }
    }
}

func statuses(_ eventID: String, _ services: AppServices) async throws -> [(queue: Int, status: String, email: String)] {
    try await EventStore(services.database.db).registrations(of: eventID).map { ($0.queueNumber, $0.status, $0.email) }
}
