import Foundation

/// What a library record must be beyond each field's own form: every record it points at
/// exists, a practice is not adapted from itself (or from a practice adapted from it), and
/// its start year is not in the future.
enum LibraryRules {
    static func check(_ record: LibraryRecord, store: LibraryStore, records: RecordLookups, now: Date,
                      errors: inout [String: String]) async throws {
        for field in record.kind.fields where errors[field.name] == nil {
            let target: RecordKindName, ids: [String]
            switch (field.kind, record[field.name]) {
            case (.reference(let name), .text(let id)): (target, ids) = (name, [id])
            case (.references(let name), .ids(let list)) where !list.isEmpty: (target, ids) = (name, list)
            default: continue
            }
            let found = if let kind = LibraryKind(target) {
                try await store.existing(kind, ids: ids)
            } else {
                try await records.existing(kind: target.rawValue, ids: ids)
            }
            if let missing = ids.first(where: { !found.contains($0) }) {
                errors[field.name] = "no \(target) has the id \"\(missing)\""
            }
        }
        if record.kind == .practice {
            try await checkLineage(record, store: store, errors: &errors)
            if case .integer(let year) = record["start_year"], year > Calendar(identifier: .gregorian).component(.year, from: now) + 1 {
                errors["start_year"] = "must not be later than next year"
            }
        }
    }

    /// Following "adapted from" upwards must never come back to the practice itself.
    private static func checkLineage(_ record: LibraryRecord, store: LibraryStore, errors: inout [String: String]) async throws {
        guard errors["adapted_from_id"] == nil, var next = record.text("adapted_from_id") else { return }
        var seen: Set<String> = []
        while seen.count < 100 {
            if next == record.id {
                errors["adapted_from_id"] = seen.isEmpty ? "a practice cannot be adapted from itself"
                    : "would make a circle: that practice is itself adapted, directly or not, from this one"
                return
            }
            seen.insert(next)
            guard let parent = try await store.sql.select().column("adapted_from_id").from("practices")
                .where("id", .equal, next).first()?.decode(column: "adapted_from_id", as: String?.self) else { return }
            next = parent
        }
    }
}
