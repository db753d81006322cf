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
///
/// Memory is bounded: the bodies kept never add up to more than `maximumBytes`. Expired
/// entries are swept out as new ones arrive, and when the bound is reached the oldest
/// entries go first. Keys hold only the query parameters a route reads (see
/// `AppServices.cached`), so made-up parameters cannot multiply the entries of one page.
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        let body: ByteBuffer
        let contentType: String
        let storedAt: Date
        var bytes: Int { body.readableBytes + contentType.utf8.count + 64 }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var rendering: [String: Task<Entry, any Error>] = [:]
        var totalBytes = 0
        var lastSweep = Date.distantPast
        /// Raised by every invalidation, so a rendering that began before a write is not kept.
        var generation = 0

        mutating func remove(_ key: String) {
            if let old = entries.removeValue(forKey: key) { totalBytes -= old.bytes + key.utf8.count }
        }
    }

    private let state = Mutex(State())
    private let lifetime: TimeInterval
    let maximumBytes: Int

    init(lifetime: TimeInterval, maximumBytes: Int = 32 * 1_048_576) {
        self.lifetime = lifetime
        self.maximumBytes = maximumBytes
    }

    var isEnabled: Bool { lifetime > 0 }

    /// What the cache holds now, for tests and metrics.
    var usage: (entries: Int, bytes: Int) { state.withLock { ($0.entries.count, $0.totalBytes) } }

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
                store(entry, for: key, now: now, in: &state)
            }
            return entry
        } catch {
            state.withLock { $0.rendering[key] = nil }
            throw error
        }
    }

    private func store(_ entry: Entry, for key: String, now: Date, in state: inout State) {
        let size = entry.bytes + key.utf8.count
        // An answer larger than a quarter of the whole cache is served but not kept.
        guard size <= maximumBytes / 4 else { return }
        state.remove(key)
        if now.timeIntervalSince(state.lastSweep) >= lifetime || state.totalBytes + size > maximumBytes {
            for (expiredKey, old) in state.entries where now.timeIntervalSince(old.storedAt) >= lifetime { state.remove(expiredKey) }
            state.lastSweep = now
        }
        if state.totalBytes + size > maximumBytes {
            // Still full of fresh answers: drop the oldest until a quarter is free.
            for (oldKey, _) in state.entries.sorted(by: { $0.value.storedAt < $1.value.storedAt }) {
                guard state.totalBytes + size > maximumBytes * 3 / 4 else { break }
                state.remove(oldKey)
            }
        }
        state.entries[key] = entry
        state.totalBytes += size
    }

    public func invalidateAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: false)
            state.totalBytes = 0
            state.rendering.removeAll()
            state.generation += 1
        }
    }
}
