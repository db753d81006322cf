/// An Open Civic Data division id, e.g. `ocd-division/country:us/state:wa/place:tacoma`.
public enum OpenCivicDataDivision {
    /// `ocd-division/` followed by one or more `type:id` parts; types are lowercase
    /// letters and underscores, ids are lowercase letters, digits and `_.~-`.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "ocd-division" else { return false }
        return parts.dropFirst().allSatisfy { part in
            let pair = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else { return false }
            let typeOK = pair[0].unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
            let idOK = pair[1].unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_.~-".unicodeScalars.contains($0)
            }
            return typeOK && idOK
        }
    }
}
