import Foundation
import FoundationXML
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// Browsers, feed readers and crawlers ask for a site's icon; none of them should meet a 404.
@Suite("The site's icon")
struct SiteIconTests {
    @Test("Every page links the icon, which is an SVG; /favicon.ico sends clients on to it", arguments: [TestDatabase.sqlite])
    func iconIsLinkedAndServed(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            for path in ["/", "/people/eric-garcetti", "/no-such-page", "/sign-in"] {
                let page = try await client.execute(uri: path, method: .get)
                #expect(page.text.contains(#"<link rel="icon" href="/assets/civitas-icon.svg" type="image/svg+xml"/>"#), "\(path) links the icon")
            }
            let icon = try await client.execute(uri: "/assets/civitas-icon.svg", method: .get)
            #expect(icon.status == .ok)
            #expect(icon.headers[.contentType] == "image/svg+xml")
            let parser = XMLParser(data: Data(icon.text.utf8))
            #expect(parser.parse(), "the icon is well-formed XML")
            #expect(icon.text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            for method in [HTTPRequest.Method.get, .head] {
                let favicon = try await client.execute(uri: "/favicon.ico", method: method)
                #expect(favicon.status == .movedPermanently, "\(method)")
                #expect(favicon.headers[.location] == "/assets/civitas-icon.svg", "\(method)")
            }
        }
    }
}
