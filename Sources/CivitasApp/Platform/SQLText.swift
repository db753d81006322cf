import SQLKit

/// Text conditions every capability's lists use, written the same on SQLite and PostgreSQL.
enum SQLText {
    /// Case-insensitive "contains", with `%` and `_` in the text matched literally.
    static func contains(column: String, text: String, qualified: Bool = false) -> SQLQueryString {
        let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let target: SQLQueryString = qualified ? "\(unsafeRaw: column)" : "\(ident: column)"
        return "lower(" + target + ") LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"
    }
}
