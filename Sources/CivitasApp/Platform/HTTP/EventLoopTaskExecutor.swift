import NIOCore
import Synchronization

/// Runs a task's work on one event loop's thread.
///
/// A connection's requests otherwise run on Swift's shared threads while its bytes are read and
/// written on its event loop, so every request wakes two threads (one to run it, one to send
/// its answer); a page reading through `PostgresReader` also hops to the database connection's
/// loop and back for every statement. With the task preferring the loop, the work happens
/// where its bytes come and go (see `LoopBoundHTTP1Channel`, `PostgresReader.withOneConnection`).
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    private init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }

    /// One executor per loop, made when first asked for and kept: the loops live as long as the process.
    static func of(_ eventLoop: any EventLoop) -> EventLoopTaskExecutor {
        let key = ObjectIdentifier(eventLoop)
        return made.withLock { made in
            if let executor = made[key] { return executor }
            let executor = EventLoopTaskExecutor(eventLoop)
            made[key] = executor
            return executor
        }
    }

    private static let made = Mutex<[ObjectIdentifier: EventLoopTaskExecutor]>([:])
}
