import Foundation
import SQLKit

/// A row that PostgreSQL wrote as a JSON object (`json_agg`, see `allTogether`), read by column
/// name like any other row. Text, numbers, booleans and times (PostgreSQL writes `timestamptz`
/// as ISO 8601 with its offset) are read directly; any other `Decodable` from the JSON value.
struct JSONRow: SQLRow {
    /// Column names by position, shared by the rows of one read (PostgreSQL writes every object
    /// of one `json_agg` with the same keys in the same order).
    private let columns: ReadColumns
    private let cells: [JSONCell]

    /// The rows of a JSON array of flat objects, as `json_agg` writes them. Parsed here rather
    /// than through `JSONSerialization`, whose boxed values and casts were a tenth of an
    /// uncached profile page.
    static func rows(fromArray text: String) throws -> [JSONRow] {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = JSONRowParser(bytes: bytes)
            return try parser.rows()
        }
    }

    fileprivate init(columns: ReadColumns, cells: [JSONCell]) {
        self.columns = columns
        self.cells = cells
    }

    private func cell(_ column: String) -> JSONCell? { columns.position(of: column).map { cells[$0] } }

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.position(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        switch cell(column) {
        case nil, .null?: true
        default: false
        }
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let cell = cell(column) ?? .null
        // Text, whole numbers, flags and times, most of what pages read, are handed over as they
        // are. The type is compared first, so each reinterpretation is from a type to itself: the
        // casts below search the conformance tables on every cell (they were two fifths of the
        // time a people list spent reading these rows, `perf record` on PostgreSQL).
        switch cell {
        case .text(let text):
            if D.self == String.self { return unsafeBitCast(text, to: D.self) }
            if D.self == String?.self { return unsafeBitCast(String?.some(text), to: D.self) }
            if D.self == Date.self, let date = JSONRow.date(text) { return unsafeBitCast(date, to: D.self) }
            if D.self == Date?.self, let date = JSONRow.date(text) { return unsafeBitCast(Date?.some(date), to: D.self) }
        case .number(let text):
            if D.self == Int.self, let number = Int(text) { return unsafeBitCast(number, to: D.self) }
            if D.self == Int?.self, let number = Int(text) { return unsafeBitCast(Int?.some(number), to: D.self) }
        case .bool(let flag):
            if D.self == Bool.self { return unsafeBitCast(flag, to: D.self) }
            if D.self == Bool?.self { return unsafeBitCast(Bool?.some(flag), to: D.self) }
        case .null:
            if D.self == String?.self { return unsafeBitCast(String?.none, to: D.self) }
            if D.self == Int?.self { return unsafeBitCast(Int?.none, to: D.self) }
            if D.self == Bool?.self { return unsafeBitCast(Bool?.none, to: D.self) }
            if D.self == Date?.self { return unsafeBitCast(Date?.none, to: D.self) }
        case .nested:
            break
        }
        if case .null = cell {
            if let optional = D.self as? any OptionalDecodable.Type { return optional.nothing as! D }
            throw JSONRowError.missing(column)
        }
        let wanted = (D.self as? any OptionalDecodable.Type)?.wrapped ?? D.self
        let decoded: Any?
        switch (wanted, cell) {
        case (is String.Type, .text(let text)): decoded = text
        case (is Int.Type, .number(let text)): decoded = Int(text) ?? Double(text).map { Int($0) }
        case (is Bool.Type, .bool(let value)): decoded = value
        case (is Double.Type, .number(let text)): decoded = Double(text)
        case (is Date.Type, .text(let text)): decoded = JSONRow.date(text)
        case (is String.Type, _), (is Int.Type, _), (is Bool.Type, _), (is Double.Type, _), (is Date.Type, _): decoded = nil
        default:
            // Anything else (an enum of strings, a UUID...) as Codable reads its JSON.
            return try JSONDecoder().decode(D.self, from: Data(cell.json.utf8))
        }
        // `D` is the type read or its optional: either cast succeeds.
        guard let decoded, let result = decoded as? D else { throw JSONRowError.mismatch(column, String(describing: D.self)) }
        return result
    }

    /// `2018-01-24T09:00:00-05:00`, `2026-12-01T19:26:24.123456+00:00`: PostgreSQL's JSON for a
    /// `timestamptz`, to the microsecond it keeps.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 32, bytes[13] == 58, bytes[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        var index = 19
        var microseconds = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 6 { microseconds = microseconds * 10 + Int(bytes[index] - 48); digits += 1 }
                index += 1
            }
            for _ in digits..<6 { microseconds *= 10 }
        }
        var offset = 0
        if index < bytes.count {
            switch bytes[index] {
            case 90: offset = 0 // Z
            case 43, 45: // + or -
                guard let hours = number(index + 1, 2) else { return nil }
                var minutes = 0
                if index + 3 < bytes.count { minutes = number(index + (bytes[index + 3] == 58 ? 4 : 3), 2) ?? 0 }
                offset = (hours * 3600 + minutes * 60) * (bytes[index] == 45 ? -1 : 1)
            default: return nil
            }
        }
        // Days from 1970-01-01 of the proleptic Gregorian date (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        // Counted as PostgreSQL's driver counts a binary time (microseconds since 2000), so a
        // time reads as the very same `Date` either way.
        let sinceMillennium = (seconds - 946_684_800) * 1_000_000 + microseconds
        return Date(timeInterval: Double(sinceMillennium) / 1_000_000, since: millennium)
    }
}

private let millennium = Date(timeIntervalSince1970: 946_684_800)

/// One value of a row: text (unescaped), a number as written, a boolean, null, or an array or
/// object kept as its JSON text.
private enum JSONCell: Sendable {
    case text(String)
    case number(String)
    case bool(Bool)
    case null
    case nested(String)

    /// The value as JSON again, for Codable.
    var json: String {
        switch self {
        case .text(let text):
            let data = (try? JSONEncoder().encode(text)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .number(let text), .nested(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// Reads `[{"a": 1, "b": "x"}, ...]` as PostgreSQL writes it (strict JSON, any whitespace).
private struct JSONRowParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func rows() throws -> [JSONRow] {
        var rows: [JSONRow] = []
        var shared: ReadColumns? = nil
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") { at += 1; return rows }
        repeat {
            try expect(UInt8(ascii: "{"))
            var names: [String] = []
            var cells: [JSONCell] = []
            cells.reserveCapacity(shared?.names.count ?? 0)
            // Each object names the same keys as the one before (one `json_agg`): a key is
            // compared with the name in its place, and made a string only where it differs.
            var sameKeys = shared != nil
            if try peek() == UInt8(ascii: "}") {
                at += 1
            } else {
                repeat {
                    guard try peek() == UInt8(ascii: "\"") else { throw JSONRowError.notRows }
                    let position = cells.count
                    if sameKeys, let known = shared?.names, position < known.count, try skipKey(equalTo: known[position]) {
                        // the key was the one expected here
                    } else {
                        if sameKeys, let known = shared?.names { names = Array(known.prefix(position)) }
                        sameKeys = false
                        names.append(try string())
                    }
                    try expect(UInt8(ascii: ":"))
                    cells.append(try value())
                } while try separator(closing: UInt8(ascii: "}"))
            }
            if !sameKeys || shared!.names.count != cells.count {
                if sameKeys { names = Array(shared!.names.prefix(cells.count)) }
                shared = ReadColumns(names: names, repeated: .firstWins)
            }
            rows.append(JSONRow(columns: shared!, cells: cells))
        } while try separator(closing: UInt8(ascii: "]"))
        return rows
    }

    /// After a member: true at a comma (another follows), false at the closing bracket.
    private mutating func separator(closing: UInt8) throws -> Bool {
        let byte = try peek()
        at += 1
        if byte == UInt8(ascii: ",") { return true }
        if byte == closing { return false }
        throw JSONRowError.notRows
    }

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    private mutating func peek() throws -> UInt8 {
        skipSpace()
        guard at < bytes.count else { throw JSONRowError.notRows }
        return bytes[at]
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw JSONRowError.notRows }
        at += 1
    }

    private mutating func value() throws -> JSONCell {
        switch try peek() {
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let start = at
            try skipNested()
            return .nested(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
        default:
            let start = at
            while at < bytes.count, Self.isNumberByte(bytes[at]) { at += 1 }
            guard at > start else { throw JSONRowError.notRows }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func word(_ text: StaticString) throws {
        let count = text.utf8CodeUnitCount
        guard at + count <= bytes.count else { throw JSONRowError.notRows }
        for offset in 0..<count where bytes[at + offset] != text.utf8Start[offset] { throw JSONRowError.notRows }
        at += count
    }

    /// Past an array or object, strings within it included.
    private mutating func skipNested() throws {
        var depth = 0
        repeat {
            guard at < bytes.count else { throw JSONRowError.notRows }
            switch bytes[at] {
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; at += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1; at += 1
            case UInt8(ascii: "\""): _ = try string()
            default: at += 1
            }
        } while depth > 0
    }

    /// Past the string at `at` (its opening quote) if it is `name` written without escapes;
    /// otherwise stays where it was and answers false.
    private mutating func skipKey(equalTo name: String) throws -> Bool {
        let start = at + 1
        var name = name
        return name.withUTF8 { expected in
            let end = start + expected.count
            guard end < bytes.count, bytes[end] == UInt8(ascii: "\""),
                  expected.count == 0 || memcmp(bytes.baseAddress! + start, expected.baseAddress!, expected.count) == 0,
                  !expected.contains(UInt8(ascii: "\"")), !expected.contains(UInt8(ascii: "\\"))
            else { return false }
            at = end + 1
            return true
        }
    }

    /// A string at `at` (its opening quote), unescaped.
    private mutating func string() throws -> String {
        at += 1
        let start = at
        // Most text has no escapes: taken as it stands.
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
        guard at < bytes.count else { throw JSONRowError.notRows }
        if bytes[at] == UInt8(ascii: "\"") {
            defer { at += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        }
        var unescaped = Array(bytes[start..<at])
        while true {
            guard at < bytes.count else { throw JSONRowError.notRows }
            let byte = bytes[at]
            at += 1
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\") else { unescaped.append(byte); continue }
            guard at < bytes.count else { throw JSONRowError.notRows }
            let escape = bytes[at]
            at += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                // A character beyond the Basic Multilingual Plane comes as two escapes (a surrogate pair).
                if (0xD800..<0xDC00).contains(scalar), at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") {
                    at += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw JSONRowError.notRows }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let character = Unicode.Scalar(scalar) else { throw JSONRowError.notRows }
                unescaped.append(contentsOf: Array(String(character).utf8))
            default: throw JSONRowError.notRows
            }
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count else { throw JSONRowError.notRows }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            at += 1
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw JSONRowError.notRows
            }
            value = value * 16 + UInt32(digit)
        }
        return value
    }
}

enum JSONRowError: Error, CustomStringConvertible {
    case noAnswer
    case notRows
    case missing(String)
    case mismatch(String, String)

    var description: String {
        switch self {
        case .noAnswer: "the reads sent together answered no row"
        case .notRows: "the reads sent together did not answer arrays of rows"
        case .missing(let column): "no value in column \(column)"
        case .mismatch(let column, let type): "column \(column) does not hold a \(type)"
        }
    }
}

/// Lets a row answer `nil` for an optional type it is asked for, and name the type inside.
protocol OptionalDecodable {
    static var nothing: Self { get }
    static var wrapped: Any.Type { get }
}

extension Optional: OptionalDecodable {
    static var nothing: Self { nil }
    static var wrapped: Any.Type { Wrapped.self }
}
