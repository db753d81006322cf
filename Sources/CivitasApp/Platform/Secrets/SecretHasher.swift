import Crypto
import Foundation

/// What the database keeps of a secret: its hash, so a stolen copy of the database opens no
/// session, token or personal link. Secrets are long and random, so a fast hash is enough
/// (passwords, which people choose, use bcrypt instead: `PasswordHasher`).
protocol SecretHasher: Sendable {
    func hash(_ secret: String) -> String
}

/// SHA-256 as lowercase hex, the form every stored secret hash has.
struct SHA256SecretHasher: SecretHasher {
    func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
