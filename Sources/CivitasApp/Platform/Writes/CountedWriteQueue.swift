import Foundation
import Synchronization

/// Where counted writes for one key (registrations for an event, signatures of an action)
/// wait to be decided together, in arrival order.
///
/// One worker per key takes everything waiting (up to `batchLimit`) and decides it in one
/// transaction, then the next batch, until the queue is empty. A lone request is decided at
/// once, as a batch of one; in a rush, those arriving while a batch is decided form the next.
/// The decision itself still locks what it counts and re-counts, so several server processes
/// sharing one database stay correct; the queue only spares them the cost of one
/// transaction (and, on SQLite, one writer turn) per request.
final class CountedWriteQueue<Item: Sendable, Outcome: Sendable>: Sendable {
    /// Decides a batch, returning one outcome per item, in order.
    typealias Decide = @Sendable ([Item]) async throws -> [Outcome]

    private struct Waiting: Sendable {
        let item: Item
        let continuation: CheckedContinuation<Outcome, any Error>
    }

    /// Items waiting, by key; a key has an entry while its worker runs.
    private let waiting = Mutex<[String: [Waiting]]>([:])
    let batchLimit: Int

    /// The default is large enough to absorb a rush in few transactions, small enough that
    /// one batch's statements stay well inside both databases' limits on bound values.
    init(batchLimit: Int = 200) {
        self.batchLimit = batchLimit
    }

    func submit(_ item: Item, key: String, decide: @escaping Decide) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let startWorker = waiting.withLock { queues in
                let waiting = Waiting(item: item, continuation: continuation)
                if queues[key] != nil {
                    queues[key]!.append(waiting)
                    return false
                }
                queues[key] = [waiting]
                return true
            }
            if startWorker { Task { await self.work(key: key, decide: decide) } }
        }
    }

    /// How many wait for a key behind the batch being decided.
    func waitingCount(for key: String) -> Int {
        waiting.withLock { $0[key]?.count ?? 0 }
    }

    private func work(key: String, decide: Decide) async {
        while true {
            let batch: [Waiting] = waiting.withLock { queues in
                guard let count = queues[key]?.count, count > 0 else {
                    // Removed under the same lock submitters take, so a newcomer starts a new worker.
                    queues[key] = nil
                    return []
                }
                // Taken in place: copying what stays behind at every batch cost a rush of 10,000
                // about 2% of the server's time, the queue being thousands long.
                if count <= batchLimit { return queues.updateValue([], forKey: key) ?? [] }
                let batch = Array(queues[key]![..<batchLimit])
                queues[key]!.removeFirst(batchLimit)
                return batch
            }
            if batch.isEmpty { return }
            do {
                let outcomes = try await decide(batch.map(\.item))
                precondition(outcomes.count == batch.count, "a decision returns one outcome per item")
                for (waiting, outcome) in zip(batch, outcomes) { waiting.continuation.resume(returning: outcome) }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
