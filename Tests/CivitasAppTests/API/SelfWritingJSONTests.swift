import CivitasCore
import Foundation
import Testing
@testable import CivitasApp

/// Bodies that write their own JSON write what their `Encodable` conformance gives Foundation's
/// `JSONEncoder` with `.sortedKeys`: the same members, values, order and escapes.
@Suite("Bodies that write their own JSON")
struct SelfWritingJSONTests {
    private static let foundation = FoundationJSON.sortedKeys

    private func ours<T: Encodable>(_ value: T) throws -> String { String(decoding: try SortedKeysJSONEncoder().encode(value), as: UTF8.self) }
    private func foundations<T: Encodable>(_ value: T) throws -> String { String(decoding: try Self.foundation.encode(value), as: UTF8.self) }

    @Test("Every directory record of the demo, alone, in a list and nested in another value", arguments: TestDatabase.all)
    func directoryRecords(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { _, services in
            let store = RecordStore(sql: services.database.reads)
            let api = DirectoryAPI(services: services)
            var seen: Set<String> = []
            for kind in RecordKind.allCases {
                let (records, total) = try await store.list(kind, .init(offset: 0, limit: 1000, publishedOnly: false))
                #expect(records.count == total && total > 0, "\(kind)")
                let bodies = try await api.bodies(records, kind: kind, store: store)
                let list = APIList(items: bodies, pagination: Pagination(page: 1, per: 1000), total: total)
                #expect(try ours(list) == foundations(list), "\(kind)")
                // Inside a value that encodes through an Encoder, as any other body might hold one.
                let nested = ["first": bodies.first, "none": nil]
                #expect(try ours(nested) == foundations(nested), "\(kind)")
                for body in bodies {
                    #expect(try ours(body) == foundations(body), "\(kind) \(body.id)")
                    if body.slug == nil { seen.insert("no slug") }
                    if body.otherNames?.isEmpty == false { seen.insert("other names") }
                    if body.member != nil { seen.insert("member") }
                    if body.memberships?.isEmpty == false { seen.insert("memberships") }
                    if body.sources.isEmpty { seen.insert("no sources") } else { seen.insert("sources") }
                }
            }
            // The demo reaches every optional member, so each way of writing one was compared.
            #expect(seen.isSuperset(of: ["no slug", "other names", "member", "memberships", "sources"]), "\(seen)")
        }
    }

    @Test("Every library record of the demo, alone, in a list and nested, with and without a file", arguments: TestDatabase.all)
    func libraryRecords(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { _, services in
            let store = LibraryStore(sql: services.database.reads)
            let publicURL = services.configuration.publicURL
            for kind in LibraryKind.allCases {
                let (records, total) = try await store.list(kind, LibraryFilter(publishedOnly: false, offset: 0, limit: 1000))
                #expect(records.count == total && total > 0, "\(kind)")
                let bodies = records.map { LibraryRecordBody($0, publicURL: publicURL) }
                let list = APIList(items: bodies, pagination: Pagination(page: 1, per: 1000), total: total)
                #expect(try ours(list) == foundations(list), "\(kind)")
                let nested = ["first": bodies.first, "none": nil]
                #expect(try ours(nested) == foundations(nested), "\(kind)")
                for body in bodies { #expect(try ours(body) == foundations(body), "\(kind) \(body.id)") }
                if kind == .resource, let record = records.first {
                    // A resource with a file names it; without one, `file` is null.
                    let file = ResourceFile(hash: "abc", name: "Guide \"2024\" </script>.pdf", type: .pdf, size: 1234)
                    let withFile = LibraryRecordBody(record, publicURL: publicURL, file: file)
                    #expect(try ours(withFile) == foundations(withFile))
                    #expect(try ours(withFile).contains(#""file":{"media_type":"application\/pdf""#), "slashes escaped, as Foundation does")
                    #expect(try ours(bodies[0]).contains("\"file\":null"))
                }
            }
        }
    }

    @Test("Hostile text in every kind of member is escaped as Foundation escapes it")
    func hostileText() throws {
        let hostile = "</script>\"quote\" back\\slash /path \u{0}\u{1b}\u{8}\u{c}\n\r\t\u{7f}\u{2028} é 😀"
        let link = SourceLink(id: hostile, url: "https://example.org/?a=\"b\"&c=/", note: hostile)
        let page = PageInfo(page: 2, per: 10, total: 11)
        #expect(try ours(link) == foundations(link))
        #expect(try ours(page) == foundations(page))
        let list = APIList(items: [link, link], pagination: Pagination(page: 1, per: 2), total: 2)
        #expect(try ours(list) == foundations(list))
        let empty = APIList(items: [SourceLink](), pagination: Pagination(page: 1, per: 2), total: 0)
        #expect(try ours(empty) == foundations(empty))
    }
}
