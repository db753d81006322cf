/// The name of a kind of record ("person", "topic", "practice"), as record links, record
/// lookups (`RecordLookup`) and reference fields name it. Each capability declares the names
/// of its own kinds as static members, so fields read `.references(.topic)`.
public struct RecordKindName: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
}
