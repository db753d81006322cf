import Foundation

/// Where the data lives, read from `DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Accepts `sqlite:///absolute/path.sqlite`, `sqlite://relative/path.sqlite`,
    /// `postgres://user:password@host:port/database`, `postgresql://...`, and, for a server on the
    /// same machine, its socket directory as libpq names it:
    /// `postgres://user@/database?host=/var/run/postgresql` (the port, 5432 unless given as `&port=`, names the socket).
    public init(url text: String) throws(Invalid) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw Invalid(description: "DATABASE_URL \"\(DatabaseLocation.redacted(trimmed))\" is not a URL: expected sqlite:///path/to/file.sqlite or postgres://user:password@host:5432/database")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        let rest = String(trimmed[schemeEnd.upperBound...])
        switch scheme {
        case "sqlite":
            guard !rest.isEmpty else {
                throw Invalid(description: "DATABASE_URL names no SQLite file: expected sqlite:///path/to/file.sqlite")
            }
            self = .sqlite(path: rest)
        case "postgres", "postgresql":
            guard let components = URLComponents(string: trimmed) else {
                throw Invalid(description: "DATABASE_URL \"\(DatabaseLocation.redacted(trimmed))\" is not a valid PostgreSQL URL: expected postgres://user:password@host:5432/database")
            }
            let host = components.host ?? ""
            let socketDirectory = components.queryItems?.first { $0.name == "host" }?.value
            if let socketDirectory, !socketDirectory.hasPrefix("/") {
                throw Invalid(description: "DATABASE_URL's host=\"\(socketDirectory)\" is not a socket directory: give its absolute path, as in ?host=/var/run/postgresql")
            }
            guard !host.isEmpty || socketDirectory != nil else {
                throw Invalid(description: "DATABASE_URL \"\(DatabaseLocation.redacted(trimmed))\" names no host: expected postgres://user:password@host:5432/database, or postgres://user@/database?host=/path/to/socket/directory")
            }
            guard components.path.count > 1 else {
                throw Invalid(description: "DATABASE_URL \"\(DatabaseLocation.redacted(trimmed))\" names no database: add /database after the host")
            }
            if components.port == nil, let portText = host.split(separator: ":").last, host.contains(":") {
                throw Invalid(description: "DATABASE_URL has an invalid port \"\(portText)\"")
            }
            self = .postgres(url: trimmed)
        default:
            throw Invalid(description: "DATABASE_URL scheme \"\(scheme)\" is not supported: use sqlite:// or postgres://")
        }
    }

    /// The server's socket, for a `postgres://` URL that names its directory (`?host=/dir`):
    /// `dir/.s.PGSQL.<port>`, as PostgreSQL names it. Nil for a URL that names a host.
    public static func postgresSocket(_ url: String) -> (path: String, username: String, password: String?, database: String)? {
        guard let components = URLComponents(string: url), components.host?.isEmpty ?? true,
              let directory = components.queryItems?.first(where: { $0.name == "host" })?.value, directory.hasPrefix("/")
        else { return nil }
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let port = components.port ?? components.queryItems?.first(where: { $0.name == "port" })?.value.flatMap { Int($0) } ?? 5432
        return ("\(folder)/.s.PGSQL.\(port)", components.user ?? ProcessInfo.processInfo.userName, components.password,
                String(components.path.dropFirst()))
    }

    /// The URL with any password hidden, safe for logs and error messages.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    public var kindName: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

extension DatabaseLocation {
    /// For messages: the file, or the URL without its password.
    public var redactedDescription: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): DatabaseLocation.redacted(url)
        }
    }
}
