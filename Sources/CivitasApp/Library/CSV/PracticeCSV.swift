import CivitasCore

/// Practices as CSV columns: `slug`, then every public field by name, with records they point
/// at written as slugs (`city_slugs`: `milwaukee; baltimore`), so a file reads and edits well in
/// a spreadsheet and imports back unchanged. Contacts, which are private, are left out.
enum PracticeCSV {
    struct Column: Sendable {
        let name: String
        let field: FieldSpec
    }

    static let slugColumn = "slug"
    static let publishedColumn = "published"
    /// Separates the slugs of a list column.
    static let listSeparator = ";"

    static let columns: [Column] = LibraryKind.practice.publicFields.map { field in
        switch field.kind {
        case .references: Column(name: String(field.name.dropLast("_ids".count)) + "_slugs", field: field)
        case .reference: Column(name: String(field.name.dropLast("_id".count)) + "_slug", field: field)
        default: Column(name: field.name, field: field)
        }
    }

    static var header: [String] { [slugColumn] + columns.map(\.name) }

    /// The published practices, one row each.
    static func export(_ practices: [LibraryRecord], references: LibraryReferences) -> String {
        let rows = practices.map { practice in
            [practice.slug ?? ""] + columns.map { column in
                switch column.field.kind {
                case .reference, .references:
                    references.of(practice, column.field.name).map(\.slug).joined(separator: listSeparator + " ")
                default:
                    practice[column.field.name].display ?? ""
                }
            }
        }
        return CSV.document(header: header, rows: rows)
    }
}
