import CivitasCore
import Foundation
import Hummingbird

/// `/api/v1/practices`, `/resources`, `/news`: filtered lists, single records, and writes
/// with a `library:write` token.
struct LibraryAPI: Sendable {
    let services: AppServices

    func registerPublic(on group: RouteGroup) {
        for kind in LibraryKind.allCases {
            group.get(LibraryURL.apiList(kind), documented: LibraryOperations.list(kind)) { request, context in try await list(kind, request, context) }
            group.get(LibraryURL.apiRecord(kind, SiteURL.parameter("key")), documented: LibraryOperations.show(kind)) { request, context in
                try await show(kind, request, context)
            }
        }
    }

    func registerWrites(on group: RouteGroup) {
        for kind in LibraryKind.allCases {
            group.post(LibraryURL.apiList(kind), documented: LibraryOperations.create(kind)) { request, context in
                try await save(kind, key: nil, request, context)
            }
            group.patch(LibraryURL.apiRecord(kind, SiteURL.parameter("key")), documented: LibraryOperations.update(kind)) { request, context in
                try await save(kind, key: try context.parameters.require("key"), request, context)
            }
        }
    }

    func list(_ kind: LibraryKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try Pagination.from(request)
        let requested = try LibraryFilter.Requested(request, kind: kind)
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", reads: LibraryFilter.parameters,
                                         shows: LibraryTopics.all, json: {
            let store = LibraryStore(sql: services.database.reads)
            let (records, total) = try await store.list(kind, try await requested.filter(page: page, records: services.site.records, textSearch: services.site.textSearch, kind: kind))
            let files = kind == .resource ? try await store.files(ofResources: records.map(\.id)) : [:]
            return APIList(items: records.map { LibraryRecordBody($0, publicURL: services.configuration.publicURL, file: files[$0.id]) },
                           pagination: page, total: total)
        })
    }

    func show(_ kind: LibraryKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        return try await services.cached(request, context, contentType: "application/json; charset=utf-8", shows: LibraryTopics.all, json: {
            let store = LibraryStore(sql: services.database.reads)
            guard let record = try await store.find(kind, key: key, publishedOnly: true) else {
                throw AppError.notFound("No \(kind.label.lowercased()) with the id or slug \"\(key)\"")
            }
            let file = kind == .resource ? try await store.files(ofResources: [record.id])[record.id] : nil
            return LibraryRecordBody(record, publicURL: services.configuration.publicURL, file: file)
        })
    }

    private func save(_ kind: LibraryKind, key: String?, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try context.verifiedToken()
        var id: String? = nil
        if let key {
            guard let existing = try await LibraryStore(sql: services.database.reads).find(kind, key: key, publishedOnly: false) else {
                throw AppError.notFound("No \(kind.label.lowercased()) with the id or slug \"\(key)\"")
            }
            id = existing.id
        }
        let input = try RecordInput(json: try await JSONBody.object(request, context, what: kind.label.lowercased()), kind: kind)
        switch try await SaveLibraryRecord(kind: kind, id: id, input: input, actor: .token(token)).run(services: services) {
        case .saved(let record):
            let file = kind == .resource ? try await LibraryStore(sql: services.database.reads).files(ofResources: [record.id])[record.id] : nil
            var response = try Responses.json(LibraryRecordBody(record, publicURL: services.configuration.publicURL, file: file),
                                              status: key == nil ? .created : .ok)
            if key == nil { response.headers[.location] = LibraryURL.apiRecord(kind, record.urlKey).path }
            return response
        case .invalid(let error): throw error
        case .notFound: throw AppError.notFound("The \(kind.label.lowercased())")
        }
    }
}

extension APIScope {
    static let libraryWrite = APIScope("library:write", summary: "Create, edit and unpublish practices, resources and news")
}
