import Plot

/// The staff form for one record, built from the kind's field specs, with each field's
/// error next to it and the values the person typed kept.
struct RecordFormPage {
    let kind: RecordKind
    /// nil when creating.
    let recordID: String?
    let published: Bool
    let slug: String
    /// What the fields show: the stored values, or what was sent with errors.
    let values: [String: [String]]
    let error: AppError?
    let choices: [RecordKind: [(id: String, title: String)]]
    let csrfToken: String

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: recordID == nil ? "New \(kind.label.lowercased())" : "Edit \(kind.label.lowercased())")),
            .unwrap(error) { error in .div(.class("alert"), .attribute(named: "role", value: "alert"), .p(.text(escaping: error.message))) },
            .form(.class("stacked"), .method(.post), .action(to: recordID.map { DirectoryURL.staffRecord(kind, $0) } ?? DirectoryURL.staffList(kind)),
                FormFields.csrf(csrfToken),
                .if(kind.hasSlug, field(name: "slug", label: "Slug", help: "The address of the page; made from the name when empty",
                                        input: .input(.type(.text), .id("slug"), .name("slug"), .value(escaping: slug)))),
                .forEach(kind.fields) { spec in field(spec) },
                .p(.button(.type(.submit), .text(escaping: "Save")))
            ),
            publishControls
        )
    }

    private var publishControls: Node<HTML.BodyContext> {
        guard let recordID else { return .empty }
        let target = published ? DirectoryURL.staffUnpublish(kind, recordID) : DirectoryURL.staffPublish(kind, recordID)
        return .form(.method(.post), .action(to: target),
            FormFields.csrf(csrfToken),
            .p(.text(escaping: published ? "This record is public. " : "This record is hidden from the public. "),
               .button(.class("secondary"), .type(.submit), .text(escaping: published ? "Unpublish" : "Publish"))))
    }

    private func field(_ spec: FieldSpec) -> Node<HTML.FormContext> {
        let current = values[spec.name] ?? []
        let input: Node<HTML.FormContext>
        switch spec.kind {
        case .longText:
            input = .textarea(.id(escaping: spec.name), .name(escaping: spec.name), .text(escaping: current.first ?? ""))
        case .choice(let options):
            input = select(spec, options: options.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }, current: current)
        case .reference(let target):
            input = select(spec, options: (choices[target] ?? []).map { ($0.id, $0.title) }, current: current)
        case .references(let target):
            input = .select(.id(escaping: spec.name), .attribute(named: "name", escaping: spec.name), .attribute(named: "multiple", value: "multiple"), .attribute(named: "size", value: "6"),
                .forEach(choices[target] ?? []) { choice in
                    .choice(value: choice.id, title: choice.title, selected: current.contains(choice.id))
                })
        default:
            input = .input(.type(inputType(spec)), .id(escaping: spec.name), .name(escaping: spec.name), .value(escaping: current.first ?? ""), .required(spec.required))
        }
        return field(name: spec.name, label: spec.label + (spec.required ? " (required)" : ""), help: spec.help, input: input)
    }

    private func field(name: String, label: String, help: String?, input: Node<HTML.FormContext>) -> Node<HTML.FormContext> {
        .div(
            .label(.for(escaping: name), .text(escaping: label), .unwrap(help) { .span(.class("help"), .text(escaping: $0)) }),
            input,
            .unwrap(error?.fieldErrors[name]) { .p(.class("field-error"), .id(escaping: "\(name)-error"), .text(escaping: "\(label): \($0)")) }
        )
    }

    private func select(_ spec: FieldSpec, options: [(String, String)], current: [String]) -> Node<HTML.FormContext> {
        .select(.id(escaping: spec.name), .attribute(named: "name", escaping: spec.name),
            .choice(value: "", title: "—", selected: current.isEmpty),
            .forEach(options) { option in .choice(value: option.0, title: option.1, selected: current.first == option.0) })
    }

    private func inputType(_ spec: FieldSpec) -> HTMLInputType {
        switch spec.kind {
        case .email: .email
        case .url: .url
        default: .text
        }
    }
}

extension Node where Context == HTML.SelectContext {
    /// An `<option>` with its text as content (Plot's own option takes attributes only).
    static func choice(value: String, title: String, selected: Bool) -> Node {
        .element(named: "option", nodes: [
            .attribute(named: "value", escaping: value, keepIfEmpty: true),
            .if(selected, .attribute(named: "selected", value: "selected")),
            .text(escaping: title),
        ])
    }
}
