/// What an account may do. Staff (admin, editor, organizer) keep the directory; only
/// admins manage accounts, API tokens and read the audit log.
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
