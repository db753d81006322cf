/// Who may use a group of routes. Every route is registered in a group with one of these
/// (see `SiteRoutes`), and `AccessMiddleware` enforces it before the handler runs.
enum AccessRule: Sendable, CustomStringConvertible {
    /// Anyone, signed in or not. Personal links (registrations, invitations) are in this
    /// group too: their secret is the key, checked by the handler.
    case everyone
    /// Anyone signed in, whatever their role.
    case signedIn
    /// Signed in with one of these roles.
    case roles(Set<Role>)
    /// An API request carrying a bearer token with this scope.
    case apiScope(APIScope)

    static let staff = AccessRule.roles([.admin, .editor, .organizer])
    static let admins = AccessRule.roles([.admin])

    /// Whether a signed-in person (or a visitor, nil) may use a route of this group.
    /// API-scope rules are decided by the token, never by a session.
    func allows(_ user: SignedInUser?) -> Bool {
        switch self {
        case .everyone: true
        case .signedIn: user != nil
        case .roles(let roles): user.map { roles.contains($0.role) } ?? false
        case .apiScope: false
        }
    }

    /// The refusal a signed-in person without the role reads.
    var refusal: String {
        switch self {
        case .roles(let roles) where roles == [.admin]: "Only administrators may do this"
        case .roles(let roles) where roles == [.admin, .editor, .organizer]: "Only network staff (admin, editor, organizer) may do this"
        case .roles(let roles): "Only \(Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: ", ")) may do this"
        default: "You may not do this"
        }
    }

    var description: String {
        switch self {
        case .everyone: "everyone"
        case .signedIn: "signed in"
        case .roles(let roles): Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: "/")
        case .apiScope(let scope): "API token with \(scope.rawValue)"
        }
    }
}
