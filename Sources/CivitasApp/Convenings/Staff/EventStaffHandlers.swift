import CivitasCore
import Foundation
import Hummingbird
import SQLKit

/// Staff pages of convenings, all in the staff route group (admin, editor, organizer);
/// members and visitors get 403 before a handler runs. Forms with errors come back with the input kept.
struct EventStaffHandlers: Sendable {
    let services: AppServices

    /// Every route here is in the staff group (admin, editor, organizer); see ConveningsModule.
    func register(on group: RouteGroup) {
        group.get(ConveningsURL.staffEvents, use: list)
        group.get(ConveningsURL.staffEventNew, use: newForm)
        group.post(ConveningsURL.staffEvents, use: create)
        group.get(ConveningsURL.staffEventEdit(SiteURL.parameter("id")), use: editForm)
        group.post(ConveningsURL.staffEvent(SiteURL.parameter("id")), use: update)
        group.get(ConveningsURL.staffEventSessions(SiteURL.parameter("id"))) { request, context in try await programme(request, context, sessionID: nil) }
        group.post(ConveningsURL.staffEventSessions(SiteURL.parameter("id"))) { request, context in try await saveSession(request, context, sessionID: nil) }
        group.get(ConveningsURL.staffSessionEdit(SiteURL.parameter("id"), SiteURL.parameter("session"))) { request, context in
            try await programme(request, context, sessionID: try context.parameters.require("session"))
        }
        group.post(ConveningsURL.staffSession(SiteURL.parameter("id"), SiteURL.parameter("session"))) { request, context in
            try await saveSession(request, context, sessionID: try context.parameters.require("session"))
        }
        group.post(ConveningsURL.staffEventQuotes(SiteURL.parameter("id")), use: addQuote)
        group.post(ConveningsURL.staffQuoteDelete(SiteURL.parameter("id"), SiteURL.parameter("quote")), use: deleteQuote)
        group.get(ConveningsURL.staffParticipants(SiteURL.parameter("id"))) { request, context in try await participants(request, context) }
        group.get(ConveningsURL.staffParticipantsCSV(SiteURL.parameter("id")), use: participantsCSV)
        group.post(ConveningsURL.staffRegistrationAction(SiteURL.parameter("id"), SiteURL.parameter("registration"), SiteURL.parameter("action")), use: registrationAction)
        group.post(ConveningsURL.staffInvitations(SiteURL.parameter("id")), use: invite)
    }

    private var store: EventStore { EventStore(services.database.db) }

    private func event(_ context: AppRequestContext) async throws -> EventRecord {
        let id = try context.parameters.require("id")
        guard let event = try await store.find(id, publishedOnly: false), event.id == id else { throw AppError.notFound("The event") }
        return event
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var filter = try EventFilters.parse(request, perDefault: 100)
        filter.publishedOnly = false
        if request.uri.queryParameters["when"] == nil { filter.when = .all }
        let (events, total) = try await store.list(filter, now: services.now(), records: services.site.records)
        return services.privatePage(context, title: "Events", content: StaffEventsPage(events: events, total: total).content)
    }

    func newForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var input = EventInput()
        input.values = ["kind": EventKind.conference.rawValue, "time_zone": "America/New_York", "attendance_mode": AttendanceMode.inPerson.rawValue,
                        "status": EventStatus.scheduled.rawValue, "registration_mode": RegistrationMode.open.rawValue, "published": "true"]
        return try await form(eventID: nil, input: input, error: nil, context)
    }

    func editForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let event = try await event(context)
        return try await form(eventID: event.id, input: try await EventInput.load(event, store: store, records: services.site.records), error: nil, context)
    }

    func create(_ request: Request, _ context: AppRequestContext) async throws -> Response { try await save(request, context, id: nil) }
    func update(_ request: Request, _ context: AppRequestContext) async throws -> Response { try await save(request, context, id: try context.parameters.require("id")) }

    private func save(_ request: Request, _ context: AppRequestContext, id: String?) async throws -> Response {
        let user = try context.signedIn()
        var request = request
        let input = EventInput(form: try await FormBody.read(&request, context: context))
        switch try await SaveEvent(id: id, input: input, actor: .user(user)).run(services: services) {
        case .saved(let event): return Responses.redirect(to: ConveningsURL.staffEventEdit(event.id).path)
        case .invalid(let error): return try await form(eventID: id, input: input, error: error, context)
        case .notFound: throw AppError.notFound("The event")
        }
    }


    private func form(eventID: String?, input: EventInput, error: AppError?, _ context: AppRequestContext) async throws -> Response {
        let records = services.site.records
        var choices = EventFormChoices()
        choices.areas = try await records.choices(kind: "area").map { ($0.id, $0.title) }
        choices.topics = try await records.choices(kind: "topic").map { ($0.id, $0.title) }
        choices.sources = try await records.choices(kind: "source").map { ($0.id, $0.title) }
        choices.people = try await records.choices(kind: "person").map { ($0.id, $0.title) }
        for kind in PartyReference.kinds {
            choices.parties += try await records.choices(kind: kind).map { ("\(kind):\($0.id)", "\($0.title) (\(kind))") }
        }
        choices.events = try await store.sql.raw("SELECT id, title FROM events ORDER BY starts_at DESC").all()
            .map { (try $0.decode(column: "id", as: String.self), try $0.decode(column: "title", as: String.self)) }
        let page = EventFormPage(eventID: eventID, input: input, error: error, choices: choices, csrfToken: context.csrfToken)
        return services.privatePage(context, title: eventID == nil ? "New event" : "Edit event", content: page.content, status: error?.status ?? .ok)
    }

    // MARK: Programme and quotes

    private func programme(_ request: Request, _ context: AppRequestContext, sessionID: String?, form: FormData? = nil, error: AppError? = nil) async throws -> Response {
        let event = try await event(context)
        let detail = try await store.detail(event, records: services.site.records, publishedOnly: false, includeHeldBack: true)
        var editing: SessionLine?
        if let sessionID {
            guard let line = detail.sessions.first(where: { $0.session.id == sessionID }) else { throw AppError.notFound("The session") }
            editing = line
        }
        let people = try await services.site.records.choices(kind: "person").map { ($0.id, $0.title) }
        let page = ProgrammePage(detail: detail, editing: editing, form: form, error: error, people: people, csrfToken: context.csrfToken)
        return services.privatePage(context, title: "Programme", content: page.content, status: error?.status ?? .ok)
    }

    private func saveSession(_ request: Request, _ context: AppRequestContext, sessionID: String?) async throws -> Response {
        let user = try context.signedIn()
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let event = try await event(context)
        switch try await SaveSession(eventID: event.id, sessionID: sessionID, form: form, actor: .user(user)).run(services: services) {
        case .saved: return Responses.redirect(to: ConveningsURL.staffEventSessions(event.id).path)
        case .invalid(let error): return try await programme(request, context, sessionID: sessionID, form: form, error: error)
        case .notFound: throw AppError.notFound("The session")
        }
    }

    func addQuote(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let event = try await event(context)
        let person = form["person_id"].flatMap { $0.isEmpty ? nil : $0 }, session = form["session_id"].flatMap { $0.isEmpty ? nil : $0 }
        if let error = try await EditQuotes(eventID: event.id, actor: .user(user)).add(text: form["text"] ?? "", personID: person, sessionID: session, services: services) {
            return try await programme(request, context, sessionID: nil, error: error)
        }
        return Responses.redirect(to: ConveningsURL.staffEventSessions(event.id).path)
    }

    func deleteQuote(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let event = try await event(context)
        guard try await EditQuotes(eventID: event.id, actor: .user(user)).delete(quoteID: try context.parameters.require("quote"), services: services) else {
            throw AppError.notFound("The quote")
        }
        return Responses.redirect(to: ConveningsURL.staffEventSessions(event.id).path)
    }

    // MARK: Participants

    private func participants(_ request: Request, _ context: AppRequestContext, error: AppError? = nil, notice: String? = nil) async throws -> Response {
        let event = try await event(context)
        let page = ParticipantsPage(event: event, registrations: try await store.registrations(of: event.id),
                                    invitations: try await store.invitations(of: event.id), counts: try await store.counts(of: event.id),
                                    error: error, notice: notice ?? request.uri.queryParameters["notice"].map(String.init), csrfToken: context.csrfToken)
        return services.privatePage(context, title: "Participants", content: page.content, status: error?.status ?? .ok)
    }

    func participantsCSV(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let event = try await event(context)
        let rows = try await store.registrations(of: event.id).map { r in
            [String(r.queueNumber), r.name, r.email, r.organization ?? "", r.role, r.status, r.attended ? "yes" : "no",
             r.listed ? "yes" : "no", Format.timestamp(r.createdAt)]
        }
        let csv = CSV.document(header: ["number", "name", "email", "organization", "role", "status", "attended", "listed", "registered_at"], rows: rows)
        var response = Responses.text(csv, contentType: "text/csv; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"\(event.slug)-participants.csv\""
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func registrationAction(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let event = try await event(context)
        let actionText = try context.parameters.require("action")
        guard let action = ReviewRegistration.Action(rawValue: actionText) else {
            throw AppError.badRequest("The action must be one of \(ReviewRegistration.Action.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let command = ReviewRegistration(eventID: event.id, registrationID: try context.parameters.require("registration"), action: action, actor: .user(user))
        switch try await command.run(services: services) {
        case .done: return Responses.redirect(to: ConveningsURL.staffParticipants(event.id).path)
        case .refused(let error): return try await participants(request, context, error: error)
        case .notFound: throw AppError.notFound("The registration")
        }
    }

    func invite(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let event = try await event(context)
        let role = ParticipantRole(rawValue: form["role"] ?? "") ?? .attendee
        let name = form["name"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        switch try await InviteToEvent(eventID: event.id, name: name, email: form["email"] ?? "", role: role, actor: .user(user)).run(services: services) {
        case .invited: return Responses.redirect(to: ConveningsURL.staffParticipants(event.id).with(query: [("notice", "Invitation sent to \(form["email"] ?? "")")]))
        case .invalid(let error): return try await participants(request, context, error: error)
        case .notFound: throw AppError.notFound("The event")
        }
    }
}
