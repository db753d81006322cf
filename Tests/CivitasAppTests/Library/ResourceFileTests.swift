import CivitasCore
import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("A resource's uploaded file")
struct ResourceFileTests {
    /// A small, real PDF.
    static let pdf = Array("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)

    /// A minimal ZIP with the given entry names (stored, empty), as office files are made.
    static func zip(_ names: [String]) -> [UInt8] {
        var local: [UInt8] = [], central: [UInt8] = []
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        for name in names {
            let offset = local.count
            let bytes = Array(name.utf8)
            local += [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + le32(0) + le16(bytes.count) + le16(0) + bytes
            central += [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + le32(0)
                + le16(bytes.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + bytes
        }
        return local + central + [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(names.count) + le16(names.count) + le32(central.count) + le32(local.count) + le16(0)
    }

    @Test("Types are decided by content: PDF, Office Open XML and OpenDocument; anything else is refused")
    func detection() {
        #expect(DocumentType.detect(Self.pdf) == .pdf)
        #expect(DocumentType.detect(Self.zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"])) == .docx)
        #expect(DocumentType.detect(Self.zip(["[Content_Types].xml", "xl/workbook.xml"])) == .xlsx)
        #expect(DocumentType.detect(Self.zip(["[Content_Types].xml", "ppt/presentation.xml"])) == .pptx)
        #expect(DocumentType.detect(Self.zip(["mimetype"])) == nil, "an OpenDocument without its type")
        #expect(DocumentType.detect(Self.zip(["evil.html"])) == nil, "a plain archive")
        #expect(DocumentType.detect(Array("<html><script>alert(1)</script>".utf8)) == nil)
        #expect(DocumentType.detect([0x50, 0x4B, 0x03, 0x04]) == nil, "a truncated archive")
        #expect(DocumentType.detect([]) == nil)
    }

    @Test("Staff upload a PDF; anyone downloads it with its type and a safe name; refusals write nothing", arguments: TestDatabase.all)
    func uploadAndDownload(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let id = "resource-urban-parking"
            let name = "Urban\tparking\u{7}.pdf"
            // A name with a line break is refused; so are a page mislabelled as PDF and an empty file.
            let broken = try await editor.upload(client, "/staff/resources/\(id)/file", filename: name, bytes: Self.pdf)
            #expect(broken.status == .badRequest)
            let html = try await editor.upload(client, "/staff/resources/\(id)/file", filename: "report.pdf", bytes: Array("<html><script>alert(1)</script></html>".utf8))
            #expect(html.status == .unsupportedMediaType)
            #expect(html.text.contains("whatever its name says"))
            #expect(try await editor.upload(client, "/staff/resources/\(id)/file", filename: "empty.pdf", bytes: []).status == .badRequest)
            #expect(try await count("stored_files", services) == 0, "nothing written")
            let tooLarge = try await editor.upload(client, "/staff/resources/\(id)/file", filename: "big.pdf",
                                                   bytes: Self.pdf + [UInt8](repeating: 0x20, count: StoredFiles.maximumBytes))
            #expect(tooLarge.status == .contentTooLarge)

            let safeName = "Urban \"parking\"; é.pdf"
            let uploaded = try await editor.upload(client, "/staff/resources/\(id)/file", filename: safeName, bytes: Self.pdf)
            #expect(uploaded.status == .seeOther)
            #expect(try await editor.get(client, "/staff/resources/\(id)/edit").text.contains("PDF, 1 KB"))

            let download = try await client.execute(uri: "/resources/urban-parking/file", method: .get)
            #expect(download.status == .ok)
            #expect(Array(buffer: download.body) == Self.pdf)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition] == #"attachment; filename="Urban _parking__ _.pdf"; filename*=UTF-8''Urban%20%22parking%22%3B%20%C3%A9.pdf"#)
            #expect(download.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)

            let page = String(buffer: try await client.execute(uri: "/resources/urban-parking", method: .get).body)
            #expect(page.contains(#"href="/resources/urban-parking/file""#))
            #expect(page.contains("Urban \"parking\"; é.pdf") || page.contains("Urban &quot;parking&quot;; é.pdf"))
            let media = try #require(DirectoryPageTests.described(page)?["associatedMedia"], "the file is the resource's associated media")
            #expect(media["contentUrl"] == "http://127.0.0.1:8080/resources/urban-parking/file")
            #expect(media["encodingFormat"] == "application/pdf" && media["name"] == .string(safeName))
            let api = try await client.execute(uri: "/api/v1/resources/urban-parking", method: .get).json()
            #expect(api["file"]?["media_type"]?.stringValue == "application/pdf")
            #expect(api["file"]?["size"] == .int(Self.pdf.count))

            // The same bytes again are kept once; removing the file takes the download away.
            #expect(try await editor.upload(client, "/staff/resources/resource-cities-at-work/file", filename: "copy.pdf", bytes: Self.pdf).status == .seeOther)
            #expect(try await count("stored_files", services) == 1)
            #expect(try await editor.post(client, "/staff/resources/\(id)/file/remove", []).status == .seeOther)
            #expect(try await client.execute(uri: "/resources/urban-parking/file", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/resources/urban-parking", method: .get).json()["file"] == .null)

            // An unpublished resource's file is not served; a member may not upload; a visitor may not send files at all.
            #expect(try await editor.post(client, "/staff/resources/resource-cities-at-work/unpublish", []).status == .seeOther)
            #expect(try await client.execute(uri: "/resources/cities-at-work/file", method: .get).status == .notFound)
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            #expect(try await member.upload(client, "/staff/resources/\(id)/file", filename: "x.pdf", bytes: Self.pdf).status == .forbidden)
            #expect(try await Browser().upload(client, "/events/2018-winter-meeting/register", filename: "x.pdf", bytes: Self.pdf).status == .unsupportedMediaType)
            let actions = try await services.database.sql.select().column("action").from("audit_events").where("subject_id", .equal, id).all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.sorted() == ["attach_file", "create", "remove_file"], "the demo's creation, then the upload and the removal")
        }
    }
}
