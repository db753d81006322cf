import Foundation
import Logging
import SQLKit
import Synchronization

/// Publishes what committed writes changed: to this process's page cache and subscribers at
/// once, and on PostgreSQL to every other Civitas process sharing the database, through
/// `NOTIFY` (each process `LISTEN`s, see `ChangeListener`).
///
/// Never called inside a transaction: `AppServices.write` publishes after the commit, so no
/// process drops a cached answer and re-renders it from data that is not yet visible.
final class ChangePublisher: Sendable {
    typealias Subscriber = @Sendable (PublishedChange) async -> Void

    /// The channel every Civitas process listens on.
    static let channel = "civitas_changes"
    /// NOTIFY payloads must stay under 8,000 bytes; a larger change is sent as "everything".
    static let payloadLimit = 7_000

    /// Tells this process's own notifications apart from other processes'.
    let origin = UUID().uuidString.lowercased()
    private let cache: ResponseCache
    private let subscribers = Mutex<[Subscriber]>([])

    init(cache: ResponseCache) {
        self.cache = cache
    }

    /// Adds work to do for every change, here or in another process (a search index, say).
    func subscribe(_ subscriber: @escaping Subscriber) {
        subscribers.withLock { $0.append(subscriber) }
    }

    /// Publishes a committed change here and, on PostgreSQL, to the other processes.
    func publish(_ change: PublishedChange, database: AppDatabase, logger: Logger) async {
        guard !change.isEmpty else { return }
        await apply(change)
        guard database.isPostgres, !database.isClosed else { return }
        do {
            let payload = try Self.payload(change, origin: origin)
            try await database.sql.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: payload))").run()
        } catch {
            // The change is committed and applied here; others still drop the entry when it expires.
            logger.warning("Could not tell other processes of a change: \(String(describing: error))")
        }
    }

    /// Applies a change heard from another process (or published here): subscribers first, then
    /// the cache. A subscriber brings derived data up to date (the search index); an answer
    /// rendered before it finished would read the old data, and, rendered after the cache's
    /// drop, would be kept as current. Dropped last, every answer rendered meanwhile began
    /// before the drop and is not kept (`ResponseCache.entry`).
    func apply(_ change: PublishedChange) async {
        for subscriber in subscribers.withLock({ $0 }) { await subscriber(change) }
        cache.drop(change)
    }

    /// Changes may have been missed (the listening connection was lost): drop every cached answer.
    func applyUnknownChanges() {
        cache.invalidateAll()
    }

    struct Notification: Codable {
        let origin: String
        /// Nil when the change was too large to send: every answer is dropped.
        let topics: [ChangeTopic]?
    }

    static func payload(_ change: PublishedChange, origin: String) throws -> String {
        let encoder = JSONEncoder()
        let full = String(decoding: try encoder.encode(Notification(origin: origin, topics: change.topics)), as: UTF8.self)
        if full.utf8.count <= payloadLimit { return full }
        return String(decoding: try encoder.encode(Notification(origin: origin, topics: nil)), as: UTF8.self)
    }
}
