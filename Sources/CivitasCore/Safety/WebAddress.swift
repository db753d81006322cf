import Foundation

/// A web address Civitas accepts from people and programs, and links to: `http` or `https`,
/// a host, and nothing a browser would read differently from how it is checked here.
///
/// Refused: other schemes (`javascript:`, `data:`), user names before the host
/// (`https://bank.example@evil.example`), white space, control and line-break characters
/// (browsers drop tabs and newlines inside addresses), backslashes (browsers read them as
/// `/`), quotes, angle brackets and anything else outside RFC 3986's characters, and
/// malformed percent escapes. Non-ASCII must be percent-encoded.
public struct WebAddress: Sendable, Hashable, CustomStringConvertible {
    public static let maximumLength = 2_000

    /// The address as it is stored and written (scheme and host in lower case).
    public let text: String
    public let host: String

    public var description: String { text }

    public init?(_ candidate: String) {
        guard !candidate.isEmpty, candidate.utf8.count <= Self.maximumLength,
              Self.usesOnlyURICharacters(candidate),
              let schemeEnd = candidate.range(of: "://")
        else { return nil }
        let scheme = candidate[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = candidate[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        guard let components = URLComponents(string: candidate),
              let host = components.host?.lowercased(), !host.isEmpty,
              components.user == nil, components.password == nil,
              Self.isHost(host)
        else { return nil }
        let hostStart = authority.hasPrefix("[") ? "[" : ""
        guard authority.lowercased().hasPrefix(hostStart + host) else { return nil }
        self.host = host
        self.text = scheme + "://" + authority.lowercased() + rest.dropFirst(authority.count)
    }

    /// This address with a query string of `items` (`name=value&...`, each percent-encoded by
    /// `QueryValue`). Not checked again, which cost an event page's calendar links most of
    /// their time: what it adds follows the `?` and uses only characters the check allows, so
    /// the scheme and host read as before (`SafetyTests` holds it to the full check). Nil when
    /// the address already has a query or fragment, or would grow past the longest allowed.
    public func addingQuery(_ items: [(String, String)]) -> WebAddress? {
        // Compared byte by byte: Foundation's `contains` on a String searched through NSString,
        // a third of an event page's calendar links.
        guard !text.utf8.contains(UInt8(ascii: "?")), !text.utf8.contains(UInt8(ascii: "#")) else { return nil }
        // Written into one buffer: a string per name, value and pair, joined, then copied into
        // the address, was half the time of an event page's calendar links.
        var combined: [UInt8] = []
        combined.reserveCapacity(text.utf8.count + items.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 2 } + 64)
        combined.append(contentsOf: text.utf8)
        for (index, (name, value)) in items.enumerated() {
            combined.append(index == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
            QueryValue.append(name, to: &combined)
            combined.append(UInt8(ascii: "="))
            QueryValue.append(value, to: &combined)
        }
        guard combined.count <= Self.maximumLength else { return nil }
        return WebAddress(checkedText: String(decoding: combined, as: UTF8.self), host: host)
    }

    private init(checkedText: String, host: String) {
        self.text = checkedText
        self.host = host
    }

    /// RFC 3986: unreserved, reserved, and `%` with two hex digits.
    private static func usesOnlyURICharacters(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard allowed[Int(byte)] else { return false }
            index += 1
        }
        return true
    }

    private static func isHost(_ host: String) -> Bool {
        if host.hasPrefix("[") || host.contains(":") {
            return host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." || $0 == "[" || $0 == "]" }
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-")
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        let characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;="
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }()
}

extension WebAddress {
    /// What a field that takes a web address says when it is refused.
    public static let requirement = "must be a web address starting with https:// or http://, with no spaces, quotes or angle brackets"
}
