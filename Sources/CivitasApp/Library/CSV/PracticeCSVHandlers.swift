import CivitasCore
import Hummingbird

/// The public CSV export of practices and the staff import.
struct PracticeCSVHandlers: Sendable {
    let services: AppServices

    func export(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var response = try await services.cached(request, context, contentType: "text/csv; charset=utf-8", shows: LibraryTopics.all) {
            let store = LibraryStore(sql: services.database.reads)
            let practices = try await store.list(.practice, LibraryFilter(limit: 1_000_000)).records
            let references = try await LibraryReferences.resolve(practices, store: store, lookups: services.site.records)
            return ByteBuffer(string: PracticeCSV.export(practices, references: references))
        }
        response.headers[.contentDisposition] = "attachment; filename=\"practices.csv\""
        return response
    }

    func importForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        page(csv: "", error: nil, rows: nil, context: context)
    }

    func importFile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let csv = form["csv"] ?? ""
        let commit = form["action"] == "import"
        switch try await ImportPractices(csv: csv, commit: commit, actor: .user(user)).run(services: services) {
        case .unreadable(let error):
            return page(csv: csv, error: AppError(.badRequest, error.message, fieldErrors: ["csv": error.message]), rows: nil, context: context, status: .badRequest)
        case .previewed(let rows):
            return page(csv: csv, error: nil, rows: rows, context: context)
        case .refused(let rows):
            return page(csv: csv, error: AppError(.badRequest, "Nothing was imported: some rows have errors"), rows: rows, context: context, status: .badRequest)
        case .imported(let rows):
            return Responses.redirect(to: LibraryURL.staffList(.practice).with(query: [("imported", String(rows.count))]))
        }
    }

    private func page(csv: String, error: AppError?, rows: [ImportPractices.Row]?, context: AppRequestContext,
                      status: HTTPResponse.Status = .ok) -> Response {
        let view = PracticeImportPage(csv: csv, error: error, rows: rows, csrfToken: context.csrfToken)
        return services.privatePage(context, title: "Import practices", content: view.content, status: status)
    }
}
