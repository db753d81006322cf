import CivitasCore
import Foundation

/// What a person sends to register, from the form or the API, checked before any database work.
struct RegistrationInput: Sendable {
    var name: String
    var email: String
    var organization: String?
    var role: ParticipantRole
    /// Whether the person agrees to appear on a published participant list.
    var listed: Bool
    /// The secret of a personal invitation link, when registering through one.
    var invitationToken: String?

    /// Roles a person may pick for themselves; speakers and staff are set by organisers.
    static let selfChosenRoles: [ParticipantRole] = [.attendee, .press]

    static func parse(name: String?, email: String?, organization: String?, role: String?, listed: Bool,
                      invitationToken: String?) -> (RegistrationInput?, [String: String]) {
        var errors: [String: String] = [:]
        let name = TextInput.trimmed(name ?? "")
        let email = TextInput.normalizedEmail(email ?? "")
        let organization = organization.map { TextInput.trimmed($0) }
        if name.isEmpty { errors["name"] = "is required" } else if name.unicodeScalars.count > 200 { errors["name"] = "must be at most 200 characters" }
        if email.isEmpty { errors["email"] = "is required" } else if !TextInput.isEmailAddress(email) { errors["email"] = "must be an e-mail address, e.g. name@city.gov" }
        if let organization, organization.unicodeScalars.count > 200 { errors["organization"] = "must be at most 200 characters" }
        let roleText = (role ?? "").isEmpty ? ParticipantRole.attendee.rawValue : role!
        let parsedRole = ParticipantRole(rawValue: roleText)
        if parsedRole == nil || (invitationToken == nil && !selfChosenRoles.contains(parsedRole!)) {
            errors["role"] = "must be one of \(selfChosenRoles.map(\.rawValue).joined(separator: ", "))"
        }
        for (field, text) in [("name", name), ("organization", organization ?? "")] where TextInput.hasLineBreaksOrControls(text) {
            errors[field] = "must be one line, without line breaks, tabs or control characters"
        }
        guard errors.isEmpty, let parsedRole else { return (nil, errors) }
        return (RegistrationInput(name: name, email: email, organization: organization?.isEmpty == true ? nil : organization,
                                  role: parsedRole, listed: listed, invitationToken: invitationToken), [:])
    }
}
