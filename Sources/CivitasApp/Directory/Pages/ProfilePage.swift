import CivitasCore

/// The public page of one record: its facts, its relations over time, and its sources.
struct ProfilePage {
    let profile: Profile
    /// Sections other capabilities add (events, practices...), before the sources.
    var extraSections: [Node<HTML.BodyContext>] = []

    var record: RecordValues { profile.record }

    var content: Node<HTML.BodyContext> {
        .article(
            .h1(.text(escaping: [record.text("honorific_prefix"), record.title].compactMap { $0 }.joined(separator: " "))),
            .p(.class("subtitle"), .text(escaping: subtitle)),
            .unwrap(record.text("image").flatMap(WebAddress.init)) { .img(.src(web: $0), .alt(escaping: "Portrait of \(record.title)"), .attribute(named: "width", value: "160")) },
            .unwrap(record.text("summary") ?? record.text("description")) { .p(.text(escaping: $0)) },
            facts,
            .if(!profile.topics.isEmpty, .p(.forEach(profile.topics) { .a(.class("tag"), .href(to: DirectoryURL.record(.topic, $0.slug)), .text(escaping: $0.name)) })),
            ProfileSections(profile: profile).content,
            .group(extraSections),
            sources
        )
    }

    private var subtitle: String {
        switch record.kind {
        case .person:
            let offices = profile.memberships.filter { $0.postLabel != nil }
            let current = offices.filter(\.isCurrent).map(\.title)
            if !current.isEmpty { return current.joined(separator: " · ") }
            // Memberships come newest first: the latest office a person left.
            return offices.first.map { "Formerly \($0.title)" } ?? "Person"
        case .area, .organization: return (record.text("classification") ?? record.kind.label).replacingOccurrences(of: "_", with: " ").capitalizedFirst
        default: return record.kind.label
        }
    }

    /// The record's own fields: references as links, dates readable.
    private var facts: Node<HTML.BodyContext> {
        let rows: [(String, Node<HTML.BodyContext>)] = record.kind.publicFields.compactMap { field in
            if ["name", "label", "title", "summary", "description", "image", "honorific_prefix", "sort_name", "classification"].contains(field.name) || field.isLink { return nil }
            if let reference = profile.references[field.name] {
                return (field.label, .a(.href(to: DirectoryURL.record(reference.kind, reference.slug)), .text(escaping: reference.title)))
            }
            if case .reference = field.kind { return nil }
            guard let display = record[field.name].display else { return nil }
            switch field.kind {
            case .date: return (field.label, .time(.datetime(escaping: display), .text(escaping: PartialDate(display)?.readable ?? display)))
            case .url: return (field.label, WebAddress(display).map { .a(.href(to: $0), .text(escaping: display)) } ?? .text(escaping: display))
            default: return (field.label, .text(escaping: display))
            }
        }
        return .if(!rows.isEmpty, .dl(.forEach(rows) { row in .group(.dt(.text(escaping: row.0)), .dd(row.1)) }))
    }

    private var sources: Node<HTML.BodyContext> {
        .if(!profile.sources.isEmpty, .section(
            .h2("Sources"),
            .ul(.forEach(profile.sources) { source in
                .li(.a(.href(to: DirectoryURL.record(.source, source.slug)), .text(escaping: source.title)),
                    .unwrap(source.publisher) { .text(escaping: ", \($0)") },
                    .unwrap(source.publishedOn.flatMap(PartialDate.init)) { .text(escaping: ", \($0.readable)") })
            })
        ))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
