import Foundation

/// The abbreviations people write for the time zones networks meet in ("EDT", "CET"), which
/// Foundation on Linux does not know (it answers "GMT-4"). Standard and daylight-saving
/// forms; a zone not listed is named by its UTC offset instead.
public enum ZoneAbbreviations {
    static let table: [String: (standard: String, daylight: String)] = [
        "America/New_York": ("EST", "EDT"), "America/Detroit": ("EST", "EDT"), "America/Toronto": ("EST", "EDT"),
        "America/Chicago": ("CST", "CDT"), "America/Winnipeg": ("CST", "CDT"),
        "America/Denver": ("MST", "MDT"), "America/Edmonton": ("MST", "MDT"), "America/Phoenix": ("MST", "MST"),
        "America/Los_Angeles": ("PST", "PDT"), "America/Vancouver": ("PST", "PDT"),
        "America/Anchorage": ("AKST", "AKDT"), "Pacific/Honolulu": ("HST", "HST"),
        "America/Halifax": ("AST", "ADT"), "America/Puerto_Rico": ("AST", "AST"),
        "Europe/London": ("GMT", "BST"), "Europe/Dublin": ("GMT", "IST"), "Europe/Lisbon": ("WET", "WEST"),
        "Europe/Paris": ("CET", "CEST"), "Europe/Berlin": ("CET", "CEST"), "Europe/Madrid": ("CET", "CEST"),
        "Europe/Rome": ("CET", "CEST"), "Europe/Brussels": ("CET", "CEST"), "Europe/Amsterdam": ("CET", "CEST"),
        "Europe/Vienna": ("CET", "CEST"), "Europe/Stockholm": ("CET", "CEST"), "Europe/Warsaw": ("CET", "CEST"),
        "Europe/Athens": ("EET", "EEST"), "Europe/Helsinki": ("EET", "EEST"),
        "Asia/Kolkata": ("IST", "IST"), "Asia/Tokyo": ("JST", "JST"), "Asia/Seoul": ("KST", "KST"),
        "Australia/Sydney": ("AEST", "AEDT"), "Australia/Melbourne": ("AEST", "AEDT"), "Pacific/Auckland": ("NZST", "NZDT"),
        "UTC": ("UTC", "UTC"), "Etc/UTC": ("UTC", "UTC"),
    ]

    /// "EDT" for New York in July, "EST" in January; nil for a zone not in the table.
    public static func abbreviation(for zone: TimeZone, at date: Date) -> String? {
        guard let forms = table[zone.identifier] else { return nil }
        return zone.isDaylightSavingTime(for: date) ? forms.daylight : forms.standard
    }
}
