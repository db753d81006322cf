import Synchronization

/// One `AsyncLock` per key (a table's name, say), made when a key is first used. Meant for a
/// small, fixed set of keys: locks are kept for the life of the process.
final class KeyedAsyncLocks: Sendable {
    private let locks = Mutex<[String: AsyncLock]>([:])

    func run<T: Sendable>(key: String, _ body: @Sendable () async throws -> T) async throws -> T {
        let lock = locks.withLock { locks in
            if let lock = locks[key] { return lock }
            let lock = AsyncLock()
            locks[key] = lock
            return lock
        }
        return try await lock.run(body)
    }
}
