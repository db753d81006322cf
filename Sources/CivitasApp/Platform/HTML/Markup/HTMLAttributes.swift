// Attributes with fixed or typed values. Values from data go through the `escaping:` helpers
// in `EscapedAttributes.swift`; these take values the source code fixes (a class name, a
// field's name from the kind's spec, an enumeration's raw value).

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { Attribute(name: "id", value: id) }
    static func `class`(_ className: String) -> Attribute { Attribute(name: "class", value: className) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    static func hidden(_ isHidden: Bool) -> Node { isHidden ? .attribute(named: "hidden") : .empty }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { Attribute(name: "name", value: name) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
}

extension Attribute where Context == HTML.MetaContext {
    static func property(_ property: String) -> Attribute { Attribute(name: "property", value: property) }
    static func charset(_ encoding: DocumentEncoding) -> Attribute { Attribute(name: "charset", value: encoding.rawValue) }
    static func content(_ content: String) -> Attribute { Attribute(name: "content", value: content) }
}

extension Attribute where Context: HTMLTypeContext {
    static func type(_ type: String) -> Attribute { Attribute(name: "type", value: type) }
}

extension Node where Context: HTMLTypeContext {
    static func type(_ type: String) -> Node { .attribute(named: "type", value: type) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { Attribute(name: "value", value: value) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
}

extension Node where Context == HTML.DocumentContext {
    static func lang(_ language: Language) -> Node { .attribute(named: "lang", value: language.rawValue) }
}

extension Attribute where Context == HTML.LinkContext {
    static func rel(_ relationship: HTMLLinkRelationship) -> Attribute { Attribute(name: "rel", value: relationship.rawValue) }
}

extension Node where Context == HTML.DetailsContext {
    static func open(_ isOpen: Bool) -> Node { isOpen ? .attribute(named: "open") : .empty }
}

extension Node where Context == HTML.FormContext {
    static func enctype(_ type: HTMLFormContentType) -> Node { .attribute(named: "enctype", value: type.rawValue) }
    static func method(_ method: HTMLFormMethod) -> Node { .attribute(named: "method", value: method.rawValue) }
    static func novalidate(_ isOn: Bool = true) -> Node { isOn ? .attribute(named: "novalidate") : .empty }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
}

extension Attribute where Context == HTML.InputContext {
    static func type(_ type: HTMLInputType) -> Attribute { Attribute(name: "type", value: type.rawValue) }
    static func placeholder(_ placeholder: String) -> Attribute { Attribute(name: "placeholder", value: placeholder) }
    static func autocomplete(_ isOn: Bool) -> Attribute { Attribute(name: "autocomplete", value: isOn ? "on" : "off") }
    static func required(_ isRequired: Bool) -> Attribute { isRequired ? Self.flag("required") : .empty }
    static func autofocus(_ isOn: Bool) -> Attribute { isOn ? Self.flag("autofocus") : .empty }
    static func readonly(_ isReadonly: Bool) -> Attribute { isReadonly ? Self.flag("readonly") : .empty }
    static func disabled(_ isDisabled: Bool) -> Attribute { isDisabled ? Self.flag("disabled") : .empty }
    static func multiple(_ isEnabled: Bool) -> Attribute { isEnabled ? Self.flag("multiple") : .empty }
    static func checked(_ isChecked: Bool) -> Attribute { isChecked ? Self.flag("checked") : .empty }
}

extension Attribute {
    /// An attribute written as its name alone.
    static func flag(_ name: String) -> Attribute { Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false) }
}

extension Node where Context == HTML.ButtonContext {
    static func type(_ type: HTMLButtonType) -> Node { .attribute(named: "type", value: type.rawValue) }
}

extension Node where Context == HTML.TextAreaContext {
    static func cols(_ columns: Int) -> Node { .attribute(named: "cols", value: String(columns)) }
    static func rows(_ rows: Int) -> Node { .attribute(named: "rows", value: String(rows)) }
    static func placeholder(_ placeholder: String) -> Node { .attribute(named: "placeholder", value: placeholder) }
    static func required(_ isRequired: Bool) -> Node { isRequired ? .attribute(named: "required") : .empty }
    static func readonly(_ isReadonly: Bool) -> Node { isReadonly ? .attribute(named: "readonly") : .empty }
    static func disabled(_ isDisabled: Bool) -> Node { isDisabled ? .attribute(named: "disabled") : .empty }
}

extension Attribute where Context == HTML.OptionContext {
    static func isSelected(_ isSelected: Bool) -> Attribute { isSelected ? Self.flag("selected") : .empty }
    static func label(_ label: String) -> Attribute { Attribute(name: "label", value: label, ignoreIfValueIsEmpty: false) }
}

extension Attribute where Context: HTMLDimensionContext {
    static func width(_ width: Int) -> Attribute { Attribute(name: "width", value: String(width)) }
    static func height(_ height: Int) -> Attribute { Attribute(name: "height", value: String(height)) }
}

extension Node where Context: HTMLStylableContext {
    static func style(_ css: String) -> Node { .attribute(named: "style", value: css) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { .attribute(named: "aria-label", value: label) }
    static func ariaHidden(_ isHidden: Bool) -> Node { .attribute(named: "aria-hidden", value: isHidden ? "true" : "false") }
}

extension Node where Context: HTMLLinkableContext {
    /// A link fixed in the source (`"#main"`); links built from data take a `LinkDestination`.
    static func href(_ fixed: StaticString) -> Node { .attribute(named: "href", value: fixed.description) }
}
