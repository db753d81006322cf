import NIOPosix
import Synchronization

/// A small pool of threads for password hashing, with a bounded queue: a burst of sign-ins
/// waits its turn or is turned away at once (`Busy`, answered 429), and never takes the
/// threads or connections that database reads need.
public final class PasswordHasher: Sendable {
    struct Busy: AppErrorConvertible {
        var appError: AppError {
            AppError(.tooManyRequests, "Many people are signing in at this moment. Wait a few seconds and send the form again.")
        }
    }

    private let pool: NIOThreadPool
    private let maximumQueued: Int
    private let queued = Atomic<Int>(0)

    public init(threads: Int = 2, maximumQueued: Int = 64) {
        self.pool = NIOThreadPool(numberOfThreads: threads)
        self.maximumQueued = maximumQueued
        pool.start()
    }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    /// Hashes running or waiting now.
    var waiting: Int { queued.load(ordering: .relaxed) }

    /// Runs `work` on this pool, or throws `Busy` when `maximumQueued` are already running or waiting.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let waiting = queued.wrappingAdd(1, ordering: .relaxed).newValue
        defer { queued.wrappingSubtract(1, ordering: .relaxed) }
        guard waiting <= maximumQueued else { throw Busy() }
        return try await pool.runIfActive(work)
    }
}
