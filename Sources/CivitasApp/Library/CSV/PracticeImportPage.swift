
/// The staff page that imports practices from CSV: the file's text, then a preview of what
/// each row would do with its errors, and only then the import.
struct PracticeImportPage {
    let csv: String
    let error: AppError?
    /// What the preview says first (the encoding a file was read in, when it was not UTF-8).
    var notice: String? = nil
    /// Rows checked by a preview (or a refused import); nil before the first preview.
    let rows: [ImportPractices.Row]?
    let csrfToken: String

    var content: Node<HTML.BodyContext> {
        let form = FormFields(errors: error?.fieldErrors ?? [:])
        let wrong = rows?.filter { !$0.errors.isEmpty } ?? []
        return .group(
            .h1("Import practices from CSV"),
            .p(.text(escaping: "The first line names the columns: \(PracticeCSV.header.joined(separator: ", ")) and published (yes or no). "
                + "title and status are required; records pointed at are named by their slugs, several separated by \"\(PracticeCSV.listSeparator)\". "
                + "A row whose slug names a practice changes it; other rows create practices. The export at "),
               .a(.href(to: LibraryURL.practicesCSV), .text(escaping: LibraryURL.practicesCSV.path)), .text(escaping: " has these columns.")),
            .alert(error),
            .unwrap(notice) { .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text(escaping: $0))) },
            .unwrap(rows) { rows in
                .section(.h2("Preview"),
                    .p(.text(escaping: wrong.isEmpty
                        ? "\(rows.count) rows are ready: \(rows.filter(\.creates).count) new practices, \(rows.filter { !$0.creates }.count) changed. Nothing is written until you import."
                        : "\(wrong.count) of \(rows.count) rows have errors. Nothing is written; correct the file and preview it again.")),
                    .table(.thead(.tr(.th("Line"), .th("Practice"), .th("Would"), .th("Errors"))),
                           .tbody(.forEach(rows) { row in
                               .tr(.td(.text(escaping: String(row.line))), .td(.text(escaping: row.title)),
                                   .td(.text(escaping: row.creates ? "create" : "change")),
                                   .td(.if(!row.errors.isEmpty, .ul(.forEach(row.errors.sorted { $0.key < $1.key }) { .li(.text(escaping: "\($0.key): \($0.value)")) }))))
                           })))
            },
            .form(.class("stacked"), .method(.post), .action(to: LibraryURL.staffPracticeImport), .enctype(.multipartData),
                FormFields.csrf(csrfToken),
                form.field("file", "CSV file", help: "Saved from a spreadsheet as CSV (CSV UTF-8 is best), fields separated by commas or semicolons; at most \(StoredFiles.maximumBytes / 1_048_576) MiB",
                           .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"))),
                form.textarea("csv", rows == nil ? "Or paste its text" : "The text previewed",
                              value: csv, help: "A chosen file is read instead of this text"),
                .p(.button(.type(.submit), .name("action"), .value("preview"), .text(escaping: "Preview")),
                   .if(rows != nil && wrong.isEmpty, .group(.text(escaping: " "),
                       .button(.type(.submit), .name("action"), .value("import"), .text(escaping: "Import \(rows?.count ?? 0) practices"))))))
        )
    }
}
