import CivitasCore
import Foundation
import HTTPTypes
import Hummingbird

/// Handlers of the public event pages, calendars and registration. Lists, pages and
/// calendars are public and cached for visitors; registration forms and personal pages
/// are private (never cached) and protected by CSRF like every form.
struct EventPages: Sendable {
    let services: AppServices
    let desk: RegistrationDesk

    private var publicURL: String { services.configuration.publicURL }
    private func layout(_ context: AppRequestContext) -> PageLayout { PageLayout(services: services, context: context) }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let filter = try EventFilters.parse(request, textSearch: services.site.textSearch)
        return try await services.cachedPage(request, context, reads: EventFilters.parameters, shows: EventTopics.lists) {
            let store = EventStore(sql: services.database.reads)
            var (events, total) = try await store.list(filter, now: services.now(), records: services.site.records)
            var filter = filter
            // Nothing coming up: a visitor who asked for nothing in particular sees the latest events.
            let showingRecent = total == 0 && request.uri.queryParameters["when"] == nil && filter.when == .upcoming && filter.offset == 0
            if showingRecent {
                filter.when = .past
                (events, total) = try await store.list(filter, now: services.now(), records: services.site.records)
            }
            let records = services.site.records
            let topics = try await records.choices(kind: "topic", publishedOnly: true).map { (id: $0.id, title: $0.title, slug: $0.slug) }
            let areaIDs = try await store.sql.raw("SELECT DISTINCT area_id FROM events WHERE area_id IS NOT NULL").all()
                .map { RecordKey(kind: "area", id: try $0.decode(column: "area_id", as: String.self)) }
            let areas = try await records.references(areaIDs).values.sorted { $0.title < $1.title }.map { (id: $0.id, title: $0.title, slug: $0.slug) }
            let page = EventsListPage(events: events, total: total, page: try Pagination(page: String(filter.offset / filter.limit + 1), per: String(filter.limit)),
                                      filter: filter, topics: topics, areas: areas, nothingUpcoming: showingRecent)
            let jsonLD = SchemaOrgList.itemList(name: "Events", items: events.map { ($0.title, ConveningsURL.event($0.slug).path) }, baseURL: publicURL)
            return layout(context).render(title: page.heading, jsonLD: jsonLD, content: page.content)
        }
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        if key.hasSuffix(".ics") { return try await calendar(slug: String(key.dropLast(4)), request, context) }
        // Other capabilities add to an event's page as to a profile (the library: practices
        // presented there, resources that came from it).
        let sections = services.site.profileSections
        return try await services.cachedPage(request, context, shows: EventTopics.page(key) + sections.flatMap(\.shows)) {
            let store = EventStore(sql: services.database.reads)
            guard let event = try await store.find(key, publishedOnly: true) else { throw AppError.notFound("No event has the address \"\(key)\"") }
            // Sections that read in one step are read with the event's own reads.
            let pageSections = PageSections(sections, for: ProfileSubject(kind: EventTopics.event, id: event.id, title: event.title))
            let (detail, answers) = try await store.detail(event, records: services.site.records, alongside: pageSections.read)
            let page = EventPage(detail: detail, publicURL: publicURL, now: services.now())
            let extra = try await pageSections.sections(given: answers)
            return layout(context).render(title: event.title, description: event.summary,
                                          jsonLD: EventJSONLD.schemaOrg(detail, publicURL: publicURL), content: .group(page.content, .group(extra)))
        }
    }

    private func calendar(slug: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await services.cached(request, context, contentType: ICalendarResponse.contentType, shows: EventTopics.calendar(slug)) {
            let store = EventStore(sql: services.database.reads)
            guard let event = try await store.find(slug, publishedOnly: true) else { throw AppError.notFound("No event has the address \"\(slug)\"") }
            let area = try await event.areaId.asyncFlatMap { try await services.site.records.reference(RecordKey(kind: "area", id: $0)) }
            return .init(string: ICalendar(events: [EventCalendar.entry(event, area: area?.title, publicURL: publicURL)]).render())
        }
    }

    /// Every upcoming event (and those of the last 30 days, so a calendar keeps recent ones).
    func feed(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await services.cached(request, context, contentType: ICalendarResponse.contentType, shows: EventTopics.lists) {
            .init(string: try await feedDocument(topicSlug: nil, name: services.configuration.siteName + " events"))
        }
    }

    func topicFeed(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("key")
        return try await services.cached(request, context, contentType: ICalendarResponse.contentType, shows: EventTopics.lists) {
            guard let topic = try await services.site.records.find(kind: "topic", key: slug) else {
                throw AppError.notFound("No topic has the address \"\(slug)\"")
            }
            return .init(string: try await feedDocument(topicSlug: topic.slug, name: "\(services.configuration.siteName) events: \(topic.title)"))
        }
    }

    private func feedDocument(topicSlug: String?, name: String) async throws -> String {
        let store = EventStore(sql: services.database.reads)
        let since = services.now().addingTimeInterval(-30 * 86_400)
        let (events, _) = try await store.list(.init(when: .upcoming, topicSlug: topicSlug, limit: 500), now: since, records: services.site.records)
        let areas = try await services.site.records.references(Set(events.compactMap(\.areaId)).map { RecordKey(kind: "area", id: $0) })
            .reduce(into: [String: String]()) { $0[$1.key.id] = $1.value.title }
        return EventCalendar.document(events, name: name, areas: areas, publicURL: publicURL)
    }

    // MARK: Registration

    func registrationForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let event = try await publishedEvent(context)
        var values: [String: String] = [:]
        if let user = context.user { values = ["name": user.name, "email": user.email] }
        return services.privatePage(context, title: "Register", content: RegistrationFormPage(event: event, values: values, error: nil, csrfToken: context.csrfToken).content)
    }

    func register(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let event = try await publishedEvent(context)
        return try await register(event: event, form: form, invitationToken: nil, context)
    }

    private func register(event: EventRecord, form: FormData, invitationToken: String?, _ context: AppRequestContext) async throws -> Response {
        let values = Dictionary(form.pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let (input, errors) = RegistrationInput.parse(name: form["name"], email: form["email"], organization: form["organization"],
                                                      role: form["role"], listed: form["listed"] == "true", invitationToken: invitationToken)
        func again(_ error: AppError) -> Response {
            var shown = values
            shown["listed"] = form["listed"] == "true" ? "true" : "false"
            return services.privatePage(context, title: "Register", content: RegistrationFormPage(
                event: event, values: shown, error: error, csrfToken: context.csrfToken, invitationToken: invitationToken).content, status: error.status)
        }
        guard let input else { return again(AppError(.badRequest, "Your registration was not sent: correct the fields marked", fieldErrors: errors)) }
        switch try await RegisterForEvent(eventKey: event.id, input: input).run(services: services, desk: desk) {
        case .registered, .alreadyRegistered:
            // The same answer whether or not the address was registered before: the personal
            // link goes only to the address, so registering cannot tell who is registered.
            return services.privatePage(context, title: "Check your e-mail",
                                        content: RegistrationReceivedPage(event: event, email: input.email).content)
        case .refused(let error):
            return again(error)
        case .notFound:
            throw AppError.notFound("No event has the address \"\(event.slug)\"")
        }
    }

    func personal(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let store = EventStore(sql: services.database.reads)
        guard let registration = try await store.registration(tokenHash: services.secretHasher.hash(token)),
              let event = try await store.find(registration.eventId, publishedOnly: false) else {
            throw AppError.notFound("This personal link")
        }
        let position = registration.registrationStatus == .waitlisted ? try await store.waitlistPosition(of: registration) : nil
        let query = request.uri.queryParameters
        let notice: String? = query["cancelled"] != nil ? "Your registration is cancelled." : nil
        let page = PersonalRegistrationPage(registration: registration, event: event, position: position, token: token,
                                            csrfToken: context.csrfToken, notice: notice, now: services.now())
        var response = services.privatePage(context, title: event.title, content: page.content)
        // The address holds a secret: do not send it on to other sites.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    func cancel(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        switch try await CancelRegistration(key: .token(token)).run(services: services) {
        case .cancelled: return Responses.redirect(to: ConveningsURL.registration(token).path + "?cancelled=1")
        case .alreadyInactive: throw AppError(.conflict, "This registration is already cancelled or was not accepted")
        case .notFound: throw AppError.notFound("This personal link")
        }
    }

    func invitationForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let (invitation, event) = try await usableInvitation(token)
        let values = ["name": invitation.name ?? "", "email": invitation.email]
        var response = services.privatePage(context, title: "Invitation", content: RegistrationFormPage(
            event: event, values: values, error: nil, csrfToken: context.csrfToken, invitationToken: token).content)
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    func acceptInvitation(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let token = try context.parameters.require("token")
        let (_, event) = try await usableInvitation(token)
        return try await register(event: event, form: form, invitationToken: token, context)
    }

    private func usableInvitation(_ token: String) async throws -> (InvitationRecord, EventRecord) {
        let store = EventStore(sql: services.database.reads)
        guard let invitation = try await store.invitation(tokenHash: services.secretHasher.hash(token)),
              let event = try await store.find(invitation.eventId, publishedOnly: true) else {
            throw AppError(.notFound, "This invitation link is not valid. Check that you copied the whole link from your invitation.")
        }
        guard invitation.usedAt == nil else {
            throw AppError(.gone, "This invitation has already been used to register. The personal link in your confirmation mail shows your registration.")
        }
        return (invitation, event)
    }

    private func publishedEvent(_ context: AppRequestContext) async throws -> EventRecord {
        let key = try context.parameters.require("key")
        guard let event = try await EventStore(sql: services.database.reads).find(key, publishedOnly: true) else {
            throw AppError.notFound("No event has the address \"\(key)\"")
        }
        return event
    }
}

enum ICalendarResponse {
    static let contentType = "text/calendar; charset=utf-8"
}

/// The list filters, from the query string, with a 400 naming a bad one.
enum EventFilters {
    /// Every query parameter `parse` reads (the cache keys on these alone).
    static let parameters = ["when", "kind", "topic", "area", "year"] + QueryParameters.textList

    static func parse(_ request: Request, perDefault: Int? = nil, textSearch: (any RecordTextSearch)? = nil) throws -> EventStore.Filter {
        let query = request.uri.queryParameters
        let page = try Pagination.from(request, per: perDefault)
        var filter = EventStore.Filter(offset: page.offset, limit: page.per)
        filter.textSearch = textSearch
        if let when = query["when"], !when.isEmpty {
            guard let value = EventStore.Filter.When(rawValue: String(when)) else { throw AppError.badRequest("when must be upcoming, past or all") }
            filter.when = value
        }
        if let kind = query["kind"], !kind.isEmpty {
            guard let value = EventKind(rawValue: String(kind)) else { throw AppError.badRequest("kind must be one of \(EventKind.choicesText)") }
            filter.kind = value
        }
        if let year = query["year"], !year.isEmpty {
            guard let value = Int(year), (1900...2200).contains(value) else { throw AppError.badRequest("year must be a year such as 2018") }
            filter.year = value
            // A year asked for is shown whole, past and upcoming.
            if query["when"] == nil { filter.when = .all }
        }
        if let text = query["q"], !text.isEmpty, query["when"] == nil {
            // A search finds past events too, unless `when` narrows it.
            filter.when = .all
        }
        for (name, text) in [("topic", query["topic"]), ("area", query["area"]), ("q", query["q"])] {
            guard let text, !text.isEmpty else { continue }
            guard text.unicodeScalars.count <= 200 else { throw AppError.badRequest("\(name) must be at most 200 characters") }
            switch name {
            case "topic": filter.topicSlug = String(text)
            case "area": filter.areaSlug = String(text)
            default: filter.text = String(text)
            }
        }
        return filter
    }
}
