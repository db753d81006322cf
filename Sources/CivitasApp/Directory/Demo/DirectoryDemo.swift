import FluentKit
import Foundation

/// The directory part of the demo network: the people, cities, organizations, posts and
/// memberships named in the five source documents, each citing the document it came from.
/// Records go through `SaveRecord`, so the demo obeys the same rules as staff input.
enum DirectoryDemo {
    struct Item {
        let kind: RecordKind
        /// The slug, or for memberships a stable key.
        let key: String
        let fields: [String: String]
        var sources: [String] = []
        var topics: [String] = []
    }

    /// Demo records get readable, stable ids: `person-eric-garcetti`.
    static func id(_ kind: RecordKind, _ key: String) -> String { "\(kind.rawValue)-\(key)" }

    static var items: [Item] {
        sources + topics + areas + organizations + people + posts + memberships
    }

    static func load(on db: any Database, now: Date) async throws {
        for item in items {
            var input = RecordInput(form: .init(), kind: item.kind)
            for (name, value) in item.fields {
                guard let field = item.kind.field(name) else { fatalError("Demo field \(name) is not a field of \(item.kind)") }
                if case .reference(let targetName) = field.kind, let target = RecordKind(targetName) {
                    input.raw[name] = .single(id(target, value))
                } else {
                    input.raw[name] = .single(value)
                }
            }
            if item.kind.field("source_ids") != nil { input.raw["source_ids"] = .multiple(item.sources.map { id(.source, $0) }) }
            if item.kind.field("topic_ids") != nil { input.raw["topic_ids"] = .multiple(item.topics.map { id(.topic, $0) }) }
            if item.kind.hasSlug { input.slug = item.key }
            let outcome = try await SaveRecord(kind: item.kind, id: nil, input: input, actor: .demoLoader, newID: id(item.kind, item.key))
                .run(on: db, now: now)
            if case .invalid(let error) = outcome {
                throw DemoError(description: "Demo \(item.kind.rawValue) \(item.key) is invalid: \(error.message) \(error.fieldErrors)")
            }
        }
    }

    struct DemoError: Error, CustomStringConvertible { let description: String }
}
