import Foundation
import SQLKit
import SQLiteKit

/// A row read by `SQLiteReadConnection`, decoded with SQLiteKit's value decoder (the same
/// conversions FluentSQLiteDriver's rows make, so a reader may use either).
struct SQLiteReadRow: SQLRow {
    let columns: ReadColumns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.position(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.position(of: column) else { return true }
        return values[index] == .null
    }

    /// Made once: each one makes a `JSONDecoder` of its own.
    private static let decoder = SQLiteDataDecoder()

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = columns.position(of: column) else {
            throw DecodingError.keyNotFound(NamedCodingKey(column), .init(codingPath: [], debugDescription: "no column \"\(column)\" in the row"))
        }
        let value = values[index]
        // Text, numbers, flags and times, most of what pages read, are handed over as they are;
        // SQLiteKit's decoder gives the same values through dynamic casts that cost a tenth of
        // an API list's time. The type is compared first, so each reinterpretation below is
        // from a type to itself (a cast `as! D` would search the conformance tables every time).
        switch value {
        case .text(let text):
            if D.self == String.self { return unsafeBitCast(text, to: D.self) }
            if D.self == String?.self { return unsafeBitCast(String?.some(text), to: D.self) }
        case .integer(let number):
            if D.self == Int.self { return unsafeBitCast(number, to: D.self) }
            if D.self == Int?.self { return unsafeBitCast(Int?.some(number), to: D.self) }
            // A flag is stored as 1 or 0 (any other number is the decoder's to refuse).
            if D.self == Bool.self, number == 0 || number == 1 { return unsafeBitCast(number == 1, to: D.self) }
            if D.self == Date.self { return unsafeBitCast(Date(timeIntervalSince1970: Double(number)), to: D.self) }
            if D.self == Date?.self { return unsafeBitCast(Date?.some(Date(timeIntervalSince1970: Double(number))), to: D.self) }
        case .float(let seconds):
            // Times are stored as seconds since 1970, as SQLiteKit writes and reads them.
            if D.self == Date.self { return unsafeBitCast(Date(timeIntervalSince1970: seconds), to: D.self) }
            if D.self == Date?.self { return unsafeBitCast(Date?.some(Date(timeIntervalSince1970: seconds)), to: D.self) }
            if D.self == Double.self { return unsafeBitCast(seconds, to: D.self) }
        case .null:
            if D.self == String?.self { return unsafeBitCast(String?.none, to: D.self) }
            if D.self == Int?.self { return unsafeBitCast(Int?.none, to: D.self) }
            if D.self == Date?.self { return unsafeBitCast(Date?.none, to: D.self) }
        default:
            break
        }
        return try Self.decoder.decode(D.self, from: value)
    }
}
