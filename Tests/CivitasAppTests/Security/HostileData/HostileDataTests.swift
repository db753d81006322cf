import CivitasCore
import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

/// Payloads in every text field of every kind of record, through the API and the forms; then
/// every page, staff page, JSON-LD block, calendar, CSV export, API answer and mail that shows
/// them is checked. Each new field and output format joins this test.
@Suite("Hostile data never comes back unescaped")
struct HostileDataTests {
    static let kindsInOrder: [RecordKind] = [.area, .organization, .person, .topic, .source, .post, .membership]

    /// A JSON body with a payload in every text field of `kind`.
    static func hostileBody(_ kind: RecordKind, references: [RecordKind: String]) -> [String: Any] {
        // Directory records are written before the topics and sources their link fields would name.
        hostileBody(kind) { name in RecordKind(name).flatMap { references[$0] } }.filter { !($0.value is [String]) }
    }

    /// A JSON body with a payload in every text field of any kind of record; reference fields
    /// point at the record `reference` names for their kind (left out when none).
    static func hostileBody(_ kind: some RecordShape, reference: (RecordKindName) -> String?) -> [String: Any] {
        var body: [String: Any] = [:]
        for field in kind.fields {
            switch field.kind {
            case .text(let maxLength): body[field.name] = HostilePayloads.fitting(maxLength)
            case .longText: body[field.name] = HostilePayloads.multiLine
            case .choice(let options): body[field.name] = options[0]
            case .date: body[field.name] = "2018"
            case .integer: body[field.name] = field.name == "start_year" ? 2018 : 1
            case .decimal: body[field.name] = 1.5
            case .url: body[field.name] = HostilePayloads.acceptedAddress
            case .email: body[field.name] = "hostile@example.org"
            case .timeZone: body[field.name] = "America/Chicago"
            case .countryCode: body[field.name] = "US"
            case .ocdDivision: continue
            case .reference(let target):
                // A membership names a person or a member organization, not both.
                if field.name == "member_organization_id" { continue }
                if let id = reference(target) { body[field.name] = id }
            case .references(let target):
                if let id = reference(target) { body[field.name] = [id] }
            case .flag: body[field.name] = true
            }
        }
        if kind.hasSlug { body["slug"] = "hostile-\(kind.kindName)" }
        return body
    }

    /// Each one-line field refuses line breaks and control characters, and each web address
    /// what is not a clean http(s) address, when written through the API at `path`.
    static func expectRefusals(of kind: some RecordShape, body: [String: Any], at path: String, token: String,
                               _ client: any TestClientProtocol) async throws {
        for field in kind.fields {
            let refusals: [String] = switch field.kind {
            case .text: HostilePayloads.lineBreaks
            case .url: HostilePayloads.addresses
            default: []
            }
            for bad in refusals {
                var refused = body
                refused[field.name] = bad
                let answer = try await sendJSON(client, .post, path, token: token, json: try json(refused))
                #expect(answer.status == .badRequest, "\(kind.kindName) \(field.name) took \(bad.debugDescription)")
            }
        }
    }

    static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test("Payloads in every field of every record come back escaped in every format", arguments: TestDatabase.all)
    func everyFieldEveryFormat(database: TestDatabase) async throws {
        try await withApp(database, cacheSeconds: 0, configure: { $0.deliverMail = false }) { client, services in
            let token = try await apiToken(["directory:write", "events:write"], services: services)
            var ids: [RecordKind: String] = [:]
            var keys: [RecordKind: String] = [:]

            // Directory records through the API; one-line fields and web addresses refuse what they must.
            for kind in Self.kindsInOrder {
                let body = Self.hostileBody(kind, references: ids)
                try await Self.expectRefusals(of: kind, body: body, at: "/api/v1/\(kind.plural)", token: token, client)
                let created = try await sendJSON(client, .post, "/api/v1/\(kind.plural)", token: token, json: try Self.json(body))
                #expect(created.status == .created, "\(kind): \(created.text.prefix(300))")
                let record = try created.json()
                ids[kind] = record["id"]?.stringValue
                keys[kind] = record["slug"]?.stringValue ?? record["id"]?.stringValue
            }
            #expect(try await count("areas", services) == 1, "refused bodies wrote nothing")

            // The same through the staff forms, which read every field of the kind.
            let editor = try await Accounts.signedIn(.admin, client: client, services: services)
            for kind in Self.kindsInOrder {
                var fields = Self.hostileBody(kind, references: ids).map { ($0.key, "\($0.value)") }
                fields = fields.filter { $0.0 != "slug" } + (kind.hasSlug ? [("slug", "form-hostile-\(kind.rawValue)")] : [])
                let refused = try await editor.post(client, DirectoryURL.staffList(kind).path,
                                                    fields.map { $0.0 == kind.titleColumn ? ($0.0, "T\r\nBcc: victim@evil.example") : $0 })
                #expect(refused.status == .badRequest, "the \(kind) form took a line break in \(kind.titleColumn)")
                let saved = try await editor.post(client, DirectoryURL.staffList(kind).path, fields)
                #expect(saved.status == .seeOther, "\(kind) form: \(saved.status) \(saved.text.prefix(200))")
            }

            // An event, its session, a quote and registrations.
            let event = try await sendJSON(client, .post, "/api/v1/events", token: token, json: try Self.json([
                "title": HostilePayloads.fitting(200), "slug": "hostile-event", "kind": "convening", "time_zone": "America/Chicago",
                "starts_at": "2030-03-02T09:00", "ends_at": "2030-03-02T17:00", "summary": HostilePayloads.multiLine,
                "description": HostilePayloads.multiLine, "venue": HostilePayloads.fitting(300), "series": HostilePayloads.fitting(200),
                "highlights": HostilePayloads.multiLine, "dates_note": HostilePayloads.fitting(500), "attendance_mode": "hybrid", "online_url": HostilePayloads.acceptedAddress,
                "registration_mode": "open", "capacity": 1,
                "host_ids": ["organization:\(ids[.organization]!)"],
            ]))
            #expect(event.status == .created, "\(event.text.prefix(300))")
            let eventID = try #require(try event.json()["id"]?.stringValue)
            for bad in HostilePayloads.lineBreaks {
                for field in ["title", "dates_note"] {
                    let refused = try await sendJSON(client, .patch, "/api/v1/events/hostile-event", token: token, json: try Self.json([field: bad]))
                    #expect(refused.status == .badRequest, "event \(field) took \(bad.debugDescription)")
                }
            }
            let session = try await editor.post(client, ConveningsURL.staffEventSessions(eventID).path, [
                ("title", HostilePayloads.fitting(300)), ("kind", "panel"), ("starts_at", "2030-03-02T10:00"), ("ends_at", "2030-03-02T11:00"),
                ("room", HostilePayloads.fitting(200)), ("description", HostilePayloads.multiLine), ("questions", HostilePayloads.multiLine),
                ("speakers_published", "true"), ("speaker_ids", ids[.person]!),
            ])
            #expect(session.status == .seeOther, "session: \(session.status)")
            let daySession = try await editor.post(client, ConveningsURL.staffEventSessions(eventID).path, [
                ("title", HostilePayloads.fitting(300)), ("kind", "breakout"), ("schedule", "day"), ("day", "2030-03-02"),
                ("room", HostilePayloads.fitting(200)), ("description", HostilePayloads.multiLine),
            ])
            #expect(daySession.status == .seeOther, "day session: \(daySession.status)")
            let badSchedule = try await editor.post(client, ConveningsURL.staffEventSessions(eventID).path, [
                ("title", "Stray"), ("kind", "breakout"), ("schedule", HostilePayloads.fitting(50)), ("day", "2030-03-02"),
            ])
            #expect(badSchedule.status == .badRequest, "an unknown schedule is a 400")
            let quote = try await editor.post(client, ConveningsURL.staffEventQuotes(eventID).path, [("text", HostilePayloads.multiLine), ("person_id", ids[.person]!)])
            #expect(quote.status == .seeOther, "quote: \(quote.status)")
            let visitor = Browser()
            for (index, name) in [HostilePayloads.fitting(200), "=\u{200D}HYPERLINK(\"http://evil.example\")", "@SUM(A1)"].enumerated() {
                let registered = try await visitor.post(client, "/events/hostile-event/register",
                                                        [("name", name), ("email", "guest\(index)@example.org"), ("organization", HostilePayloads.fitting(200))])
                #expect(registered.status == .ok)
            }
            let refusedName = try await visitor.post(client, "/events/hostile-event/register", [("name", "A\r\nBcc: x@evil.example"), ("email", "x@example.org")])
            #expect(refusedName.status == .badRequest)

            // Every page that shows them.
            var pages = ["/", "/events", "/events/hostile-event", "/events?q=%22%3E%3Cimg", "/sign-in?next=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
                         "/people?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"]
            for kind in Self.kindsInOrder where RecordKind.publicKinds.contains(kind) {
                pages += ["/\(kind.plural)", "/\(kind.plural)/\(keys[kind]!)", "/\(kind.plural)?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"]
            }
            for path in pages {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path): \(response.status)")
                let problems = OutputChecks.html(response.text)
                #expect(problems.isEmpty, "\(path): \(problems)")
                #expect(response.text.contains("&quot;&gt;&lt;img") || !path.contains("hostile") , "\(path) shows the payload escaped")
            }
            var staffPages = ["/staff", "/staff/events", ConveningsURL.staffEventEdit(eventID).path, ConveningsURL.staffEventSessions(eventID).path,
                              ConveningsURL.staffParticipants(eventID).path, "/staff/audit", "/staff/outbox", "/staff/tokens", "/staff/users"]
            for kind in Self.kindsInOrder { staffPages += ["/staff/\(kind.plural)", "/staff/\(kind.plural)/\(ids[kind]!)/edit"] }
            for path in staffPages {
                let response = try await editor.get(client, path)
                #expect(response.status == .ok, "\(path): \(response.status)")
                let problems = OutputChecks.html(response.text)
                #expect(problems.isEmpty, "\(path): \(problems)")
            }
            #expect(try await client.execute(uri: "/events/hostile-event", method: .get).text.contains("&quot;&gt;&lt;img src=x"),
                    "the event page shows the payload, escaped")

            // Calendars.
            for path in ["/events/hostile-event.ics", "/events.ics"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok)
                let problems = OutputChecks.iCalendar(response.text)
                #expect(problems.isEmpty, "\(path): \(problems)")
            }
            // The participants export.
            let csv = try await editor.get(client, ConveningsURL.staffParticipantsCSV(eventID).path)
            #expect(csv.status == .ok)
            let csvProblems = OutputChecks.csv(csv.text, rows: 4)
            #expect(csvProblems.isEmpty, "\(csvProblems)")
            // The API: valid JSON served as JSON.
            var apiPaths = ["/api/v1/popolo.json", "/api/v1/events", "/api/v1/events/hostile-event"]
            for kind in Self.kindsInOrder { apiPaths += ["/api/v1/\(kind.plural)", "/api/v1/\(kind.plural)/\(keys[kind]!)"] }
            for path in apiPaths {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect((try? JSONSerialization.jsonObject(with: Data(response.text.utf8))) != nil, "\(path) is not JSON")
            }
            // Every mail the outbox holds, as it goes on the wire.
            let pending = try await Outbox.pending(on: services.database.sql, now: services.now(), limit: 100)
            #expect(pending.count >= 3)
            for mail in pending {
                let message = MailMessage(id: mail.id, from: "network@example.org", to: mail.mail.recipient, subject: mail.mail.subject,
                                          body: mail.mail.body, attachments: mail.mail.attachments, date: mail.createdAt)
                let problems = OutputChecks.mail(message.rendered())
                #expect(problems.isEmpty, "mail \(mail.mail.subject.prefix(40)): \(problems)")
                for attachment in mail.mail.attachments where attachment.filename.hasSuffix(".ics") { #expect(OutputChecks.iCalendar(attachment.content).isEmpty) }
                #expect(!MailHeader.smtpData(message.rendered()).dropLast(5).contains("\r\n.\r\n"), "the data ends only at its end")
            }
        }
    }
}
