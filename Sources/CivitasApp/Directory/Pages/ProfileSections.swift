import CivitasCore

/// The relations each kind of profile shows: offices over time, members, officers,
/// partners and funders, the networks a city belongs to.
struct ProfileSections {
    let profile: Profile

    static let supporterRoles: Set<String> = ["partner", "funder", "sponsor", "staffing organization"]

    var content: Node<HTML.BodyContext> {
        switch profile.record.kind {
        case .person:
            return table("Offices and memberships", profile.memberships, columns: [.office, .organization, .dates])
        case .organization:
            let people = profile.memberships.filter { $0.personName != nil }
            let members = profile.memberships.filter { $0.memberName != nil && !Self.supporterRoles.contains($0.role ?? "") }
            let supporters = profile.memberships.filter { $0.memberName != nil && Self.supporterRoles.contains($0.role ?? "") }
            return .group(
                table("Member cities and organizations", members, columns: [.member, .area, .dates]),
                table("Officers and people", people, columns: [.person, .office, .dates]),
                table("Partners and funders", supporters, columns: [.member, .role, .dates]),
                table("Member of", profile.belongsTo, columns: [.organization, .role, .dates]),
                records("Offices", profile.related[.post] ?? []),
                records("Parts of this organization", profile.related[.organization] ?? [])
            )
        case .area:
            return .group(
                table("Office holders over time", profile.memberships, columns: [.person, .office, .dates]),
                table("Networks", profile.belongsTo, columns: [.organization, .member, .dates]),
                records("Organizations", profile.related[.organization] ?? []),
                records("Places within", profile.related[.area] ?? [])
            )
        case .post:
            return table("Holders", profile.memberships, columns: [.person, .dates])
        case .topic:
            return .group(records("Organizations", profile.related[.organization] ?? []), records("People", profile.related[.person] ?? []))
        case .source:
            return .group(
                .unwrap(profile.record.text("url").flatMap(WebAddress.init)) { .p(.a(.href(to: $0), .text(escaping: "Read the original"))) },
                .if(!profile.citedBy.isEmpty, .section(.h2("Cited by"), .ul(.forEach(profile.citedBy) { item in
                    .li(.a(.href(to: DirectoryURL.record(item.kind, item.slug)), .text(escaping: item.title)), .span(.class("meta"), .text(escaping: " (\(item.kind.label.lowercased()))")))
                })))
            )
        case .membership:
            return .empty
        }
    }

    enum Column: String {
        case office = "Office or role", organization = "Organization", person = "Person", member = "Member"
        case area = "Place", role = "Role", dates = "When"
    }

    private func table(_ title: String, _ lines: [MembershipLine], columns: [Column]) -> Node<HTML.BodyContext> {
        .if(!lines.isEmpty, .section(
            .h2(.text(escaping: title)),
            .table(
                .thead(.tr(.forEach(columns) { .th(.text(escaping: $0.rawValue)) }, .th("Sources"))),
                .tbody(.forEach(lines) { line in
                    .tr(.forEach(columns) { .td(cell($0, line)) }, .td(sourceLinks(line)))
                })
            )
        ))
    }

    private func cell(_ column: Column, _ line: MembershipLine) -> Node<HTML.BodyContext> {
        switch column {
        case .office:
            return line.postSlug.map { .a(.href(to: DirectoryURL.record(.post, $0)), .text(escaping: line.title)) } ?? .text(escaping: line.title)
        case .organization:
            return .a(.href(to: DirectoryURL.record(.organization, line.organizationSlug)), .text(escaping: line.organizationName))
        case .person:
            return line.personSlug.map { .a(.href(to: DirectoryURL.record(.person, $0)), .text(escaping: line.personName ?? $0)) } ?? .empty
        case .member:
            return line.memberSlug.map { .a(.href(to: DirectoryURL.record(.organization, $0)), .text(escaping: line.memberName ?? $0)) } ?? .empty
        case .area:
            return line.areaSlug.map { .a(.href(to: DirectoryURL.record(.area, $0)), .text(escaping: line.areaName ?? $0)) } ?? .empty
        case .role:
            return .text(escaping: line.label ?? line.role ?? "member")
        case .dates:
            return .text(escaping: readableSpan(start: line.startDate, end: line.endDate))
        }
    }

    private func sourceLinks(_ line: MembershipLine) -> Node<HTML.BodyContext> {
        .forEach((profile.membershipSources[line.membershipId] ?? []).enumerated()) { index, source in
            .group(.if(index > 0, .text(escaping: ", ")), .a(.href(to: DirectoryURL.record(.source, source.slug)), .title(escaping: source.title), .text(escaping: source.publisher ?? source.title)))
        }
    }

    private func records(_ title: String, _ records: [RecordValues]) -> Node<HTML.BodyContext> {
        .if(!records.isEmpty, .section(
            .h2(.text(escaping: title)),
            .ul(.forEach(records) { record in .li(.a(.href(to: DirectoryURL.record(record.kind, record.urlKey)), .text(escaping: record.title))) })
        ))
    }
}
