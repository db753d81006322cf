import CivitasCore
import Ink

/// Markdown written by staff and members (news bodies, a practice's story), rendered with Ink
/// so that nothing in it becomes markup but Markdown's own.
///
/// Ink copies raw HTML through and writes link and image addresses, image descriptions and
/// code languages into attributes unescaped. Its modifiers take each of those over here:
/// - raw HTML, block or inline, is shown as the text it is;
/// - a link keeps its address only when it is a clean http(s) address (`WebAddress`) or a path
///   of this site, written escaped; any other link (`javascript:`, `data:`, reference-style)
///   shows its text alone;
/// - an image becomes a link to it, so a page loads nothing a writer points at;
/// - a code block loses its language, and its code is escaped as Ink escapes it.
/// `SafeMarkdownTests` checks that every tag of the output is one of Markdown's own, with no
/// attribute but an escaped `href` and a list's `start`.
enum SafeMarkdown {
    static func html(_ markdown: String) -> String {
        parser.html(from: markdown)
    }

    private static var parser: MarkdownParser {
        MarkdownParser(modifiers: [
            Modifier(target: .html) { HTMLEscaping.text(String($0.markdown)) },
            Modifier(target: .links) { link(String($0.markdown), image: false) },
            Modifier(target: .images) { link(String($0.markdown.dropFirst()), image: true) },
            Modifier(target: .codeBlocks) { codeBlock(String($0.markdown)) },
        ])
    }

    /// `[text](address)`: its text rendered as Markdown, linked only to a safe address.
    private static func link(_ markdown: String, image: Bool) -> String {
        guard let (text, address) = splitLink(markdown) else { return HTMLEscaping.text(markdown) }
        var title = inline(text)
        if image, title.isEmpty { title = "Image" }
        guard let href = safeAddress(address) else { return title }
        return "<a href=\"\(HTMLEscaping.attribute(href))\">\(title)</a>"
    }

    /// The text and address of `[text](address "title")`, or nil for another form (reference links).
    private static func splitLink(_ markdown: String) -> (text: String, address: String)? {
        guard markdown.first == "[", markdown.last == ")" else { return nil }
        // The address is the parenthesised part at the end, balanced as Ink reads it.
        var depth = 0
        var index = markdown.index(before: markdown.endIndex)
        while index > markdown.startIndex {
            let character = markdown[index]
            if character == ")" { depth += 1 }
            if character == "(" {
                depth -= 1
                if depth == 0 { break }
            }
            index = markdown.index(before: index)
        }
        guard depth == 0, index > markdown.startIndex, markdown[markdown.index(before: index)] == "]" else { return nil }
        let text = markdown[markdown.index(after: markdown.startIndex)..<markdown.index(before: index)]
        var address = markdown[markdown.index(after: index)..<markdown.index(before: markdown.endIndex)]
            .trimmingCharacters(in: .whitespaces)
        // A title after the address (`(https://x "Title")`) is not kept.
        if let space = address.firstIndex(of: " ") { address = String(address[..<space]) }
        return (String(text), address)
    }

    /// A clean http(s) address, or a path of this site (not `//host`, which leaves it).
    private static func safeAddress(_ address: String) -> String? {
        if let web = WebAddress(address) { return web.text }
        guard address.hasPrefix("/"), !address.hasPrefix("//"), address.count <= 2_000,
              address.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && !"\"'<>\\`".unicodeScalars.contains($0) })
        else { return nil }
        return address
    }

    /// Markdown inside a link, rendered without the paragraph Ink wraps it in.
    private static func inline(_ markdown: String) -> String {
        var html = parser.html(from: markdown)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    /// A fenced block's lines between its fences, escaped, without the language Ink would
    /// write into a class attribute.
    private static func codeBlock(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("```") == true { lines.removeFirst() }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty || last.hasPrefix("```") {
            lines.removeLast()
            if last.hasPrefix("```") { break }
        }
        return "<pre><code>" + HTMLEscaping.text(lines.joined(separator: "\n")) + "\n</code></pre>"
    }
}
