
/// The staff form for one record, built from the kind's field specs, with each field's
/// error next to it and the values the person typed kept.
struct RecordFormPage<Kind: RecordShape> {
    let kind: Kind
    /// nil when creating.
    let recordID: String?
    let published: Bool
    let slug: String
    /// What the fields show: the stored values, or what was sent with errors.
    let values: [String: [String]]
    let error: AppError?
    let choices: [RecordKindName: [(id: String, title: String)]]
    let csrfToken: String
    /// Where the form is sent: the list (creating) or the record (editing).
    let saveTarget: SiteLink
    /// Where publishing and unpublishing an existing record are sent.
    let publishTarget: SiteLink?
    let unpublishTarget: SiteLink?
    /// What a capability shows under the form for a kind of its own (a resource's file).
    var extra: Node<HTML.BodyContext> = .empty

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: recordID == nil ? "New \(kind.label.lowercased())" : "Edit \(kind.label.lowercased())")),
            .alert(error),
            .form(.class("stacked"), .method(.post), .action(to: saveTarget),
                FormFields.csrf(csrfToken),
                .if(kind.hasSlug, FormFields(errors: error?.fieldErrors ?? [:]).text("slug", "Slug", value: slug,
                                                                                  help: "The address of the page; made from the name when empty")),
                RecordFormFields(fields: kind.fields, values: values, errors: error?.fieldErrors ?? [:], choices: choices).nodes,
                .p(.button(.type(.submit), .text(escaping: "Save")))
            ),
            publishControls,
            extra
        )
    }

    private var publishControls: Node<HTML.BodyContext> {
        guard recordID != nil, let target = published ? unpublishTarget : publishTarget else { return .empty }
        return .form(.method(.post), .action(to: target),
            FormFields.csrf(csrfToken),
            .p(.text(escaping: published ? "This record is public. " : "This record is hidden from the public. "),
               .button(.class("secondary"), .type(.submit), .text(escaping: published ? "Unpublish" : "Publish"))))
    }
}
