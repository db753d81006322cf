import CivitasCore
import FluentKit
import Foundation
import Hummingbird
import SQLKit

/// `/api/v1/{kind}`: lists, single records, and writes with a scoped token.
struct DirectoryAPI: Sendable {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        for kind in RecordKind.allCases {
            // Access: public (published records, public fields).
            router.get(SiteURL.apiList(kind).route) { request, context in try await list(kind, request, context) }
            router.get(SiteURL.apiRecord(kind, SiteURL.parameter("key")).route) { request, context in try await show(kind, request, context) }
            // Access: bearer token with the directory:write scope.
            router.post(SiteURL.apiList(kind).route) { request, context in try await create(kind, request, context) }
            router.patch(SiteURL.apiRecord(kind, SiteURL.parameter("key")).route) { request, context in try await update(kind, request, context) }
        }
        // Access: public.
        router.get(SiteURL.apiPopolo.route) { request, context in
            try await services.cached(request, context, contentType: "application/json; charset=utf-8", json: {
                try await PopoloExport(store: RecordStore(services.database.db)).document()
            })
        }
    }

    func list(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try Pagination.from(request)
        let text = query["q"].map(String.init)
        if let text, text.count > 200 { throw AppError.badRequest("q must be at most 200 characters") }
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", reads: QueryParameters.textList, json: {
            let store = RecordStore(services.database.db)
            let (records, total) = try await store.list(kind, .init(text: text, offset: page.offset, limit: page.per))
            let items = try await encode(records, kind: kind, store: store)
            return ["items": .array(items), "page": ["page": .int(page.page), "per": .int(page.per), "total": .int(total)]]
        })
    }

    func show(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", json: {
            let store = RecordStore(services.database.db)
            guard let record = try await store.find(kind, key: key, publishedOnly: true) else {
                throw AppError.notFound("No \(kind.label.lowercased()) with the id or slug \"\(key)\"")
            }
            return try await encode([record], kind: kind, store: store)[0]
        })
    }

    func create(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try await APITokens.verify(authorization: request.headers[.authorization], scope: .directoryWrite, services: services)
        let input = try RecordInput(json: try await body(request, context), kind: kind)
        let outcome = try await SaveRecord(kind: kind, id: nil, input: input, actor: .token(token)).run(services: services)
        var response = try await respond(outcome, kind: kind, status: .created)
        if case .saved(let record) = outcome { response.headers[.location] = SiteURL.apiRecord(kind, record.urlKey).path }
        return response
    }

    func update(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try await APITokens.verify(authorization: request.headers[.authorization], scope: .directoryWrite, services: services)
        let key = try context.parameters.require("key")
        let store = RecordStore(services.database.db)
        guard let existing = try await store.find(kind, key: key, publishedOnly: false) else {
            throw AppError.notFound("No \(kind.label.lowercased()) with the id or slug \"\(key)\"")
        }
        let input = try RecordInput(json: try await body(request, context), kind: kind)
        let outcome = try await SaveRecord(kind: kind, id: existing.id, input: input, actor: .token(token)).run(services: services)
        return try await respond(outcome, kind: kind, status: .ok)
    }

    private func respond(_ outcome: SaveRecord.Outcome, kind: RecordKind, status: HTTPResponse.Status) async throws -> Response {
        switch outcome {
        case .saved(let record):
            return try Responses.json(try await encode([record], kind: kind, store: RecordStore(services.database.db))[0], status: status)
        case .invalid(let error): throw error
        case .notFound: throw AppError.notFound("The \(kind.label.lowercased())")
        }
    }

    private func body(_ request: Request, _ context: AppRequestContext) async throws -> [String: JSONValue] {
        try await JSONBody.object(request, context, what: "record")
    }

    private func encode(_ records: [RecordValues], kind: RecordKind, store: RecordStore) async throws -> [JSONValue] {
        let ids = records.map(\.id)
        let sources = try await store.sources(kind: kind, ids: ids)
        var memberships: [String: [MembershipLine]]? = nil
        if kind == .person, !ids.isEmpty {
            let lines = try await store.memberships(where: "m.person_id IN (\(binds: ids))")
            memberships = Dictionary(grouping: lines, by: { $0.personId ?? "" })
        }
        return records.map { record in
            RecordJSON.encode(record, sources: sources[record.id] ?? [], memberships: memberships.map { $0[record.id] ?? [] })
        }
    }
}
