import Foundation

/// A record as stored, of any kind a capability declares as a `RecordShape`: its id, slug,
/// visibility and field values.
struct RecordRow<Kind: RecordShape>: Sendable {
    let kind: Kind
    let id: String
    var slug: String?
    var published: Bool
    var values: [String: FieldValue]
    var updatedAt: Date?

    subscript(name: String) -> FieldValue { values[name] ?? .null }

    func text(_ name: String) -> String? { self[name].text }

    var title: String { text(kind.titleColumn) ?? id }

    /// The key used in public URLs: the slug where the kind has one.
    var urlKey: String { slug ?? id }
}
