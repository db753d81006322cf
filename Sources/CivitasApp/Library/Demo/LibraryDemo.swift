import CivitasCore
import FluentKit
import Foundation

/// The library part of the demo network: the practices, resources and news items in the
/// source documents, each citing the document it comes from, saved through the same command
/// staff use. Only facts the documents give; a practice's status is what the document shows
/// at its date (a tactic a mayor described as in place is "active").
enum LibraryDemo {
    struct Item {
        let kind: LibraryKind
        let slug: String
        var fields: [String: String]
        /// Link fields: field name to the slugs (directory kinds) or slugs (library kinds) they point at.
        var links: [String: [String]] = [:]
        let source: String
    }

    static func id(_ kind: String, _ slug: String) -> String { "\(kind)-\(slug)" }

    static var items: [Item] { practices + resources + news }

    static func load(on db: any Database, services: AppServices) async throws {
        for item in items {
            var input = RecordInput(form: .init(), kind: item.kind)
            for (name, value) in item.fields {
                guard let field = item.kind.field(name) else { fatalError("Demo field \(name) is not a field of \(item.kind)") }
                if case .reference(let target) = field.kind { input.raw[name] = .single(id(target.rawValue, value)) } else { input.raw[name] = .single(value) }
            }
            var links = item.links
            links["source_ids", default: []].append(item.source)
            for (name, slugs) in links {
                guard let field = item.kind.field(name), case .references(let target) = field.kind else { fatalError("Demo link \(name) of \(item.kind)") }
                input.raw[name] = .multiple(slugs.map { id(target.rawValue, $0) })
            }
            input.slug = item.slug
            let outcome = try await SaveLibraryRecord(kind: item.kind, id: nil, input: input, actor: .demoLoader, newID: id(item.kind.rawValue, item.slug))
                .run(on: db, services: services)
            if case .invalid(let error) = outcome {
                throw DemoError(description: "Demo \(item.kind.rawValue) \(item.slug) is invalid: \(error.message) \(error.fieldErrors)")
            }
        }
    }

    struct DemoError: Error, CustomStringConvertible { let description: String }

    // Source slugs of the directory's demo (`DemoSources`), named here by slug.
    static let winterMeeting2018 = "uscm-winter-meeting-2018-highlights"
    static let featuredNews = "mayors-innovation-project-featured-news"
    static let resilientMigration = "100rc-global-migration-lead-for-change"
    static let globalMayorsSummit = "global-mayors-summit-2017-programme"
}
