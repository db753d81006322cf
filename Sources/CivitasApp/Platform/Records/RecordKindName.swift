/// The name of a kind of record ("person", "topic", "practice"), as record links, record
/// lookups (`RecordLookup`) and reference fields name it. Each capability declares the names
/// of its own kinds as static members, so fields read `.references(.topic)`.
public struct RecordKindName: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
}

/// What Platform's record tools (`RecordInput`, the field schemas) need to know of a kind of
/// record a capability keeps.
protocol RecordShape: Sendable {
    var kindName: RecordKindName { get }
    /// The path segment of its lists and API collection, e.g. "people".
    var plural: String { get }
    /// What a person calls one record of the kind, e.g. "Person".
    var label: String { get }
    var fields: [FieldSpec] { get }
    /// Whether records of the kind have a readable address (a slug) besides their id.
    var hasSlug: Bool { get }
}

extension RecordShape {
    func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}
