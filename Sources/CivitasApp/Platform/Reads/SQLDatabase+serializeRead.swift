import SQLKit

extension SQLDatabase {
    /// A read's SQL text and binds, as `serialize` gives them, into a text made large enough
    /// at the start: a page's statements are a few hundred characters written in many small
    /// pieces, and the text otherwise grew (and was copied) several times for each.
    ///
    /// A `ReadSQL` in marked form, read through the readers' own dialect, is written without
    /// the serializer: its placeholders put in place of its marks in one pass.
    func serializeRead(_ query: any SQLExpression) -> (sql: String, binds: [any Encodable & Sendable]) {
        if let read = query as? ReadSQL, let dialect = dialect as? ReadDialect,
           let written = read.written(placeholders: dialect.placeholderText(at:)) {
            return written
        }
        var serializer = SQLSerializer(database: self)
        serializer.sql.reserveCapacity(2048)
        serializer.binds.reserveCapacity(32)
        query.serialize(to: &serializer)
        return (serializer.sql, serializer.binds)
    }
}
