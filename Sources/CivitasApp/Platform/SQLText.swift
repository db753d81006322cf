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

extension SQLQueryString {
    /// `a, b, c`: each element's SQL, separated by commas (or `separator`: " OR ", " AND ").
    static func list<T>(_ elements: some Collection<T>, separator: String = ", ", _ sql: (T) -> SQLQueryString) -> SQLQueryString {
        elements.enumerated().reduce(into: SQLQueryString("")) { list, item in
            if item.offset > 0 { list += SQLQueryString(separator) }
            list += sql(item.element)
        }
    }
}

extension Array {
    /// The array in consecutive pieces of at most `size` elements (rows per statement, mails
    /// per connection).
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
