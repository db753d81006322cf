import NIOCore
import NIOPosix

/// Runs a task's work on threads kept for reads that may run long (searches over a large
/// index), away from the event loops: SQLite statements run on the thread that asks for them,
/// and one that ran long on a loop held every other connection of that loop for as long.
/// As many threads as cores, since such reads are work for the processor, not waits.
final class LongReadExecutor: TaskExecutor {
    static let shared = LongReadExecutor()

    private let threads: NIOThreadPool

    private init() {
        threads = NIOThreadPool(numberOfThreads: System.coreCount)
        threads.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        threads.submit { _ in job.runSynchronously(on: executor) }
    }

    /// Whether the calling thread is one of the event loops' (where a long read must not run).
    static var isOnAnEventLoop: Bool { MultiThreadedEventLoopGroup.currentEventLoop != nil }

    /// Runs `body` on these threads when called from an event loop (the caller then comes back
    /// to its loop), and where it is otherwise.
    static func offTheLoops<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard isOnAnEventLoop else { return try await body() }
        return try await withTaskExecutorPreference(shared, operation: body)
    }
}
