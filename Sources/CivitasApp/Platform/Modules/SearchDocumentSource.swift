import Foundation
import SQLKit

/// One record as a search index sees it: what to find it by, what identifies it in a list of
/// results, the values it is counted under in each facet, and whether the public may see it
/// (staff search drafts and members' submissions too; nobody else finds them).
struct SearchDocument: Sendable, Equatable {
    /// The record's kind, as its capability names it ("person", "event", "practice"...).
    let kind: String
    let id: String
    let slug: String?
    let title: String
    /// The text the record is found by besides its title (summary, description, body...).
    let body: String
    /// The public path of the record.
    let path: String
    /// What identifies it among results: a person's office, a practice's city, an event's date and place.
    let facts: String?
    /// Its date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): recent records rank first at equal relevance.
    let date: String?
    /// Facet values besides its kind and year (which come from `kind` and `date`): topics, cities, countries.
    let facets: [SearchFacetValue]
    /// Published: found by everyone; otherwise by staff only.
    var isPublic: Bool = true
}

/// A value a record is counted under in a facet ("topic" "housing" "Housing").
struct SearchFacetValue: Sendable, Equatable, Hashable {
    let facet: String
    let value: String
    let label: String
}

/// How a capability hands its records to the search index: every document of a kind in pages
/// (to build the index), and the current documents of records a change named (to keep it
/// current). Unpublished records have documents too, marked not public; only text the public
/// may see of a record goes into its document.
protocol SearchDocumentSource: Sendable {
    /// The kinds this source answers for, with their names for people (plural), in the order
    /// the search page lists them.
    var searchKinds: [(kind: String, label: String)] { get }
    /// Kinds of other records whose names its documents carry as facet values or facts (topics,
    /// places): a change of one of them refreshes the documents counted under it.
    var namedKinds: Set<String> { get }
    /// The ids of the records of a kind after `cursor`, in id order, at most `limit` (what the
    /// index should hold, for a check).
    func ids(kind: String, after cursor: String?, limit: Int) async throws -> [String]
    /// How many records of a kind there are (a rebuild's progress).
    func count(kind: String) async throws -> Int
    /// The documents of the records among `keys` (ids or slugs) of a kind.
    func documents(kind: String, keys: [String]) async throws -> [SearchDocument]
    /// The same source reading through `sql` (a transaction's connection).
    func reading(through sql: any SQLDatabase) -> any SearchDocumentSource
}

extension SearchDocumentSource {
    /// The documents of a kind with ids after `cursor`, in id order, at most `limit`: the
    /// records `ids` names, read as a change's would be.
    func documents(kind: String, after cursor: String?, limit: Int) async throws -> [SearchDocument] {
        try await documents(kind: kind, keys: try await ids(kind: kind, after: cursor, limit: limit)).sorted { $0.id < $1.id }
    }
}

extension RecordRow {
    /// The public text of a record besides its title: every one-line and long text field the
    /// public may see, in field order.
    var searchableText: String {
        kind.fields.compactMap { field -> String? in
            guard !field.isPrivate, field.name != kind.titleColumn else { return nil }
            switch field.kind {
            case .text, .longText: return text(field.name)
            default: return nil
            }
        }.joined(separator: "\n")
    }
}
