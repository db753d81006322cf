import Synchronization

/// Fails the test instead of waiting for ever when `body` does not finish in time (a task
/// group would wait for its hung child before throwing).
func within<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let waiting = Waiting<T>()
    return try await withCheckedThrowingContinuation { continuation in
        waiting.continuation.withLock { $0 = continuation }
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
            waiting.continuation.withLock { $0.take() }?.resume(with: outcome)
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            waiting.continuation.withLock { $0.take() }?.resume(throwing: TimedOut(seconds: seconds))
        }
    }
}

/// Whoever finishes first, the work or the timer, answers the waiting test.
private final class Waiting<T: Sendable>: Sendable {
    let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)
}

private struct TimedOut: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "no answer within \(seconds) s" }
}
