/// What library answers show and library writes change, in the words of `ChangeTopic`.
enum LibraryTopics {
    /// Library pages show library records and the records they link to (the directory's
    /// cities, people, organizations, topics and sources; events), named here by kind.
    static let all: [ChangeTopic] = LibraryKind.allCases.map { .every($0.rawValue) }
        + ["area", "person", "organization", "topic", "source", RecordKindName.event.rawValue].map { .every($0) }

    /// Staff and members' submission pages are never cached; the kind names what changed.
    static let submissions = PublishedChange([.every("practice.submission")])

    static func changed(_ record: LibraryRecord) -> PublishedChange {
        .record(record.kind.rawValue, keys: [record.id, record.slug])
    }
}
