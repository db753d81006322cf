/// The fields of each kind of library record. Practices carry what a city needs to copy
/// one: the problem, the approach, outcomes with their evidence, and a transfer kit.
extension LibraryKind {
    static let practiceStatuses = ["idea", "pilot", "active", "ended"]
    static let evidenceLevels = ["anecdote", "monitored", "evaluated", "independently_evaluated"]
    static let resourceKinds = ["report", "guide", "brief", "toolkit", "presentation", "recording", "op_ed", "webpage", "publication"]
    static let newsKinds = ["announcement", "press_release", "readout", "call_for_applications", "job_posting"]

    /// Made once (see `FieldSets`): pages and writes read a kind's fields for every row.
    private static let fieldSetsByKind = Dictionary(uniqueKeysWithValues: allCases.map { ($0, FieldSets($0.declaredFields)) })

    private var fieldSets: FieldSets { Self.fieldSetsByKind[self]! }

    var fields: [FieldSpec] { fieldSets.all }

    private var declaredFields: [FieldSpec] {
        switch self {
        case .practice:
            [
                .text("title", "Title", required: true),
                FieldSpec(name: "city_ids", label: "Cities", kind: .references(.area), help: "The city or cities that run it"),
                .text("responsible_office", "Responsible office", help: "e.g. Mayor's Office of Immigrant Affairs"),
                .choice("status", "Status", Self.practiceStatuses, required: true),
                FieldSpec(name: "start_year", label: "Start year", kind: .integer(minimum: 1800)),
                .long("summary", "Summary"),
                .long("problem", "The problem"),
                .long("approach", "The approach"),
                .long("outcomes", "Outcomes and their evidence"),
                .choice("evidence_level", "Evidence level", Self.evidenceLevels),
                .date("evidence_checked_on", "Evidence last checked"),
                .long("beneficiaries", "Who benefits"),
                .long("lessons", "What did not work"),
                FieldSpec(name: "person_ids", label: "People who led or presented it", kind: .references(.person)),
                FieldSpec(name: "partner_ids", label: "Partners", kind: .references(.organization)),
                FieldSpec(name: "funder_ids", label: "Funders", kind: .references(.organization)),
                .long("cost", "Cost and how it was funded"),
                .text("staff_needed", "Staff needed"),
                .long("legal_authority", "Legal authority it needs"),
                .text("time_to_launch", "Time to launch"),
                .text("city_sizes", "Sizes of cities that have done it"),
                .long("transfer_notes", "What another city must do the same"),
                .reference("adapted_from_id", "Adapted from", .practice),
                FieldSpec(name: "event_ids", label: "Events where it was presented or discussed", kind: .references(.event)),
                FieldSpec(name: "contact_ids", label: "Contacts (staff and signed-in members only)", kind: .references(.person), isPrivate: true),
                FieldSpec(name: "topic_ids", label: "Topics", kind: .references(.topic)),
                FieldSpec(name: "source_ids", label: "Sources", kind: .references(.source)),
            ]
        case .resource:
            [
                .text("title", "Title", max: 300, required: true),
                .text("subtitle", "Subtitle", max: 300),
                .choice("kind", "Kind", Self.resourceKinds, required: true),
                .date("published_on", "Published"),
                FieldSpec(name: "author_ids", label: "Authors (people)", kind: .references(.person)),
                FieldSpec(name: "author_organization_ids", label: "Authors (organizations)", kind: .references(.organization)),
                .long("summary", "Summary"),
                FieldSpec(name: "link", label: "Link", kind: .url),
                FieldSpec(name: "event_ids", label: "Events it came from", kind: .references(.event)),
                FieldSpec(name: "topic_ids", label: "Topics", kind: .references(.topic)),
                FieldSpec(name: "source_ids", label: "Sources", kind: .references(.source)),
            ]
        case .news:
            [
                .text("title", "Title", max: 300, required: true),
                .text("subtitle", "Subtitle", max: 300),
                .choice("kind", "Kind", Self.newsKinds, required: true),
                .date("published_on", "Date", required: true),
                .text("date_note", "About the date", max: 300, help: "When the date is uncertain, what the source says of it"),
                FieldSpec(name: "body", label: "Text (Markdown)", kind: .longText, help: "Markdown; HTML is shown as text"),
                .flag("featured", "Featured on the home page"),
                FieldSpec(name: "practice_ids", label: "Practices it is about", kind: .references(.practice)),
                FieldSpec(name: "resource_ids", label: "Resources it is about", kind: .references(.resource)),
                FieldSpec(name: "person_ids", label: "People it is about", kind: .references(.person)),
                FieldSpec(name: "area_ids", label: "Cities it is about", kind: .references(.area)),
                FieldSpec(name: "organization_ids", label: "Organizations it is about", kind: .references(.organization)),
                FieldSpec(name: "event_ids", label: "Events it is about", kind: .references(.event)),
                FieldSpec(name: "topic_ids", label: "Topics", kind: .references(.topic)),
                FieldSpec(name: "source_ids", label: "Sources", kind: .references(.source)),
            ]
        }
    }

    var linkFields: [FieldSpec] { fieldSets.links }
    var publicFields: [FieldSpec] { fieldSets.visible }
}

/// A library record as stored.
typealias LibraryRecord = RecordRow<LibraryKind>
