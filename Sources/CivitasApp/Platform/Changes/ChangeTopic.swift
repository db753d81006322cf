/// What a cached answer shows, and what a write changed, in the same words: a kind of
/// record ("person", "event", "event.registrations") and, for one record, its key (id or
/// slug; a change names each key of the records it touched).
///
/// An answer that shows a whole kind (a list, a count) says `.every(kind)`; it is dropped by
/// any change of that kind. An answer about one record says `.record(kind, key)`; it is
/// dropped by a change naming that record, or by a change of every record of the kind.
struct ChangeTopic: Hashable, Sendable, Codable, CustomStringConvertible {
    let kind: String
    /// Nil: every record of the kind.
    let key: String?

    static func every(_ kind: String) -> ChangeTopic { ChangeTopic(kind: kind, key: nil) }
    static func record(_ kind: String, _ key: String) -> ChangeTopic { ChangeTopic(kind: kind, key: key) }

    /// Whether an answer that shows `self` must be dropped after a change of `changed`.
    func isTouched(by changed: ChangeTopic) -> Bool {
        guard kind == changed.kind else { return false }
        guard let key, let changedKey = changed.key else { return true }
        return key == changedKey
    }

    var description: String { key.map { "\(kind):\($0)" } ?? "\(kind):*" }
}

/// What one committed write changed. Published once, after the transaction commits (see
/// `AppServices.write`): the page cache drops what shows it, other processes hear of it,
/// a search index can re-read the records.
struct PublishedChange: Sendable, Codable, Equatable {
    var topics: [ChangeTopic]

    init(_ topics: [ChangeTopic]) { self.topics = topics }

    /// A change to one record, named by each of its keys (its id, and its slug where it has one).
    static func record(_ kind: String, keys: [String?]) -> PublishedChange {
        PublishedChange(keys.compactMap { $0 }.filter { !$0.isEmpty }.map { .record(kind, $0) })
    }

    static let nothing = PublishedChange([])

    var isEmpty: Bool { topics.isEmpty }

    static func + (lhs: PublishedChange, rhs: PublishedChange) -> PublishedChange {
        PublishedChange(lhs.topics + rhs.topics.filter { !lhs.topics.contains($0) })
    }
}
