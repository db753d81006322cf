import CivitasCore
import Foundation
import HummingbirdTesting
import NIOCore
import Testing
@testable import CivitasApp

@Suite("Event pages, calendars and mail")
struct EventPagesTests {
    @Test("The demo summit shows its hosts, partners and the four sessions with their questions", arguments: TestDatabase.all)
    func demoSummit(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let page = try await client.execute(uri: "/events/2017-global-mayors-summit", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("Hosted by <a href=\"/organizations/city-of-new-york\">"))
            #expect(html.contains("Open Society Foundations"))
            #expect(html.components(separatedBy: "Questions this session will consider").count == 5)
            // The programme gives the day, not the hours: none are made up.
            #expect(html.contains(#"<time datetime="2017-09-18">Monday 18 September 2017</time>"#))
            let zoneName = ZonedTime.zoneName(Date(timeIntervalSince1970: 1_505_739_600), in: TimeZone(identifier: "America/New_York")!)
            #expect(zoneName == "EDT, America/New_York")
            // In the programme's order.
            let welcoming = try #require(html.range(of: "City Innovations for Fostering Welcoming Communities"))
            let partnerships = try #require(html.range(of: "Promising Partnerships with the Private Sector"))
            #expect(welcoming.lowerBound < partnerships.lowerBound)
            let api = try await client.execute(uri: "/api/v1/events/2017-global-mayors-summit", method: .get).json()
            #expect(api["registration_mode"] == "invitation")
            guard case .array(let sessions)? = api["sessions"], case .array(let partners)? = api["partners"] else { throw TestFailure("no sessions") }
            #expect(sessions.count == 4)
            #expect(partners.count == 3)
            let winter = String(buffer: try await client.execute(uri: "/events/2018-winter-meeting", method: .get).body)
            #expect(winter.contains("Press conference on immigration enforcement"))
            #expect(winter.contains("These threats are nothing short of a distraction."))
            #expect(winter.contains("\"eventStatus\":\"https://schema.org/EventScheduled\""))
            let past = try await client.execute(uri: "/api/v1/events?when=past&per=100", method: .get).json()
            // 19 meetings, workshops and webinars of the news listing (one known only by its month),
            // and the three convenings described at length.
            #expect(past["page"]?["total"] == .int(22))
        }
    }

    @Test("An event page's Google and Outlook links carry its title, times, zone, place and address", arguments: TestDatabase.all)
    func addToCalendarLinks(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, extra: ["title": "Water & \"equity\" forum", "venue": "City Hall #2"])
            let html = String(buffer: try await client.execute(uri: "/events/\(event.slug)", method: .get).body)
            func link(_ label: String) throws -> String {
                let end = try #require(html.range(of: "\">\(label)</a>"), "no \(label) link")
                let start = try #require(html[..<end.lowerBound].range(of: "href=\"", options: .backwards))
                return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
            }
            let stamp = { (date: Date) in ICalendarFormat.utc(date) }
            let google = try #require(URLComponents(string: try link("Google")))
            #expect(google.host == "calendar.google.com")
            let googleItems = Dictionary(uniqueKeysWithValues: (google.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(googleItems["text"] == "Water & \"equity\" forum")
            #expect(googleItems["dates"] == "\(stamp(event.startsAt))/\(stamp(event.endsAt))")
            #expect(googleItems["ctz"] == "America/Chicago")
            #expect(googleItems["location"] == "City Hall #2")
            #expect(googleItems["details"]?.hasSuffix("\nhttp://127.0.0.1:8080/events/\(event.slug)") == true)
            let outlook = try #require(URLComponents(string: try link("Outlook")))
            let outlookItems = Dictionary(uniqueKeysWithValues: (outlook.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(outlook.host == "outlook.live.com")
            #expect(outlookItems["subject"] == "Water & \"equity\" forum")
            #expect(outlookItems["startdt"] == ZonedTime.iso8601(event.startsAt, in: .gmt))
            #expect(outlookItems["enddt"] == ZonedTime.iso8601(event.endsAt, in: .gmt))
            #expect(outlookItems["allday"] == nil)
        }
    }

    @Test("An event's .ics keeps its UID and raises SEQUENCE when the event changes; cancelling tells everyone registered", arguments: TestDatabase.all)
    func calendarAndCancellation(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 1)
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Ada", email: "ada@city.gov").status == .created)
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Bo", email: "bo@city.gov").status == .created)
            let first = String(buffer: try await client.execute(uri: "/events/\(event.slug).ics", method: .get).body)
            #expect(first.contains("UID:\(event.id)@civitas"))
            #expect(first.contains("SEQUENCE:0"))
            #expect(first.contains("TZID:America/Chicago"))
            #expect(first.contains("URL:http://127.0.0.1:8080/events/\(event.slug)"))

            let staff = try await Accounts.signedIn(.organizer, client: client, services: services)
            let form = try await staff.get(client, "/staff/events/\(event.id)/edit")
            #expect(form.status == .ok)
            var fields: [(String, String)] = []
            let input = EventInput(try await EventStore(services.database.db).detail(event, records: services.site.records, publishedOnly: false), topicIDs: [], sourceIDs: [])
            for (name, value) in input.values { fields.append((name, name == "status" ? "cancelled" : value)) }
            #expect(try await staff.post(client, "/staff/events/\(event.id)", fields).status == .seeOther)
            let second = String(buffer: try await client.execute(uri: "/events/\(event.slug).ics", method: .get).body)
            #expect(second.contains("UID:\(event.id)@civitas"))
            #expect(second.contains("SEQUENCE:1"))
            #expect(second.contains("STATUS:CANCELLED"))
            let told = try await services.database.sql.raw("SELECT recipient FROM mail_outbox WHERE subject LIKE 'Cancelled:%'").all()
                .map { try $0.decode(column: "recipient", as: String.self) }.sorted()
            #expect(told == ["ada@city.gov", "bo@city.gov"])
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Cy", email: "cy@city.gov").status == .conflict)
        }
    }

    @Test("Mail leaves the outbox as .eml files carrying the event's calendar; the online link is only for the confirmed", arguments: TestDatabase.all)
    func outboxAndOnlineLink(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 1)
            let confirmed = try await registerByAPI(client, services, slug: event.slug, name: "Ada", email: "ada@city.gov").json()
            let waiting = try await registerByAPI(client, services, slug: event.slug, name: "Bo", email: "bo@city.gov").json()
            #expect(waiting["waitlist_position"] == .int(1))
            guard case .string(let confirmedURL)? = confirmed["personal_url"], case .string(let waitingURL)? = waiting["personal_url"] else { throw TestFailure("no links") }
            let path = { (url: String) in String(url.dropFirst("http://127.0.0.1:8080".count)) }
            #expect(String(buffer: try await client.execute(uri: path(confirmedURL), method: .get).body).contains("https://meet.example.org/secret-room"))
            #expect(!String(buffer: try await client.execute(uri: path(waitingURL), method: .get).body).contains("secret-room"))
            #expect(!String(buffer: try await client.execute(uri: "/events/\(event.slug)", method: .get).body).contains("secret-room"))
            #expect(try await client.execute(uri: "/registrations/not-a-real-token", method: .get).status == .notFound)

            // The server's own sender may be at work too: each mail is claimed once, so between them exactly two files appear.
            _ = try await MailSender(services: services).deliverPending()
            let folder = services.configuration.outboxDirectory
            var files: [String] = []
            for _ in 0..<50 {
                // Only finished mails: a file being written atomically shows first under a temporary name.
                files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".eml") }
                if files.count >= 2, try await count("mail_outbox", services) == 2,
                   try await services.database.sql.raw("SELECT id FROM mail_outbox WHERE status <> 'sent'").all().isEmpty { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(files.count == 2)
            let mail = try String(contentsOfFile: folder + "/" + files[0], encoding: .utf8)
            #expect(mail.contains("Content-Type: text/calendar; charset=utf-8; method=PUBLISH"))
            #expect(mail.contains("To: ada@city.gov") || mail.contains("To: bo@city.gov"))
        }
    }
}
