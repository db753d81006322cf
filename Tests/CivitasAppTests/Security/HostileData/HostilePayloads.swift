import CivitasCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an attacker types into fields, and the checks every output format must pass with
/// it stored. Grows with each field and each output format a capability adds.
enum HostilePayloads {
    /// For one-line fields: breaks out of attributes, scripts and quotes.
    static let singleLine = #""><img src=x onerror=alert(1)> </script><script>alert(2)</script> 'onmouseover='alert(3)' javascript:alert(4) =HYPERLINK("http://evil.example")"#
    /// For fields of several lines: the above, plus line breaks that try to start a mail header,
    /// a calendar property, a CSV row or a second SMTP message, and a Unicode line separator.
    static let multiLine = singleLine + "\r\nBcc: victim@evil.example\r\nATTENDEE:mailto:evil@example.org\n.\nMAIL FROM:<a@evil.example>\u{2028}end"
    /// One-line fields refuse these.
    static let lineBreaks = ["T\r\nBcc: victim@evil.example", "T\n.\nRCPT TO:<x@evil.example>", "T\u{2028}x", "T\tx"]
    /// Web-address fields refuse these.
    static let addresses = ["https://ok.example/\"><script>alert(5)</script>", "http://x.example/' onmouseover='alert(6)",
                            "javascript:alert(7)", "https://ok.example@evil.example/", "data:text/html,<b>x</b>"]
    /// An address that is accepted and must still be written escaped.
    static let acceptedAddress = "https://example.org/it's?a=1&b=2"

    static func fitting(_ maxLength: Int) -> String { String(singleLine.prefix(maxLength)) }
}

/// Checks of each output format; each returns what is wrong, empty when all is well.
enum OutputChecks {
    /// Text and attribute values escape `<` and `>`, so every `<...>` in a page is a tag the
    /// code wrote: none may carry an event handler, run a script other than JSON-LD, load the
    /// injected image or link to `javascript:`. JSON-LD blocks must parse and hold no `<`.
    static func html(_ html: String) -> [String] {
        var problems: [String] = []
        for match in html.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/) {
            let name = match.output.1.lowercased()
            let attributes = Self.attributes(String(match.output.2))
            let shown = String(match.output.0.prefix(120))
            for (attribute, value) in attributes {
                if attribute.hasPrefix("on") { problems.append("event handler \(attribute) in \(shown)") }
                if ["href", "src", "action"].contains(attribute), value.lowercased().hasPrefix("javascript:") { problems.append("javascript: link in \(shown)") }
                if attribute.contains("\"") || attribute.contains("'") || attribute.contains("<") { problems.append("broken attribute in \(shown)") }
            }
            if name == "img", attributes.contains(where: { $0.0 == "src" && $0.1 == "x" }) { problems.append("injected image \(shown)") }
            if name == "script", !attributes.contains(where: { $0.0 == "type" && $0.1 == "application/ld+json" }) { problems.append("injected script \(shown)") }
        }
        for block in html.matches(of: /<script type="application\/ld\+json">(.*?)<\/script>/.dotMatchesNewlines()) {
            let json = String(block.output.1)
            if json.contains("<") { problems.append("JSON-LD holds a raw <") }
            if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil { problems.append("JSON-LD does not parse") }
        }
        return problems
    }

    /// The attributes of a tag as a browser splits them: names, and values in quotes or bare.
    static func attributes(_ text: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            guard !rest.isEmpty else { return result }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
            rest = rest.dropFirst(max(name.count, 1))
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst()
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let body = rest.dropFirst().prefix { $0 != quote }
                    value = String(body)
                    rest = rest.dropFirst(body.count + 2)
                } else {
                    let body = rest.prefix { !$0.isWhitespace }
                    value = String(body)
                    rest = rest.dropFirst(body.count)
                }
            }
            result.append((name.lowercased(), value))
        }
    }

    /// The feed parses as XML, and its only elements are Atom's: a payload never becomes markup.
    static func atom(_ text: String) -> [String] {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        guard parser.parse() else { return ["the feed is not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "?")"] }
        let atom: Set<String> = ["feed", "id", "title", "updated", "link", "author", "name", "entry", "published", "category", "summary"]
        return collector.names.subtracting(atom).sorted().map { "unexpected element <\($0)>" }
    }

    /// The sitemap parses as XML, its only elements are the protocol's, and each address is a
    /// page of the site with nothing that would end the address or start markup.
    static func sitemap(_ text: String, publicURL: String) -> [String] {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        guard parser.parse() else { return ["the sitemap is not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "?")"] }
        var problems = collector.names.subtracting(["urlset", "url", "loc", "sitemapindex", "sitemap"]).sorted().map { "unexpected element <\($0)>" }
        for address in collector.texts["loc", default: []] where !address.hasPrefix(publicURL + "/") || address.contains(where: { $0.isWhitespace || "<>\"'".contains($0) }) {
            problems.append("address \(address.prefix(120))")
        }
        return problems
    }

    private final class ElementCollector: NSObject, XMLParserDelegate {
        var names: Set<String> = []
        /// The text of each element, by name.
        var texts: [String: [String]] = [:]
        private var current: (name: String, text: String)?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            names.insert(name)
            current = (name, "")
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current?.text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let current, current.name == name { texts[name, default: []].append(current.text) }
            current = nil
        }
    }

    /// Every unfolded line is one property; no injected property starts a line.
    static func iCalendar(_ text: String) -> [String] {
        var problems: [String] = []
        if text.replacingOccurrences(of: "\r\n", with: "").contains("\n") { problems.append("bare line feed in a calendar") }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        for line in unfolded.components(separatedBy: "\r\n") where !line.isEmpty {
            if line.range(of: #"^[A-Z][A-Z0-9-]*[;:]"#, options: .regularExpression) == nil { problems.append("not a property: \(line.prefix(80))") }
            if line.hasPrefix("ATTENDEE") || line.hasPrefix("BCC") { problems.append("injected property: \(line.prefix(80))") }
        }
        return problems
    }

    /// No cell a spreadsheet would run; as many rows as expected.
    /// A CSV whose cells may hold line breaks: it parses (RFC 4180) into `expected` rows of one
    /// width, and no cell, read as a spreadsheet reads it, starts a formula.
    static func quotedCSV(_ text: String, rows expected: Int) -> [String] {
        var problems: [String] = []
        guard let rows = try? CSVReader.rows(text) else { return ["the CSV does not parse"] }
        if rows.count != expected { problems.append("\(rows.count) rows, expected \(expected)") }
        if Set(rows.map(\.fields.count)).count > 1 { problems.append("rows of different widths") }
        // Where each cell starts in the text as written (CSVReader removes the guards).
        var cellStart = true, quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var cell = ""
        while let scalar = scalars.next() {
            if cellStart {
                cellStart = false
                if scalar == "\"" { quoted = true; continue }
            }
            if quoted {
                if scalar == "\"" { quoted = false }
                else if cell.count < 1 { cell.unicodeScalars.append(scalar) }
                continue
            }
            if scalar == "," || scalar == "\n" {
                if let first = cell.unicodeScalars.first(where: { $0.properties.generalCategory != .format && $0 != " " }), "=+-@".unicodeScalars.contains(first) {
                    problems.append("formula cell starting \(cell)")
                }
                cell = ""
                cellStart = true
            } else if scalar != "\r", cell.count < 1 {
                cell.unicodeScalars.append(scalar)
            }
        }
        return problems
    }

    static func csv(_ text: String, rows expected: Int) -> [String] {
        var problems: [String] = []
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        if rows.count != expected { problems.append("\(rows.count) rows, expected \(expected)") }
        for row in rows {
            for cell in row.split(separator: ",", omittingEmptySubsequences: false) {
                let bare = cell.drop { $0 == "\"" || $0 == " " }
                if let first = bare.unicodeScalars.first(where: { $0.properties.generalCategory != .format }), "=+-@".unicodeScalars.contains(first) {
                    problems.append("formula cell: \(cell.prefix(60))")
                }
            }
        }
        return problems
    }

    /// Headers are one line each (or folded continuation lines), none injected; CRLF only.
    static func mail(_ message: String) -> [String] {
        var problems: [String] = []
        if message.replacingOccurrences(of: "\r\n", with: "").contains("\n") || message.replacingOccurrences(of: "\r\n", with: "").contains("\r") {
            problems.append("a line ending other than CRLF")
        }
        let head = message.components(separatedBy: "\r\n\r\n").first ?? ""
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t") { continue }
            guard let name = line.split(separator: ":", maxSplits: 1).first else { continue }
            if !["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"].contains(String(name)) {
                problems.append("unexpected header: \(line.prefix(80))")
            }
        }
        return problems
    }
}
