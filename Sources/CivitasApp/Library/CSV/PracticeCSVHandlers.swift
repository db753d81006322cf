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
        /// Said on the preview when the file was not UTF-8 (see `SpreadsheetText`).
        var readAs: String? = nil
        if MultipartForm.isMultipart(request) {
            let (fields, files) = try await MultipartForm.read(&request, context: context)
            form = fields
            csv = fields["csv"] ?? ""
            if let file = files.first(where: { $0.field == "file" && !$0.bytes.isEmpty }) {
                switch Self.text(of: file) {
                case .success(let chosen):
                    csv = chosen.text
                    readAs = chosen.notice
                case .failure(let error): return page(csv: csv, error: error, rows: nil, context: context, status: .badRequest)
                }
            }
        } else {
            form = try await FormBody.read(&request, context: context)
            csv = form["csv"] ?? ""
        }
        // A file read in a legacy encoding is previewed first whatever was asked: the encoding
        // is a guess, and a person checks its accents before anything is written.
        let commit = form["action"] == "import" && readAs == nil
        switch try await ImportPractices(csv: csv, commit: commit, actor: .user(user)).run(services: services) {
        case .unreadable(let error):
            return page(csv: csv, error: AppError(.badRequest, error.message, fieldErrors: ["csv": error.message]), rows: nil, context: context, status: .badRequest)
        case .previewed(let rows):
            return page(csv: csv, error: nil, rows: rows, context: context, notice: readAs)
        case .refused(let rows):
            return page(csv: csv, error: AppError(.badRequest, "Nothing was imported: some rows have errors"), rows: rows, context: context, status: .badRequest)
        case .imported(let rows):
            return Responses.redirect(to: LibraryURL.staffList(.practice).with(query: [("imported", String(rows.count))]))
        }
    }

    /// A chosen file's text, and what the preview says of its encoding when it was not UTF-8.
    struct ChosenText {
        let text: String
        let notice: String?
    }

    /// A chosen file's text: UTF-8 (with or without the byte-order mark spreadsheets write), or
    /// the UTF-16 and Windows-1252 that Excel saves (`SpreadsheetText`), holding nothing a
    /// pasted text could not.
    static func text(of file: UploadedFile) -> Result<ChosenText, AppError> {
        let name = file.filename.isEmpty ? "The file" : "\"\(file.filename.prefix(80))\""
        guard let (text, encoding) = SpreadsheetText.read(file.bytes) else {
            let message = "\(name) is not UTF-8 text, nor UTF-16 or Windows-1252. Save it from the spreadsheet as \"CSV UTF-8\" and choose it again."
            return .failure(AppError(.badRequest, message, fieldErrors: ["file": message]))
        }
        guard !TextInput.hasControlCharacters(text) else {
            let message = "\(name) contains control characters, so it is not a CSV file. Choose the CSV file saved from the spreadsheet."
            return .failure(AppError(.badRequest, message, fieldErrors: ["file": message]))
        }
        let notice = encoding == .utf8 ? nil
            : "\(name) is not UTF-8, so it was read as \(encoding.rawValue), the encoding Excel saves in. Check the accents and quotation marks below; "
            + "if they are wrong, save the file from the spreadsheet as \"CSV UTF-8\" and choose it again. Nothing is written until you import."
        return .success(ChosenText(text: text, notice: notice))
    }

    private func page(csv: String, error: AppError?, rows: [ImportPractices.Row]?, context: AppRequestContext,
                      status: HTTPResponse.Status = .ok, notice: String? = nil) -> Response {
        let view = PracticeImportPage(csv: csv, error: error, notice: notice, rows: rows, csrfToken: context.csrfToken)
        return services.privatePage(context, title: "Import practices", content: view.content, status: status)
    }
}
