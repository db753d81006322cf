
/// Labelled form fields with their error underneath, for every capability's forms.
struct FormFields {
    let errors: [String: String]

    func field(_ name: String, _ label: String, help: String? = nil, _ input: Node<HTML.FormContext>) -> Node<HTML.FormContext> {
        .div(
            .label(.for(escaping: name), .text(escaping: label), .unwrap(help) { .span(.class("help"), .text(escaping: $0)) }),
            input,
            .unwrap(errors[name]) { .p(.class("field-error"), .id(escaping: "\(name)-error"), .text(escaping: "\(label): \($0)")) }
        )
    }

    func text(_ name: String, _ label: String, value: String, type: HTMLInputType = .text, required: Bool = false, help: String? = nil) -> Node<HTML.FormContext> {
        field(name, label + (required ? " (required)" : ""), help: help,
              .input(.type(type), .id(escaping: name), .name(escaping: name), .value(escaping: value), .required(required)))
    }

    func textarea(_ name: String, _ label: String, value: String, help: String? = nil) -> Node<HTML.FormContext> {
        field(name, label, help: help, .textarea(.id(escaping: name), .name(escaping: name), .text(escaping: value)))
    }

    func select(_ name: String, _ label: String, options: [(String, String)], selected: [String], multiple: Bool = false,
                blank: Bool = false, help: String? = nil) -> Node<HTML.FormContext> {
        field(name, label, help: help, .select(.id(escaping: name), .attribute(named: "name", escaping: name),
            .if(multiple, .attribute(named: "multiple", value: "multiple")),
            .if(multiple, .attribute(named: "size", value: "6")),
            .if(blank, .choice(value: "", title: "—", selected: selected.isEmpty)),
            .forEach(options) { option in .choice(value: option.0, title: option.1, selected: selected.contains(option.0)) }))
    }

    func checkbox(_ name: String, _ label: String, checked: Bool) -> Node<HTML.FormContext> {
        .div(.label(.input(.type(.checkbox), .id(escaping: name), .name(escaping: name), .value("true"), .checked(checked)),
                    .text(escaping: " " + label)))
    }

    static func csrf(_ token: String) -> Node<HTML.FormContext> { .input(.type(.hidden), .name("csrf_token"), .value(escaping: token)) }
}

extension Node where Context == HTML.SelectContext {
    /// An `<option>` with its text as content (the builders' own option takes attributes only).
    static func choice(value: String, title: String, selected: Bool) -> Node {
        .element(named: "option", nodes: [
            .attribute(named: "value", escaping: value, keepIfEmpty: true),
            .if(selected, .attribute(named: "selected", value: "selected")),
            .text(escaping: title),
        ])
    }
}

extension Node where Context == HTML.BodyContext {
    static func alert(_ error: AppError?) -> Node {
        .unwrap(error) { error in .div(.class("alert"), .attribute(named: "role", value: "alert"), .p(.text(escaping: error.message))) }
    }
}
