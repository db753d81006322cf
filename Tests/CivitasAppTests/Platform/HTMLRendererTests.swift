import CivitasCore
import Testing
@testable import CivitasApp

/// The renderer writes what the pages were written against: Plot's rules for attributes,
/// void elements and text, in one pass.
@Suite("HTML rendering")
struct HTMLRendererTests {
    private func html(_ node: Node<HTML.BodyContext>) -> String { node.render() }

    @Test("Attributes anywhere among the children land in the opening tag, in the order they first appear")
    func attributesGatherIntoTheOpeningTag() {
        let node: Node<HTML.BodyContext> = .div(.p(.text(escaping: "a")), .class("box"), .group(.id("x"), .if(true, .attribute(named: "role", value: "note"))),
                                                .unwrap(String?.none) { _ in .class("never") })
        #expect(html(node) == #"<div class="box" id="x" role="note"><p>a</p></div>"#)
    }

    @Test("Each element's attributes are its own: none pass to the elements inside it or beside it")
    func attributesStayWithTheirElement() {
        let node: Node<HTML.BodyContext> = .div(.class("outer"), .p(.id("inner"), .span(.class("deep"), "a"), .class("p")), .span("b"),
                                                .attribute(named: "role", value: "note"), .p(.em("c")))
        #expect(html(node) == #"<div class="outer" role="note"><p id="inner" class="p"><span class="deep">a</span></p><span>b</span><p><em>c</em></p></div>"#)
    }

    @Test("A later attribute of the same name replaces the value, or joins it when it asks to")
    func attributesMergeByName() {
        #expect(html(.div(.class("a"), .class("b"))) == #"<div class="b"></div>"#)
        let joined: Node<HTML.BodyContext> = .div(.attribute(Attribute(name: "class", value: "a")), .attribute(Attribute(name: "class", value: "b", replaceExisting: false)),
                                                  .attribute(Attribute(name: "class", value: "", replaceExisting: false)))
        #expect(html(joined) == #"<div class="a b"></div>"#)
    }

    /// (An attribute written as its name alone has the empty string as its value, in HTML.)
    @Test("An attribute without a value is left out, or written as its name alone when it asks to be")
    func emptyAttributes() {
        #expect(html(.div(.class(""), .id("i"))) == #"<div id="i"></div>"#)
        #expect(html(.form(.input(.type(.checkbox), .checked(true), .required(false), .value(escaping: "")))) == #"<form><input type="checkbox" checked value/></form>"#)
        #expect(html(.form(.input(.attribute(named: "name", escaping: ""), .attribute(named: "title", escaping: "", keepIfEmpty: true)))) == #"<form><input title/></form>"#)
    }

    @Test("Void elements close themselves; other elements always have a closing tag")
    func closingTags() {
        #expect(html(.p(.br(), .span())) == "<p><br/><span></span></p>")
        #expect(html(.img(.src(web: WebAddress("https://example.org/a.png")!), .alt(escaping: "A \"quoted\" <b>"))) ==
            #"<img src="https://example.org/a.png" alt="A &quot;quoted&quot; &lt;b&gt;"/>"#)
        let document = String(buffer: HTML(.lang(.english), .head(.meta(.charset(.utf8))), .body(.p("x"))).renderedPage().buffer)
        #expect(document == #"<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"/></head><body><p>x</p></body></html>"#)
    }

    @Test("Text is escaped, whether written with the helper, as a literal or interpolated; raw markup is not")
    func textIsEscaped() {
        let hostile = "<script>alert('x')</script> & \"quotes\" &amp; é 😀"
        let escaped = "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quotes\" &amp;amp; é 😀"
        #expect(html(.p(.text(escaping: hostile))) == "<p>\(escaped)</p>")
        #expect(html(.p(.text(hostile))) == "<p>\(escaped)</p>")
        #expect(html(.p("Q&A <now>")) == "<p>Q&amp;A &lt;now&gt;</p>")
        #expect(html(.p("\(hostile)")) == "<p>\(escaped)</p>")
        #expect(html(.p(.raw("<em>kept</em>"))) == "<p><em>kept</em></p>")
    }

    @Test("Groups, conditions and lists add their members in order, and nothing when empty")
    func controlFlow() {
        let items = ["b", "a"]
        let node: Node<HTML.BodyContext> = .ul(.forEach(items) { .li(.text(escaping: $0)) }, .forEach([String]()) { .li(.text(escaping: $0)) })
        #expect(html(node) == "<ul><li>b</li><li>a</li></ul>")
        #expect(html(.div(.if(false, .p("yes"), else: .p("no")), .group(), .empty)) == "<div><p>no</p></div>")
    }
}
