import CivitasCore
import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Cities like yours")
struct CitiesLikeYoursTests {
    static func place(_ id: String, population: Int?, country: String? = "US", region: String? = nil) -> PlaceFacts {
        PlaceFacts(reference: RecordReference(kind: "area", id: id, slug: id, title: id.capitalized, link: SiteLink(path: "/areas/\(id)")),
                   population: population, countryCode: country, countryName: country == "US" ? "United States" : country, region: region)
    }

    @Test("Cities of the same size, then region, then country are alike, each saying why; others are not")
    func matching() {
        let milwaukee = Self.place("milwaukee", population: 577_222, region: "Wisconsin")
        let matches = CitiesLikeYours.matches(for: milwaukee, among: [
            milwaukee,
            Self.place("baltimore", population: 585_708, region: "Maryland"),
            Self.place("madison", population: 269_840, region: "Wisconsin"),
            Self.place("green-bay", population: nil, region: "Wisconsin"),
            Self.place("tacoma", population: nil, region: "Washington"),
            Self.place("lyon", population: 522_000, country: "FR"),
        ])
        // Size counts most, then the same state or region, then the same country.
        #expect(matches.map(\.place.reference.id) == ["baltimore", "lyon", "green-bay", "madison", "tacoma"])
        #expect(CitiesLikeYours.explanation(matches[0]) == "Also a city of 500,000–1 million people, in the United States")
        #expect(CitiesLikeYours.explanation(matches[1]) == "Also a city of 500,000–1 million people")
        #expect(CitiesLikeYours.explanation(matches[2]) == "Also in Wisconsin")
        #expect(CitiesLikeYours.explanation(matches[2], sharedTopics: ["Housing", "Water"]) == "Also in Wisconsin; shares the topics Housing and Water")
        #expect(EnglishList.joined(["a", "b", "c"]) == "a, b and c" && EnglishList.joined(["a"]) == "a" && EnglishList.joined([]) == "")
        #expect(!matches.contains { $0.place.reference.id == "milwaukee" }, "a city is not like itself")
        let alone = CitiesLikeYours.matches(for: Self.place("nowhere", population: nil, country: nil), among: [Self.place("x", population: 10, country: "FR")])
        #expect(alone.isEmpty)
    }

    @Test("A U.S. city's state is read from its Open Civic Data id, wherever the state part stands")
    func stateFromDivision() {
        #expect(USStates.name(inDivision: "ocd-division/country:us/state:wi/place:milwaukee") == "Wisconsin")
        #expect(USStates.name(inDivision: "ocd-division/country:us/state:ny") == "New York")
        #expect(USStates.name(inDivision: "ocd-division/country:us/state:ca/county:los_angeles/place:los_angeles") == "California")
        #expect(USStates.name(inDivision: "ocd-division/country:us/district:dc") == "the District of Columbia")
        #expect(USStates.name(inDivision: "ocd-division/country:us/place:somewhere") == nil, "no state named")
        #expect(USStates.name(inDivision: "ocd-division/country:us/state:zz") == nil, "no such state")
        #expect(USStates.name(inDivision: "ocd-division/country:us/statehood:wi") == nil, "a part that only begins like a state's")
        #expect(USStates.name(inDivision: "ocd-division/country:gb/state:wi") == nil, "not in the United States")
        #expect(USStates.name(inDivision: "ocd-division/country:us/") == nil)
    }

    @Test("A practice page and a city page list practices from cities like it, explained; a chosen city changes them", arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            // The demo's cities carry their 2020 census populations, citing where they come from.
            let milwaukee = try await client.execute(uri: "/api/v1/areas/milwaukee", method: .get).json()
            #expect(milwaukee["population"] == .int(577_222))
            guard case .array(let sources)? = milwaukee["sources"] else { throw TestFailure("no sources") }
            #expect(sources.contains { $0["url"] == "https://en.wikipedia.org/wiki/Milwaukee" })
            let london = try await client.execute(uri: "/api/v1/areas/london", method: .get).json()
            #expect(london["population"] == .null, "no population where no source was checked")
            let page = String(buffer: try await client.execute(uri: "/practices/pro-athletes-as-a-community-bridge", method: .get).body)
            #expect(page.contains("Practices from cities like Milwaukee"))
            let section = try #require(page.components(separatedBy: "id=\"cities-like-yours\"").last?.components(separatedBy: "</section>").first)
            #expect(section.contains(#"href="/practices/listening-to-youth-needs""#))
            #expect(section.contains("Also a city of 500,000–1 million people, in the United States; shares the topic Public safety"),
                    "the explanation names the topic the practices share")
            #expect(!section.contains(#"href="/practices/pro-athletes-as-a-community-bridge""#), "not the page's own practice")
            // Baltimore first: the most alike city.
            let first = try #require(section.range(of: "/practices/")?.upperBound)
            #expect(section[first...].hasPrefix("listening-to-youth-needs"))

            let likeLondon = String(buffer: try await client.execute(uri: "/practices/pro-athletes-as-a-community-bridge?city=london", method: .get).body)
            #expect(likeLondon.contains("Practices from cities like London"))
            #expect(try await client.execute(uri: "/practices/pro-athletes-as-a-community-bridge?city=No%20Slug", method: .get).status == .badRequest)

            let city = String(buffer: try await client.execute(uri: "/areas/baltimore", method: .get).body)
            #expect(city.contains("Practices from cities like Baltimore"))
            #expect(city.contains(#"href="/practices/pro-athletes-as-a-community-bridge""#))
            #expect(city.contains("Also a city of 500,000–1 million people, in the United States"))
        }
    }
}
