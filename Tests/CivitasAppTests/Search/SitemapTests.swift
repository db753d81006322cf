import Foundation
import FoundationXML
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// `/sitemap.xml`: every public page for search engines, none that is not public, current
/// after every write, and split into files of the protocol's size on a large network.
@Suite("The sitemap lists every public page")
struct SitemapTests {
    /// The `loc` of each `url` (a urlset) or `sitemap` (an index), and which of the two it is.
    static func read(_ text: String) -> (root: String, addresses: [String]) {
        final class Reader: NSObject, XMLParserDelegate {
            var root = ""
            var addresses: [String] = []
            private var inLoc = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if root.isEmpty { root = name }
                if name == "loc" { inLoc = true; addresses.append("") }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inLoc { addresses[addresses.count - 1] += string } }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { if name == "loc" { inLoc = false } }
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "the sitemap is well-formed XML")
        return (reader.root, reader.addresses)
    }

    /// Every item of a public API list, all pages.
    static func slugs(_ client: any TestClientProtocol, _ list: String) async throws -> [String] {
        var slugs: [String] = []
        var page = 1
        while true {
            let answer = try await client.execute(uri: "\(list)\(list.contains("?") ? "&" : "?")per=100&page=\(page)", method: .get).json()
            guard case .array(let items)? = answer["items"] else { Issue.record("\(list) answered no items"); return slugs }
            slugs += items.compactMap { $0["slug"]?.stringValue }
            if items.count < 100 { return slugs }
            page += 1
        }
    }

    @Test("Home, the lists and every public record are listed, each once; nothing else", arguments: TestDatabase.all)
    func everyPublicPage(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let response = try await client.execute(uri: "/sitemap.xml", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/xml; charset=utf-8")
            let (root, addresses) = Self.read(response.text)
            #expect(root == "urlset")
            #expect(Set(addresses).count == addresses.count, "each address once")
            let site = services.configuration.publicURL
            for path in ["/", "/people", "/events", "/practices", "/news", "/resources", "/organizations", "/areas"] {
                #expect(addresses.contains(site + path), "\(path) is listed")
            }
            // Every record the public API lists, read apart from the index the sitemap comes from.
            var expected = 0
            for (list, page) in [("people", "people"), ("organizations", "organizations"), ("areas", "areas"), ("events?when=all", "events"),
                                 ("practices", "practices"), ("resources", "resources"), ("news", "news")] {
                let slugs = try await Self.slugs(client, "/api/v1/\(list)")
                #expect(slugs.count > 5, "\(list) has records in the demo")
                for slug in slugs { #expect(addresses.contains("\(site)/\(page)/\(slug)"), "\(page)/\(slug) is listed") }
                expected += slugs.count
            }
            #expect(addresses.count >= expected, "\(addresses.count) addresses for \(expected) records")
            // Every address answers 200 to a visitor: nothing private, nothing that is not a page.
            for address in addresses {
                let path = String(address.dropFirst(site.count))
                #expect(try await client.execute(uri: path, method: .head).status == .ok, "\(path)")
            }
            // One file holds them all; a file past it is a clear 404, as is a name that is no number.
            #expect(try await client.execute(uri: "/sitemaps/1.xml", method: .get).text == response.text)
            for (path, message) in [("/sitemaps/2.xml", "There is no sitemap file 2: there is 1"), ("/sitemaps/0.xml", "numbered from 1"),
                                    ("/sitemaps/01.xml", "numbered from 1"), ("/sitemaps/x.xml", "numbered from 1")] {
                let missing = try await client.execute(uri: path, method: .get)
                #expect(missing.status == .notFound && missing.text.contains(message), "\(path): \(missing.status) \(missing.text.prefix(200))")
            }
        }
    }

    @Test("A record is listed once published and dropped once unpublished, at the very next request", arguments: TestDatabase.all)
    func readYourWrites(database: TestDatabase) async throws {
        try await withApp(database, demo: true, cacheSeconds: 300) { client, services in
            let address = services.configuration.publicURL + "/practices/sitemap-composting"
            let listed: @Sendable () async throws -> Bool = {
                Self.read(try await client.execute(uri: "/sitemap.xml", method: .get).text).addresses.contains(address)
            }
            #expect(try await listed() == false)
            let token = try await apiToken(["library:write"], services: services)
            let draft = try await sendJSON(client, .post, "/api/v1/practices", token: token, json: """
                {"title": "Sitemap composting", "status": "pilot", "summary": "Kitchen waste for parks", "published": false}
                """)
            #expect(draft.status == .created)
            #expect(try await listed() == false, "a draft is never listed")
            #expect(try await sendJSON(client, .patch, "/api/v1/practices/sitemap-composting", token: token, json: #"{"published": true}"#).status == .ok)
            #expect(try await listed(), "published, it is listed (the cached sitemap was dropped)")
            #expect(try await sendJSON(client, .patch, "/api/v1/practices/sitemap-composting", token: token, json: #"{"published": false}"#).status == .ok)
            #expect(try await listed() == false, "unpublished, it is gone")
        }
    }

    @Test("Past one file's worth the sitemap is an index of files that together list every address once, in order", arguments: TestDatabase.all)
    func filesOfALargeNetwork(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let token = try await apiToken(["library:write"], services: services)
            for number in 1...3 {
                let draft = try await sendJSON(client, .post, "/api/v1/practices", token: token, json: """
                    {"title": "Draft \(number)", "status": "idea", "summary": "Not yet public", "published": false}
                    """)
                #expect(draft.status == .created)
            }
            let whole = try await SearchSitemap(services: services).sitemapXML()
            let (wholeRoot, everyAddress) = Self.read(whole)
            #expect(wholeRoot == "urlset")
            // Files of 40 entries stand in for the 49,000 of a large network; drafts among them
            // are left out, so a file may hold fewer.
            let small = SearchSitemap(services: services, perFile: 40)
            let entries = try await services.database.sql.raw("SELECT count(*) AS total FROM search_entries").first()!.decode(column: "total", as: Int.self)
            let drafts = try await services.database.sql.raw("SELECT count(*) AS total FROM search_entries WHERE is_public = \(bind: false)").first()!
                .decode(column: "total", as: Int.self)
            #expect(drafts == 3, "the index holds the drafts, which the files must leave out")
            let (root, files) = Self.read(try await small.sitemapXML())
            #expect(root == "sitemapindex")
            let count = (entries + 39) / 40
            #expect(files == (1...count).map { services.configuration.publicURL + "/sitemaps/\($0).xml" })
            var together: [String] = []
            for number in 1...count {
                let addresses = try await small.addresses(inFile: number)
                #expect(addresses.count <= 40 + (number == 1 ? small.fixedAddresses.count : 0), "file \(number)")
                #expect(!addresses.isEmpty, "file \(number) is empty")
                together += addresses
            }
            #expect(together == everyAddress, "the files hold the whole list, each address once, in its order")
            #expect(try await small.addresses(inFile: count + 1).isEmpty)
        }
    }
}
