/// Reads CSV (RFC 4180) as spreadsheets write it: fields separated by commas, quoted when
/// they hold commas, quotes or line breaks (quotes doubled inside), lines ending in CRLF or
/// LF, a byte-order mark ignored. A cell the writer guarded against formula injection (a
/// leading `'` before what a spreadsheet would run, see `CSVFormulaGuard`) reads back as it
/// was, so an export imports unchanged. Blank lines are skipped. Spreadsheets in locales
/// whose decimal mark is a comma separate fields with semicolons instead (`separator(of:)`).
public enum CSVReader {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The separator a spreadsheet used: a semicolon when the first line (the header, whose
    /// names hold neither) has semicolons and no comma, as Excel saves CSV where a comma is the
    /// decimal mark; else a comma.
    public static func separator(of text: String) -> Unicode.Scalar {
        let header = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        return !header.contains(",") && header.contains(";") ? ";" : ","
    }

    /// The rows, each with the line it starts on (counting from 1).
    public static func rows(_ text: String, separator: Unicode.Scalar = ",") throws(Problem) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false, afterQuote = false
        var line = 1, rowLine = 1
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endField() {
            fields.append(unguarded(field))
            field = ""
            wasQuoted = false
            afterQuote = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
            fields = []
        }

        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            if scalar == separator {
                endField()
                continue
            }
            switch scalar {
            case "\r", "\n":
                if scalar == "\r" {
                    if let next = iterator.next(), next != "\n" { pending = next }
                }
                endRow()
                line += 1
                rowLine = line
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
                wasQuoted = true
            default:
                if afterQuote { throw Problem(line: line, message: "text after a closing quote; a quote inside a field is written twice (\"\")") }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw Problem(line: rowLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRow() }
        return rows
    }

    /// Removes the `'` the writer put before a cell a spreadsheet would run as a formula.
    static func unguarded(_ value: String) -> String {
        guard value.hasPrefix("'") else { return value }
        let rest = String(value.dropFirst())
        let guarded = CSVFormulaGuard.needsGuard(rest) || (rest.hasPrefix("'") && CSVFormulaGuard.needsGuard(String(rest.dropFirst())))
        return guarded ? rest : value
    }
}
