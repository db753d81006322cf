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
                "start": ["type": "string", "format": "date-time"], "end": ["type": "string", "format": "date-time"],
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
        return [
            SiteURL.apiEvents.path: ["get": [
                "summary": "List events", "operationId": "list_events", "parameters": filters,
                "responses": ["200": OpenAPIDocument.jsonResponse("A page of events", schema: [
                    "type": "object", "properties": ["items": ["type": "array", "items": event], "page": ["$ref": "#/components/schemas/Page"]],
                ]), "400": OpenAPIDocument.errorResponse("A filter is not valid")],
            ]],
            SiteURL.apiEvent("{key}").path: ["get": [
                "summary": "One event with its sessions, hosts, partners, quotes and registration counts", "operationId": "get_event",
                "parameters": key,
                "responses": ["200": OpenAPIDocument.jsonResponse("The event", schema: event), "404": OpenAPIDocument.errorResponse("No such event")],
            ]],
            SiteURL.apiEventRegistrations("{key}").path: ["post": [
                "summary": "Register for an event", "operationId": "register_for_event", "parameters": key,
                "requestBody": ["required": true, "content": ["application/json": ["schema": registration]]],
                "responses": [
                    "201": OpenAPIDocument.jsonResponse("Registered: confirmed, waitlisted (with position) or pending approval", schema: [
                        "type": "object", "properties": ["id": ["type": "string"], "status": ["type": "string"], "waitlist_position": ["type": ["integer", "null"]],
                                                         "personal_url": ["type": "string"]]]),
                    "400": OpenAPIDocument.errorResponse("A field is not valid"),
                    "403": OpenAPIDocument.errorResponse("By invitation only, or the invitation is not valid"),
                    "404": OpenAPIDocument.errorResponse("No such event"),
                    "409": OpenAPIDocument.errorResponse("Registration closed, or this e-mail is already registered"),
                    "410": OpenAPIDocument.errorResponse("The invitation was already used"),
                    "415": OpenAPIDocument.errorResponse("The body is not JSON"),
                ],
            ]],
        ]
    }
}
