import Foundation

/// One record as a search index sees it: what to find it by and where it lives.
struct SearchDocument: Sendable, Equatable {
    /// The record's kind, as its capability names it ("person", "event"...).
    let kind: String
    let id: String
    let title: String
    /// The text the record is found by, besides its title.
    let body: String
    /// The public path of the record.
    let path: String
    let facets: [String: [String]]
    let date: Date?
}

/// How a capability hands its public records to a search index: every document at once
/// (to build the index) and the documents behind one published change (to keep it current).
protocol SearchDocumentSource: Sendable {
    /// Every public document of this capability, in pages.
    func documents(after cursor: String?, limit: Int) async throws -> [SearchDocument]
    /// The documents a change touched: the current version of each, and the ids to remove.
    func documents(for change: PublishedChange) async throws -> (current: [SearchDocument], removed: [String])
}
