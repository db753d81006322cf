/// Where a member's practice stands: sent and waiting for an editor, sent back with a note
/// asking for changes, declined with a note, or published.
enum SubmissionState: String, Sendable, CaseIterable, Codable {
    case submitted
    case changesRequested = "changes_requested"
    case declined
    case published

    /// How the submitter reads it.
    var label: String {
        switch self {
        case .submitted: "Waiting for an editor"
        case .changesRequested: "Changes asked for"
        case .declined: "Declined"
        case .published: "Published"
        }
    }

    /// The submitter may still change what they sent.
    var isEditableBySubmitter: Bool { self == .submitted || self == .changesRequested }

    /// An editor may still decide on it.
    var isOpen: Bool { self == .submitted || self == .changesRequested }
}

/// A member's practice with its review.
struct Submission: Sendable {
    let practice: LibraryRecord
    let submittedBy: String
    let submitterName: String
    let submitterEmail: String
    let state: SubmissionState
    let note: String?
}
