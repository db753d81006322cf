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

    /// Marks each required field without a value, unless it already has an error.
    func checkRequired(_ errors: inout [String: String]) {
        for field in kind.fields where errors[field.name] == nil && field.required && self[field.name] == .null {
            errors[field.name] = "is required"
        }
    }

    /// What a staff form's inputs show for the stored record.
    var formValues: [String: [String]] {
        var values: [String: [String]] = [:]
        for field in kind.fields {
            switch self[field.name] {
            case .ids(let ids): values[field.name] = ids
            case let value: values[field.name] = value.display.map { [$0] } ?? []
            }
        }
        return values
    }
}
