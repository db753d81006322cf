import Foundation
import SQLKit

/// A row that PostgreSQL wrote as a JSON object (`json_agg`, see `allTogether`), read by column
/// name like any other row. Text, numbers, booleans and times (PostgreSQL writes `timestamptz`
/// as ISO 8601 with its offset) are read directly; any other `Decodable` from the JSON value.
struct JSONRow: SQLRow, @unchecked Sendable {
    /// Immutable once parsed: strings, `NSNumber`s, `NSNull`s, arrays and dictionaries of them.
    private let values: [String: Any]

    static func rows(fromArray text: String) throws -> [JSONRow] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw JSONRowError.notRows
        }
        return array.map { JSONRow(values: $0) }
    }

    var allColumns: [String] { Array(values.keys) }

    func contains(column: String) -> Bool { values[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let value = values[column] else { return true }
        return value is NSNull
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = values[column]
        if value == nil || value is NSNull {
            if let optional = D.self as? any OptionalDecodable.Type { return optional.nothing as! D }
            throw JSONRowError.missing(column)
        }
        let wanted = (D.self as? any OptionalDecodable.Type)?.wrapped ?? D.self
        let decoded: Any?
        switch wanted {
        case is String.Type: decoded = value as? String
        case is Int.Type: decoded = (value as? NSNumber)?.intValue
        case is Bool.Type: decoded = (value as? NSNumber)?.boolValue
        case is Double.Type: decoded = (value as? NSNumber)?.doubleValue
        case is Date.Type: decoded = (value as? String).flatMap(JSONRow.date)
        default:
            // Anything else (an enum of strings, a UUID...) as Codable reads its JSON.
            let data = try JSONSerialization.data(withJSONObject: value!, options: [.fragmentsAllowed])
            return try JSONDecoder().decode(D.self, from: data)
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
