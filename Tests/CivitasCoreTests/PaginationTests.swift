import CivitasCore
import Testing

@Suite("Pagination")
struct PaginationTests {
    @Test("Defaults and offsets")
    func defaults() throws {
        let page = try Pagination(page: nil, per: nil)
        #expect(page == Pagination(page: 1, per: 25))
        #expect(try Pagination(page: "3", per: "10").offset == 20)
    }

    @Test("Out-of-range values name the parameter", arguments: [
        ("0", nil, "page"), ("-1", nil, "page"), ("x", nil, "page"), (nil, "0", "per"), (nil, "100000", "per"), (nil, "ten", "per"),
    ] as [(String?, String?, String)])
    func invalid(page: String?, per: String?, parameter: String) {
        #expect {
            try Pagination(page: page, per: per)
        } throws: { error in
            (error as? Pagination.Invalid)?.parameter == parameter
        }
    }
}
