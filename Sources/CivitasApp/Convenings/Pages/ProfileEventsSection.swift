import CivitasCore

/// "Events" on a directory profile page: what a city, organisation or person hosted,
/// partnered, funded or spoke at, and for a place the events held there.
struct ProfileEventsSection: ProfileSectionProvider {
    let services: AppServices

    var shows: [ChangeTopic] { [.every(EventTopics.event)] }

    func profileSection(for subject: ProfileSubject) async throws -> Node<HTML.BodyContext>? {
        guard let read = profileSectionRead(for: subject) else { return nil }
        return try await services.database.reads.run(read)
    }

    func profileSectionRead(for subject: ProfileSubject) -> PendingRead<Node<HTML.BodyContext>?>? {
        guard PartyReference.kinds.contains(subject.kind) else { return nil }
        return EventStore(sql: services.database.reads).eventsRead(involving: subject.kind, id: subject.id).map(Self.section)
    }

    private static func section(_ events: [(event: EventMention, roles: [String])]) -> Node<HTML.BodyContext>? {
        guard !events.isEmpty else { return nil }
        return .section(
            .id("events"),
            .h2("Events"),
            .table(
                .thead(.tr(.th("When"), .th("Event"), .th("Role"))),
                .tbody(.forEach(events) { line in
                    .tr(
                        .td(.text(escaping: line.event.startDay)),
                        .td(.a(.href(to: ConveningsURL.event(line.event.slug)), .text(escaping: line.event.title)),
                            .if(line.event.status != EventStatus.scheduled.rawValue,
                                .text(escaping: " (\(EventStatus(rawValue: line.event.status)?.label.lowercased() ?? line.event.status))"))),
                        .td(.text(escaping: line.roles.map(Self.roleLabel).joined(separator: ", ")))
                    )
                })
            )
        )
    }

    static func roleLabel(_ role: String) -> String {
        if role == "venue" { return "Held here" }
        return EventPartyRole(rawValue: role)?.roleName ?? SessionPersonRole(rawValue: role)?.label ?? role
    }
}
