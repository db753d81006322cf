/// Where a form may send a person afterwards (`next=` on sign-in): only a path on this
/// site, checked as a browser would read it.
public enum SafeRedirect {
    /// `candidate` when it is a same-site path, else `fallback`.
    ///
    /// Browsers remove tabs and newlines from addresses and read `\` as `/`, so
    /// `/\t/evil.example` and `/\evil.example` both lead off the site: any control, space or
    /// backslash refuses the path, and so does a second slash (or encoded slash) at its
    /// start, which makes it a scheme-relative address.
    public static func localPath(_ candidate: String?, fallback: String = "/") -> String {
        guard let candidate, candidate.hasPrefix("/"), candidate.utf8.count <= 2_000 else { return fallback }
        guard !candidate.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" || $0.properties.isWhitespace
            || (0x80...0x9F).contains($0.value) || $0.properties.generalCategory == .format })
        else { return fallback }
        let afterSlash = candidate.dropFirst()
        let lowered = afterSlash.lowercased()
        if afterSlash.hasPrefix("/") || lowered.hasPrefix("%2f") || lowered.hasPrefix("%5c") { return fallback }
        // A decoded form of the path must be just as local (a browser may decode before reading).
        if let decoded = candidate.removingPercentEncoding, decoded != candidate {
            guard localPath(decoded, fallback: "") == decoded else { return fallback }
        }
        return candidate
    }
}
