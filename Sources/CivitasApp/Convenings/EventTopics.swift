/// What event answers show and event writes change, in the words of `ChangeTopic`.
///
/// An event's registrations are a kind of their own, so that a registration (the busiest
/// write) refreshes only its event's page, counts and API answer, never the lists, the
/// calendars or the directory.
enum EventTopics {
    static let event = "event"
    static let registrations = "event.registrations"

    /// The directory records event answers name (hosts, speakers, places, topics, sources),
    /// in the kinds `RecordLookup` reads them by.
    static let namedRecords: [ChangeTopic] = (PartyReference.kinds + ["topic", "source"]).map { .every($0) }

    /// Lists and feeds: every event, and the directory records they name (areas, topics).
    static let lists: [ChangeTopic] = [.every(event)] + namedRecords

    /// One event's page or API answer, addressed by `key` (slug or id): the event, its
    /// counts, and the directory records it names (hosts, speakers, venue, topics).
    static func page(_ key: String) -> [ChangeTopic] {
        [.record(event, key), .record(registrations, key)] + namedRecords
    }

    /// One event's calendar: the event and its place, not its counts.
    static func calendar(_ key: String) -> [ChangeTopic] {
        [.record(event, key)] + namedRecords
    }

    /// A saved event: every event answer is refreshed, since its slug, dates or parent may
    /// have changed what other events' pages and the lists show.
    static let eventSaved = PublishedChange([.every(event)])

    /// Registrations changed for one event (registered, cancelled, promoted, approved).
    static func registrationsChanged(eventID: String, slug: String) -> PublishedChange {
        .record(registrations, keys: [eventID, slug])
    }
}
