import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

@Suite("HEAD as caches, crawlers and monitors use it")
struct HeadRequestTests {
    @Test("HEAD answers like GET, with the same status and headers and no body", arguments: TestDatabase.all)
    func headMirrorsGet(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            for path in ["/", "/people", "/people/eric-garcetti", "/events", "/events/2018-winter-meeting", "/events/2018-winter-meeting.ics",
                         "/api/v1/people", "/api/v1/popolo.json", "/healthz", "/assets/civitas.css", "/staff", "/no-such-page"] {
                let get = try await client.execute(uri: path, method: .get)
                let head = try await client.execute(uri: path, method: .head)
                #expect(head.status == get.status, "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
                #expect(head.body.readableBytes == 0, "\(path) sent a body")
                if get.status == .ok { #expect(head.headers[.contentLength] == get.headers[.contentLength], "\(path)") }
            }
        }
    }
}
