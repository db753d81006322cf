import OpenAPIKit

/// The schemas of record fields and write bodies, from the same field specs that check a
/// write (`RecordInput`, `FieldParser`) and shape an answer.
extension FieldSpec {
    var schema: JSONSchema {
        switch kind {
        case .integer(let minimum):
            .integer(nullable: true, description: label, minimum: (minimum, exclusive: false))
        case .decimal(let minimum, let maximum):
            .number(nullable: true, description: label, maximum: (maximum, exclusive: false), minimum: (minimum, exclusive: false))
        case .choice(let options):
            .string(nullable: true, description: label, allowedValues: options.map { AnyCodable($0) } + [AnyCodable(String?.none)])
        case .date:
            .string(nullable: true, description: "\(label): YYYY, YYYY-MM or YYYY-MM-DD", pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
        case .flag:
            .boolean(description: label)
        case .references(let target):
            .array(description: "\(label): ids of \(target) records", items: .string)
        case .reference(let target):
            .string(nullable: true, description: "\(label): the id of the \(target) record it points at")
        case .text(let maxLength):
            .string(nullable: true, description: label, maxLength: maxLength)
        default:
            .string(nullable: true, description: label)
        }
    }
}

extension FieldSpec {
    /// The field as a write may give it: what `RecordInput` and `FieldParser` accept, so a client
    /// (and schemathesis, which also checks that the server refuses what the document does not
    /// allow) knows a refused value without sending it. The server trims spaces around a value
    /// and reads a blank one as null: a required field is never null nor blank; one line of
    /// text holds no line break, tab or control character; a long text no control character
    /// but tab and line breaks; a number may also come as its text.
    var writeSchema: JSONSchema {
        let nullable = !required
        let line = required ? WrittenText.lineNotBlank : WrittenText.line
        switch kind {
        case .text(let maxLength):
            return .string(nullable: nullable, description: label, maxLength: maxLength, pattern: line)
        case .longText:
            return .string(nullable: nullable, description: label, pattern: required ? WrittenText.textNotBlank : WrittenText.text)
        case .choice(let options):
            let listed: JSONSchema = .string(nullable: nullable, description: label, allowedValues: options.map { AnyCodable($0) } + (nullable ? [AnyCodable(String?.none)] : []))
            return .any(of: [listed, .string(pattern: WrittenText.spaced(options.map(WrittenText.literal).joined(separator: "|"), optional: nullable))],
                        core: .init(description: label))
        case .date:
            return .string(nullable: nullable, description: "\(label): YYYY, YYYY-MM or YYYY-MM-DD",
                           pattern: WrittenText.spaced("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", optional: nullable))
        case .integer, .decimal:
            let number = if case .integer = kind { "[+-]?[0-9]+" } else { "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?" }
            return .any(of: [schema, .string(pattern: WrittenText.spaced(number, optional: nullable))], core: .init(description: label))
        case .flag:
            return schema
        case .references(let target):
            return .array(nullable: true, description: "\(label): ids of \(target) records (null: none)", items: .string(pattern: WrittenText.line))
        case .reference(let target):
            return .string(nullable: nullable, description: "\(label): the id of the \(target) record it points at", pattern: line)
        default:
            return .string(nullable: nullable, description: label, pattern: line)
        }
    }
}

/// Patterns (ECMA-262, as JSON Schema reads them) of the text a write's fields take.
enum WrittenText {
    /// One line: no C0 or C1 control character (tab and line breaks included), no line or paragraph separator.
    private static let lineCharacter = "[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]"
    /// Any text: no control character but tab and line breaks.
    private static let textCharacter = "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]"
    /// A character of either that is not a space.
    private static let lineNonSpace = "[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]"
    private static let textNonSpace = "[^\\s\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]"
    /// A space the server trims from around a one-line value: a space, not a tab or line break.
    static let space = "[^\\S\\u0009-\\u000D\\u001C-\\u001F\\u0085\\u2028\\u2029]"
    /// What the server trims from around a slug: a space or a tab.
    static let spaceOrTab = "[^\\S\\u000A-\\u000D\\u001C-\\u001F\\u0085\\u2028\\u2029]"

    static let line = "^\(lineCharacter)*$"
    static let lineNotBlank = "^\(lineCharacter)*\(lineNonSpace)\(lineCharacter)*$"
    static let text = "^\(textCharacter)*$"
    static let textNotBlank = "^\(textCharacter)*\(textNonSpace)\(textCharacter)*$"

    /// `value` with what the server trims around it (`space`, or `spaceOrTab`); `optional`: or blank.
    static func spaced(_ value: String, optional: Bool, trimming trimmed: String = space) -> String {
        "^\(trimmed)*(\(value))\(optional ? "?" : "")\(trimmed)*$"
    }

    /// A text matched as it is.
    static func literal(_ text: String) -> String {
        text.map { "\\^$.|?*+()[]{}/-".contains($0) ? "\\\($0)" : String($0) }.joined()
    }
}

enum RecordWriteSchema {
    /// A new record must name its required fields; a change names only what changes.
    static func body(_ kind: some RecordShape, creating: Bool) -> JSONSchema {
        var properties: OrderedDictionary<String, JSONSchema> = [:]
        // Trimmed and lower-cased by the server (`RecordSlug`); blank, it is made from the name.
        if kind.hasSlug {
            properties["slug"] = .string(description: "Lowercase letters, digits and single hyphens; made from the name when left out or blank",
                                         pattern: WrittenText.spaced("[A-Za-z0-9]+(-[A-Za-z0-9]+)*", optional: true, trimming: WrittenText.spaceOrTab))
        }
        for field in kind.fields {
            properties[field.name] = creating && field.required ? field.writeSchema : field.writeSchema.optionalSchemaObject()
        }
        properties["published"] = .boolean(required: false, description: "Whether the public sees it (default true)")
        if kind.hasSlug { properties["slug"] = properties["slug"]?.optionalSchemaObject() }
        return .object(description: creating ? "The new \(kind.label.lowercased())" : "The fields to change; others stay as they are",
                       properties: properties, additionalProperties: .a(false))
    }
}
