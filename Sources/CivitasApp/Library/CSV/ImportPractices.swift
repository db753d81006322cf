import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Practices from a CSV file (the columns of `PracticeCSV`), checked row by row exactly as a
/// save checks them, in one transaction: a preview shows what each row would do and its
/// errors and writes nothing; an import writes every row or, when any row is wrong, none.
/// A row whose slug names an existing practice changes it (only the columns the file has);
/// any other row creates one.
struct ImportPractices: Sendable {
    let csv: String
    /// false: a preview, rolled back whatever happens.
    let commit: Bool
    let actor: Actor

    static let maximumRows = 1_000

    struct Row: Sendable {
        let line: Int
        let title: String
        let creates: Bool
        let errors: [String: String]
    }

    enum Outcome: Sendable {
        /// The file itself cannot be read: a missing column, an unknown one, broken quoting.
        case unreadable(AppError)
        case previewed([Row])
        case imported([Row])
        /// Some rows are wrong; nothing was written.
        case refused([Row])
    }

    /// Thrown to roll a preview or a refused import back, carrying what the rows would do.
    private struct RolledBack: Error { let rows: [Row] }

    func run(services: AppServices) async throws -> Outcome {
        let table: (header: [String], rows: [(line: Int, fields: [String])])
        switch Self.read(csv) {
        case .success(let read): table = read
        case .failure(let error): return .unreadable(error)
        }
        let (commit, actor) = (self.commit, self.actor)
        do {
            let rows = try await services.write(queuedOn: "practices") { tx -> Written<[Row]> in
                var results: [Row] = []
                for row in table.rows {
                    results.append(try await Self.save(row, header: table.header, on: tx, services: services, actor: actor))
                }
                guard commit, results.allSatisfy(\.errors.isEmpty) else { throw RolledBack(rows: results) }
                return Written(results, changed: PublishedChange([.every(LibraryKind.practice.rawValue)]))
            }
            return .imported(rows)
        } catch let rolledBack as RolledBack {
            return commit ? .refused(rolledBack.rows) : .previewed(rolledBack.rows)
        }
    }

    /// The header and rows, or what is wrong with the file as a whole.
    static func read(_ text: String) -> Result<(header: [String], rows: [(line: Int, fields: [String])]), AppError> {
        let rows: [(line: Int, fields: [String])]
        do { rows = try CSVReader.rows(text, separator: CSVReader.separator(of: text)) } catch { return .failure(AppError.badRequest("The CSV cannot be read: \(error.description)")) }
        guard let first = rows.first else { return .failure(AppError.badRequest("The CSV is empty: its first line names the columns")) }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let known = Set(PracticeCSV.header + [PracticeCSV.publishedColumn])
        let unknown = header.filter { !known.contains($0) }
        if !unknown.isEmpty {
            return .failure(AppError.badRequest("Unknown columns: \(unknown.joined(separator: ", ")); known columns: \((PracticeCSV.header + [PracticeCSV.publishedColumn]).joined(separator: ", "))"))
        }
        if Set(header).count != header.count { return .failure(AppError.badRequest("A column is named twice")) }
        let required = ["title", "status"].filter { !header.contains($0) }
        if !required.isEmpty { return .failure(AppError.badRequest("The CSV lacks the columns: \(required.joined(separator: ", ")) (every practice needs them)")) }
        let body = Array(rows.dropFirst())
        if body.isEmpty { return .failure(AppError.badRequest("The CSV has no practices under its header")) }
        if body.count > maximumRows { return .failure(AppError.badRequest("The CSV has \(body.count) practices; import at most \(maximumRows) at a time")) }
        if let short = body.first(where: { $0.fields.count != header.count }) {
            return .failure(AppError.badRequest("Line \(short.line) has \(short.fields.count) fields; the header has \(header.count)"))
        }
        return .success((header, body))
    }

    /// Checks and saves one row inside the import's transaction.
    private static func save(_ row: (line: Int, fields: [String]), header: [String], on tx: any Database, services: AppServices,
                             actor: Actor) async throws -> Row {
        let values = Dictionary(uniqueKeysWithValues: zip(header, row.fields))
        let store = LibraryStore(tx)
        let records = services.site.records.reading(through: store.sql)
        var input = RecordInput(form: FormData(), kind: LibraryKind.practice)
        input.raw = [:]
        var errors: [String: String] = [:]
        let slug = values[PracticeCSV.slugColumn]?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        for column in PracticeCSV.columns {
            guard let text = values[column.name] else { continue }
            switch column.field.kind {
            case .reference(let target), .references(let target):
                let slugs = text.split(separator: Character(PracticeCSV.listSeparator)).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                var ids: [String] = []
                if LibraryKind(target) == .practice, !slug.isEmpty, slugs.contains(slug) {
                    errors[column.field.name] = "a practice cannot be adapted from itself"
                    continue
                }
                for slug in slugs {
                    let id = if let kind = LibraryKind(target) {
                        try await store.find(kind, key: slug, publishedOnly: false)?.id
                    } else {
                        try await records.find(kind: target.rawValue, key: slug)?.id
                    }
                    if let id { ids.append(id) } else { errors[column.field.name] = "no \(target) has the slug \"\(slug)\"" }
                }
                if case .reference = column.field.kind {
                    if ids.count > 1 { errors[column.field.name] = "names one \(target), not several" }
                    input.raw[column.field.name] = ids.first.map(RecordInput.Raw.single) ?? .null
                } else {
                    input.raw[column.field.name] = .multiple(ids)
                }
            default:
                input.raw[column.field.name] = .single(text)
            }
        }
        if let published = values[PracticeCSV.publishedColumn]?.trimmingCharacters(in: .whitespaces).lowercased(), !published.isEmpty {
            switch published {
            case "yes", "true", "1": input.published = true
            case "no", "false", "0": input.published = false
            default: errors["published"] = "must be yes or no"
            }
        }
        let existing = slug.isEmpty ? nil : try await store.find(.practice, key: slug, publishedOnly: false)
        input.slug = slug.isEmpty ? nil : slug
        if existing == nil {
            // A new practice: every field the file leaves out starts empty.
            for field in LibraryKind.practice.fields where input.raw[field.name] == nil { input.raw[field.name] = field.isLink ? .multiple([]) : .null }
        }
        let title = values["title"] ?? existing?.title ?? ""
        let outcome = try await SaveLibraryRecord(kind: .practice, id: existing?.id, input: input, actor: actor).run(on: tx, services: services)
        switch outcome {
        case .saved: break
        case .invalid(let error): errors.merge(error.fieldErrors) { first, _ in first }
        case .notFound: errors["slug"] = "names a practice that no longer exists"
        }
        return Row(line: row.line, title: title, creates: existing == nil, errors: errors)
    }
}
