import CivitasCore
import Hummingbird

/// Staff pages of the directory: lists with unpublished records, forms, publishing.
/// Every handler starts by checking the role; a form with errors is shown again with
/// the person's input kept and answered 400.
struct StaffHandlers: Sendable {
    let services: AppServices

    func list(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try Pagination.from(request, per: 50)
        let text = String(String(query["q"] ?? "").prefix(200))
        let store = RecordStore(services.database.db)
        let (records, total) = try await store.list(kind, .init(text: text, offset: page.offset, limit: page.per, publishedOnly: false))
        let titles = kind == .membership ? try await store.membershipTitles(records) : [:]
        let view = StaffListPage(kind: kind, records: records, titles: titles, total: total, page: page.page, per: page.per, text: text)
        return html(context, title: kind.pluralLabel, content: view.content)
    }

    func newForm(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        return try await form(kind, id: nil, published: true, slug: "", values: [:], error: nil, context: context)
    }

    func editForm(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let record = try await RecordStore(services.database.db).find(kind, key: id, publishedOnly: false), record.id == id else {
            throw AppError.notFound("The \(kind.label.lowercased())")
        }
        return try await form(kind, id: id, published: record.published, slug: record.slug ?? "", values: record.formValues, error: nil, context: context)
    }

    func create(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await save(kind, id: nil, request, context)
    }

    func update(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await save(kind, id: try context.parameters.require("id"), request, context)
    }

    func setPublished(_ kind: RecordKind, _ published: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let id = try context.parameters.require("id")
        switch try await SetRecordPublished(kind: kind, id: id, published: published, actor: .user(user), changed: { DirectoryTopics.changed($0.kind, id: $0.id, slug: $0.slug) })
            .run(services: services) {
        case .done: return Responses.redirect(to: DirectoryURL.staffEdit(kind, id).path)
        case .notFound: throw AppError.notFound("The \(kind.label.lowercased())")
        }
    }

    private func save(_ kind: RecordKind, id: String?, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        var request = request
        let formData = try await FormBody.read(&request, context: context)
        let input = RecordInput(form: formData, kind: kind)
        switch try await SaveRecord(kind: kind, id: id, input: input, actor: .user(user)).run(services: services) {
        case .saved(let record):
            return Responses.redirect(to: DirectoryURL.staffEdit(kind, record.id).path)
        case .notFound:
            throw AppError.notFound("The \(kind.label.lowercased())")
        case .invalid(let error):
            return try await form(kind, id: id, published: true, slug: formData["slug"] ?? "", values: RecordFormFields.typed(formData, kind: kind), error: error,
                                  context: context, status: .badRequest)
        }
    }

    private func form(_ kind: RecordKind, id: String?, published: Bool, slug: String, values: [String: [String]], error: AppError?,
                      context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = RecordStore(services.database.db)
        var choices: [RecordKindName: [(id: String, title: String)]] = [:]
        for field in kind.fields {
            switch field.kind {
            case .reference(let name), .references(let name):
                if let target = RecordKind(name), choices[name] == nil { choices[name] = try await store.choices(target) }
            default: break
            }
        }
        let page = RecordFormPage(kind: kind, recordID: id, published: published, slug: slug, values: values, error: error,
                                  choices: choices, csrfToken: context.csrfToken,
                                  saveTarget: SiteLink(id.map { DirectoryURL.staffRecord(kind, $0) } ?? DirectoryURL.staffList(kind)),
                                  publishTarget: id.map { SiteLink(DirectoryURL.staffPublish(kind, $0)) },
                                  unpublishTarget: id.map { SiteLink(DirectoryURL.staffUnpublish(kind, $0)) })
        return html(context, title: page.recordID == nil ? "New \(kind.label.lowercased())" : "Edit \(kind.label.lowercased())",
                    content: page.content, status: status)
    }

    private func html(_ context: AppRequestContext, title: String, content: Node<HTML.BodyContext>, status: HTTPResponse.Status = .ok) -> Response {
        services.privatePage(context, title: title, content: content, status: status)
    }
}

