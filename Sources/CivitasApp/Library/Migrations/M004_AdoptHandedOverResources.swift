import FluentKit
import SQLKit

/// Resources other capabilities kept before the library did (the links an event listed as its
/// resources) become library resources naming the record they belonged to, saved through
/// the same command staff use, public when that record is; then the old keeper releases
/// them. All in one transaction: a database is either wholly moved or untouched.
struct M004_AdoptHandedOverResources: AsyncMigration {
    let services: AppServices

    /// What a handed-over link is, when nothing else is known of it.
    static let kindOfLink = "webpage"

    func prepare(on database: any Database) async throws {
        let handovers = services.site.handovers(of: LibraryKind.resource.rawValue)
        guard !handovers.isEmpty else { return }
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            for handover in handovers {
                let records = try await handover.pending(on: sql)
                for record in records { try await adopt(record, on: tx) }
                try await handover.release(records, on: sql)
            }
        }
    }

    private func adopt(_ record: HandedOverRecord, on db: any Database) async throws {
        var input = RecordInput(form: .init(), kind: LibraryKind.resource)
        // Events took titles of any length; a longer one than a resource's is shortened, and
        // kept whole as the summary, so nothing is lost and the server still starts.
        if case .text(let maxLength) = LibraryKind.resource.field("title")?.kind, record.title.count > maxLength {
            input.raw["title"] = .single(String(record.title.prefix(maxLength - 1)) + "…")
            input.raw["summary"] = .single(record.title)
        } else {
            input.raw["title"] = .single(record.title)
        }
        input.raw["kind"] = .single(Self.kindOfLink)
        input.raw["link"] = .single(record.url)
        input.raw["\(record.partOf.kind)_ids"] = .multiple([record.partOf.id])
        input.published = record.published
        let outcome = try await SaveLibraryRecord(kind: .resource, id: nil, input: input, actor: .migration, newID: "resource-\(record.id)")
            .run(on: db, services: services)
        if case .invalid(let error) = outcome {
            throw AdoptionError(description: "The \(record.partOf.kind) \(record.partOf.id)'s resource \"\(record.title)\" could not become a library resource: \(error.message) \(error.fieldErrors)")
        }
    }

    /// The move is one way: reverting leaves the resources in the library.
    func revert(on database: any Database) async throws {}

    struct AdoptionError: Error, CustomStringConvertible { let description: String }
}
