import CivitasCore

/// A piece of an HTML page: an element, an attribute of the element it sits in, text, markup
/// already written, or a group of these. `Context` says where the piece may go (a `<li>` in a
/// list, an `<input>` in a form), so a page that nests elements wrongly does not compile.
///
/// The spelling is Plot's (`.div(.class("x"), .p(.text(escaping: name)))`), which the pages
/// were first written in. Plot renders every element into a string of its own and copies it
/// into its parent's, so a page was copied once per level of nesting and allocated a renderer
/// per element (a fifth of an uncached profile page's time); here the tree is a plain value
/// and `HTMLRenderer` writes it into one buffer in one pass.
struct Node<Context> {
    let markup: Markup

    init(_ markup: Markup) { self.markup = markup }

    static var empty: Node { Node(.empty) }

    /// Markup written elsewhere and trusted as it is (`HTMLSafetyTests` says which files may).
    static func raw(_ html: String) -> Node { Node(.raw(html)) }

    /// Text, escaped when written.
    static func text(_ text: String) -> Node { Node(.text(text)) }

    static func element(named name: String, nodes: [Node] = []) -> Node {
        Node(.element(MarkupElement(name: name, closing: .standard, children: nodes.map(\.markup))))
    }

    static func element(named name: String, text: String) -> Node {
        Node(.element(MarkupElement(name: name, closing: .standard, children: [.text(text)])))
    }

    static func element<Child>(named name: String, nodes: [Node<Child>]) -> Node {
        Node(.element(MarkupElement(name: name, closing: .standard, children: nodes.map(\.markup))))
    }

    /// A void element (`<input/>`, `<meta/>`): attributes only, no closing tag.
    static func selfClosedElement<Child>(named name: String, attributes: [Attribute<Child>]) -> Node {
        Node(.element(MarkupElement(name: name, closing: .selfClosing, children: attributes.map { .attribute($0.value) })))
    }

    static func attribute(_ attribute: Attribute<Context>) -> Node { Node(.attribute(attribute.value)) }

    /// An attribute written as its name alone (`required`, `checked`).
    static func attribute(named name: String) -> Node {
        Node(.attribute(MarkupAttribute(name: name, value: nil, ignoreIfValueIsEmpty: false)))
    }

    /// An attribute with its value as given: the value must already be escaped (the
    /// `escaping:` helpers in `EscapedAttributes.swift` are the way to write a dynamic one).
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        Node(.attribute(MarkupAttribute(name: name, value: value, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)))
    }

    static func group(_ members: [Node]) -> Node { Node(.group(members.map(\.markup))) }
    static func group(_ members: Node...) -> Node { .group(members) }

    static func `if`(_ condition: Bool, _ node: Node, else fallback: Node? = nil) -> Node {
        condition ? node : fallback ?? .empty
    }

    static func unwrap<T>(_ optional: T?, _ transform: (T) throws -> Node, else fallback: Node = .empty) rethrows -> Node {
        try optional.map(transform) ?? fallback
    }

    static func forEach<S: Sequence>(_ sequence: S, _ transform: (S.Element) throws -> Node) rethrows -> Node {
        Node(.group(try sequence.map { try transform($0).markup }))
    }

    /// The piece alone, as HTML text (a page's header and footer are rendered once each).
    func render() -> String { HTMLRenderer.render(markup) }
}

extension Node: ExpressibleByStringInterpolation {
    /// A string literal in the source is text, escaped like any other (interpolated values too).
    init(stringLiteral value: String) { self.init(.text(value)) }
    init(stringInterpolation: DefaultStringInterpolation) { self.init(.text(String(stringInterpolation: stringInterpolation))) }
}

/// An attribute of an element, in a context that allows it.
struct Attribute<Context> {
    let value: MarkupAttribute

    init(name: String, value: String?, replaceExisting: Bool = true, ignoreIfValueIsEmpty: Bool = true) {
        self.value = MarkupAttribute(name: name, value: value, replaceExisting: replaceExisting, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
    }

    static var empty: Attribute { Attribute(name: "", value: nil) }

    static func attribute(named name: String, value: String?) -> Attribute { Attribute(name: name, value: value) }

    static func unwrap<T>(_ optional: T?, _ transform: (T) throws -> Attribute, else fallback: Attribute = .empty) rethrows -> Attribute {
        try optional.map(transform) ?? fallback
    }
}

/// The tree a page is made of, without the contexts (which only the compiler needs).
enum Markup {
    case empty
    case text(String)
    case raw(String)
    case attribute(MarkupAttribute)
    case element(MarkupElement)
    case group([Markup])
}

struct MarkupElement {
    enum Closing {
        /// `<p>…</p>`
        case standard
        /// `<input …/>`, or with a closing tag if it was given content
        case selfClosing
        /// `<!DOCTYPE html>`
        case neverClosed
    }

    let name: String
    let closing: Closing
    let children: [Markup]
}

struct MarkupAttribute {
    let name: String
    let value: String?
    /// A second attribute of the same name replaces the first (else their values are joined by a space).
    var replaceExisting = true
    /// Left out when it has no value (else written as its name alone).
    var ignoreIfValueIsEmpty = true
}
