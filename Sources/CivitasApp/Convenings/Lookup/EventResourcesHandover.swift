import SQLKit

/// The "Title | address" links events used to list as their resources, handed to the
/// capability that keeps resources now (the library adopts them as resources naming the
/// event). Once released, the table that held them is dropped: events no longer keep links.
struct EventResourcesHandover: RecordHandover {
    static let table = "event_resources"
    let kind = "resource"

    func pending(on sql: any SQLDatabase) async throws -> [HandedOverRecord] {
        guard try await Self.tableExists(on: sql) else { return [] }
        return try await sql.raw("""
            SELECT r.id, r.title, r.url, r.event_id, r.position, e.published
            FROM event_resources r JOIN events e ON e.id = r.event_id
            ORDER BY r.event_id, r.position
            """).all().map { row in
            HandedOverRecord(id: try row.decode(column: "id", as: String.self), title: try row.decode(column: "title", as: String.self),
                             url: try row.decode(column: "url", as: String.self),
                             partOf: RecordKey(kind: RecordKindName.event.rawValue, id: try row.decode(column: "event_id", as: String.self)),
                             position: try row.decode(column: "position", as: Int.self), published: try row.decode(column: "published", as: Bool.self))
        }
    }

    func release(_ records: [HandedOverRecord], on sql: any SQLDatabase) async throws {
        guard try await Self.tableExists(on: sql) else { return }
        let left = try await sql.raw("SELECT COUNT(*) AS n FROM event_resources").first()?.decode(column: "n", as: Int.self) ?? 0
        // Only what was handed over is released: a row added since stays where it is.
        guard left == records.count else { throw HandoverError.changedDuringHandover(expected: records.count, found: left) }
        try await sql.drop(table: Self.table).run()
    }

    static func tableExists(on sql: any SQLDatabase) async throws -> Bool {
        switch sql.dialect.name {
        case "sqlite":
            return try await sql.raw("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)").first() != nil
        default:
            return try await sql.raw("SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = \(bind: table)").first() != nil
        }
    }

    enum HandoverError: Error, CustomStringConvertible {
        case changedDuringHandover(expected: Int, found: Int)
        var description: String {
            switch self {
            case .changedDuringHandover(let expected, let found): "event resources changed during the handover (\(expected) handed over, \(found) stored)"
            }
        }
    }
}
