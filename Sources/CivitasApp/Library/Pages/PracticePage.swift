import CivitasCore

/// A practice as a city that wants to copy it needs it: what problem it answers, how it
/// works, what it achieved and how well that is known, what it takes to do the same, where
/// the idea came from and which cities took it up.
struct PracticePage {
    let practice: LibraryRecord
    let references: LibraryReferences
    /// Practices adapted from this one ("cities that did this").
    let adaptations: [LibraryRecord]
    let adaptationReferences: LibraryReferences
    let similar: [LibraryRecord]
    let similarReferences: LibraryReferences
    let news: [LibraryRecord]
    /// Contacts, for staff and signed-in members; nil for visitors.
    let contacts: [RecordReference]?
    /// Practices from cities like the visitor's, with the chooser.
    var citiesLikeYours: Node<HTML.BodyContext> = .empty

    typealias Parts = LibraryPageParts

    var content: Node<HTML.BodyContext> {
        .article(
            .h1(.text(escaping: practice.title)),
            .p(.class("subtitle"), .text(escaping: Parts.subtitle(practice, references: references))),
            Parts.paragraphs(practice.text("summary")),
            Parts.facts([
                ("Cities", nonEmpty(references.of(practice, "city_ids")).map(Parts.links)),
                ("Responsible office", practice.text("responsible_office").map { .text(escaping: $0) }),
                ("Status", practice.text("status").map { .text(escaping: Parts.readable($0)) }),
                ("Started", startYear.map { .text(escaping: String($0)) }),
                ("Evidence", evidence),
                ("Adapted from", references.of(practice, "adapted_from_id").first.map { .a(.href(to: $0.link), .text(escaping: $0.title)) }),
                ("Presented at", nonEmpty(references.of(practice, "event_ids")).map(Parts.links)),
            ]),
            Parts.tags(references.of(practice, "topic_ids")),
            Parts.section("The problem", practice.text("problem")),
            Parts.section("The approach", practice.text("approach")),
            Parts.section("Outcomes and their evidence", practice.text("outcomes")),
            Parts.section("Who benefits", practice.text("beneficiaries")),
            Parts.section("What did not work", practice.text("lessons")),
            who,
            transferKit,
            lineage,
            .unwrap(contacts) { contacts in
                .section(.h2("Contacts"), .p(.class("meta"), .text(escaping: "Shown to staff and signed-in members only.")),
                         contacts.isEmpty ? .p(.text(escaping: "No contact is recorded.")) : .ul(.forEach(contacts) { .li(.a(.href(to: $0.link), .text(escaping: $0.title))) }))
            },
            .if(!news.isEmpty, .section(.h2("In the news"), Parts.cards(news, references: LibraryReferences()))),
            citiesLikeYours,
            .if(!similar.isEmpty, .section(.h2("Similar practices"), .p(.class("meta"), .text(escaping: "Practices that share its topics.")),
                                           Parts.cards(similar, references: similarReferences))),
            Parts.sources(references.of(practice, "source_ids"))
        )
    }

    private var startYear: Int? {
        if case .integer(let year) = practice["start_year"] { return year }
        return nil
    }

    private var evidence: Node<HTML.BodyContext>? {
        guard let level = practice.text("evidence_level") else { return nil }
        return .group(.text(escaping: Parts.readable(level)),
                      .unwrap(practice.text("evidence_checked_on")) { checked in
                          .group(.text(escaping: ", last checked "), Parts.date(checked) ?? .empty)
                      })
    }

    private var who: Node<HTML.BodyContext> {
        let rows: [(String, Node<HTML.BodyContext>?)] = [
            ("People", nonEmpty(references.of(practice, "person_ids")).map(Parts.links)),
            ("Partners", nonEmpty(references.of(practice, "partner_ids")).map(Parts.links)),
            ("Funders", nonEmpty(references.of(practice, "funder_ids")).map(Parts.links)),
        ]
        return .if(rows.contains { $0.1 != nil }, .section(.h2("Who is behind it"), Parts.facts(rows)))
    }

    private var transferKit: Node<HTML.BodyContext> {
        let rows: [(String, Node<HTML.BodyContext>?)] = [
            ("Cost and funding", text("cost")),
            ("Staff needed", text("staff_needed")),
            ("Legal authority", text("legal_authority")),
            ("Time to launch", text("time_to_launch")),
            ("Cities that have done it", text("city_sizes")),
            ("What another city must do the same", text("transfer_notes")),
        ]
        return .section(.h2("Transfer kit"),
                        rows.contains { $0.1 != nil } ? Parts.facts(rows)
                            : .p(.text(escaping: "What it costs, who runs it and what authority it needs are not recorded yet.")))
    }

    private var lineage: Node<HTML.BodyContext> {
        .if(!adaptations.isEmpty, .section(.h2("Cities that did this"),
                                           .p(.class("meta"), .text(escaping: "Practices adapted from this one.")),
                                           Parts.cards(adaptations, references: adaptationReferences)))
    }

    private func text(_ name: String) -> Node<HTML.BodyContext>? { practice.text(name).map { .text(escaping: $0) } }
    private func nonEmpty(_ references: [RecordReference]) -> [RecordReference]? { references.isEmpty ? nil : references }
}
