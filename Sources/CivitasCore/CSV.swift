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
        if CSVFormulaGuard.needsGuard(value) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
