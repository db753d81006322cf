/// Checks on text typed or sent by people and programs.
public enum TextInput {
    /// NUL and the other C0 control characters (tab, line feed and carriage return excepted)
    /// have no place in names and descriptions, and PostgreSQL refuses NUL in text.
    public static func hasControlCharacters(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F }
    }
}

extension TextInput {
    /// Names, titles, labels, addresses: one line. Besides the control characters above,
    /// refuses tab, carriage return, line feed, the C1 controls (NEL among them) and the
    /// Unicode line and paragraph separators, so such a value can never start a new line
    /// in a mail header, a CSV row or a calendar property.
    public static func hasLineBreaksOrControls(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// A deliverable-looking address: one `@`, a local part, a domain with a dot, no spaces
    /// or characters that could break a mail header. (The only real check is the mail itself.)
    public static func isEmailAddress(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace || "<>\"(),;:\\[]".contains($0) }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// Addresses are compared without regard to case (as every provider does in practice).
    public static func normalizedEmail(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
