/// What Platform's record tools (`RecordInput`, the field schemas) need to know of a kind of
/// record a capability keeps.
protocol RecordShape: Sendable {
    var kindName: RecordKindName { get }
    /// The path segment of its lists and API collection, e.g. "people".
    var plural: String { get }
    /// What a person calls one record of the kind, e.g. "Person".
    var label: String { get }
    var fields: [FieldSpec] { get }
    /// The table its records are kept in.
    var table: String { get }
    /// The column that names a record in lists and links.
    var titleColumn: String { get }
    /// Whether records of the kind have a readable address (a slug) besides their id.
    var hasSlug: Bool { get }
}

extension RecordShape {
    func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}
