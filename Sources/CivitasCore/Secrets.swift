import Foundation

/// Random secrets for session cookies, CSRF tokens, API tokens and invitations.
public enum Secrets {
    /// `bytes` of system randomness as URL-safe base64 without padding.
    public static func randomToken(bytes: Int = 32) -> String {
        // Eight bytes from each draw: a draw per byte asked the system 32 times for a token,
        // a few percent of the server's time when a rush of registrations each took one.
        var generator = SystemRandomNumberGenerator()
        var data: [UInt8] = []
        data.reserveCapacity(bytes)
        while data.count < bytes {
            var draw = generator.next()
            for _ in 0..<min(8, bytes - data.count) {
                data.append(UInt8(truncatingIfNeeded: draw))
                draw >>= 8
            }
        }
        return base64URL(data)
    }

    /// URL-safe base64 (RFC 4648 section 5) without padding, written in one pass: every
    /// uncached answer's entity tag is made with it.
    public static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                output.append(base64URLAlphabet[Int((buffer >> UInt32(bits)) & 0x3F)])
            }
        }
        if bits > 0 { output.append(base64URLAlphabet[Int((buffer << UInt32(6 - bits)) & 0x3F)]) }
        return String(decoding: output, as: UTF8.self)
    }

    private static let base64URLAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Compares two secrets in time that does not depend on where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
