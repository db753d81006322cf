import Foundation
import Testing
@testable import CivitasApp

/// Every mail carries its Date header as RFC 5322 writes it, in UTC.
@Suite("Mail dates")
struct MailDateTests {
    @Test("Dates read as RFC 5322 writes them, whatever the day, month or year")
    func rfc5322() {
        #expect(MailMessage.rfc5322Date(Date(timeIntervalSince1970: 1_795_953_605)) == "Sun, 29 Nov 2026 12:00:05 +0000")
        #expect(MailMessage.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailMessage.rfc5322Date(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
        // Against the platform's formatter, for a day in every month of many years.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .gmt
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: 0...4_102_444_800, using: &generator)))
            #expect(MailMessage.rfc5322Date(date) == formatter.string(from: date))
        }
    }
}
