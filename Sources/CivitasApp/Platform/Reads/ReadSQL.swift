import SQLKit

/// A read's SQL as the source writes it (`"SELECT … WHERE id = \(bind: id)"`), kept as text
/// with a mark where each bind goes, and the binds in order.
///
/// SQLKit's `SQLQueryString` keeps every literal piece and bind as an expression of its own,
/// and every run walks them to write the text through the dialect (a tenth of an uncached
/// event page's reads on SQLite went to that walk, and `+` nests both sides in a new string of
/// pieces). Here the text is written once, as the string is made; a reader puts its dialect's
/// placeholders (`?1`, `$1`…) in place of the marks in one pass (`SQLDatabase.serializeRead`).
///
/// Interpolating any other SQLKit expression (`SQLBind.group`, a `SQLQueryString`) is allowed:
/// the read then keeps SQLKit's form and is serialized as SQLKit serializes it, as before.
struct ReadSQL: SQLExpression, Sendable, ExpressibleByStringInterpolation, StringInterpolationProtocol {
    /// The text with `ReadSQL.bindMark` at each bind, while the read holds only text and binds.
    private var text: String
    private var binds: [any Encodable & Sendable]
    /// The read in SQLKit's form, once it holds another SQLKit expression (`text` and `binds`
    /// are then empty and everything after goes here).
    private var sqlKit: SQLQueryString?

    /// Never in SQL the code writes: a control character, which no statement, name or
    /// literal here contains.
    static let bindMark: Character = "\u{1}"
    private static let bindMarkByte: UInt8 = 1

    init(_ text: String) {
        self.text = text
        binds = []
    }

    /// A statement built with SQLKit, serialized by SQLKit when it runs.
    init(_ query: SQLQueryString) {
        text = ""
        binds = []
        sqlKit = query
    }

    init(stringLiteral value: String) { self.init(value) }
    init(stringInterpolation: ReadSQL) { self = stringInterpolation }

    init(literalCapacity: Int, interpolationCount: Int) {
        text = ""
        text.reserveCapacity(literalCapacity + interpolationCount * 8)
        binds = []
    }

    // MARK: Writing

    mutating func appendLiteral(_ literal: String) { append(text: literal) }

    /// Text written as given: only the code's own names and fragments, never input.
    mutating func appendInterpolation(unsafeRaw text: String) { append(text: text) }

    mutating func appendInterpolation(bind value: any Encodable & Sendable) {
        if sqlKit != nil {
            sqlKit?.appendInterpolation(bind: value)
        } else {
            text.append(Self.bindMark)
            binds.append(value)
        }
    }

    /// `a, b, c`, one bind each (inside the parentheses the statement writes).
    mutating func appendInterpolation(binds values: [any Encodable & Sendable]) {
        for (index, value) in values.enumerated() {
            if index > 0 { append(text: ", ") }
            appendInterpolation(bind: value)
        }
    }

    /// A name quoted as both databases quote names (`"order"`), a quote inside it doubled.
    mutating func appendInterpolation(ident name: String) {
        append(text: "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }

    mutating func appendInterpolation(_ other: ReadSQL) { self += other }

    /// Any other SQLKit expression: the read keeps SQLKit's form from here on.
    mutating func appendInterpolation(_ expression: any SQLExpression) {
        var query = sqlKitForm
        query.appendInterpolation(expression)
        self = ReadSQL(query)
    }

    private mutating func append(text more: String) {
        if sqlKit != nil {
            sqlKit?.appendInterpolation(unsafeRaw: more)
        } else {
            text += more
        }
    }

    static func + (lhs: ReadSQL, rhs: ReadSQL) -> ReadSQL {
        var joined = lhs
        joined += rhs
        return joined
    }

    static func += (lhs: inout ReadSQL, rhs: ReadSQL) {
        if lhs.sqlKit == nil, rhs.sqlKit == nil {
            lhs.text += rhs.text
            lhs.binds += rhs.binds
        } else {
            var query = lhs.sqlKitForm
            query += rhs.sqlKitForm
            lhs = ReadSQL(query)
        }
    }

    /// `a, b, c`: each element's SQL, separated by commas (or `separator`: " OR ", " AND ").
    static func list<T>(_ elements: some Collection<T>, separator: String = ", ", _ sql: (T) -> ReadSQL) -> ReadSQL {
        var list = ReadSQL("")
        for (index, element) in elements.enumerated() {
            if index > 0 { list.append(text: separator) }
            list += sql(element)
        }
        return list
    }

    // MARK: Reading

    /// Whether nothing has been written yet.
    var isEmpty: Bool { sqlKit == nil && text.isEmpty && binds.isEmpty }

    /// The text with the placeholder for each bind in place of its mark, and the binds; nil
    /// when the read kept SQLKit's form or the dialect has no placeholder made for a position.
    func written(placeholders: (Int) -> String?) -> (sql: String, binds: [any Encodable & Sendable])? {
        guard sqlKit == nil else { return nil }
        guard !binds.isEmpty else { return (text, binds) }
        var text = text
        return text.withUTF8 { bytes -> (String, [any Encodable & Sendable])? in
            var written: [UInt8] = []
            written.reserveCapacity(bytes.count + binds.count * 4)
            var position = 0
            var pieceStart = 0
            // The mark is one byte that UTF-8 never uses inside another character.
            while let mark = bytes[pieceStart...].firstIndex(of: Self.bindMarkByte) {
                position += 1
                guard let placeholder = placeholders(position) else { return nil }
                written.append(contentsOf: bytes[pieceStart..<mark])
                written.append(contentsOf: placeholder.utf8)
                pieceStart = mark + 1
            }
            written.append(contentsOf: bytes[pieceStart...])
            return (String(decoding: written, as: UTF8.self), binds)
        }
    }

    /// The read as SQLKit writes it: each piece of text raw, each bind a bind.
    var sqlKitForm: SQLQueryString {
        if let sqlKit { return sqlKit }
        var query = SQLQueryString("")
        for (index, piece) in text.split(separator: Self.bindMark, omittingEmptySubsequences: false).enumerated() {
            if index > 0 { query.appendInterpolation(bind: binds[index - 1]) }
            if !piece.isEmpty { query.appendInterpolation(unsafeRaw: String(piece)) }
        }
        return query
    }

    func serialize(to serializer: inout SQLSerializer) {
        sqlKitForm.serialize(to: &serializer)
    }
}
