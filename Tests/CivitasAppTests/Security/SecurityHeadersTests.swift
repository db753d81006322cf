import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

@Suite("Security headers on every answer")
struct SecurityHeadersTests {
    @Test("Public pages, the API and errors carry the CSP, nosniff and referrer policy; nothing runs inline", arguments: TestDatabase.all)
    func everyAnswer(database: TestDatabase) async throws {
        try await withApp(database, demo: true, cacheSeconds: 5) { client, _ in
            for path in ["/", "/people", "/people/eric-garcetti", "/events", "/events/2018-winter-meeting", "/api/v1/people",
                         "/events/2018-winter-meeting.ics", "/no-such-page", "/api/v1/no-such", "/sign-in"] {
                let response = try await client.execute(uri: path, method: .get)
                let csp = try #require(response.headers[.contentSecurityPolicy], "\(path)")
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(csp.contains("default-src 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[SecurityHeadersMiddleware.referrerPolicy] == "strict-origin-when-cross-origin")
                #expect(response.headers[SecurityHeadersMiddleware.xFrameOptions] == "DENY")
                #expect(response.headers[.cacheControl] != "private, no-store", "a visitor's page may be cached")
                if response.headers[.contentType]?.hasPrefix("text/html") == true {
                    let html = response.text
                    #expect(!html.contains("style="), "\(path) has an inline style")
                    #expect(html.components(separatedBy: "<script").count - 1 == html.components(separatedBy: "<script type=\"application/ld+json\"").count - 1,
                            "\(path) has a script other than JSON-LD")
                    #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "\(path) has an event handler attribute")
                }
            }
        }
    }

    @Test("Every answer to a signed-in person is private and not stored, errors included", arguments: TestDatabase.all)
    func signedInAnswersArePrivate(database: TestDatabase) async throws {
        try await withApp(database, demo: true, cacheSeconds: 5) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            for path in ["/", "/people/eric-garcetti", "/staff", "/staff/people", "/account", "/no-such-page", "/api/v1/people"] {
                let response = try await editor.get(client, path)
                #expect(response.headers[.cacheControl] == "private, no-store", "\(path): \(response.headers[.cacheControl] ?? "none")")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            }
        }
    }
}
