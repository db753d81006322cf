import CivitasCore
import Foundation
import Hummingbird

/// `/api/v1/events`: lists and single events (public), and registration (public, like the form).
struct EventAPI: Sendable {
    let services: AppServices
    let desk: RegistrationDesk

    private var publicURL: String { services.configuration.publicURL }

    /// Published events; registration is open to anyone, as the form is.
    func registerPublic(on group: RouteGroup) {
        group.get(ConveningsURL.apiEvents, documented: ConveningsOperations.list) { request, context in try await list(request, context) }
        group.get(ConveningsURL.apiEvent(SiteURL.parameter("key")), documented: ConveningsOperations.show) { request, context in
            try await show(request, context)
        }
        group.post(ConveningsURL.apiEventRegistrations(SiteURL.parameter("key")), documented: ConveningsOperations.register) { request, context in
            try await registerParticipant(request, context)
        }
    }

    /// In the group of tokens with the events:write scope.
    func registerWrites(on group: RouteGroup) {
        group.post(ConveningsURL.apiEvents, documented: ConveningsOperations.create) { request, context in try await create(request, context) }
        group.patch(ConveningsURL.apiEvent(SiteURL.parameter("key")), documented: ConveningsOperations.update) { request, context in
            try await update(request, context)
        }
    }

    func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try context.verifiedToken()
        var input = EventInput.apiDefaults
        try input.apply(json: try await JSONBody.object(request, context, what: "event"))
        let outcome = try await SaveEvent(id: nil, input: input, actor: .token(token)).run(services: services)
        var response = try await respond(outcome, status: .created)
        if case .saved(let event) = outcome { response.headers[.location] = ConveningsURL.apiEvent(event.slug).path }
        return response
    }

    func update(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try context.verifiedToken()
        let key = try context.parameters.require("key")
        let store = EventStore(sql: services.database.reads)
        guard let event = try await store.find(key, publishedOnly: false) else { throw AppError.notFound("No event with the id or slug \"\(key)\"") }
        let body = try await JSONBody.object(request, context, what: "event")
        var input = try await EventInput.load(event, store: store, records: services.site.records)
        try input.apply(json: body)
        return try await respond(try await SaveEvent(id: event.id, input: input, actor: .token(token)).run(services: services), status: .ok)
    }

    private func respond(_ outcome: SaveEvent.Outcome, status: HTTPResponse.Status) async throws -> Response {
        switch outcome {
        case .saved(let event):
            let store = EventStore(sql: services.database.reads)
            let detail = try await store.detail(event, records: services.site.records, publishedOnly: false, includeHeldBack: true)
            var response = try Responses.json(EventDetailBody(detail, publicURL: publicURL), status: status)
            response.headers[.cacheControl] = "no-store"
            return response
        case .invalid(let error): throw error
        case .notFound: throw AppError.notFound("The event")
        }
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let filter = try EventFilters.parse(request, textSearch: services.site.textSearch)
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", reads: EventFilters.parameters,
                                         shows: EventTopics.lists, json: {
            let (events, total) = try await EventStore(sql: services.database.reads).list(filter, now: services.now(), records: services.site.records)
            return APIList(items: events.map { EventSummaryBody($0, publicURL: publicURL) },
                            pagination: Pagination(page: filter.offset / filter.limit + 1, per: filter.limit), total: total)
        })
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", shows: EventTopics.page(key), json: {
            let store = EventStore(sql: services.database.reads)
            guard let event = try await store.find(key, publishedOnly: true) else { throw AppError.notFound("No event with the id or slug \"\(key)\"") }
            return EventDetailBody(try await store.detail(event, records: services.site.records), publicURL: publicURL)
        })
    }

    func registerParticipant(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        let body = try await JSONBody.decode(RegistrationRequest.self, request, context, what: "registration")
        let (input, errors) = RegistrationInput.parse(name: body.name, email: body.email, organization: body.organization,
                                                      role: body.role, listed: body.listed ?? true, invitationToken: body.invitation)
        guard let input else { throw AppError(.badRequest, "The registration was not taken: correct the fields named", fieldErrors: errors) }
        // An integration holding an events:write token (a partner's sign-up form, an import) is
        // told each registration's outcome; anyone else gets one answer whatever the address.
        let trusted = request.headers[.authorization] != nil
            ? try await APITokens.verify(authorization: request.headers[.authorization], scope: .eventsWrite, services: services) : nil
        let outcome = try await RegisterForEvent(eventKey: key, input: input).run(services: services, desk: desk)
        if trusted == nil {
            switch outcome {
            case .registered, .alreadyRegistered:
                let answer = RegistrationReceivedBody(
                    email: input.email,
                    message: "The registration was received. The details and a personal link to see or cancel it have been sent to \(input.email)."
                )
                var response = try Responses.json(answer, status: .accepted)
                response.headers[.cacheControl] = "no-store"
                return response
            case .refused, .notFound: break
            }
        }
        switch outcome {
        case .alreadyRegistered:
            throw AppError(.conflict, "\(input.email) is already registered for this event; a new personal link has been mailed to it")
        case .registered(let registration, let token, let position):
            let answer = RegistrationOutcomeBody(
                id: registration.id, status: registration.status, waitlistPosition: position, name: registration.name,
                email: registration.email, role: registration.role, personalURL: publicURL + ConveningsURL.registration(token).path
            )
            var response = try Responses.json(answer, status: .created)
            response.headers[.cacheControl] = "no-store"
            return response
        case .refused(let error): throw error
        case .notFound: throw AppError.notFound("No event with the id or slug \"\(key)\"")
        }
    }
}
