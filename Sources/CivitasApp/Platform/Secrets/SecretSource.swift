import CivitasCore

/// Where new secrets come from: session cookies, API tokens, personal registration links,
/// invitations, CSRF tokens, generated passwords. A protocol so tests can use predictable
/// secrets (and follow a personal link the way its recipient would).
protocol SecretSource: Sendable {
    /// `bytes` of randomness as URL-safe text.
    func token(bytes: Int) -> String
}

extension SecretSource {
    /// 32 bytes: what every long-lived secret uses.
    func token() -> String { token(bytes: 32) }
}

/// The system's cryptographic random number generator.
struct SystemSecrets: SecretSource {
    func token(bytes: Int) -> String { Secrets.randomToken(bytes: bytes) }
}
