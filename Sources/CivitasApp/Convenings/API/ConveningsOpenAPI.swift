import CivitasCore

/// The convenings part of the OpenAPI document.
enum ConveningsOpenAPI {
    static var paths: [String: JSONValue] {
        let event: JSONValue = [
            "type": "object",
            "required": ["id", "slug", "title", "kind", "start", "end", "time_zone", "status"],
            "properties": [
                "id": ["type": "string"], "slug": ["type": "string"], "title": ["type": "string"],
                "kind": ["type": "string", "enum": .array(EventKind.allCases.map { .string($0.rawValue) })],
                "status": ["type": "string", "enum": .array(EventStatus.allCases.map { .string($0.rawValue) })],
                "attendance_mode": ["type": "string", "enum": .array(AttendanceMode.allCases.map { .string($0.rawValue) })],
                "registration_mode": ["type": "string", "enum": .array(RegistrationMode.allCases.map { .string($0.rawValue) })],
                "start": ["type": "string", "description": "Date-time with the zone's offset; the first date (YYYY-MM-DD) when schedule is days; the month (YYYY-MM) when it is month"],
                "end": ["type": "string", "description": "Date-time with the zone's offset; the last date (YYYY-MM-DD) when schedule is days; the month (YYYY-MM) when it is month"],
                "schedule": ["type": "string", "enum": .array(EventSchedule.allCases.map { .string($0.rawValue) }),
                             "description": "How precisely the dates are known: times, whole days, or the month only"],
                "time_zone": ["type": "string", "description": "IANA time zone the event is held in"],
                "capacity": ["type": ["integer", "null"]], "summary": ["type": ["string", "null"]], "venue": ["type": ["string", "null"]],
                "url": ["type": "string"], "calendar_url": ["type": "string"],
            ],
        ]
        let filters: JSONValue = [
            ["name": "when", "in": "query", "schema": ["type": "string", "enum": ["upcoming", "past", "all"], "default": "upcoming"]],
            ["name": "kind", "in": "query", "schema": ["type": "string", "enum": .array(EventKind.allCases.map { .string($0.rawValue) })]],
            ["name": "topic", "in": "query", "schema": ["type": "string", "maxLength": 200], "description": "Topic slug"],
            ["name": "area", "in": "query", "schema": ["type": "string", "maxLength": 200], "description": "Area slug (events in it or its parts)"],
            ["name": "year", "in": "query", "schema": ["type": "integer", "minimum": 1900, "maximum": 2200]],
            ["name": "q", "in": "query", "schema": ["type": "string", "maxLength": 200]],
            ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1, "default": 1]],
            ["name": "per", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100, "default": 25]],
        ]
        let key: JSONValue = [["name": "key", "in": "path", "required": true, "schema": ["type": "string"], "description": "The id or the slug"]]
        let registration: JSONValue = [
            "type": "object", "required": ["name", "email"],
            "properties": [
                "name": ["type": "string", "maxLength": 200], "email": ["type": "string", "format": "email"],
                "organization": ["type": "string", "maxLength": 200],
                "role": ["type": "string", "enum": .array(RegistrationInput.selfChosenRoles.map { .string($0.rawValue) })],
                "listed": ["type": "boolean", "description": "Agree to appear on a published participant list"],
                "invitation": ["type": "string", "description": "The secret of a personal invitation link"],
            ],
        ]
        var inputProperties: [String: JSONValue] = [:]
        for field in EventInput.textFields { inputProperties[field] = ["type": ["string", "null"]] }
        for field in ["capacity", "attendance_count"] { inputProperties[field] = ["type": ["integer", "string", "null"], "minimum": 0] }
        for field in ["participants_public", "published"] { inputProperties[field] = ["type": "boolean"] }
        inputProperties["schedule"] = ["type": "string", "enum": .array(EventSchedule.allCases.map { .string($0.rawValue) }), "default": "times"]
        for field in ["starts_at", "ends_at", "registration_opens_at", "registration_closes_at"] {
            inputProperties[field] = ["type": ["string", "null"], "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$|^\\d{4}-\\d{2}(-\\d{2})?$",
                                      "description": "Local time in the event's time_zone, e.g. 2027-01-24T09:00; with schedule days the date alone (2027-01-24), ends_at being the last day; with schedule month the month (2027-01), ends_at not needed"]
        }
        inputProperties["resources"] = ["type": ["string", "null"], "description": "One resource per line: \"Title | https://...\""]
        for field in EventInput.listFields {
            inputProperties[field] = ["type": "array", "items": ["type": "string"],
                                      "description": field.hasSuffix("_ids") && !["topic_ids", "source_ids"].contains(field)
                                          ? "Parties as organization:<id>, person:<id> or area:<id>" : "Ids"]
        }
        let eventInput: JSONValue = ["type": "object", "additionalProperties": false, "properties": .object(inputProperties)]
        let writeResponses: (Bool) -> JSONValue = { created in [
            created ? "201" : "200": OpenAPIDocument.jsonResponse("The saved event", schema: event),
            "400": OpenAPIDocument.errorResponse("A field is invalid; `fields` names each problem"),
            "401": OpenAPIDocument.errorResponse("No valid token"),
            "403": OpenAPIDocument.errorResponse("The token lacks the events:write scope"),
            "404": OpenAPIDocument.errorResponse("No such event"),
            "415": OpenAPIDocument.errorResponse("The body is not JSON"),
        ] }
        return [
            ConveningsURL.apiEvents.path: [
              "post": [
                "summary": "Create an event (title, starts_at, ends_at and time_zone are required)", "operationId": "create_event",
                "security": [["bearerToken": ["events:write"]]],
                "requestBody": ["required": true, "content": ["application/json": ["schema": eventInput]]],
                "responses": writeResponses(true),
              ],
              "get": [
                "summary": "List events", "operationId": "list_events", "parameters": filters,
                "responses": ["200": OpenAPIDocument.jsonResponse("A page of events", schema: [
                    "type": "object", "properties": ["items": ["type": "array", "items": event], "page": ["$ref": "#/components/schemas/Page"]],
                ]), "400": OpenAPIDocument.errorResponse("A filter is not valid")],
            ]],
            ConveningsURL.apiEvent("{key}").path: [
              "get": [
                "summary": "One event with its sessions, hosts, partners, quotes and registration counts", "operationId": "get_event",
                "parameters": key,
                "responses": ["200": OpenAPIDocument.jsonResponse("The event", schema: event), "404": OpenAPIDocument.errorResponse("No such event")],
              ],
              "patch": [
                "summary": "Change an event; fields left out stay as they are. A new status is mailed to everyone registered",
                "operationId": "update_event", "parameters": key, "security": [["bearerToken": ["events:write"]]],
                "requestBody": ["required": true, "content": ["application/json": ["schema": eventInput]]],
                "responses": writeResponses(false),
              ],
            ],
            ConveningsURL.apiEventRegistrations("{key}").path: ["post": [
                "summary": "Register for an event",
                "description": "Anyone may register. Without a token the answer is the same whether or not the address was registered before (202): the outcome and a personal link go to the address by mail. An integration sending a bearer token with the events:write scope is told the outcome (201, or 409 for an address already registered).",
                "operationId": "register_for_event", "parameters": key,
                "requestBody": ["required": true, "content": ["application/json": ["schema": registration]]],
                "responses": [
                    "201": OpenAPIDocument.jsonResponse("With an events:write token: registered, confirmed, waitlisted (with position) or pending approval", schema: [
                        "type": "object", "properties": ["id": ["type": "string"], "status": ["type": "string"], "waitlist_position": ["type": ["integer", "null"]],
                                                         "personal_url": ["type": "string"]]]),
                    "202": OpenAPIDocument.jsonResponse("Without a token: received; the outcome is mailed to the address", schema: [
                        "type": "object", "properties": ["status": ["type": "string", "enum": ["received"]], "email": ["type": "string"], "message": ["type": "string"]]]),
                    "400": OpenAPIDocument.errorResponse("A field is not valid"),
                    "401": OpenAPIDocument.errorResponse("A token was sent but is not valid"),
                    "403": OpenAPIDocument.errorResponse("By invitation only, or the invitation is not valid"),
                    "404": OpenAPIDocument.errorResponse("No such event"),
                    "409": OpenAPIDocument.errorResponse("Registration closed, or (with a token) this e-mail is already registered"),
                    "410": OpenAPIDocument.errorResponse("The invitation was already used"),
                    "415": OpenAPIDocument.errorResponse("The body is not JSON"),
                ],
            ]],
        ]
    }
}
