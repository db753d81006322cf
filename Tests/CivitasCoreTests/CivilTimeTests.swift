import Foundation
import Testing
@testable import CivitasCore

/// `CivilTime` replaces Calendar and DateFormatter on the pages' hot path; these hold it to
/// what they give, over instants spread across four centuries, leap days, daylight-saving
/// changes, instants before 1970 and zones with half-hour and negative offsets.
@Suite("Wall-clock fields and texts")
struct CivilTimeTests {
    static let zones = ["UTC", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Kolkata",
                        "Australia/Adelaide", "Pacific/Chatham", "Europe/London", "America/St_Johns", "Pacific/Kiritimati"]
        .map { TimeZone(identifier: $0)! }

    /// Instants from 1890 to 2290: a fixed pseudo-random walk plus the edges that go wrong.
    static let instants: [Date] = {
        var generator = SplitMix(seed: 20_181_024)
        var dates = (0..<3000).map { _ in Date(timeIntervalSince1970: Double(generator.next() % 12_600_000_000) - 2_500_000_000) }
        let edges: [TimeInterval] = [0, -1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 951_868_799, 4_107_542_400,
                                      1_520_751_600, 1_520_755_199, 1_541_311_200, -2_208_988_800, 1_709_164_800.5]
        dates += edges.map { Date(timeIntervalSince1970: $0) }
        return dates
    }()

    @Test("Fields are the Gregorian calendar's in the zone, weekday included")
    func fieldsMatchCalendar() {
        for zone in Self.zones {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for date in Self.instants {
                let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
                let civil = CivilTime(date, in: zone)
                let fields: [Int] = [civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second, civil.weekday]
                let calendars: [Int] = [expected.year!, expected.month!, expected.day!, expected.hour!, expected.minute!, expected.second!, expected.weekday!]
                #expect(fields == calendars, "\(date) in \(zone.identifier)")
            }
        }
    }

    @Test("Texts read as DateFormatter writes them in British English")
    func textsMatchDateFormatter() {
        for zone in Self.zones {
            let formatter = { (pattern: String) -> DateFormatter in
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_GB")
                formatter.timeZone = zone
                formatter.dateFormat = pattern
                return formatter
            }
            let day = formatter("EEEE d MMMM yyyy"), month = formatter("MMMM yyyy"), time = formatter("HH:mm")
            let stamp = formatter("yyyy-MM-dd'T'HH:mm:ss"), compact = formatter("yyyyMMdd'T'HHmmss")
            let internet = ISO8601DateFormatter()
            internet.timeZone = zone
            for date in Self.instants.prefix(600) {
                let civil = CivilTime(date, in: zone)
                #expect(civil.dayText == day.string(from: date))
                #expect(civil.monthText == month.string(from: date))
                #expect(civil.timeText == time.string(from: date))
                #expect(civil.dateTimeStamp == stamp.string(from: date))
                #expect(civil.compactStamp == compact.string(from: date))
                // The same instant (to the second) as Foundation's, in the same words where the
                // offset is whole minutes (RFC 3339 has no seconds in an offset).
                let written = ZonedTime.iso8601(date, in: zone)
                #expect(internet.date(from: written) == Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
                if zone.secondsFromGMT(for: date) % 60 == 0 { #expect(written == internet.string(from: date)) }
            }
        }
    }

    @Test("Numbers are padded as String(format:) pads them, and offsets signed")
    func digitsAndOffsets() {
        for value in [0, 7, 42, 999, 2018, 12_345] {
            #expect(CivilTime.digits(value, 2) == String(format: "%02d", value))
            #expect(CivilTime.digits(value, 4) == String(format: "%04d", value))
        }
        #expect(CivilTime.offsetText(-18_000, separator: "") == "-0500")
        #expect(CivilTime.offsetText(19_800, separator: ":") == "+05:30")
        #expect(CivilTime.offsetText(0, separator: "") == "+0000")
        #expect(CivilTime.offsetText(-12_600, separator: ":") == "-03:30")
    }
}

/// A small fixed pseudo-random generator, so the instants are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }
}
