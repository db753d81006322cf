import CivitasCore
import SQLKit

extension RecordStore {
    /// "Eric Garcetti — Mayor of Los Angeles (2013-07-01 – 2022-12-12)" for each membership,
    /// published or not, so staff can tell memberships apart.
    func membershipTitles(_ records: [RecordValues]) async throws -> [String: String] {
        guard !records.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT m.id, COALESCE(pe.name, mo.name, '?') AS member, COALESCE(p.label, m.label, m.role, o.name) AS what, o.name AS organization
            FROM memberships m
            JOIN organizations o ON o.id = m.organization_id
            LEFT JOIN people pe ON pe.id = m.person_id
            LEFT JOIN organizations mo ON mo.id = m.member_organization_id
            LEFT JOIN posts p ON p.id = m.post_id
            WHERE m.id IN (\(binds: records.map(\.id)))
            """).all()
        var titles: [String: String] = [:]
        let spans = Dictionary(uniqueKeysWithValues: records.map { ($0.id, readableSpan(start: $0.text("start_date"), end: $0.text("end_date"))) })
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            let member = try row.decode(column: "member", as: String.self)
            let what = try row.decode(column: "what", as: String.self)
            let organization = try row.decode(column: "organization", as: String.self)
            let role = what == organization ? organization : "\(what), \(organization)"
            let span = spans[id].flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
            titles[id] = "\(member) — \(role)\(span)"
        }
        return titles
    }
}
