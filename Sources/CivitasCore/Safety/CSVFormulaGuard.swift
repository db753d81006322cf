/// Spreadsheets run a cell as a formula when its first character (after invisible format
/// characters such as U+200D, and leading spaces) is `=`, `+`, `-` or `@`, or their
/// full-width forms, or a tab or carriage return. Such cells are exported with a leading `'`.
public enum CSVFormulaGuard {
    public static func needsGuard(_ value: String) -> Bool {
        for scalar in value.unicodeScalars {
            if scalar.properties.generalCategory == .format || scalar == " " || scalar == "\u{00A0}" || scalar == "\u{3000}" { continue }
            switch scalar {
            case "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{2212}": return true
            default: return false
            }
        }
        return false
    }
}
