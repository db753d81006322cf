/// An organization's page lists its published sub-organizations by name. Without an index on
/// the parent, SQLite walked every organization in name order to find them; this one holds the
/// parent, then the list's order.
struct M003_SubOrganizationIndex: IndexesMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("organizations_parent_order", "organizations", ["parent_id", "published", "name"]),
    ]
}
