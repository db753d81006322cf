import CivitasCore
import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

@Suite("Event lists and what search engines read")
struct EventListTests {
    private func slugs(_ client: any TestClientProtocol, _ query: String) async throws -> [String] {
        let answer = try await client.execute(uri: "/api/v1/events?per=100&\(query)", method: .get)
        guard case .array(let items)? = try answer.json()["items"] else { throw TestFailure("no items for \(query)") }
        return items.compactMap { $0["slug"]?.stringValue }
    }

    @Test("Past and upcoming events filter by kind, topic, area and year, in the API and on the page", arguments: TestDatabase.all)
    func filters(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let upcoming = try await makeEvent(services, slug: "next-convening")
            #expect(try await slugs(client, "") == [upcoming.slug], "upcoming is the default")
            #expect(!(try await slugs(client, "when=past")).contains(upcoming.slug))

            #expect(Set(try await slugs(client, "when=past&kind=webinar")) == [
                "2019-webinar-the-data-driven-fire-department", "2018-webinar-private-capital-for-green-infrastructure",
                "2017-webinar-investing-in-the-age-of-climate-change"])
            let water = try await slugs(client, "when=past&topic=water")
            #expect(water.contains("2020-public-water-utility-workshop-on-affordability"))
            #expect(water.contains("2016-fostering-resilience-sustainable-water-solutions"))
            #expect(!water.contains("2018-winter-meeting"))
            let washington = try await slugs(client, "when=past&area=washington-dc")
            #expect(washington.contains("2018-winter-meeting"))
            #expect(!washington.contains("2017-global-mayors-summit"))
            #expect(Set(try await slugs(client, "year=2020")) == [
                "2020-summer-annual-meeting", "2020-public-water-utility-workshop-on-affordability",
                "2020-winter-policy-meeting", "2020-women-mayors-network-kickoff"], "a year is shown whole")

            let page = String(buffer: try await client.execute(uri: "/events?when=past&kind=webinar", method: .get).body)
            #expect(page.contains("Investing in the Age of Climate Change"))
            #expect(!page.contains("Summer 2017 Meeting"))

            for bad in ["kind=party", "year=soon", "when=later", "per=0"] {
                let answer = try await client.execute(uri: "/api/v1/events?\(bad)", method: .get)
                #expect(answer.status == .badRequest, "\(bad)")
            }
        }
    }

    @Test("An event's JSON-LD carries its mode, status, organiser, capacity left and sessions", arguments: TestDatabase.all)
    func jsonLD(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 7)
            for index in 0..<2 {
                #expect(try await registerByAPI(client, services, slug: event.slug, name: "P\(index)", email: "p\(index)@city.gov").status == .created)
            }
            let html = String(buffer: try await client.execute(uri: "/events/\(event.slug)", method: .get).body)
            let schema = try #require(DirectoryPageTests.described(html))
            #expect(schema["@type"] == "Event")
            #expect(DirectoryPageTests.breadcrumb(html) == ["Home", "Events", event.title])
            #expect(schema["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode")
            #expect(schema["eventStatus"] == "https://schema.org/EventScheduled")
            #expect(schema["maximumAttendeeCapacity"] == 7)
            #expect(schema["remainingAttendeeCapacity"] == 5)
            #expect(schema["startDate"]?.stringValue == ZonedTime.iso8601(event.startsAt, in: event.zone))
        }
    }
}
