import CivitasCore
import SQLKit

/// The file a resource carries.
struct ResourceFile: Sendable, Equatable {
    let hash: String
    let name: String
    let type: DocumentType
    let size: Int

    /// "PDF, 1.2 MB"
    var summary: String { "\(type.label), \(sizeText)" }

    /// "1.2 MB", "12 KB"
    var sizeText: String {
        size >= 1_048_576 ? String(format: "%.1f MB", Double(size) / 1_048_576) : "\(max(1, (size + 1023) / 1024)) KB"
    }
}

extension LibraryStore {
    /// The files of these resources, by resource id, in one query.
    func files(ofResources ids: [String]) async throws -> [String: ResourceFile] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns("id", "file_hash", "file_name", "file_type", "file_size").from("resources")
            .where("id", .in, SQLBind.group(ids)).where("file_hash", .isNot, SQLLiteral.null).all()
        var files: [String: ResourceFile] = [:]
        for row in rows {
            guard let type = DocumentType(rawValue: try row.decode(column: "file_type", as: String.self)) else { continue }
            files[try row.decode(column: "id", as: String.self)] = ResourceFile(
                hash: try row.decode(column: "file_hash", as: String.self), name: try row.decode(column: "file_name", as: String.self),
                type: type, size: try row.decode(column: "file_size", as: Int.self))
        }
        return files
    }
}
