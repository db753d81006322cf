import CivitasCore
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test("Names become readable ASCII slugs", arguments: [
        ("Eric Garcetti", "eric-garcetti"), ("San José", "san-jose"), ("Héctor Figueroa", "hector-figueroa"),
        ("Women Mayors' Network", "women-mayors-network"), ("Mayor’s Office", "mayors-office"),
        ("  32BJ SEIU!! ", "32bj-seiu"), ("Washington, D.C.", "washington-d-c"),
    ])
    func make(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test("Only lowercase words joined by single hyphens are valid")
    func validity() {
        #expect(Slug.isValid("eric-garcetti"))
        #expect(Slug.isValid("2018-winter-meeting"))
        #expect(!Slug.isValid(""))
        #expect(!Slug.isValid("Eric"))
        #expect(!Slug.isValid("eric--garcetti"))
        #expect(!Slug.isValid("-eric"))
        #expect(!Slug.isValid("../etc"))
    }
}
