/// What the member who sent a practice is told when an editor decides on it.
struct SubmissionMails {
    let publicURL: String
    let siteName: String

    func decided(_ submission: Submission) -> OutgoingMail {
        let title = submission.practice.title
        let (subject, lead): (String, String) = switch submission.state {
        case .changesRequested: ("Changes asked for: \(title)", "An editor has asked for changes to the practice you sent.")
        case .declined: ("Not published: \(title)", "An editor has decided not to publish the practice you sent.")
        case .published: ("Published: \(title)", "The practice you sent is now in the library: \(publicURL + LibraryURL.record(.practice, submission.practice.urlKey).path)")
        case .submitted: ("Received: \(title)", "The practice you sent waits for an editor.")
        }
        var paragraphs = ["Dear \(submission.submitterName),", lead]
        if let note = submission.note { paragraphs.append("The editor's note:\n\n\(note)") }
        paragraphs.append("Your submissions and their state: \(publicURL + LibraryURL.mySubmissions.path)")
        paragraphs.append(siteName)
        return OutgoingMail(recipient: submission.submitterEmail, subject: subject, body: paragraphs.joined(separator: "\n\n"),
                            about: MailAbout(kind: LibraryKind.practice.rawValue, id: submission.practice.id))
    }
}
