import CivitasCore
import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

extension HostileDataTests {
    /// Kinds in the order they can point at each other: news names practices and resources.
    static let libraryKindsInOrder: [LibraryKind] = [.practice, .resource, .news]

    @Test("Payloads in every library field come back escaped in pages, JSON-LD, the Atom feed and the API", arguments: TestDatabase.all)
    func everyLibraryField(database: TestDatabase) async throws {
        try await withApp(database, demo: true, cacheSeconds: 0) { client, services in
            let token = try await apiToken(["library:write"], services: services)
            // Directory records of the demo to point at, and library records as they are made.
            var ids: [RecordKindName: String] = [
                .area: "area-milwaukee", .organization: "organization-mayors-innovation-project", .person: "person-tom-barrett",
                .topic: "topic-water", .source: "source-mayors-innovation-project-featured-news", .practice: "practice-de-escalating-conflicts", .event: "event-2018-winter-meeting",
            ]
            for kind in Self.libraryKindsInOrder {
                let body = Self.hostileBody(kind) { ids[$0] }
                try await Self.expectRefusals(of: kind, body: body, at: LibraryURL.apiList(kind).path, token: token, client)
                let created = try await sendJSON(client, .post, LibraryURL.apiList(kind).path, token: token, json: try Self.json(body))
                #expect(created.status == .created, "\(kind): \(created.text.prefix(300))")
                ids[kind.kindName] = try created.json()["id"]?.stringValue
            }
            #expect(try await count("practices", services) == LibraryDemo.practices.count + 1, "refused bodies wrote nothing")

            // The staff forms take the same payloads, and refuse a line break in the title.
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            for kind in Self.libraryKindsInOrder {
                var fields: [(String, String)] = []
                for (name, value) in Self.hostileBody(kind, reference: { ids[$0] }) where name != "slug" {
                    if let list = value as? [String] { fields += list.map { (name, $0) } } else { fields.append((name, "\(value)")) }
                }
                let refused = try await editor.post(client, LibraryURL.staffList(kind).path, fields.map { $0.0 == "title" ? ($0.0, "T\r\nBcc: victim@evil.example") : $0 })
                #expect(refused.status == .badRequest, "the \(kind) form took a line break in its title")
                let saved = try await editor.post(client, LibraryURL.staffList(kind).path, fields + [("slug", "form-hostile-\(kind.rawValue)")])
                #expect(saved.status == .seeOther, "\(kind) form: \(saved.status) \(saved.text.prefix(200))")
            }

            // An uploaded file whose name carries the payload: shown on pages, sent in a header.
            let upload = try await editor.upload(client, LibraryURL.staffResourceFile(ids[.resource]!).path,
                                                 filename: HostilePayloads.fitting(150) + ".pdf", bytes: ResourceFileTests.pdf)
            #expect(upload.status == .seeOther, "\(upload.text.prefix(200))")
            let download = try await client.execute(uri: "/resources/hostile-resource/file", method: .get)
            #expect(download.status == .ok)
            let disposition = download.headers[.contentDisposition] ?? ""
            #expect(disposition.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "the header is plain ASCII")
            #expect(disposition.components(separatedBy: "\"").count == 3, "the quoted name holds no quote of its own: \(disposition)")

            // Every page that shows them, with their JSON-LD.
            var pages = ["/", "/topics/water", "/events/2018-winter-meeting", "/areas/milwaukee", "/people/tom-barrett", "/organizations/mayors-innovation-project",
                         "/practices/de-escalating-conflicts"]
            for kind in Self.libraryKindsInOrder {
                pages += [LibraryURL.list(kind).path, LibraryURL.record(kind, "hostile-\(kind.rawValue)").path,
                          LibraryURL.record(kind, "form-hostile-\(kind.rawValue)").path,
                          LibraryURL.list(kind).path + "?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&topic=water"]
            }
            for path in pages {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path): \(response.status)")
                let problems = OutputChecks.html(response.text)
                #expect(problems.isEmpty, "\(path): \(problems)")
            }
            #expect(try await client.execute(uri: "/news/hostile-news", method: .get).text.contains("&quot;&gt;&lt;img src=x"),
                    "the news page shows the payload, escaped")
            // Signed in, a practice page shows its contacts too.
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            #expect(OutputChecks.html(try await member.get(client, "/practices/hostile-practice").text).isEmpty)
            for kind in Self.libraryKindsInOrder {
                for path in [LibraryURL.staffList(kind).path, LibraryURL.staffEdit(kind, ids[kind.kindName]!).path] {
                    let response = try await editor.get(client, path)
                    #expect(response.status == .ok, "\(path): \(response.status)")
                    #expect(OutputChecks.html(response.text).isEmpty, "\(path)")
                }
            }

            // The Atom feeds.
            for path in ["/news.atom", "/news.atom?topic=water"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok)
                #expect(response.text.contains("hostile") || response.text.contains("&lt;img"), "\(path) carries the item")
                let problems = OutputChecks.atom(response.text)
                #expect(problems.isEmpty, "\(path): \(problems)")
            }
            // The sitemap, which lists them.
            let sitemap = try await client.execute(uri: "/sitemap.xml", method: .get)
            #expect(sitemap.text.contains("/practices/hostile-practice<"), "the sitemap lists the new records")
            let sitemapProblems = OutputChecks.sitemap(sitemap.text, publicURL: services.configuration.publicURL)
            #expect(sitemapProblems.isEmpty, "\(sitemapProblems)")
            // The CSV export of practices (with cells a spreadsheet would run as formulas), and the import's preview of it.
            let formulas = try await sendJSON(client, .patch, "/api/v1/practices/hostile-practice", token: token,
                                              json: #"{"summary": "=HYPERLINK(\"http://evil.example\")", "cost": "@SUM(A1)", "staff_needed": "\u200D-1+1"}"#)
            #expect(formulas.status == .ok)
            let csv = try await client.execute(uri: "/practices.csv", method: .get)
            #expect(csv.status == .ok)
            let csvText = String(buffer: csv.body)
            #expect(csvText.contains("onerror"), "the export carries the payloads")
            let csvProblems = OutputChecks.quotedCSV(csvText, rows: try await count("practices", services) + 1)
            #expect(csvProblems.isEmpty, "\(csvProblems)")
            let preview = try await editor.post(client, "/staff/practices/import", [("csv", csvText), ("action", "preview")])
            #expect(preview.status == .ok, "\(preview.text.prefix(300))")
            #expect(OutputChecks.html(preview.text).isEmpty)
            #expect(preview.text.contains("rows are ready"), "the export imports back")
            // The same export chosen as a file: its text comes back in the form, escaped; a file
            // refused names the file, whose name the sender chose.
            let chosen = try await editor.upload(client, "/staff/practices/import", filename: "practices.csv", bytes: Array(csvText.utf8),
                                                 fields: [("action", "preview")])
            #expect(chosen.status == .ok, "\(chosen.text.prefix(300))")
            #expect(chosen.text.contains("rows are ready"))
            #expect(OutputChecks.html(chosen.text).isEmpty)
            let refusedFile = try await editor.upload(client, "/staff/practices/import", filename: HostilePayloads.singleLine + ".csv",
                                                      bytes: [0xFF, 0xFE, 0x00], fields: [("action", "preview")])
            #expect(refusedFile.status == .badRequest)
            #expect(refusedFile.text.contains("is not UTF-8 text"))
            #expect(OutputChecks.html(refusedFile.text).isEmpty)
            // A file read as Windows-1252 is previewed with a notice that names the file.
            let legacy = try await editor.upload(client, "/staff/practices/import", filename: HostilePayloads.singleLine + ".csv",
                                                 bytes: Array("title,status\nCaf".utf8) + [0xE9] + Array(",idea\n".utf8), fields: [("action", "import")])
            #expect(legacy.status == .ok, "\(legacy.text.prefix(300))")
            #expect(legacy.text.contains("so it was read as Windows-1252"))
            #expect(OutputChecks.html(legacy.text).isEmpty)
            // A search refused for its kind or year says what it was given: on the page, escaped.
            for parameter in ["kind", "year"] {
                let query = HostilePayloads.singleLine.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let refusedSearch = try await client.execute(uri: "/search?q=water&\(parameter)=\(query)", method: .get)
                #expect(refusedSearch.status == .badRequest, "\(parameter)")
                #expect(OutputChecks.html(refusedSearch.text).isEmpty, "\(parameter)")
                let api = try await client.execute(uri: "/api/v1/search?\(parameter)=\(query)", method: .get)
                #expect(api.status == .badRequest)
                #expect((try? JSONSerialization.jsonObject(with: Data(api.text.utf8))) != nil, "the refusal is JSON")
            }
            // The API: valid JSON served as JSON.
            for kind in Self.libraryKindsInOrder {
                for path in [LibraryURL.apiList(kind).path, LibraryURL.apiRecord(kind, "hostile-\(kind.rawValue)").path] {
                    let response = try await client.execute(uri: path, method: .get)
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                    #expect((try? JSONSerialization.jsonObject(with: Data(response.text.utf8))) != nil, "\(path) is not JSON")
                }
            }
        }
    }
}
