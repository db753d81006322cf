import CivitasCore
import OpenAPIKit

/// What someone registering sends.
struct RegistrationRequest: APIInput {
    let name: String?
    let email: String?
    let organization: String?
    let role: String?
    let listed: Bool?
    let invitation: String?

    static var schema: JSONSchema {
        .object(
            description: "Who is registering",
            properties: [
                "name": .string(maxLength: 200),
                "email": .string(format: .email, maxLength: 254),
                "organization": .string(required: false, maxLength: 200),
                "role": .string(required: false, allowedValues: RegistrationInput.selfChosenRoles.map { AnyCodable($0.rawValue) }),
                "listed": .boolean(required: false, description: "Agree to appear on a published participant list (default true)"),
                "invitation": .string(required: false, description: "The secret of a personal invitation link"),
            ],
            additionalProperties: .a(false)
        )
    }
}

/// The answer to anyone without an events:write token: the same whatever the address, so it
/// tells no one who else registered; the outcome goes to the address by mail.
struct RegistrationReceivedBody: APIBody {
    var status = "received"
    let email: String
    let message: String

    static var schema: JSONSchema {
        .record(["status": .choice(["received"]), "email": .string, "message": .string])
    }
}

/// The outcome, told to an integration holding an events:write token.
struct RegistrationOutcomeBody: APIBody {
    let id: String
    let status: String
    @Nullable var waitlistPosition: Int?
    let name: String
    let email: String
    let role: String
    let personalURL: String

    enum CodingKeys: String, CodingKey {
        case id, status, name, email, role
        case waitlistPosition = "waitlist_position", personalURL = "personal_url"
    }

    static var schema: JSONSchema {
        .record([
            "id": .string,
            "status": .choice([RegistrationStatus.confirmed, .waitlisted, .pending].map(\.rawValue)),
            "waitlist_position": .integer(nullable: true, description: "1 for the first on the waiting list", minimum: (1, exclusive: false)),
            "name": .string, "email": .string,
            "role": .choice(ParticipantRole.allCases.map(\.rawValue)),
            "personal_url": .string(format: .uri, description: "Where the person sees or cancels the registration"),
        ])
    }
}
