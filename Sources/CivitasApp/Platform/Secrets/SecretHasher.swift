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
        // Written digit by digit: String(format:) per byte was a twentieth of a registration's time.
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(secret.utf8)) {
            hex.append(Self.digits[Int(byte >> 4)])
            hex.append(Self.digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
