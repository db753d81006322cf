import CivitasCore
import Foundation

/// What a form or an API body says about a record, checked field by field against its
/// kind's field specs. Fields not mentioned are left as they are (API PATCH); a form always
/// mentions every field.
struct RecordInput: Sendable {
    enum Raw: Sendable {
        case null
        case single(String)
        case multiple([String])
    }

    var raw: [String: Raw] = [:]
    var slug: String?
    var published: Bool?

    /// A staff form: every field of the kind is present; unticked link boxes mean "none".
    init(form: FormData, kind: some RecordShape) {
        for field in kind.fields {
            if field.isLink {
                raw[field.name] = .multiple(form.all(field.name).filter { !$0.isEmpty })
            } else {
                raw[field.name] = form[field.name].map(Raw.single) ?? .null
            }
        }
        if kind.hasSlug { slug = form["slug"] }
    }

    /// A JSON body: unknown fields and wrong types are errors, so typos are not silently ignored.
    init(json: [String: JSONValue], kind: some RecordShape) throws(AppError) {
        var errors: [String: String] = [:]
        for (name, value) in json {
            if name == "slug", kind.hasSlug {
                guard case .string(let slug) = value else { errors[name] = "must be a string"; continue }
                self.slug = slug
                continue
            }
            if name == "published" {
                guard case .bool(let flag) = value else { errors[name] = "must be true or false"; continue }
                published = flag
                continue
            }
            guard let field = kind.field(name) else {
                errors[name] = "is not a field of \(kind.plural); known fields: \((kind.fields.map(\.name) + ["published"] + (kind.hasSlug ? ["slug"] : [])).joined(separator: ", "))"
                continue
            }
            switch (value, field.isLink) {
            case (.null, false): raw[name] = .null
            case (.string(let text), false): raw[name] = .single(text)
            case (.int(let number), false) where field.isNumeric: raw[name] = .single(String(number))
            case (.double(let number), false) where field.isNumeric: raw[name] = .single(String(number))
            case (.bool(let flag), false) where field.isFlag: raw[name] = .single(flag ? "true" : "false")
            case (.array(let items), true):
                let ids = items.compactMap(\.stringValue)
                guard ids.count == items.count else { errors[name] = "must be a list of ids"; continue }
                raw[name] = .multiple(ids)
            case (.null, true): raw[name] = .multiple([])
            default: errors[name] = field.isLink ? "must be a list of ids" : field.isFlag ? "must be true or false" : (field.isNumeric ? "must be a number" : "must be a string")
            }
        }
        guard errors.isEmpty else { throw AppError(.badRequest, "The record has invalid fields", fieldErrors: errors) }
    }

    /// Checks each mentioned field's form; references are checked against the database later.
    func parse(kind: some RecordShape) -> (values: [String: FieldValue], errors: [String: String]) {
        var values: [String: FieldValue] = [:]
        var errors: [String: String] = [:]
        for field in kind.fields {
            guard let raw = raw[field.name] else { continue }
            switch FieldParser.parse(raw, as: field) {
            case .success(let value): values[field.name] = value
            case .failure(let error): errors[field.name] = error.message
            }
        }
        return (values, errors)
    }
}

/// Reads one field's raw text into a typed value.
enum FieldParser {
    struct Problem: Error { let message: String }

    static func parse(_ raw: RecordInput.Raw, as field: FieldSpec) -> Result<FieldValue, Problem> {
        switch raw {
        case .multiple(let ids):
            if ids.contains(where: TextInput.hasControlCharacters) { return .failure(Problem(message: "contains control characters")) }
            return .success(.ids(Array(Set(ids.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted()))
        case .null:
            return .success(field.isLink ? .ids([]) : field.isFlag ? .flag(false) : .null)
        case .single(let text):
            if TextInput.hasControlCharacters(text) { return .failure(Problem(message: "contains control characters")) }
            if field.isSingleLine, TextInput.hasLineBreaksOrControls(text) {
                return .failure(Problem(message: "must be one line, without line breaks, tabs or control characters"))
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return .success(field.isLink ? .ids([]) : field.isFlag ? .flag(false) : .null) }
            return parseText(trimmed, as: field)
        }
    }

    static func parseText(_ text: String, as field: FieldSpec) -> Result<FieldValue, Problem> {
        func fail(_ message: String) -> Result<FieldValue, Problem> { .failure(Problem(message: message)) }
        switch field.kind {
        case .text(let maxLength):
            // Counted in code points, as JSON Schema's maxLength (the API's documented limit) counts them.
            return text.unicodeScalars.count <= maxLength ? .success(.text(text)) : fail("must be at most \(maxLength) characters")
        case .longText:
            return text.count <= 20_000 ? .success(.text(text)) : fail("must be at most 20000 characters")
        case .choice(let options):
            return options.contains(text) ? .success(.text(text)) : fail("must be one of: \(options.joined(separator: ", "))")
        case .date:
            guard let date = PartialDate(text) else { return fail("must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not \"\(text)\"") }
            return .success(.text(date.description))
        case .integer(let minimum):
            guard let number = Int(text), number >= minimum else { return fail("must be a whole number of \(minimum) or more") }
            return .success(.integer(number))
        case .decimal(let minimum, let maximum):
            guard let number = Double(text), number.isFinite, (minimum...maximum).contains(number) else {
                return fail("must be a number from \(Int(minimum)) to \(Int(maximum))")
            }
            return .success(.decimal(number))
        case .url:
            guard let address = WebAddress(text) else { return fail(WebAddress.requirement) }
            return .success(.text(address.text))
        case .email:
            guard text.count <= 254, text.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil else { return fail("must be an e-mail address") }
            return .success(.text(text.lowercased()))
        case .timeZone:
            guard TimeZone(identifier: text) != nil, text.contains("/") || text == "UTC" else {
                return fail("must be an IANA time zone such as America/Chicago, not \"\(text)\"")
            }
            return .success(.text(text))
        case .ocdDivision:
            return OpenCivicDataDivision.isValid(text) ? .success(.text(text)) : fail("must be an Open Civic Data division id such as ocd-division/country:us/state:wa/place:tacoma")
        case .countryCode:
            let code = text.uppercased()
            guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return fail("must be a two-letter ISO 3166 country code such as US") }
            return .success(.text(code))
        case .flag:
            switch text.lowercased() {
            case "true", "on", "yes", "1": return .success(.flag(true))
            case "false", "off", "no", "0": return .success(.flag(false))
            default: return fail("must be true or false")
            }
        case .reference:
            return text.count <= 64 ? .success(.text(text)) : fail("is not a record id")
        case .references:
            return .success(.ids([text]))
        }
    }
}
