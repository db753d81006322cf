import CivitasCore
import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Practices in CSV: export, preview, import")
struct PracticeCSVTests {
    static func importing(_ csv: String, action: String, as browser: Browser, _ client: any TestClientProtocol) async throws -> TestResponse {
        try await browser.post(client, "/staff/practices/import", [("csv", csv), ("action", action)])
    }

    @Test("The export lists published practices with slugs for what they point at, and imports back unchanged", arguments: TestDatabase.all)
    func exportRoundTrip(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let export = try await client.execute(uri: "/practices.csv", method: .get)
            #expect(export.status == .ok)
            #expect(export.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(export.headers[.contentDisposition] == "attachment; filename=\"practices.csv\"")
            let rows = try CSVReader.rows(String(buffer: export.body))
            #expect(rows[0].fields == PracticeCSV.header)
            #expect(!rows[0].fields.contains("contact_slugs"), "contacts are private")
            #expect(rows.count - 1 == LibraryDemo.practices.count)
            let header = rows[0].fields
            let milwaukee = try #require(rows.first { $0.fields[0] == "pro-athletes-as-a-community-bridge" }?.fields)
            #expect(milwaukee[header.firstIndex(of: "city_slugs")!] == "milwaukee")
            #expect(milwaukee[header.firstIndex(of: "topic_slugs")!] == "public-safety")

            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let before = try await services.database.sql.select().column("updated_at").from("practices").all().count
            let preview = try await Self.importing(String(buffer: export.body), action: "preview", as: editor, client)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("\(LibraryDemo.practices.count) rows are ready: 0 new practices, \(LibraryDemo.practices.count) changed"))
            let imported = try await Self.importing(String(buffer: export.body), action: "import", as: editor, client)
            #expect(imported.status == .seeOther)
            #expect(try await count("practices", services) == before)
            let again = try await client.execute(uri: "/practices.csv", method: .get)
            #expect(String(buffer: again.body) == String(buffer: export.body), "an export imported back changes nothing")
        }
    }

    @Test("A preview writes nothing; an import writes every row, or none when one is wrong", arguments: TestDatabase.all)
    func previewAndImport(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let before = try await count("practices", services)
            let good = """
                title,status,city_slugs,topic_slugs,summary,adapted_from_slug,slug
                Night buses,pilot,milwaukee,transit,"Buses all night, every 20 minutes",,night-buses
                Night buses in Baltimore,idea,baltimore,transit; public-safety,,night-buses,
                """
            let preview = try await Self.importing(good, action: "preview", as: editor, client)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("2 rows are ready: 2 new practices, 0 changed"))
            #expect(try await count("practices", services) == before, "a preview writes nothing")

            let bad = good + "\nSelf-made,active,,,,self-made,self-made\nUnknown topic,active,,no-such-topic,,,\n,pilot,,,,,\n"
            let refused = try await Self.importing(bad, action: "import", as: editor, client)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("3 of 5 rows have errors"))
            #expect(refused.text.contains("adapted_from_id: a practice cannot be adapted from itself"))
            #expect(refused.text.contains("topic_ids: no topic has the slug \"no-such-topic\""))
            #expect(refused.text.contains("title: is required"))
            #expect(try await count("practices", services) == before, "nothing half-written")

            let imported = try await Self.importing(good, action: "import", as: editor, client)
            #expect(imported.status == .seeOther)
            #expect(try await count("practices", services) == before + 2)
            let adapted = try await client.execute(uri: "/api/v1/practices/night-buses-in-baltimore", method: .get)
            #expect(try adapted.json()["adapted_from_id"]?.stringValue == (try await client.execute(uri: "/api/v1/practices/night-buses", method: .get).json()["id"]?.stringValue))
            #expect(String(buffer: try await client.execute(uri: "/practices/night-buses", method: .get).body).contains("Cities that did this"))
        }
    }

    @Test("A CSV file chosen from a spreadsheet (commas or semicolons) is previewed, then imported as previewed; one Excel saved in Windows-1252 or UTF-16 is read and always previewed first; a file that is not text is refused, saying how to save it", arguments: TestDatabase.all)
    func chosenFile(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let before = try await count("practices", services)
            // As a spreadsheet saves "CSV UTF-8": a byte-order mark, CRLF line ends, accents.
            let text = "title,status,city_slugs,summary\r\nCafés that stay open for the cold,pilot,milwaukee,\"Warm rooms, all night\"\r\n"
            let file = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            let preview = try await editor.upload(client, "/staff/practices/import", filename: "practices.csv", bytes: file,
                                                  fields: [("action", "preview"), ("csv", "")])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("1 rows are ready: 1 new practices, 0 changed"))
            #expect(try await count("practices", services) == before, "a preview writes nothing")
            // The preview carries the file's text, so the import sends what was previewed.
            let carried = try #require(preview.text.range(of: #"<textarea[^>]*name="csv"[^>]*>([^<]*)</textarea>"#, options: .regularExpression))
            #expect(preview.text[carried].contains("Cafés that stay open for the cold,pilot,milwaukee,&quot;Warm rooms, all night&quot;")
                    || preview.text[carried].contains("Cafés that stay open for the cold,pilot,milwaukee,\"Warm rooms, all night\""))
            let imported = try await Self.importing(text, action: "import", as: editor, client)
            #expect(imported.status == .seeOther)
            #expect(try await count("practices", services) == before + 1)
            let page = try await client.execute(uri: "/practices/cafes-that-stay-open-for-the-cold", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("Warm rooms, all night"))

            // Saved where a comma is the decimal mark: semicolons between fields, lists quoted.
            let semicolons = "title;status;topic_slugs;cost\r\nNight buses in Lyon;idea;\"transit;public-safety\";1,5 million euros\r\n"
            let european = try await editor.upload(client, "/staff/practices/import", filename: "pratiques.csv", bytes: Array(semicolons.utf8),
                                                   fields: [("action", "import")])
            #expect(european.status == .seeOther, "\(european.text.prefix(600))")
            let lyon = try await client.execute(uri: "/api/v1/practices/night-buses-in-lyon", method: .get).json()
            #expect(lyon["cost"]?.stringValue == "1,5 million euros", "\(lyon)")
            #expect(lyon["topic_ids"] == .array([.string("topic-public-safety"), .string("topic-transit")]) || lyon["topic_ids"] == .array([.string("topic-transit"), .string("topic-public-safety")]), "\(lyon)")

            // Excel's plain "CSV" on Windows (Windows-1252: é, curly quotes, a dash) and its
            // "Unicode text" (UTF-16 with a mark): read, and previewed even when "import" was
            // asked, saying how the file was read; the preview's text box carries it as read, so
            // the import that follows sends what the person checked.
            // é, en dash, and curly quotes are 0xE9, 0x96, 0x93 and 0x94 in Windows-1252.
            let windows: [UInt8] = "title,status,summary\r\nCafé heat – winter,idea,“Warm”\r\n".unicodeScalars.map { scalar in
                switch scalar { case "–": 0x96; case "“": 0x93; case "”": 0x94; default: UInt8(scalar.value) }
            }
            var utf16: [UInt8] = [0xFF, 0xFE]
            for unit in "title,status\r\nBogotá bike lanes,active\r\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            for (bytes, encoding, title, summary) in [(windows, "Windows-1252", "Café heat – winter", "“Warm”"), (utf16, "UTF-16", "Bogotá bike lanes", nil)] {
                let before = try await count("practices", services)
                let previewed = try await editor.upload(client, "/staff/practices/import", filename: "excel.csv", bytes: bytes, fields: [("action", "import")])
                #expect(previewed.status == .ok, "\(encoding): \(previewed.text.prefix(600))")
                #expect(previewed.text.contains("so it was read as \(encoding)"), "\(encoding)")
                #expect(previewed.text.contains("1 rows are ready: 1 new practices"), "\(encoding)")
                #expect(try await count("practices", services) == before, "\(encoding): a file read in a legacy encoding is not imported unseen")
                let carried = try #require(previewed.text.range(of: #"<textarea[^>]*name="csv"[^>]*>([^<]*)</textarea>"#, options: .regularExpression))
                let text = String(previewed.text[carried]).replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: #"^<textarea[^>]*>"#, with: "", options: .regularExpression).replacingOccurrences(of: "</textarea>", with: "")
                #expect(text.contains(title), "\(encoding): \(text)")
                let imported = try await Self.importing(text, action: "import", as: editor, client)
                #expect(imported.status == .seeOther, "\(encoding): \(imported.text.prefix(600))")
                let practice = try await client.execute(uri: "/api/v1/practices/\(Slug.make(from: title))", method: .get).json()
                #expect(practice["title"]?.stringValue == title)
                if let summary { #expect(practice["summary"]?.stringValue == summary) }
            }

            // Not text in any of those encodings, or holding control characters: refused, nothing written.
            for (bytes, message) in [(Array("title,status\nCaf".utf8) + [0x81] + Array(",idea\n".utf8), "is not UTF-8 text, nor UTF-16 or Windows-1252. Save it from the spreadsheet as"),
                                     ([0xFF, 0xFE, 0x00], "is not UTF-8 text"),
                                     (Array("%PDF-1.7\n".utf8) + [0, 1, 2, 0xFF], "contains control characters, so it is not a CSV file"),
                                     (Array("title,status\nX,idea\u{0}\n".utf8), "contains control characters")] {
                let refused = try await editor.upload(client, "/staff/practices/import", filename: "old.csv", bytes: bytes, fields: [("action", "import")])
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("&quot;old.csv&quot; " + message) || refused.text.contains("\"old.csv\" " + message), "\(message)")
            }
            #expect(try await count("practices", services) == before + 4, "the four files imported, nothing of those refused")
        }
    }

    @Test("A file that cannot be read is a 400 saying why; members may not import", arguments: TestDatabase.all)
    func unreadable(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let cases: [(String, String)] = [
                ("summary\nOnly a summary\n", "lacks the columns: title, status"),
                ("title,status,colour\nX,idea,red\n", "Unknown columns: colour"),
                ("title,status\n\"Open quote,idea\n", "a quoted field is not closed"),
                ("title,status\nX,idea,extra\n", "Line 2 has 3 fields; the header has 2"),
                ("title,status\n", "no practices under its header"),
                ("", "The CSV is empty"),
            ]
            for (csv, message) in cases {
                let answer = try await PracticeCSVTests.importing(csv, action: "import", as: editor, client)
                #expect(answer.status == .badRequest, "\(csv)")
                #expect(answer.text.contains(message), "\(csv): \(message)")
            }
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            #expect(try await PracticeCSVTests.importing("title,status\nX,idea\n", action: "import", as: member, client).status == .forbidden)
            #expect(try await count("practices", services) == LibraryDemo.practices.count)
        }
    }
}
