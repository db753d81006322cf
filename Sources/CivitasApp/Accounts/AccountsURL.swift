/// The paths of sign-in, one's own account and the administration of accounts and tokens.
enum AccountsURL: SitePath {
    case signIn
    case signOut
    case account
    case accountPassword
    case staffAudit
    case staffTokens
    case staffTokenRevoke(String)
    case staffUsers
    case staffUser(String)

    var path: String {
        switch self {
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .staffAudit: "/staff/audit"
        case .staffTokens: "/staff/tokens"
        case .staffTokenRevoke(let id): "/staff/tokens/\(id)/revoke"
        case .staffUsers: "/staff/users"
        case .staffUser(let id): "/staff/users/\(id)"
        }
    }
}
