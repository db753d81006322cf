import Foundation

/// Readable, stable URL slugs such as `eric-garcetti` or `new-york-city`.
public enum Slug {
    /// Turns a name into a slug: folds accents to ASCII, lowercases, and joins words with hyphens.
    public static func make(from text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return String(slug.lowercased().prefix(maximumLength))
    }

    public static let maximumLength = 120

    /// A slug is lowercase ASCII letters and digits in hyphen-separated words.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.count <= maximumLength else { return false }
        let words = slug.split(separator: "-", omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
