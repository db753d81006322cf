import Foundation
import Synchronization

/// What registration keeps between requests: the queue that decides an event's
/// registrations together (Platform's `CountedWriteQueue`), and which event an address
/// names, for a few seconds.
final class RegistrationDesk: Sendable {
    let queue = CountedWriteQueue<RegisterForEvent.Request, RegisterForEvent.Outcome>()

    /// In a rush every request would otherwise look the event up first, and the lookup would
    /// cost more than the decision. Only a hint: the decision locks and re-reads the event, so
    /// an event unpublished meanwhile is still refused. Forgotten whenever an event changes.
    private let eventIDs = Mutex<[String: (id: String, until: Date)]>([:])
    static let eventIDLifetime: TimeInterval = 10

    func eventID(for key: String, now: Date, lookUp: () async throws -> String?) async throws -> String? {
        if let known = eventIDs.withLock({ $0[key] }), known.until > now { return known.id }
        guard let id = try await lookUp() else { return nil }
        eventIDs.withLock { cache in
            if cache.count > 1000 { cache.removeAll() }
            cache[key] = (id, now.addingTimeInterval(Self.eventIDLifetime))
        }
        return id
    }

    /// Subscribed to published changes: a saved event may have a new slug or state.
    func forget(after change: PublishedChange) {
        guard change.topics.contains(where: { $0.kind == EventTopics.event }) else { return }
        eventIDs.withLock { $0.removeAll() }
    }
}
