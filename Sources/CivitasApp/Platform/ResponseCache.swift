import Foundation
import NIOCore
import Synchronization

/// Rendered public pages and API answers kept in memory for anonymous readers.
///
/// Every write in this process clears it at once (`invalidateAll`); entries also expire
/// after a few seconds, so changes made by another process behind the same load balancer
/// are seen soon after.
public final class ResponseCache: Sendable {
    struct Entry {
        let body: ByteBuffer
        let contentType: String
        let storedAt: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lifetime: TimeInterval
    private let maximumEntries = 4_096

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    func lookup(_ key: String, now: Date) -> Entry? {
        guard lifetime > 0 else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard now.timeIntervalSince(entry.storedAt) < lifetime else {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }

    func store(_ key: String, body: ByteBuffer, contentType: String, now: Date) {
        guard lifetime > 0 else { return }
        entries.withLock { entries in
            if entries.count >= maximumEntries { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(body: body, contentType: contentType, storedAt: now)
        }
    }

    public func invalidateAll() {
        entries.withLock { $0.removeAll(keepingCapacity: true) }
    }
}
