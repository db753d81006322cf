import CivitasCore
import Foundation

/// Events written through the API use the fields of the staff form, so both go through the
/// same rules (`EventRules`) and give the same messages. Times are local to the event's
/// `time_zone` ("2027-01-24T09:00"), as on the form.
extension EventInput {
    /// Fields that take a list of ids rather than text.
    static var listFields: [String] { ["topic_ids", "source_ids"] + EventPartyRole.allCases.map { "\($0.rawValue)_ids" } }

    /// Overlays a JSON object on `self`: fields present replace, fields absent keep their
    /// value, so one body serves both create (over blank defaults) and PATCH (over the event).
    mutating func apply(json: [String: JSONValue]) throws(AppError) {
        var errors: [String: String] = [:]
        for (name, value) in json {
            if Self.listFields.contains(name) {
                let ids: [String]
                switch value {
                case .null: ids = []
                case .array(let items):
                    let strings = items.compactMap(\.stringValue)
                    guard strings.count == items.count else { errors[name] = "must be a list of ids"; continue }
                    ids = strings
                default: errors[name] = "must be a list of ids"; continue
                }
                setList(name, ids)
                continue
            }
            guard Self.textFields.contains(name) else {
                errors[name] = "is not a field of events; known fields: \((Self.textFields + Self.listFields).joined(separator: ", "))"
                continue
            }
            switch value {
            case .null: values[name] = ""
            case .string(let text): values[name] = text.trimmingCharacters(in: .whitespaces)
            case .int(let number): values[name] = String(number)
            case .bool(let flag) where Self.flagFields.contains(name): values[name] = flag ? "true" : ""
            default: errors[name] = Self.flagFields.contains(name) ? "must be true or false" : "must be a string"
            }
        }
        guard errors.isEmpty else { throw AppError(.badRequest, "The event has invalid fields", fieldErrors: errors) }
    }

    /// What a new event starts from when the API leaves a field out.
    static var apiDefaults: EventInput {
        var input = EventInput()
        input.values = ["kind": EventKind.conference.rawValue, "attendance_mode": AttendanceMode.inPerson.rawValue,
                        "status": EventStatus.scheduled.rawValue, "registration_mode": RegistrationMode.closed.rawValue, "published": "true"]
        return input
    }

    private static let flagFields: Set<String> = ["participants_public", "published"]

    private mutating func setList(_ name: String, _ ids: [String]) {
        switch name {
        case "topic_ids": topicIDs = ids
        case "source_ids": sourceIDs = ids
        default:
            if let role = EventPartyRole.allCases.first(where: { "\($0.rawValue)_ids" == name }) { parties[role] = ids }
        }
    }
}
