import CivitasCore
import Hummingbird

/// Staff pages of the library: lists with unpublished records, forms, publishing. A form
/// with errors is shown again with what the person typed, answered 400.
struct LibraryStaffHandlers: Sendable {
    let services: AppServices

    private var store: LibraryStore { LibraryStore(sql: services.database.reads) }

    func list(_ kind: LibraryKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try Pagination.from(request, per: 50)
        let text = String(String(request.uri.queryParameters["q"] ?? "").prefix(200))
        let (records, total) = try await store.list(kind, LibraryFilter(text: text, publishedOnly: false, offset: page.offset, limit: page.per))
        let view = LibraryStaffListPage(kind: kind, records: records, total: total, page: page, text: text)
        return services.privatePage(context, title: kind.pluralLabel, content: view.content)
    }

    func newForm(_ kind: LibraryKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await form(kind, id: nil, published: true, slug: "", values: [:], error: nil, context: context)
    }

    func editForm(_ kind: LibraryKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let record = try await store.find(kind, key: id, publishedOnly: false), record.id == id else {
            throw AppError.notFound("The \(kind.label.lowercased())")
        }
        return try await form(kind, id: id, published: record.published, slug: record.slug ?? "", values: record.formValues, error: nil, context: context)
    }

    func save(_ kind: LibraryKind, editing: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let id = editing ? try context.parameters.require("id") : nil
        var request = request
        let formData = try await FormBody.read(&request, context: context)
        let input = RecordInput(form: formData, kind: kind)
        switch try await SaveLibraryRecord(kind: kind, id: id, input: input, actor: .user(user)).run(services: services) {
        case .saved(let record):
            return Responses.redirect(to: LibraryURL.staffEdit(kind, record.id))
        case .notFound:
            throw AppError.notFound("The \(kind.label.lowercased())")
        case .invalid(let error):
            return try await form(kind, id: id, published: true, slug: formData["slug"] ?? "", values: RecordFormFields.typed(formData, kind: kind), error: error,
                                  context: context, status: .badRequest)
        }
    }

    func setPublished(_ kind: LibraryKind, _ published: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let id = try context.parameters.require("id")
        // Publishing a member's practice is an editor's decision on it.
        if kind == .practice, published, let submission = try await SubmissionStore(sql: services.database.reads).find(id), submission.state.isOpen {
            switch try await ReviewSubmission(id: id, decision: .publish, note: nil, actor: .user(user)).run(services: services) {
            case .done, .alreadyDecided: return Responses.redirect(to: LibraryURL.staffEdit(kind, id))
            case .notFound: throw AppError.notFound("The \(kind.label.lowercased())")
            case .invalid(let error): throw error
            }
        }
        switch try await SetRecordPublished(kind: kind, id: id, published: published, actor: .user(user), changed: LibraryTopics.changed).run(services: services) {
        case .done: return Responses.redirect(to: LibraryURL.staffEdit(kind, id))
        case .notFound: throw AppError.notFound("The \(kind.label.lowercased())")
        }
    }

    private func form(_ kind: LibraryKind, id: String?, published: Bool, slug: String, values: [String: [String]], error: AppError?,
                      context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let choices = try await LibraryFormChoices.load(kind, excluding: id, store: store, records: services.site.records)
        var extra: Node<HTML.BodyContext> = .empty
        if kind == .resource, let id {
            extra = ResourceFileHandlers.section(resourceID: id, file: try await store.files(ofResources: [id])[id], csrfToken: context.csrfToken)
        }
        let page = RecordFormPage(kind: kind, recordID: id, published: published, slug: slug, values: values, error: error,
                                  choices: choices, csrfToken: context.csrfToken,
                                  saveTarget: SiteLink(id.map { LibraryURL.staffRecord(kind, $0) } ?? LibraryURL.staffList(kind)),
                                  publishTarget: id.map { SiteLink(LibraryURL.staffPublish(kind, $0)) },
                                  unpublishTarget: id.map { SiteLink(LibraryURL.staffUnpublish(kind, $0)) }, extra: extra)
        return services.privatePage(context, title: id == nil ? "New \(kind.label.lowercased())" : "Edit \(kind.label.lowercased())",
                                    content: page.content, status: status)
    }
}
