import Foundation

/// One field's value as read from a form, a JSON body or a row.
public enum FieldValue: Sendable, Equatable {
    case null
    case text(String)
    case integer(Int)
    case decimal(Double)
    case ids([String])
    case flag(Bool)

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
        case .flag(let flag): flag ? "yes" : "no"
        }
    }

    var json: JSONValue {
        switch self {
        case .null: .null
        case .text(let value): .string(value)
        case .integer(let value): .int(value)
        case .decimal(let value): .double(value)
        case .ids(let ids): .array(ids.map { .string($0) })
        case .flag(let flag): .bool(flag)
        }
    }
}
