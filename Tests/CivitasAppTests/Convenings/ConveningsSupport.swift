import CivitasCore
import Foundation
import HummingbirdTesting
import NIOCore
import SQLKit
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

func registerByAPI(_ client: any TestClientProtocol, slug: String, name: String, email: String, extra: String = "") async throws -> TestResponse {
    let body = #"{"name": "\#(name)", "email": "\#(email)", "organization": "City of Testing"\#(extra)}"#
    return try await client.execute(uri: "/api/v1/events/\(slug)/registrations", method: .post,
                                    headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
}

func statuses(_ eventID: String, _ services: AppServices) async throws -> [(queue: Int, status: String, email: String)] {
    try await EventStore(services.database.db).registrations(of: eventID).map { ($0.queueNumber, $0.status, $0.email) }
}
