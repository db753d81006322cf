import SQLKit

/// How a list narrows to the records whose text matches `?q=`, when a capability keeps a
/// search index: it answers with a condition on the list's id column, so the list stays one
/// query and never names the index's tables. Lists whose kind the index does not hold, and
/// lists that show unpublished records (the index holds public ones only), match names with
/// `LIKE` as before.
protocol RecordTextSearch: Sendable {
    /// True for the public records of `kind` whose words match `text` as the search page reads
    /// it; nil when the index does not hold `kind` or `text` has no words.
    func condition(kind: String, text: String, idColumn: String) async throws -> SQLQueryString?
}
