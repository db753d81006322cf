import Foundation

/// Where to deliver mail, from `SMTP_URL`:
///
/// - `smtp://[user:password@]host[:port]` (port 25 by default): plain SMTP, upgraded with
///   STARTTLS whenever the server offers it (a submission port such as 587 always does).
/// - `smtps://[user:password@]host[:port]` (port 465 by default): TLS from the first byte.
///
/// `?ca_file=/path/to/ca.pem` trusts that certificate authority instead of the system's,
/// for a relay with a private certificate. A password is never sent over an unencrypted
/// connection except to a relay on this machine (loopback).
public struct SMTPServer: Sendable, Equatable, CustomStringConvertible {
    public enum Security: String, Sendable, Equatable {
        /// Plain, upgraded with STARTTLS when the server offers it.
        case startTLSWhenOffered
        /// TLS from the start (smtps).
        case implicitTLS
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var security: Security
    public var caFile: String?

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(host: String, port: Int? = nil, username: String? = nil, password: String? = nil,
                security: Security = .startTLSWhenOffered, caFile: String? = nil) {
        self.host = host
        self.port = port ?? (security == .implicitTLS ? 465 : 25)
        self.username = username
        self.password = password
        self.security = security
        self.caFile = caFile
    }

    public init(url text: String) throws {
        let scheme = URLComponents(string: text)?.scheme?.lowercased()
        guard let components = URLComponents(string: text), scheme == "smtp" || scheme == "smtps",
              let host = components.host, !host.isEmpty else {
            throw Invalid(description: "SMTP_URL must look like smtp://user:password@host:port or smtps://..., not \"\(Self.redacted(text))\"")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw Invalid(description: "SMTP_URL has a port outside 1-65535")
        }
        var caFile: String?
        for item in components.queryItems ?? [] {
            guard item.name == "ca_file", let value = item.value, !value.isEmpty else {
                throw Invalid(description: "SMTP_URL takes only the option ca_file=/path/to/ca.pem, not \"\(item.name)\"")
            }
            guard FileManager.default.isReadableFile(atPath: value) else {
                throw Invalid(description: "SMTP_URL's ca_file \(value) cannot be read")
            }
            caFile = value
        }
        self.init(host: host, port: components.port, username: components.user?.removingPercentEncoding,
                  password: components.password?.removingPercentEncoding,
                  security: scheme == "smtps" ? .implicitTLS : .startTLSWhenOffered, caFile: caFile)
    }

    /// True for a relay on this machine, where an unencrypted connection stays inside it.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The address without its password, for messages and logs.
    public var description: String {
        "\(security == .implicitTLS ? "smtps" : "smtp")://\(username.map { "\($0)@" } ?? "")\(host):\(port)"
    }

    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let colon = text[..<at].lastIndex(of: ":"), text[..<colon].contains("//") else { return text }
        return text[...colon] + "***" + text[at...]
    }
}
