/// What an API token may write. Later capabilities add their own scopes.
public enum APIScope: String, CaseIterable, Sendable {
    case directoryWrite = "directory:write"
    case eventsWrite = "events:write"

    public var summary: String {
        switch self {
        case .directoryWrite: "Create, edit and unpublish directory records"
        case .eventsWrite: "Create, edit, reschedule and cancel events"
        }
    }
}

/// The token that authorised an API request.
public struct VerifiedAPIToken: Sendable {
    public let id: String
    public let name: String
    public let scopes: [APIScope]
}
