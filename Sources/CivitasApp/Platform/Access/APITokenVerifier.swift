/// Checks an API request's bearer token for a scope. Accounts keeps the tokens and provides
/// the verifier through its manifest; Platform's access middleware asks it for every route
/// in an API-scope group.
protocol APITokenVerifier: Sendable {
    /// The token, or an `AppError` (401 without a valid token, 403 without the scope).
    func verify(authorization: String?, scope: APIScope) async throws -> VerifiedAPIToken
}
