import Foundation

/// Where to deliver mail, from `SMTP_URL`: `smtp://[user:password@]host[:port]`.
/// Plain SMTP (port 25 by default), meant for a relay on the same host or network;
/// the relay handles TLS to the outside world.
public struct SMTPServer: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(host: String, port: Int = 25, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    public init(url text: String) throws {
        guard let components = URLComponents(string: text), components.scheme?.lowercased() == "smtp",
              let host = components.host, !host.isEmpty else {
            throw Invalid(description: "SMTP_URL must look like smtp://user:password@host:port, not \"\(Self.redacted(text))\"")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw Invalid(description: "SMTP_URL has a port outside 1-65535")
        }
        self.init(host: host, port: components.port ?? 25, username: components.user?.removingPercentEncoding,
                  password: components.password?.removingPercentEncoding)
    }

    /// The address without its password, for messages and logs.
    public var description: String { "smtp://\(username.map { "\($0)@" } ?? "")\(host):\(port)" }

    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let colon = text[..<at].lastIndex(of: ":"), text[..<colon].contains("//") else { return text }
        return text[...colon] + "***" + text[at...]
    }
}
