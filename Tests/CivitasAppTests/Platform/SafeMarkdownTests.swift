import Foundation
import Testing
@testable import CivitasApp

/// News bodies and practice stories are Markdown from staff and members: what they write
/// becomes Markdown's own markup and nothing else.
@Suite("Markdown rendered safely")
struct SafeMarkdownTests {
    /// Every tag Markdown may produce here; the only attributes are an escaped address and a list's start.
    static var allowedTag: Regex<AnyRegexOutput> { try! Regex(#"^</?(p|em|strong|code|pre|ul|li|blockquote|h[1-6]|hr/?|br|table|thead|tbody|tr|th|td|del|s)>$|^<ol( start="[0-9]+")?>$|^</ol>$|^<a href="[^"<>\s]*">$|^</a>$"#) }

    static func tags(_ html: String) -> [String] {
        html.matches(of: try! Regex(#"<[^>]*>?"#)).map { String(html[$0.range]) }
    }

    static func expectOnlyMarkdownTags(_ html: String, _ source: String) {
        for tag in tags(html) {
            #expect(tag.wholeMatch(of: allowedTag) != nil, "\(tag) in \(html) from \(source)")
        }
        #expect(!html.lowercased().contains("javascript:") || !tags(html).contains { $0.lowercased().contains("javascript:") })
    }

    @Test("Markdown's own formatting renders", arguments: [
        ("Plain *emphasis* and **strong** text.", "<p>Plain <em>emphasis</em> and <strong>strong</strong> text.</p>"),
        ("A [report](https://www.usmayors.org/report/) link.", "<p>A <a href=\"https://www.usmayors.org/report/\">report</a> link.</p>"),
        ("See [the event](/events/2018-winter-meeting).", "<p>See <a href=\"/events/2018-winter-meeting\">the event</a>.</p>"),
        ("- one\n- two", "<ul><li>one</li><li>two</li></ul>"),
        ("Fish & chips < 5", "<p>Fish &amp; chips &lt; 5</p>"),
    ])
    func formatting(markdown: String, expected: String) {
        #expect(SafeMarkdown.html(markdown) == expected)
    }

    @Test("Raw HTML, unsafe links, images and code languages become text", arguments: [
        "<script>alert(1)</script>",
        "Hello <img src=x onerror=alert(1)> there",
        "<div onclick=\"alert(1)\">block</div>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[quote](https://ok.example/\"onmouseover=\"alert(1))",
        "[tab](https://ok.example/\tx)",
        "[protocol relative](//evil.example/x)",
        "![x\" onerror=\"alert(1)](https://ok.example/a.png)",
        "![](javascript:alert(1))",
        "[ref][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "```\"><script>alert(1)</script>\nlet x = \"<b>\"\n```",
        "Text with <!-- comment --> and <style>p{}</style>",
        "[**bold <em>x</em>**](https://ok.example/)",
        "| a | b |\n|---|---|\n| <script>x</script> | [l](javascript:x) |",
        "> quote <iframe src=\"https://evil.example\"></iframe>",
        "# Heading <svg onload=alert(1)>",
        "1. first\n2. <b onmouseover=x>second</b>",
    ])
    func hostile(markdown: String) {
        let html = SafeMarkdown.html(markdown)
        Self.expectOnlyMarkdownTags(html, markdown)
        for tag in Self.tags(html) {
            #expect(!tag.lowercased().contains("javascript"), "\(tag)")
            #expect(!tag.lowercased().contains("data:"), "\(tag)")
            #expect(!tag.lowercased().contains("evil.example"), "\(tag)")
        }
    }

    @Test("What unsafe markup said is still shown, as text")
    func keepsTheWords() {
        #expect(SafeMarkdown.html("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(SafeMarkdown.html("[click](javascript:alert(1))").contains("click"))
        #expect(SafeMarkdown.html("![A map](https://ok.example/map.png)") == "<a href=\"https://ok.example/map.png\">A map</a>")
        #expect(SafeMarkdown.html("![x\" onerror=\"alert(1)](https://ok.example/a.png)") == "<a href=\"https://ok.example/a.png\">x\" onerror=\"alert(1)</a>")
        #expect(SafeMarkdown.html("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;")
        #expect(SafeMarkdown.html("```swift\nlet a = 1 < 2\n```") == "<pre><code>let a = 1 &lt; 2\n</code></pre>")
    }
}
