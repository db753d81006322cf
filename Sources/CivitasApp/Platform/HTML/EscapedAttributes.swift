import CivitasCore

// The HTML builders (`Platform/HTML/Markup`) write attribute values exactly as given. These
// helpers are the one way Civitas writes an attribute value that is not a fixed string in the
// source: each escapes it (`HTMLEscaping.attribute`), and links take only a `LinkDestination`
// (a typed route of this site or a checked `WebAddress`), never a bare string. Element text
// goes through `.text(escaping:)`, which the renderer escapes as it writes it
// (`HTMLEscaping.appendText`). `HTMLSafetyTests` fails when source code writes either any other way.

extension Node {
    /// Text, escaped as the renderer writes it (`HTMLEscaping.appendText`).
    static func text(escaping text: String) -> Node { .text(text) }

    /// Markdown a person wrote, as `SafeMarkdown` renders it (Markdown's own tags only).
    static func markdown(_ text: String) -> Node { .raw(SafeMarkdown.html(text)) }
}

/// What a link or a form may point at.
protocol LinkDestination {
    /// The address, unescaped.
    var href: String { get }
}

extension WebAddress: LinkDestination {
    var href: String { text }
}

/// A path of this site with a query string, built by `SitePath.with(query:)`.
struct SiteLink: SitePath, Hashable {
    let path: String

    init(path: String) { self.path = path }
    init(_ destination: some SitePath) { self.path = destination.path }
}

extension Node where Context: HTMLLinkableContext {
    static func href(to destination: some LinkDestination) -> Node {
        .attribute(named: "href", value: HTMLEscaping.attribute(destination.href))
    }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(to destination: some LinkDestination) -> Attribute {
        Attribute(name: "href", value: HTMLEscaping.attribute(destination.href))
    }
}

extension Node where Context == HTML.FormContext {
    static func action(to destination: some LinkDestination) -> Node {
        .attribute(named: "action", value: HTMLEscaping.attribute(destination.href))
    }
}

extension Attribute where Context == HTML.ImageContext {
    static func src(web address: WebAddress) -> Attribute {
        Attribute(name: "src", value: HTMLEscaping.attribute(address.text))
    }

    static func alt(escaping text: String) -> Attribute {
        Attribute(name: "alt", value: HTMLEscaping.attribute(text), ignoreIfValueIsEmpty: false)
    }
}

extension Node where Context: HTMLContext {
    static func id(escaping id: String) -> Node { .attribute(named: "id", value: HTMLEscaping.attribute(id)) }
    static func title(escaping title: String) -> Node { .attribute(named: "title", value: HTMLEscaping.attribute(title)) }

    /// Any other attribute; `keepIfEmpty` writes `name=""` rather than leaving it out.
    static func attribute(named name: String, escaping value: String, keepIfEmpty: Bool = false) -> Node {
        .attribute(Attribute(name: name, value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: !keepIfEmpty))
    }
}

extension Attribute where Context: HTMLContext {
    static func id(escaping id: String) -> Attribute { Attribute(name: "id", value: HTMLEscaping.attribute(id)) }

    static func attribute(named name: String, escaping value: String, keepIfEmpty: Bool = false) -> Attribute {
        Attribute(name: name, value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: !keepIfEmpty)
    }
}

extension Node where Context: HTMLNamableContext {
    static func name(escaping name: String) -> Node { .attribute(named: "name", value: HTMLEscaping.attribute(name)) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(escaping name: String) -> Attribute { Attribute(name: "name", value: HTMLEscaping.attribute(name)) }
}

extension Node where Context: HTMLValueContext {
    static func value(escaping value: String) -> Node {
        .attribute(Attribute(name: "value", value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: false))
    }
}

extension Attribute where Context: HTMLValueContext {
    static func value(escaping value: String) -> Attribute {
        Attribute(name: "value", value: HTMLEscaping.attribute(value), ignoreIfValueIsEmpty: false)
    }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(escaping target: String) -> Node { .attribute(named: "for", value: HTMLEscaping.attribute(target)) }
}

extension Node where Context == HTML.TimeContext {
    static func datetime(escaping value: String) -> Node { .attribute(named: "datetime", value: HTMLEscaping.attribute(value)) }
}

extension Attribute where Context == HTML.MetaContext {
    static func content(escaping value: String) -> Attribute { Attribute(name: "content", value: HTMLEscaping.attribute(value)) }
}
