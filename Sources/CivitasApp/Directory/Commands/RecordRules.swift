import CivitasCore

/// Rules that involve more than one field of a record.
enum RecordRules {
    static func check(_ record: inout RecordValues, errors: inout [String: String]) {
        switch record.kind {
        case .person:
            if record.text("sort_name") == nil, let name = record.text("name") {
                record.values["sort_name"] = .text(sortName(for: name))
            }
        case .organization:
            dateOrder(record, "founding_date", "dissolution_date", &errors)
            notSelf(record, "parent_id", &errors)
        case .area:
            notSelf(record, "parent_id", &errors)
        case .post, .membership:
            dateOrder(record, "start_date", "end_date", &errors)
        case .topic, .source:
            break
        }
        if record.kind == .membership {
            let person = record.text("person_id"), member = record.text("member_organization_id")
            if (person == nil) == (member == nil) {
                errors["person_id"] = "name either a person or a member organization (exactly one)"
            }
            if member != nil, member == record.text("organization_id") {
                errors["member_organization_id"] = "an organization cannot be a member of itself"
            }
        }
    }

    /// "Eric Garcetti" → "Garcetti, Eric"; single names stay as they are.
    static func sortName(for name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 1, let last = words.last else { return name }
        return "\(last), \(words.dropLast().joined(separator: " "))"
    }

    private static func dateOrder(_ record: RecordValues, _ start: String, _ end: String, _ errors: inout [String: String]) {
        guard let from = record.text(start).flatMap(PartialDate.init), let to = record.text(end).flatMap(PartialDate.init) else { return }
        if to.year < from.year || (to < from && to.month != nil && from.month != nil) {
            errors[end] = "must not be before \(start.replacingOccurrences(of: "_", with: " "))"
        }
    }

    private static func notSelf(_ record: RecordValues, _ field: String, _ errors: inout [String: String]) {
        if record.text(field) == record.id { errors[field] = "a record cannot be part of itself" }
    }
}
