import Synchronization

/// A lock for async code: callers wait (suspended, not blocking a thread) in arrival order.
/// With `holders` above one it lets that many in at once (a counting semaphore).
final class AsyncLock: Sendable {
    private struct State {
        var free: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(holders: Int = 1) {
        precondition(holders > 0)
        state = Mutex(State(free: holders))
    }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    /// Waits for a place; every `acquire` must be matched by one `release` (prefer `run`).
    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state in
                if state.free == 0 {
                    state.waiters.append(continuation)
                    return false
                }
                state.free -= 1
                return true
            }
            if acquired { continuation.resume() }
        }
    }

    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.free += 1
                return nil
            }
            // The place passes straight to the next waiter.
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
