import CivitasCore
import Testing

@Suite("Partial dates")
struct PartialDateTests {
    @Test("Years, months and days are accepted and read naturally")
    func parse() throws {
        #expect(try #require(PartialDate("2016")).readable == "2016")
        #expect(try #require(PartialDate("2016-09")).readable == "September 2016")
        #expect(try #require(PartialDate("2016-09-21")).readable == "21 September 2016")
        #expect(PartialDate("2016-09-21")?.description == "2016-09-21")
    }

    @Test("Impossible dates are refused", arguments: ["2016-13", "2016-02-30", "2015-02-29", "16", "2016-9-1", "yesterday", "2016-09-21T10:00",
                                                  "", "2016-", "-2016", "2016--09", "2016-09-21-", "+2016", "20160", "0999", "２０１６", "2016-00", "2016-09-00"])
    func refused(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test("Leap days exist in leap years only")
    func leapDays() {
        #expect(PartialDate("2016-02-29") != nil)
        #expect(PartialDate("2000-02-29") != nil)
        #expect(PartialDate("1900-02-29") == nil)
    }

    @Test("Spans read as a person would say them")
    func spans() {
        #expect(readableSpan(start: "2013-07-01", end: "2022-12-12") == "1 July 2013 – 12 December 2022")
        #expect(readableSpan(start: "2018-01-02", end: nil) == "since 2 January 2018")
        #expect(readableSpan(start: nil, end: "2018-01") == "until January 2018")
        #expect(readableSpan(start: nil, end: nil) == "")
    }
}
