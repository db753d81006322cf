import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// The demo network's events, from the documents in the corpus: each saved through the
/// same commands staff use, citing the document it comes from.
enum ConveningsDemo {
    static func load(on db: any Database, services: AppServices) async throws {
        let now = services.now()
        for event in DemoEvents.all {
            var input = EventInput()
            input.values = event.values
            input.values["published"] = "true"
            input.values["participants_public"] = event.values["participants_public"] ?? ""
            input.topicIDs = event.topics
            input.sourceIDs = [event.source]
            input.parties = event.parties
            let outcome = try await SaveEvent(id: nil, input: input, actor: .demoLoader, newID: "event-\(event.values["slug"]!)").run(on: db, services: services, now: now)
            guard case .saved(let saved) = outcome else { throw DemoFailure(description: "demo event \(event.values["slug"]!): \(outcome)") }
            for session in event.sessions {
                var pairs = session.values.map { (name: $0.key, value: $0.value) }
                pairs += session.speakers.map { (name: "speaker_ids", value: $0) }
                pairs.append((name: "speakers_published", value: "true"))
                let result = try await SaveSession(eventID: saved.id, sessionID: nil, form: FormData(pairs: pairs), actor: .demoLoader).run(on: db, now: now, records: services.site.records.reading(through: db as! any SQLDatabase))
                guard case .saved = result else { throw DemoFailure(description: "demo session \(session.values["title"]!): \(result)") }
            }
            for (position, quote) in event.quotes.enumerated() {
                try await (db as! any SQLDatabase).insert(into: "event_quotes").columns("id", "event_id", "person_id", "session_id", "text", "position")
                    .values(SQLBind("quote-\(saved.slug)-\(position + 1)"), SQLBind(saved.id), SQLBind(quote.person), SQLBind(Optional<String>.none),
                            SQLBind(quote.text), SQLBind(position + 1)).run()
            }
            // Adding the programme raised the calendar SEQUENCE once per session; as loaded, the
            // event is in its first version.
            try await (db as! any SQLDatabase).update("events").set("sequence", to: SQLBind(0)).where("id", .equal, SQLBind(saved.id)).run()
        }
    }

    struct DemoFailure: Error, CustomStringConvertible { let description: String }
}
