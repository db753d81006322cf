import CivitasCore
import FluentKit
import Foundation
import Hummingbird
import SQLKit

/// `/api/v1/{kind}`: lists, single records, and writes with a scoped token.
struct DirectoryAPI: Sendable {
    let services: AppServices

    func registerPublic(on group: RouteGroup) {
        for kind in RecordKind.allCases {
            // Published records, public fields.
            group.get(DirectoryURL.apiList(kind), documented: DirectoryOperations.list(kind)) { request, context in
                try await list(kind, request, context)
            }
            group.get(DirectoryURL.apiRecord(kind, SiteURL.parameter("key")), documented: DirectoryOperations.show(kind)) { request, context in
                try await show(kind, request, context)
            }
        }
        group.get(DirectoryURL.apiPopolo, documented: DirectoryOperations.popolo) { request, context in
            try await services.cached(request, context, contentType: "application/json; charset=utf-8", shows: DirectoryTopics.all, json: {
                try await PopoloExport(store: RecordStore(sql: services.database.reads), publicURL: services.configuration.publicURL).document()
            })
        }
    }

    /// In the group of tokens with the directory:write scope.
    func registerWrites(on group: RouteGroup) {
        for kind in RecordKind.allCases {
            group.post(DirectoryURL.apiList(kind), documented: DirectoryOperations.create(kind)) { request, context in
                try await create(kind, request, context)
            }
            group.patch(DirectoryURL.apiRecord(kind, SiteURL.parameter("key")), documented: DirectoryOperations.update(kind)) { request, context in
                try await update(kind, request, context)
            }
        }
    }

    func list(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try Pagination.from(request)
        let text = query["q"].map(String.init)
        if let text, text.unicodeScalars.count > 200 { throw AppError.badRequest("q must be at most 200 characters") }
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", reads: QueryParameters.textList,
                                         shows: DirectoryTopics.all, json: {
            let store = RecordStore(sql: services.database.reads)
            // The records' sources and memberships are read with their links.
            let (records, total, lines) = try await store.list(kind, .init(text: text, offset: page.offset, limit: page.per, textSearch: services.site.textSearch,
                                                                           linksReadElsewhere: ["source_ids"]),
                                                              alongside: { ids in Self.linesRead(kind: kind, ids: ids, store: store) })
            return APIList(items: bodies(records, lines: lines), pagination: page, total: total)
        })
    }

    func show(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", shows: DirectoryTopics.all, json: {
            let store = RecordStore(sql: services.database.reads)
            guard let record = try await store.find(kind, key: key, publishedOnly: true) else {
                throw AppError.notFound("No \(kind.label.lowercased()) with the id or slug \"\(key)\"")
            }
            return try await bodies([record], kind: kind, store: store)[0]
        })
    }

    func create(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try context.verifiedToken()
        let input = try RecordInput(json: try await body(request, context), kind: kind)
        let outcome = try await SaveRecord(kind: kind, id: nil, input: input, actor: .token(token)).run(services: services)
        var response = try await respond(outcome, kind: kind, status: .created)
        if case .saved(let record) = outcome { response.headers[.location] = DirectoryURL.apiRecord(kind, record.urlKey).path }
        return response
    }

    func update(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try context.verifiedToken()
        let key = try context.parameters.require("key")
        let store = RecordStore(sql: services.database.reads)
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
            return try Responses.json(try await bodies([record], kind: kind, store: RecordStore(sql: services.database.reads))[0], status: status)
        case .invalid(let error): throw error
        case .notFound: throw AppError.notFound("The \(kind.label.lowercased())")
        }
    }

    private func body(_ request: Request, _ context: AppRequestContext) async throws -> [String: JSONValue] {
        try await JSONBody.object(request, context, what: "record")
    }

    /// The API bodies of records: their sources and, for people, their memberships, each read
    /// once for all. Not sent together: for a page of 25 people PostgreSQL took longer to write
    /// their rows as JSON than the second statement cost (measured: 0.86 ms for the reads
    /// together against 0.56 ms apart).
    func bodies(_ records: [RecordValues], kind: RecordKind, store: RecordStore) async throws -> [RecordBody] {
        bodies(records, lines: try await store.sql.run(Self.linesRead(kind: kind, ids: records.map(\.id), store: store)))
    }

    /// What a record's body shows beside its own fields, by record id: its sources and, for
    /// people, their memberships.
    struct BodyLines: Sendable {
        let sources: [String: [SourceLine]]
        let memberships: [String: [MembershipLine]]?
    }

    static func linesRead(kind: RecordKind, ids: [String], store: RecordStore) -> PendingRead<BodyLines> {
        let sources = store.sourcesRead(subjectKind: kind.rawValue, ids: ids)
        guard kind == .person, !ids.isEmpty else { return sources.map { BodyLines(sources: $0, memberships: nil) } }
        let memberships = store.membershipsRead(where: "m.person_id IN (\(binds: ids))", withPlaces: false)
        return PendingRead<([String: [SourceLine]], [MembershipLine])>.zip(sources, memberships).map { sources, lines in
            BodyLines(sources: sources, memberships: Dictionary(grouping: lines, by: { $0.personId ?? "" }))
        }
    }

    func bodies(_ records: [RecordValues], lines: BodyLines) -> [RecordBody] {
        records.map { record in
            RecordBody(record, sources: lines.sources[record.id] ?? [], publicURL: services.configuration.publicURL,
                       memberships: lines.memberships.map { $0[record.id] ?? [] })
        }
    }
}
