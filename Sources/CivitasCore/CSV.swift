/// Writes CSV (RFC 4180): fields with commas, quotes or line breaks are quoted, quotes
/// doubled, lines end with CRLF. Cells that a spreadsheet would run as a formula
/// (see `CSVFormulaGuard`) are prefixed with a quote, so an export is safe to open.
public enum CSV {
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ value: String) -> String {
        var value = value
        // A cell that already starts with the guard before a formula is guarded again, so
        // `CSVReader` (which removes one guard) reads back exactly what was written.
        if CSVFormulaGuard.needsGuard(value) || (value.hasPrefix("'") && CSVFormulaGuard.needsGuard(String(value.dropFirst()))) {
            value = "'" + value
        }
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
