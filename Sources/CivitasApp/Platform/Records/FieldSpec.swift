/// One field of a record: its column (also its form and JSON name), how to read and check
/// it, and whether the public may see it. A capability declares each kind of record it keeps
/// as a list of these (`RecordShape.fields`), which drives the staff form, the checks of a
/// write, the API body and its schema.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable {
        case text(maxLength: Int)
        case longText
        case choice([String])
        /// A Popolo date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        case date
        case integer(minimum: Int)
        case decimal(minimum: Double, maximum: Double)
        case url
        case email
        case timeZone
        /// Yes or no (a featured news item); a form's unticked box is no.
        case flag
        case ocdDivision
        case countryCode
        /// The id of another record, stored in this column.
        case reference(RecordKindName)
        /// Ids of other records, kept in a link table.
        case references(RecordKindName)
    }

    public let name: String
    public let label: String
    public let kind: Kind
    public var required: Bool = false
    /// Private fields (contact details) are shown to staff only, never in public pages or the API.
    public var isPrivate: Bool = false
    public var help: String? = nil

    /// Fields kept in a link table rather than a column.
    public var isLink: Bool {
        if case .references = kind { return true }
        return false
    }

    /// Everything but long text is one line: names, labels, addresses, codes.
    public var isSingleLine: Bool {
        if case .longText = kind { return false }
        return true
    }

    public var isFlag: Bool {
        if case .flag = kind { return true }
        return false
    }

    public var isNumeric: Bool {
        switch kind {
        case .integer, .decimal: true
        default: false
        }
    }
}

extension FieldSpec {
    static func text(_ name: String, _ label: String, max: Int = 200, required: Bool = false, help: String? = nil) -> FieldSpec {
        FieldSpec(name: name, label: label, kind: .text(maxLength: max), required: required, help: help)
    }
    static func long(_ name: String, _ label: String) -> FieldSpec {
        FieldSpec(name: name, label: label, kind: .longText)
    }
    static func date(_ name: String, _ label: String, required: Bool = false) -> FieldSpec {
        FieldSpec(name: name, label: label, kind: .date, required: required, help: "YYYY, YYYY-MM or YYYY-MM-DD")
    }
    static func reference(_ name: String, _ label: String, _ kind: RecordKindName, required: Bool = false) -> FieldSpec {
        FieldSpec(name: name, label: label, kind: .reference(kind), required: required)
    }
    static func flag(_ name: String, _ label: String, help: String? = nil) -> FieldSpec {
        FieldSpec(name: name, label: label, kind: .flag, help: help)
    }
    static func choice(_ name: String, _ label: String, _ options: [String], required: Bool = false) -> FieldSpec {
        FieldSpec(name: name, label: label, kind: .choice(options), required: required)
    }
}
