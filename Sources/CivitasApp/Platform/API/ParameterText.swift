import OpenAPIKit

/// What every parameter's text may hold, as the document tells it: no control characters but
/// tab and line breaks, which `InputSanityMiddleware` refuses in any address before a route
/// sees it. Said once here for every string a path or query parameter takes, so a client (and
/// schemathesis) knows a value the server will refuse without sending it.
enum ParameterText {
    /// Any text without those characters: the pattern of a long text written to a record.
    static let withoutControlCharacters = WrittenText.text

    /// The schema with that pattern on each string it takes that has none of its own (a string
    /// of fixed values, or with a pattern already, says more than it would).
    static func refusingControlCharacters(_ schema: JSONSchema) -> JSONSchema {
        switch schema.value {
        case .string(let core, let text) where text.pattern == nil && core.allowedValues == nil:
            return .string(core, .init(maxLength: text.maxLength, minLength: JSONSchema.StringContext._minLength(text),
                                       pattern: withoutControlCharacters))
        case .array(let core, let list):
            return .array(core, .init(items: list.items.map(refusingControlCharacters), maxItems: list.maxItems, minItems: list.minItems,
                                      prefixItems: list.prefixItems, uniqueItems: list.uniqueItems))
        case .one(of: let schemas, core: let core):
            return .one(of: schemas.map(refusingControlCharacters), core: core)
        default:
            return schema
        }
    }
}
