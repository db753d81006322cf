import CivitasCore

/// Pieces every library page shows the same way.
enum LibraryPageParts {
    /// Plain text a person typed, one paragraph per blank-line-separated block.
    static func paragraphs(_ text: String?) -> Node<HTML.BodyContext> {
        guard let text else { return .empty }
        return .forEach(Paragraphs.split(text)) { .p(.text(escaping: $0)) }
    }

    /// A titled section of plain text, when there is any.
    static func section(_ heading: String, _ text: String?) -> Node<HTML.BodyContext> {
        .unwrap(text) { .section(.h2(.text(escaping: heading)), paragraphs($0)) }
    }

    /// Links to records, separated by commas.
    static func links(_ references: [RecordReference]) -> Node<HTML.BodyContext> {
        .forEach(references.enumerated()) { index, reference in
            .group(.if(index > 0, .text(escaping: ", ")), .a(.href(to: reference.link), .text(escaping: reference.title)))
        }
    }

    static func tags(_ topics: [RecordReference]) -> Node<HTML.BodyContext> {
        .if(!topics.isEmpty, .p(.forEach(topics) { .a(.class("tag"), .href(to: $0.link), .text(escaping: $0.title)) }))
    }

    /// Label and value rows, leaving out those without a value.
    static func facts(_ rows: [(String, Node<HTML.BodyContext>?)]) -> Node<HTML.BodyContext> {
        let present = rows.compactMap { row in row.1.map { (row.0, $0) } }
        return .if(!present.isEmpty, .dl(.forEach(present) { row in .group(.dt(.text(escaping: row.0)), .dd(row.1)) }))
    }

    static func date(_ text: String?) -> Node<HTML.BodyContext>? {
        text.map { value in .time(.datetime(escaping: value), .text(escaping: PartialDate(value)?.readable ?? value)) }
    }

    static func sources(_ sources: [RecordReference]) -> Node<HTML.BodyContext> {
        .if(!sources.isEmpty, .section(.h2("Sources"), .ul(.forEach(sources) { .li(.a(.href(to: $0.link), .text(escaping: $0.title))) })))
    }

    /// A list of library records with a line under each.
    static func cards(_ records: [LibraryRecord], references: LibraryReferences) -> Node<HTML.BodyContext> {
        .ul(.class("cards"), .forEach(records) { record in
            .li(.a(.href(to: LibraryURL.record(record.kind, record.urlKey)), .text(escaping: record.title)),
                .div(.class("meta"), .text(escaping: subtitle(record, references: references))))
        })
    }

    /// What a card says under a record's title: where and when, and what kind.
    static func subtitle(_ record: LibraryRecord, references: LibraryReferences) -> String {
        var parts: [String] = []
        switch record.kind {
        case .practice:
            let cities = references.of(record, "city_ids").map(\.title)
            if !cities.isEmpty { parts.append(cities.joined(separator: ", ")) }
            parts.append(readable(record.text("status") ?? ""))
            if case .integer(let year) = record["start_year"] { parts.append("since \(year)") }
        case .resource, .news:
            parts.append(readable(record.text("kind") ?? ""))
            if let date = record.text("published_on") { parts.append(PartialDate(date)?.readable ?? date) }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// A stored choice as people read it: "op_ed" is "Op ed", "independently_evaluated"...
    static func readable(_ value: String) -> String {
        if value == "op_ed" { return "Op-ed" }
        // Stored choices are ASCII: changed byte by byte (a list shows one per row; going
        // through characters and Unicode's case mapping cost a third of a row's line).
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return String(value.map { $0 == "_" ? " " : $0 }).capitalizedFirst }
        return String(unsafeUninitializedCapacity: value.utf8.count) { text in
            for (index, byte) in value.utf8.enumerated() {
                switch byte {
                case UInt8(ascii: "_"): text[index] = UInt8(ascii: " ")
                case UInt8(ascii: "a")...UInt8(ascii: "z") where index == 0: text[index] = byte - 32
                default: text[index] = byte
                }
            }
            return value.utf8.count
        }
    }
}
