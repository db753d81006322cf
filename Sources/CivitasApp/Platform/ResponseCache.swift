import Foundation
import NIOCore
import Synchronization

/// Rendered public pages and API answers kept in memory for anonymous readers.
///
/// Each entry says what it shows (`ChangeTopic`s). When a write commits, its published change
/// drops exactly the entries that show something it touched (a registration drops its event's
/// page, counts and calendar, not the directory); other processes hear of the change through
/// the database (see `ChangeListener`), so entries can live for minutes and stay correct.
/// When an entry is missing, one request renders it and concurrent requests for the same
/// address wait for that rendering instead of all querying the database at once.
///
/// Memory is bounded: the bodies kept never add up to more than `maximumBytes`. Expired
/// entries are swept out as new ones arrive, and when the bound is reached the oldest
/// entries go first. Keys hold only the query parameters a route reads (see
/// `AppServices.cached`), so made-up parameters cannot multiply the entries of one page.
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        /// The body with its entity tag and gzipped form, made once.
        let body: EncodedBody
        let contentType: String
        let storedAt: Date
        let shows: [ChangeTopic]
        /// A change touched what it shows: it is rendered again by the next request, and served
        /// only to requests arriving while that rendering is under way.
        var isStale = false
        var bytes: Int { body.bytes + contentType.utf8.count + 64 }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Renderings under way, with the generation each began in (joiners judge by that one).
        var rendering: [String: (task: Task<Entry, any Error>, shows: [ChangeTopic], generation: Int)] = [:]
        var totalBytes = 0
        var lastSweep = Date.distantPast
        /// Raised by every change, so a rendering that began before a change touching it is not kept.
        var generation = 0
        /// The latest changes with the generation each raised, to decide whether a rendering
        /// that began earlier shows something changed since.
        var recentChanges: [(generation: Int, change: PublishedChange?)] = []

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

    private enum Lookup {
        case kept(Entry)
        case rendering(Task<Entry, any Error>, generation: Int)
    }

    /// The cached answer for `key`, rendering it once if it is missing, too old or stale.
    ///
    /// After a change, the first request renders the answer again and waits for it, so whoever
    /// made the change sees it at once; requests arriving while that rendering is under way get
    /// the previous answer rather than queueing behind it (a registration rush changes an
    /// event's counts many times a second, and its page must keep answering).
    func entry(for key: String, now: Date, contentType: String, shows: [ChangeTopic],
               render: @escaping @Sendable () async throws -> ByteBuffer) async throws -> Entry {
        let lookup: Lookup = state.withLock { state in
            let kept = state.entries[key].flatMap { now.timeIntervalSince($0.storedAt) < lifetime ? $0 : nil }
            if let kept, !kept.isStale { return .kept(kept) }
            if let running = state.rendering[key] {
                if let kept { return .kept(kept) }
                return .rendering(running.task, generation: running.generation)
            }
            let task = Task { Entry(body: EncodedBody(try await render(), contentType: contentType), contentType: contentType, storedAt: now, shows: shows) }
            state.rendering[key] = (task, shows, state.generation)
            return .rendering(task, generation: state.generation)
        }
        guard case .rendering(let task, let generation) = lookup else {
            if case .kept(let entry) = lookup { return entry }
            preconditionFailure()
        }
        do {
            let entry = try await task.value
            state.withLock { state in
                if state.rendering[key]?.task == task { state.rendering[key] = nil }
                guard !Self.changed(since: generation, touching: entry.shows, in: state) else { return }
                store(entry, for: key, now: now, in: &state)
            }
            return entry
        } catch {
            state.withLock { if $0.rendering[key]?.task == task { $0.rendering[key] = nil } }
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

    /// Whether a change since `generation` touched any of `shows` (or the record of changes
    /// no longer reaches back that far, in which case the rendering is not trusted).
    private static func changed(since generation: Int, touching shows: [ChangeTopic], in state: State) -> Bool {
        guard state.generation != generation else { return false }
        guard let oldest = state.recentChanges.first, oldest.generation <= generation + 1 else { return true }
        return state.recentChanges.contains { record in
            guard record.generation > generation else { return false }
            guard let change = record.change else { return true }
            return shows.contains { shown in change.topics.contains(where: shown.isTouched(by:)) }
        }
    }

    /// Drops every entry that shows something the change touched, and any rendering under
    /// way for such an entry.
    func drop(_ change: PublishedChange) {
        guard !change.isEmpty else { return }
        state.withLock { state in
            for (key, entry) in state.entries where entry.shows.contains(where: { shown in change.topics.contains(where: shown.isTouched(by:)) }) {
                state.entries[key]?.isStale = true
            }
            for (key, running) in state.rendering where running.shows.contains(where: { shown in change.topics.contains(where: shown.isTouched(by:)) }) {
                state.rendering[key] = nil
            }
            record(change, in: &state)
        }
    }

    /// Drops everything: when changes may have been missed (the change feed reconnected).
    public func invalidateAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: false)
            state.totalBytes = 0
            state.rendering.removeAll()
            record(nil, in: &state)
        }
    }

    private func record(_ change: PublishedChange?, in state: inout State) {
        state.generation += 1
        state.recentChanges.append((state.generation, change))
        if state.recentChanges.count > 256 { state.recentChanges.removeFirst(state.recentChanges.count - 256) }
    }
}
