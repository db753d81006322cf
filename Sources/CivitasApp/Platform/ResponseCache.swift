import Foundation
import NIOCore
import Synchronization

/// Rendered public pages and API answers kept in memory for anonymous readers.
///
/// Every write in this process clears it at once (`invalidateAll`); entries also expire
/// after a few seconds, so changes made by another process behind the same load balancer
/// are seen soon after. When an entry is missing, one request renders it and concurrent
/// requests for the same address wait for that rendering instead of all querying the
/// database at once.
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        let body: ByteBuffer
        let contentType: String
        let storedAt: Date
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var rendering: [String: Task<Entry, any Error>] = [:]
        /// Raised by every invalidation, so a rendering that began before a write is not kept.
        var generation = 0
    }

    private let state = Mutex(State())
    private let lifetime: TimeInterval
    private let maximumEntries = 4_096

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    var isEnabled: Bool { lifetime > 0 }

    /// The cached answer for `key`, rendering it once if it is missing or too old.
    func entry(for key: String, now: Date, contentType: String,
               render: @escaping @Sendable () async throws -> ByteBuffer) async throws -> Entry {
        let (task, generation): (Task<Entry, any Error>, Int) = state.withLock { state in
            if let entry = state.entries[key], now.timeIntervalSince(entry.storedAt) < lifetime {
                return (Task { entry }, state.generation)
            }
            if let running = state.rendering[key] { return (running, state.generation) }
            let task = Task { Entry(body: try await render(), contentType: contentType, storedAt: now) }
            state.rendering[key] = task
            return (task, state.generation)
        }
        do {
            let entry = try await task.value
            state.withLock { state in
                state.rendering[key] = nil
                guard state.generation == generation else { return }
                if state.entries.count >= maximumEntries { state.entries.removeAll(keepingCapacity: true) }
                state.entries[key] = entry
            }
            return entry
        } catch {
            state.withLock { $0.rendering[key] = nil }
            throw error
        }
    }

    public func invalidateAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.rendering.removeAll()
            state.generation += 1
        }
    }
}
