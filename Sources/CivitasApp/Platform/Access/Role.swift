/// What an account may do. Staff (admin, editor, organizer) keep the network's records;
/// only admins manage accounts, API tokens and read the audit log. Accounts stores and
/// checks them; Platform names them so that every capability declares its routes' access
/// rules in the same words.
public enum Role: String, CaseIterable, Sendable, Codable {
    case admin
    case editor
    case organizer
    case member

    public var isStaff: Bool { self != .member }
}

/// The account behind a request, as the session middleware found it.
public struct SignedInUser: Sendable {
    public let id: String
    public let email: String
    public let name: String
    public let role: Role
}
