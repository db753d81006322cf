import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Members submit practices; editors decide")
struct SubmissionTests {
    static let practice: [(String, String)] = [
        ("title", "Night buses for shift workers"), ("status", "pilot"), ("city_ids", "area-milwaukee"), ("topic_ids", "topic-transit"),
        ("summary", "Buses every 20 minutes between midnight and five."), ("contact_ids", "person-tom-barrett"),
    ]

    static func state(_ id: String, _ services: AppServices) async throws -> (state: String?, published: Bool) {
        let row = try #require(try await services.database.sql.select().columns("review_state", "published").from("practices")
            .where("id", .equal, id).first())
        return (try row.decode(column: "review_state", as: String?.self), try row.decode(column: "published", as: Bool.self))
    }

    static func submissionID(_ title: String, _ services: AppServices) async throws -> String {
        try #require(try await services.database.sql.select().column("id").from("practices").where("title", .equal, title).first()?
            .decode(column: "id", as: String.self))
    }

    @Test("A member's practice waits unseen; changes asked for, made, then published", arguments: TestDatabase.all)
    func submitReviewPublish(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            #expect(try await member.get(client, "/submissions/new").status == .ok)
            let before = try await count("practices", services)
            let missing = try await member.post(client, "/submissions", [("title", ""), ("status", "pilot")])
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("Title (required): is required"))
            #expect(try await count("practices", services) == before, "nothing written")

            let sent = try await member.post(client, "/submissions", Self.practice + [("published", "true"), ("slug", "chosen-by-member")])
            #expect(sent.status == .seeOther)
            let id = try await Self.submissionID("Night buses for shift workers", services)
            #expect(try await Self.state(id, services) == ("submitted", false), "a member cannot publish what they send")
            let slug = try #require(try await services.database.sql.select().column("slug").from("practices").where("id", .equal, id).first()?
                .decode(column: "slug", as: String.self))
            #expect(slug != "chosen-by-member")
            // Nothing of it is public.
            #expect(try await client.execute(uri: "/practices/\(slug)", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/practices/\(id)", method: .get).status == .notFound)
            #expect(!String(buffer: try await client.execute(uri: "/practices?q=night", method: .get).body).contains("Night buses"))
            #expect(!String(buffer: try await client.execute(uri: "/topics/transit", method: .get).body).contains("Night buses"))
            #expect(try await member.get(client, "/submissions").text.contains("Waiting for an editor"))

            // Who may not: a visitor, another member, the member as an editor.
            #expect(try await Browser().get(client, "/submissions").status != .ok)
            let other = try await Accounts.signedIn(.member, client: client, services: services)
            #expect(!(try await other.get(client, "/submissions").text.contains("Night buses")))
            #expect(try await other.get(client, "/submissions/\(id)/edit").status == .notFound)
            #expect(try await other.post(client, "/submissions/\(id)", Self.practice).status == .notFound)
            #expect(try await member.post(client, "/staff/practices/\(id)/publish", []).status == .forbidden)
            #expect(try await member.post(client, "/staff/submissions/\(id)/review", [("decision", "publish")]).status == .forbidden)
            #expect(try await member.get(client, "/staff/submissions").status == .forbidden)

            // The editor asks for changes, with a note the member reads and is mailed.
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            #expect(try await editor.get(client, "/staff/submissions").text.contains("Night buses"))
            #expect(try await editor.get(client, "/staff/submissions/\(id)").text.contains("Buses every 20 minutes"))
            let noNote = try await editor.post(client, "/staff/submissions/\(id)/review", [("decision", "request_changes"), ("note", "  ")])
            #expect(noNote.status == .badRequest)
            #expect(try await Self.state(id, services).state == "submitted")
            let asked = try await editor.post(client, "/staff/submissions/\(id)/review", [("decision", "request_changes"), ("note", "Say what it costs & who runs it.")])
            #expect(asked.status == .seeOther)
            #expect(try await Self.state(id, services) == ("changes_requested", false))
            let mine = try await member.get(client, "/submissions")
            #expect(mine.text.contains("Changes asked for"))
            #expect(mine.text.contains("Say what it costs &amp; who runs it."))
            // Read from the outbox whether or not its sender has sent it yet.
            let mails = try await services.database.sql.raw("SELECT subject, body FROM \(ident: Outbox.table)").all()
                .map { (subject: try $0.decode(column: "subject", as: String.self), body: try $0.decode(column: "body", as: String.self)) }
            #expect(mails.contains { $0.subject == "Changes asked for: Night buses for shift workers" && $0.body.contains("Say what it costs") })

            // The member changes it; it waits again.
            let form = try await member.get(client, "/submissions/\(id)/edit")
            #expect(form.text.contains("Say what it costs"))
            #expect(form.text.contains(#"value="Night buses for shift workers""#))
            let changed = try await member.post(client, "/submissions/\(id)", Self.practice + [("cost", "$1.2 million a year from the transit budget")])
            #expect(changed.status == .seeOther)
            #expect(try await Self.state(id, services) == ("submitted", false))

            // The editor publishes; a visitor finds it from the topic page; the member can no longer change it.
            #expect(try await editor.post(client, "/staff/submissions/\(id)/review", [("decision", "publish")]).status == .seeOther)
            #expect(try await Self.state(id, services) == ("published", true))
            let topic = String(buffer: try await client.execute(uri: "/topics/transit", method: .get).body)
            #expect(topic.contains(#"href="/practices/\#(slug)""#))
            let page = String(buffer: try await client.execute(uri: "/practices/\(slug)", method: .get).body)
            #expect(page.contains("$1.2 million a year"))
            #expect(try await member.post(client, "/submissions/\(id)", Self.practice).status == .conflict)
            #expect(try await editor.post(client, "/staff/submissions/\(id)/review", [("decision", "decline"), ("note", "late")]).status == .conflict)
            let actions = try await services.database.sql.select().column("action").from("audit_events").where("subject_id", .equal, id).all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.sorted() == ["create", "publish", "request_changes", "update"])
        }
    }

    @Test("A declined practice stays hidden, and the member sees why", arguments: TestDatabase.all)
    func decline(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            #expect(try await member.post(client, "/submissions", Self.practice).status == .seeOther)
            let id = try await Self.submissionID("Night buses for shift workers", services)
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            #expect(try await editor.post(client, "/staff/submissions/\(id)/review", [("decision", "shred")]).status == .badRequest)
            #expect(try await editor.post(client, "/staff/submissions/\(id)/review", [("decision", "decline"), ("note", "Already in the library.")]).status == .seeOther)
            #expect(try await Self.state(id, services) == ("declined", false))
            let mine = try await member.get(client, "/submissions")
            #expect(mine.text.contains("Declined"))
            #expect(mine.text.contains("Already in the library."))
            #expect(try await member.get(client, "/submissions/\(id)/edit").status == .conflict)
            #expect(!String(buffer: try await client.execute(uri: "/api/v1/practices?q=night", method: .get).body).contains("Night buses"))
        }
    }
}
