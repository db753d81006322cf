/// A place's page lists the events held there. Without an index on the event's place, SQLite
/// walked every event to find them.
struct M004_EventAreaIndex: IndexesMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [("events_area", "events", ["area_id"])]
}
