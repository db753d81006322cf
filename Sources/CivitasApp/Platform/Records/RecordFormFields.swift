import CivitasCore

/// A record's fields as the inputs of a staff form, from its kind's field specs: each with its
/// label, help and error, showing what is stored or what the person typed.
struct RecordFormFields {
    let fields: [FieldSpec]
    /// What the fields show: the stored values, or what was sent with errors.
    let values: [String: [String]]
    let errors: [String: String]
    /// The records a reference field may point at, by the kind it points at.
    let choices: [RecordKindName: [(id: String, title: String)]]

    var nodes: Node<HTML.FormContext> { .forEach(fields) { input(for: $0) } }

    /// What a sent form's fields held, to show again beside its errors.
    static func typed(_ form: FormData, kind: some RecordShape) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for field in kind.fields { values[field.name] = form.all(field.name) }
        return values
    }

    private func input(for spec: FieldSpec) -> Node<HTML.FormContext> {
        let form = FormFields(errors: errors)
        let current = values[spec.name] ?? []
        let label = spec.label + (spec.required ? " (required)" : "")
        switch spec.kind {
        case .longText:
            return form.textarea(spec.name, label, value: current.first ?? "", help: spec.help)
        case .choice(let options):
            return form.select(spec.name, label, options: options.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) },
                               selected: Array(current.prefix(1)), blank: true, help: spec.help)
        case .flag:
            return form.checkbox(spec.name, spec.label, checked: current.first == "yes" || current.first == "true")
        case .reference(let target):
            return form.select(spec.name, label, options: (choices[target] ?? []).map { ($0.id, $0.title) },
                               selected: Array(current.prefix(1)), blank: true, help: spec.help)
        case .references(let target):
            return form.select(spec.name, label, options: (choices[target] ?? []).map { ($0.id, $0.title) },
                               selected: current, multiple: true, help: spec.help)
        default:
            return form.text(spec.name, spec.label, value: current.first ?? "", type: Self.inputType(spec), required: spec.required, help: spec.help)
        }
    }

    private static func inputType(_ spec: FieldSpec) -> HTMLInputType {
        switch spec.kind {
        case .email: .email
        case .url: .url
        default: .text
        }
    }
}
