import Foundation

/// One field's value as read from a form, a JSON body or a row.
public enum FieldValue: Sendable, Equatable {
    case null
    case text(String)
    case integer(Int)
    case decimal(Double)
    case ids([String])

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// How the audit log and forms show it.
    var display: String? {
        switch self {
        case .null: nil
        case .text(let value): value
        case .integer(let value): String(value)
        case .decimal(let value): String(value)
        case .ids(let ids): ids.isEmpty ? nil : ids.sorted().joined(separator: ",")
        }
    }

    var json: JSONValue {
        switch self {
        case .null: .null
        case .text(let value): .string(value)
        case .integer(let value): .int(value)
        case .decimal(let value): .double(value)
        case .ids(let ids): .array(ids.map { .string($0) })
        }
    }
}

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
