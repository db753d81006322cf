import SQLKit

/// A record another capability keeps, as a capability that refers to it needs it: to link
/// to it and name it. Kinds are the keeping capability's words ("person", "organization",
/// "area", "topic", "source" for the directory).
struct RecordReference: Sendable, Equatable, Hashable {
    let kind: String
    let id: String
    let slug: String
    let title: String
    /// Its public page.
    let link: SiteLink
}

/// A record named by kind and id, as stored by a capability that refers to it.
struct RecordKey: Sendable, Hashable {
    let kind: String
    let id: String
}

/// Lookups into the records one capability keeps, for the capabilities that refer to them
/// (events name hosts, speakers, places, topics and sources of the directory), and the topic
/// and source links their records carry, which the keeping capability stores. It provides
/// this in its manifest (`recordLookup`); the others use it through `AppServices.site.records`
/// and never name its tables or types. Every read answers from one query, however many
/// records are asked for.
protocol RecordLookup: Sendable {
    /// The kinds of record this lookup answers for.
    var kinds: Set<String> { get }
    /// The same lookup reading through `sql`: inside a write transaction, its connection
    /// (on SQLite the only writer; another connection would wait for it).
    func reading(through sql: any SQLDatabase) -> any RecordLookup
    /// The published records among `keys` (unknown and unpublished ones are left out).
    func references(_ keys: [RecordKey]) async throws -> [RecordKey: RecordReference]
    /// Which of these ids exist, published or not, for checking a write.
    func existing(kind: String, ids: [String]) async throws -> Set<String>
    /// Every record of a kind by title (for staff forms, published or not; for public
    /// filters, published only).
    func choices(kind: String, publishedOnly: Bool) async throws -> [RecordReference]
    /// `choices` as a read not yet run, for a page to send with its own reads (`together`).
    func choicesRead(kind: String, publishedOnly: Bool) -> PendingRead<[RecordReference]>
    /// A published record by id or slug.
    func find(kind: String, key: String) async throws -> RecordReference?
    /// Published topics and sources linked to records of another capability (`subjectKind`
    /// "event"), by subject id; `linkKind` is "topic" or "source".
    func linked(_ linkKind: String, toSubjects subjectKind: String, ids: [String]) async throws -> [String: [RecordReference]]
    /// `linked` as a read not yet run, for a page to send with its own reads (`together`).
    func linkedRead(_ linkKind: String, toSubjects subjectKind: String, ids: [String]) -> PendingRead<[String: [RecordReference]]>
    /// The ids of every record of `linkKind` a subject is linked to, published or not (an edit form).
    func linkedIDs(_ linkKind: String, ofSubject subjectKind: String, id: String) async throws -> [String]
    /// Links a subject to exactly these records of `linkKind` (in the caller's transaction,
    /// through `reading(through:)`): the keeping capability stores the links.
    func setLinks(_ linkKind: String, ofSubject subjectKind: String, id: String, to ids: [String]) async throws
    /// The ids of subjects of `subjectKind` linked to the published record `key` (id or slug) of `linkKind`.
    func subjects(_ subjectKind: String, linkedTo linkKind: String, key: String) async throws -> [String]
    /// The id of the published record `key` and of the records directly part of it (a region
    /// and its cities), for filters that take a place to include what lies in it.
    func withParts(kind: String, key: String) async throws -> [String]
    /// Published cities and towns with their size, country and region (see `PlaceFacts`), as a
    /// read not yet run, so a page can send it with its own reads.
    func placesRead(ids: [String]?) -> PendingRead<[PlaceFacts]>
    /// `placesRead` run through the lookup's own connection (a write transaction's, when it reads through one).
    func places(ids: [String]?) async throws -> [PlaceFacts]
}

/// Every installed `RecordLookup`, each asked for the kinds it keeps. A kind no module keeps
/// answers nothing (its references are left out, as unpublished ones are).
struct RecordLookups: Sendable {
    let lookups: [any RecordLookup]

    /// Every lookup reading through this connection (a write transaction's).
    func reading(through sql: any SQLDatabase) -> RecordLookups {
        RecordLookups(lookups: lookups.map { $0.reading(through: sql) })
    }

    private func lookup(_ kind: String) -> (any RecordLookup)? { lookups.first { $0.kinds.contains(kind) } }

    func references(_ keys: [RecordKey]) async throws -> [RecordKey: RecordReference] {
        var result: [RecordKey: RecordReference] = [:]
        for lookup in lookups {
            let mine = keys.filter { lookup.kinds.contains($0.kind) }
            guard !mine.isEmpty else { continue }
            let found = try await lookup.references(mine)
            // Most pages name records of one capability only: its answer is the answer, not
            // copied key by key into another dictionary.
            if result.isEmpty { result = found } else { result.merge(found) { $1 } }
        }
        return result
    }

    func reference(_ key: RecordKey) async throws -> RecordReference? { try await references([key])[key] }

    func existing(kind: String, ids: [String]) async throws -> Set<String> {
        guard !ids.isEmpty, let lookup = lookup(kind) else { return [] }
        return try await lookup.existing(kind: kind, ids: ids)
    }

    func choices(kind: String, publishedOnly: Bool = false) async throws -> [RecordReference] {
        try await lookup(kind)?.choices(kind: kind, publishedOnly: publishedOnly) ?? []
    }

    func choicesRead(kind: String, publishedOnly: Bool = false) -> PendingRead<[RecordReference]> {
        lookup(kind)?.choicesRead(kind: kind, publishedOnly: publishedOnly) ?? .known([])
    }

    func find(kind: String, key: String) async throws -> RecordReference? { try await lookup(kind)?.find(kind: kind, key: key) }

    func linked(_ linkKind: String, toSubjects subjectKind: String, ids: [String]) async throws -> [String: [RecordReference]] {
        guard !ids.isEmpty, let lookup = lookup(linkKind) else { return [:] }
        return try await lookup.linked(linkKind, toSubjects: subjectKind, ids: ids)
    }

    func linkedRead(_ linkKind: String, toSubjects subjectKind: String, ids: [String]) -> PendingRead<[String: [RecordReference]]> {
        guard !ids.isEmpty, let lookup = lookup(linkKind) else { return .known([:]) }
        return lookup.linkedRead(linkKind, toSubjects: subjectKind, ids: ids)
    }

    func linkedIDs(_ linkKind: String, ofSubject subjectKind: String, id: String) async throws -> [String] {
        try await lookup(linkKind)?.linkedIDs(linkKind, ofSubject: subjectKind, id: id) ?? []
    }

    func setLinks(_ linkKind: String, ofSubject subjectKind: String, id: String, to ids: [String]) async throws {
        try await lookup(linkKind)?.setLinks(linkKind, ofSubject: subjectKind, id: id, to: ids)
    }

    func subjects(_ subjectKind: String, linkedTo linkKind: String, key: String) async throws -> [String] {
        try await lookup(linkKind)?.subjects(subjectKind, linkedTo: linkKind, key: key) ?? []
    }

    func withParts(kind: String, key: String) async throws -> [String] {
        try await lookup(kind)?.withParts(kind: kind, key: key) ?? []
    }
}
