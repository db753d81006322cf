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

    /// The CSV comes as a chosen file (the form is multipart) or as pasted text. A file's text
    /// is put in the form's text box on the preview, so the import sends what was previewed.
    func importFile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        var request = request
        let form: FormData
        var csv: String
        if MultipartForm.isMultipart(request) {
            let (fields, files) = try await MultipartForm.read(&request, context: context)
            form = fields
            csv = fields["csv"] ?? ""
            if let file = files.first(where: { $0.field == "file" && !$0.bytes.isEmpty }) {
                switch Self.text(of: file) {
                case .success(let text): csv = text
                case .failure(let error): return page(csv: csv, error: error, rows: nil, context: context, status: .badRequest)
                }
            }
        } else {
            form = try await FormBody.read(&request, context: context)
            csv = form["csv"] ?? ""
        }
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

    /// A chosen file's text: UTF-8 (with or without the byte-order mark spreadsheets write),
    /// holding nothing a pasted text could not.
    static func text(of file: UploadedFile) -> Result<String, AppError> {
        let name = file.filename.isEmpty ? "The file" : "\"\(file.filename.prefix(80))\""
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            let message = "\(name) is not UTF-8 text. Save it from the spreadsheet as \"CSV UTF-8\" and choose it again."
            return .failure(AppError(.badRequest, message, fieldErrors: ["file": message]))
        }
        guard !TextInput.hasControlCharacters(text) else {
            let message = "\(name) contains control characters, so it is not a CSV file. Choose the CSV file saved from the spreadsheet."
            return .failure(AppError(.badRequest, message, fieldErrors: ["file": message]))
        }
        return .success(text)
    }

    private func page(csv: String, error: AppError?, rows: [ImportPractices.Row]?, context: AppRequestContext,
                      status: HTTPResponse.Status = .ok) -> Response {
        let view = PracticeImportPage(csv: csv, error: error, rows: rows, csrfToken: context.csrfToken)
        return services.privatePage(context, title: "Import practices", content: view.content, status: status)
    }
}
