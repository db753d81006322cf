/// Checks on text typed or sent by people and programs.
public enum TextInput {
    /// NUL and the other C0 control characters (tab, line feed and carriage return excepted)
    /// have no place in names and descriptions, and PostgreSQL refuses NUL in text.
    public static func hasControlCharacters(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F }
    }
}
