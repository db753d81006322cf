import Foundation

/// A directory record as stored: its id, slug, visibility and field values.
public struct RecordValues: Sendable {
    public let kind: RecordKind
    public let id: String
    public var slug: String?
    public var published: Bool
    public var values: [String: FieldValue]
    public var updatedAt: Date?

    public subscript(name: String) -> FieldValue { values[name] ?? .null }

    public func text(_ name: String) -> String? { self[name].text }

    public var title: String { text(kind.titleColumn) ?? id }

    /// The key used in public URLs: the slug where the kind has one.
    public var urlKey: String { slug ?? id }
}
