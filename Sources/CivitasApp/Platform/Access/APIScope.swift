/// What an API token may write. Each capability declares its own scopes (as
/// `APIScope.directoryWrite` in the directory's folder) and lists them in its manifest;
/// tokens may be given only the scopes some module declared.
public struct APIScope: Hashable, Sendable {
    public let rawValue: String
    public let summary: String

    public init(_ rawValue: String, summary: String) {
        self.rawValue = rawValue
        self.summary = summary
    }

    public static func == (lhs: APIScope, rhs: APIScope) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// The token that authorised an API request.
public struct VerifiedAPIToken: Sendable {
    public let id: String
    public let name: String
    public let scopes: [String]
}
