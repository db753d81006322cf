import Foundation
import Testing

/// The HTML builders (`Platform/HTML/Markup`) write attribute values as given, so the project writes every dynamic attribute
/// value, and all element text, through its escaping helpers
/// (`Platform/HTML/EscapedAttributes.swift`). This test reads the source and fails on any
/// other way of writing them.
@Suite struct HTMLSafetyTests {
    @Test func everyDynamicAttributeValueGoesThroughTheEscapingHelpers() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/CivitasApp")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasSuffix(AttributeScanner.helperFile) }
        #expect(files.count > 20, "the scan found the sources")
        var pages = 0
        var problems: [String] = []
        for file in files {
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            // Only code that builds HTML can write attributes; the builders themselves are the
            // one place that defines how (`Platform/HTML/Markup`).
            let buildsHTML = ["Node<", "Attribute<", "HTML.", "HTML(", ".text(escaping:"].contains { source.contains($0) }
            guard !file.hasPrefix("Platform/HTML/Markup/"), buildsHTML else { continue }
            pages += 1
            problems += AttributeScanner.problems(in: source, file: file).map { "\(file): \($0)" }
        }
        #expect(pages > 15, "the scan read the page code")
        #expect(problems.isEmpty, "dynamic attribute values outside the escaping helpers:\n\(problems.joined(separator: "\n"))")
    }

    @Test func theScanCatchesEachWayOfWritingARawAttribute() {
        let bad = [
            #".input(.name("q"), .value(query))"#,
            #".a(.href(url), .text(escaping: "x"))"#,
            #".a(.href(SiteURL.home.path))"#,
            #".meta(.name("description"), .content(description))"#,
            #".meta(.content("\(title)"))"#,
            #".a(.attribute(named: "title", value: source.title))"#,
            #".element(named: "option", nodes: [.attribute(named: "value", value: $0)])"#,
            #".img(.src($0), .alt("Portrait"))"#,
            #"Attribute(name: "href", value: link)"#,
            #".div(.raw(html))"#,
            #".form(.action(target.path))"#,
            #".label(.for(name))"#,
            #".title("\(title) · \(siteName)")"#,
            #".p(.text(summary))"#,
        ]
        for snippet in bad {
            #expect(!AttributeScanner.problems(in: snippet).isEmpty, "not caught: \(snippet)")
        }
        let good = [
            #".input(.type(.hidden), .name("csrf_token"), .value(escaping: token))"#,
            #".a(.href(to: SiteURL.home), .class("brand"), .text(escaping: name))"#,
            #".a(.attribute(named: "title", escaping: source.title))"#,
            #".div(.attribute(named: "role", value: "alert"))"#,
            #".label(.for(escaping: name), .text(escaping: label))"#,
            #".img(.src(web: address), .alt(escaping: "Portrait"))"#,
            #".label(.input(.type(.checkbox)), .text(escaping: " " + label))"#,
        ]
        for snippet in good {
            #expect(AttributeScanner.problems(in: snippet).isEmpty, "wrongly refused: \(snippet)")
        }
    }
}

/// Finds attribute builder calls whose value is not a fixed string literal.
enum AttributeScanner {
    static let helperFile = "Platform/HTML/EscapedAttributes.swift"
    /// The builders that write a string into an attribute unescaped.
    static let attributeBuilders = ["href", "src", "action", "value", "content", "title", "id", "class", "name", "for", "datetime",
                                    "placeholder", "alt", "label", "ariaLabel", "ariaControls", "style", "property", "sizes",
                                    "srcset", "media", "integrity", "data"]
    /// The project's escaping helpers, told apart by their first argument label.
    static let safeLabels = ["to:", "web:", "escaping:"]
    /// Files allowed to write raw markup, and why.
    static let rawAllowed: [String: String] = [
        "Platform/HTML/PageLayout.swift": "JSON-LD, written by JSONValue.scriptSafeText with < as \\u003c; the visitors' header and footer, rendered from escaped nodes once and kept",
    ]

    static func problems(in source: String, file: String = "") -> [String] {
        var problems: [String] = []
        // Implicit member calls only (`.value(x)`, not `sql.raw(x)`): the HTML builders are written that way.
        let pattern = try! Regex(#"\.(\w+)\("#)
        for match in source.matches(of: pattern) {
            if match.range.lowerBound > source.startIndex,
               let before = source[source.index(before: match.range.lowerBound)].unicodeScalars.first,
               before.properties.isAlphabetic || ("0"..."9").contains(before) || before == "_" || before == ")" || before == "]" { continue }
            let name = String(source[match.range].dropFirst().dropLast())
            let rest = source[match.range.upperBound...]
            let line = source[..<match.range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            switch name {
            case "text":
                if !rest.hasPrefix("escaping:") { problems.append("line \(line): .text(...) outside the one text escaper; use .text(escaping:)") }
            case "raw" where rawAllowed[file] == nil:
                problems.append("line \(line): .raw(...) writes markup unescaped")
            case "attribute":
                guard rest.hasPrefix("named:") else { continue }
                let afterName = rest.drop { $0 != "," }.dropFirst().drop { $0 == " " }
                if afterName.hasPrefix("escaping:") { continue }
                if afterName.hasPrefix("value:"), isFixedLiteral(afterName.dropFirst("value:".count).drop { $0 == " " }, allowingMoreArguments: true) { continue }
                if afterName.isEmpty || afterName.hasPrefix(")") { continue }
                problems.append("line \(line): .attribute(named:value:) with a dynamic value; use .attribute(named:escaping:)")
            case _ where attributeBuilders.contains(name):
                if rest.hasPrefix(".") || rest.hasPrefix(")") { continue } // child nodes or an enum case, not a string
                if safeLabels.contains(where: { rest.hasPrefix($0) }) { continue }
                if isFixedLiteral(rest, allowingMoreArguments: false) { continue }
                problems.append("line \(line): .\(name)(...) with a dynamic value; use the escaping helper")
            default:
                continue
            }
        }
        for match in source.matches(of: try! Regex(#"\bAttribute\(name:"#)) {
            let line = source[..<match.range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            problems.append("line \(line): Attribute(name:value:) outside the escaping helpers")
        }
        return problems
    }

    /// A string literal without interpolation, closing the call (or followed by more arguments).
    private static func isFixedLiteral(_ text: Substring, allowingMoreArguments: Bool) -> Bool {
        guard text.first == "\"", !text.hasPrefix("\"\"\"") else { return false }
        var escaped = false
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                if character == "(" { return false }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                let after = text[text.index(after: index)...].drop { $0 == " " }
                return after.hasPrefix(")") || (allowingMoreArguments && after.hasPrefix(","))
            } else if character == "\n" {
                return false
            }
            index = text.index(after: index)
        }
        return false
    }
}
