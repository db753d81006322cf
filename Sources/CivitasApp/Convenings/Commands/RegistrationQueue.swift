import Foundation
import Synchronization

/// Where registrations for an event wait to be decided, in arrival order.
///
/// One worker per event takes everything waiting (up to `batchLimit`) and decides it in
/// one transaction, then the next batch, until the queue is empty. A lone registration is
/// decided at once, as a batch of one; in a rush, those arriving while a batch is decided
/// form the next. Each transaction still locks the event and re-counts, so several server
/// processes sharing one database stay correct; the queue only spares them the cost of
/// one transaction (and, on SQLite, one writer turn) per person.
final class RegistrationQueue: Sendable {
    typealias Decide = @Sendable ([RegisterForEvent.Request]) async throws -> [RegisterForEvent.Outcome]

    private struct Waiting {
        let request: RegisterForEvent.Request
        let continuation: CheckedContinuation<RegisterForEvent.Outcome, any Error>
    }

    /// Requests waiting, by event id; an event has an entry while its worker runs.
    private let waiting = Mutex<[String: [Waiting]]>([:])

    /// Large enough to absorb a rush in few transactions, small enough that one batch's
    /// statements stay well inside both databases' limits on bound values.
    static let batchLimit = 200

    /// Which event an address (slug or id) names, for a few seconds: in a rush every request
    /// would otherwise look the event up first, and the lookup would cost more than the
    /// decision. Only a hint: the decision itself locks and re-reads the event, so an event
    /// unpublished meanwhile is still refused. Cleared whenever staff save an event.
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

    func forgetEventIDs() {
        eventIDs.withLock { $0.removeAll() }
    }

    func submit(_ request: RegisterForEvent.Request, eventID: String, decide: @escaping Decide) async throws -> RegisterForEvent.Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let startWorker = waiting.withLock { queues in
                let item = Waiting(request: request, continuation: continuation)
                if queues[eventID] != nil {
                    queues[eventID]!.append(item)
                    return false
                }
                queues[eventID] = [item]
                return true
            }
            if startWorker { Task { await self.work(eventID: eventID, decide: decide) } }
        }
    }

    private func work(eventID: String, decide: Decide) async {
        while true {
            let batch: [Waiting] = waiting.withLock { queues in
                guard let queue = queues[eventID], !queue.isEmpty else {
                    // Removed under the same lock submitters take, so a newcomer starts a new worker.
                    queues[eventID] = nil
                    return []
                }
                queues[eventID] = Array(queue.dropFirst(Self.batchLimit))
                return Array(queue.prefix(Self.batchLimit))
            }
            if batch.isEmpty { return }
            do {
                let outcomes = try await decide(batch.map(\.request))
                for (item, outcome) in zip(batch, outcomes) { item.continuation.resume(returning: outcome) }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
    }
}
