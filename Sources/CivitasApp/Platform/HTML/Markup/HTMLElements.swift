// The elements pages use, each allowed where HTML allows it.

extension Node where Context == HTML.DocumentContext {
    static func head(_ nodes: Node<HTML.HeadContext>...) -> Node { .element(named: "head", nodes: nodes) }
    static func body(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "body", nodes: nodes) }
}

extension Node where Context == HTML.HeadContext {
    static func link(_ attributes: Attribute<HTML.LinkContext>...) -> Node { .selfClosedElement(named: "link", attributes: attributes) }
    static func meta(_ attributes: Attribute<HTML.MetaContext>...) -> Node { .selfClosedElement(named: "meta", attributes: attributes) }
    static func title(_ title: String) -> Node { .element(named: "title", nodes: [Node.text(title)]) }
}

extension Node where Context: HTML.BodyContext {
    static func a(_ nodes: Node<HTML.AnchorContext>...) -> Node { .element(named: "a", nodes: nodes) }
    static func abbr(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "abbr", nodes: nodes) }
    static func article(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "article", nodes: nodes) }
    static func aside(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "aside", nodes: nodes) }
    static func b(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "b", nodes: nodes) }
    static func blockquote(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "blockquote", nodes: nodes) }
    static func br() -> Node { .selfClosedElement(named: "br", attributes: [Attribute<HTML.BodyContext>]()) }
    static func button(_ nodes: Node<HTML.ButtonContext>...) -> Node { .element(named: "button", nodes: nodes) }
    static func code(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "code", nodes: nodes) }
    static func details(_ nodes: Node<HTML.DetailsContext>...) -> Node { .element(named: "details", nodes: nodes) }
    static func dl(_ nodes: Node<HTML.DescriptionListContext>...) -> Node { .element(named: "dl", nodes: nodes) }
    static func em(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "em", nodes: nodes) }
    static func fieldset(_ nodes: Node<HTML.FormContext>...) -> Node { .element(named: "fieldset", nodes: nodes) }
    static func form(_ nodes: Node<HTML.FormContext>...) -> Node { .element(named: "form", nodes: nodes) }
    static func footer(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "footer", nodes: nodes) }
    static func h1(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "h1", nodes: nodes) }
    static func h2(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "h2", nodes: nodes) }
    static func h3(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "h3", nodes: nodes) }
    static func h4(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "h4", nodes: nodes) }
    static func header(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "header", nodes: nodes) }
    static func hr(_ attributes: Attribute<HTML.BodyContext>...) -> Node { .selfClosedElement(named: "hr", attributes: attributes) }
    static func i(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "i", nodes: nodes) }
    static func input(_ attributes: Attribute<HTML.InputContext>...) -> Node { .selfClosedElement(named: "input", attributes: attributes) }
    static func label(_ nodes: Node<HTML.LabelContext>...) -> Node { .element(named: "label", nodes: nodes) }
    static func main(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "main", nodes: nodes) }
    static func nav(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "nav", nodes: nodes) }
    static func ol(_ nodes: Node<HTML.ListContext>...) -> Node { .element(named: "ol", nodes: nodes) }
    static func p(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "p", nodes: nodes) }
    static func pre(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "pre", nodes: nodes) }
    static func section(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "section", nodes: nodes) }
    static func select(_ nodes: Node<HTML.SelectContext>...) -> Node { .element(named: "select", nodes: nodes) }
    static func small(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "small", nodes: nodes) }
    static func span(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "span", nodes: nodes) }
    static func strong(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "strong", nodes: nodes) }
    static func table(_ nodes: Node<HTML.TableContext>...) -> Node { .element(named: "table", nodes: nodes) }
    static func textarea(_ nodes: Node<HTML.TextAreaContext>...) -> Node { .element(named: "textarea", nodes: nodes) }
    static func time(_ nodes: Node<HTML.TimeContext>...) -> Node { .element(named: "time", nodes: nodes) }
    static func ul(_ nodes: Node<HTML.ListContext>...) -> Node { .element(named: "ul", nodes: nodes) }
}

extension Node where Context == HTML.ListContext {
    static func li(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "li", nodes: nodes) }
}

extension Node where Context == HTML.DescriptionListContext {
    static func dd(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "dd", nodes: nodes) }
    static func dt(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "dt", nodes: nodes) }
}

extension Node where Context: HTMLOptionListContext {
    static func option(_ attributes: Attribute<HTML.OptionContext>...) -> Node { .selfClosedElement(named: "option", attributes: attributes) }
}

extension Node where Context == HTML.TableContext {
    static func caption(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "caption", nodes: nodes) }
    static func tr(_ nodes: Node<HTML.TableRowContext>...) -> Node { .element(named: "tr", nodes: nodes) }
    static func thead(_ nodes: Node<HTML.TableContext>...) -> Node { .element(named: "thead", nodes: nodes) }
    static func tbody(_ nodes: Node<HTML.TableContext>...) -> Node { .element(named: "tbody", nodes: nodes) }
    static func tfoot(_ nodes: Node<HTML.TableContext>...) -> Node { .element(named: "tfoot", nodes: nodes) }
}

extension Node where Context == HTML.TableRowContext {
    static func th(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "th", nodes: nodes) }
    static func td(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "td", nodes: nodes) }

    /// The header of a column of buttons and links (edit, publish...): named for screen
    /// readers, which announce an empty header as nothing, and hidden on screen.
    static var actionsHeader: Node { .th(.span(.class("visually-hidden"), .text(escaping: "Actions"))) }
}

extension Node where Context: HTMLImageContainerContext {
    static func img(_ attributes: Attribute<HTML.ImageContext>...) -> Node { .selfClosedElement(named: "img", attributes: attributes) }
}

extension Node where Context == HTML.DetailsContext {
    static func summary(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "summary", nodes: nodes) }
}

extension Node where Context: HTMLScriptableContext {
    static func script(_ nodes: Node<HTML.ScriptContext>...) -> Node { .element(named: "script", nodes: nodes) }
}

extension Node where Context: HTMLDividableContext {
    static func div(_ nodes: Node<Context>...) -> Node { .element(named: "div", nodes: nodes) }
}
