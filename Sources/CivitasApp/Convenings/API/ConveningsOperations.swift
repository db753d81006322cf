import CivitasCore
import OpenAPIKit

/// What the OpenAPI document says of each events API route (registered in `EventAPI`).
enum ConveningsOperations {
    static let key = APIParameter.path("key", "The id or the slug")

    static var list: APIOperation {
        APIOperation(
            id: "list_events", summary: "List published events",
            parameters: [
                // Empty values mean "any", as the site's filter form sends them.
                .query("when", .string(allowedValues: ["upcoming", "past", "all", ""].map { AnyCodable($0) }),
                       "upcoming (the default, or all with q or year), past or all"),
                .query("kind", .choice(EventKind.allCases.map(\.rawValue) + [""])),
                .query("topic", .string(maxLength: 200), "Topic slug"),
                .query("area", .string(maxLength: 200), "Area slug (events in it or its parts)"),
                .query("year", .one(of: [.integer(maximum: (2200, exclusive: false), minimum: (1900, exclusive: false)), .string(maxLength: 0)]),
                       "A year such as 2018, or empty for any"),
                .textQuery("Text filter on title, summary and venue; finds past events too unless when narrows it"),
            ] + APIParameter.pagination,
            responses: [
                .json(200, "A page of events", APIList<EventSummaryBody>.schema(items: EventSummaryBody.schema)),
                .error(400, "A filter is not valid"),
            ]
        )
    }

    static var show: APIOperation {
        APIOperation(
            id: "get_event", summary: "One event with its sessions, hosts, partners, quotes and registration counts",
            parameters: [key],
            responses: [.json(200, "The event", EventDetailBody.self), .error(404, "No such event")]
        )
    }

    static var create: APIOperation {
        APIOperation(
            id: "create_event", summary: "Create an event (title, starts_at, ends_at and time_zone are required)",
            requestBody: APIRequestContent(schema: EventWriteSchema.body(creating: true)),
            responses: [.json(201, "The saved event", EventDetailBody.self)] + APIResponse.writeErrors(scope: .eventsWrite, thing: "event")
        )
    }

    static var update: APIOperation {
        APIOperation(
            id: "update_event",
            summary: "Change an event; fields left out stay as they are. A new status is mailed to everyone registered",
            parameters: [key],
            requestBody: APIRequestContent(schema: EventWriteSchema.body(creating: false)),
            responses: [.json(200, "The saved event", EventDetailBody.self)] + APIResponse.writeErrors(scope: .eventsWrite, thing: "event")
        )
    }

    static var register: APIOperation {
        APIOperation(
            id: "register_for_event", summary: "Register for an event",
            description: """
                Anyone may register. Without a token the answer is the same whether or not the address was registered \
                before (202): the outcome and a personal link go to the address by mail. An integration sending a bearer \
                token with the events:write scope is told the outcome (201, or 409 for an address already registered).
                """,
            parameters: [key],
            requestBody: APIRequestContent(schema: RegistrationRequest.schema),
            responses: [
                .json(201, "With an events:write token: confirmed, waitlisted (with position) or pending approval", RegistrationOutcomeBody.self),
                .json(202, "Without a token: received; the outcome is mailed to the address", RegistrationReceivedBody.self),
                .error(400, "A field is not valid"),
                .error(401, "A token was sent but is not valid"),
                .error(403, "By invitation only, or the invitation is not valid"),
                .error(404, "No such event"),
                .error(409, "Registration closed, or (with a token) this e-mail is already registered"),
                .error(410, "The invitation was already used"),
                .error(413, "The body is larger than the server accepts"),
                .error(415, "The body is not JSON"),
            ],
            optionalScope: .eventsWrite
        )
    }
}

/// The body of an event write, from the same field lists `EventInput.apply(json:)` reads.
enum EventWriteSchema {
    static func body(creating: Bool) -> JSONSchema {
        var properties: OrderedDictionary<String, JSONSchema> = [:]
        for field in EventInput.textFields { properties[field] = .text() }
        properties["kind"] = .choice(EventKind.allCases.map(\.rawValue), nullable: true)
        properties["status"] = .choice(EventStatus.allCases.map(\.rawValue), nullable: true)
        properties["attendance_mode"] = .choice(AttendanceMode.allCases.map(\.rawValue), nullable: true)
        properties["registration_mode"] = .choice(RegistrationMode.allCases.map(\.rawValue), nullable: true)
        properties["schedule"] = .string(description: "times (the default), days or month", allowedValues: EventSchedule.allCases.map { AnyCodable($0.rawValue) })
        for field in ["capacity", "attendance_count"] {
            properties[field] = .one(of: [.integer(minimum: (0, exclusive: false)), .string(pattern: "^[0-9]*$"), .null()])
        }
        for field in ["participants_public", "published"] { properties[field] = .boolean }
        for field in ["starts_at", "ends_at", "registration_opens_at", "registration_closes_at"] {
            properties[field] = .string(
                nullable: true,
                description: "Local time in the event's time_zone, e.g. 2027-01-24T09:00; with schedule days the date alone (2027-01-24), ends_at being the last day; with schedule month the month (2027-01), ends_at not needed",
                pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$|^\\d{4}-\\d{2}(-\\d{2})?$"
            )
        }
        for field in EventInput.listFields {
            let isParty = field.hasSuffix("_ids") && !["topic_ids", "source_ids"].contains(field)
            properties[field] = .array(nullable: true, description: isParty ? "Parties as organization:<id>, person:<id> or area:<id>" : "Ids",
                                       items: .string)
        }
        let required: Set<String> = creating ? ["title", "starts_at", "time_zone"] : []
        for (name, schema) in properties where !required.contains(name) { properties[name] = schema.optionalSchemaObject() }
        return .object(description: creating ? "The new event" : "The fields to change; others stay as they are",
                       properties: properties, additionalProperties: .a(false))
    }
}
