import CivitasCore

/// What a member sees of what they sent: each practice with where its review stands and the
/// editor's note, a link to change it while an editor has not decided, and the form.
struct MySubmissionsPage {
    let submissions: [Submission]
    let notice: String?

    var content: Node<HTML.BodyContext> {
        .group(
            .h1("Your practices"),
            .unwrap(notice) { .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text(escaping: $0))) },
            .p(.text(escaping: "Send your city's practice: an editor reads it, may ask you for changes, and publishes it. Nothing you send is public before then.")),
            .p(.a(.class("button"), .href(to: LibraryURL.newSubmission), .text(escaping: "Send a practice"))),
            submissions.isEmpty ? .p(.text(escaping: "You have not sent a practice yet.")) : .table(
                .thead(.tr(.th("Practice"), .th("State"), .th("Editor's note"), .actionsHeader)),
                .tbody(.forEach(submissions) { submission in
                    .tr(.td(submission.state == .published
                                ? .a(.href(to: LibraryURL.record(.practice, submission.practice.urlKey)), .text(escaping: submission.practice.title))
                                : .text(escaping: submission.practice.title)),
                        .td(.text(escaping: submission.state.label)),
                        .td(.unwrap(submission.note) { LibraryPageParts.paragraphs($0) }),
                        .td(.if(submission.state.isEditableBySubmitter,
                                .a(.href(to: LibraryURL.editSubmission(submission.practice.id)), .text(escaping: "Change it")))))
                })
            )
        )
    }
}

/// The form a member sends a practice with: the practice's fields, without an address or
/// publishing (editors decide both).
struct SubmissionFormPage {
    let submissionID: String?
    let values: [String: [String]]
    let error: AppError?
    let note: String?
    let choices: [RecordKindName: [(id: String, title: String)]]
    let csrfToken: String

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: submissionID == nil ? "Send a practice" : "Change your practice")),
            .unwrap(note) { note in .div(.class("notice"), .h2("The editor's note"), LibraryPageParts.paragraphs(note)) },
            .alert(error),
            .form(.class("stacked"), .method(.post), .action(to: submissionID.map { LibraryURL.submission($0) } ?? LibraryURL.mySubmissions),
                FormFields.csrf(csrfToken),
                RecordFormFields(fields: LibraryKind.practice.fields, values: values, errors: error?.fieldErrors ?? [:], choices: choices).nodes,
                .p(.button(.type(.submit), .text(escaping: submissionID == nil ? "Send it to the editors" : "Send the changes"))))
        )
    }
}

/// Editors' list of what members sent: the open ones first, as they arrived.
struct StaffSubmissionsPage {
    let submissions: [Submission]

    var content: Node<HTML.BodyContext> {
        .group(
            .h1("Submitted practices"),
            submissions.isEmpty ? .p(.text(escaping: "No member has sent a practice yet.")) : .table(
                .thead(.tr(.th("Practice"), .th("From"), .th("State"))),
                .tbody(.forEach(submissions) { submission in
                    .tr(.td(.a(.href(to: LibraryURL.staffSubmission(submission.practice.id)), .text(escaping: submission.practice.title))),
                        .td(.text(escaping: "\(submission.submitterName) <\(submission.submitterEmail)>")),
                        .td(.text(escaping: submission.state.label)))
                })
            )
        )
    }
}

/// One submission for an editor: the practice as it would be published, and the decisions.
struct StaffReviewPage {
    let submission: Submission
    let preview: Node<HTML.BodyContext>
    let error: AppError?
    let csrfToken: String

    var content: Node<HTML.BodyContext> {
        let form = FormFields(errors: error?.fieldErrors ?? [:])
        let id = submission.practice.id
        return .group(
            .p(.class("meta"), .text(escaping: "Sent by \(submission.submitterName) <\(submission.submitterEmail)> · \(submission.state.label)")),
            .alert(error),
            .unwrap(submission.note) { note in .div(.class("notice"), .h2("Note sent"), LibraryPageParts.paragraphs(note)) },
            .if(submission.state.isOpen, .section(
                .h2("Decide"),
                .p(.a(.href(to: LibraryURL.staffEdit(.practice, id)), .text(escaping: "Edit the practice first"))),
                .form(.class("stacked"), .method(.post), .action(to: LibraryURL.staffReview(id)),
                    FormFields.csrf(csrfToken),
                    form.textarea("note", "Note for the member", value: "", help: "Required to ask for changes or to decline; the member reads it"),
                    .p(.button(.type(.submit), .name("decision"), .value("request_changes"), .text(escaping: "Ask for changes")),
                       .text(escaping: " "),
                       .button(.class("secondary"), .type(.submit), .name("decision"), .value("decline"), .text(escaping: "Decline")),
                       .text(escaping: " "),
                       .button(.type(.submit), .name("decision"), .value("publish"), .text(escaping: "Publish"))))
            )),
            .section(.class("preview"), .h2("Preview"), preview)
        )
    }
}
