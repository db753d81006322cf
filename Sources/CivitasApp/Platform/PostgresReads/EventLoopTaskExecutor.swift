import NIOCore

/// Runs a task's work on one event loop's thread: the loop that owns a read connection.
///
/// A page reading through `PostgresReader` otherwise hops twice per statement: from the task's
/// thread to the connection's loop to send it, and back when the rows arrive, each hop a wake-up
/// of another thread. With the page's task preferring the connection's loop, the statement is
/// written and its answer resumed on the same thread.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }
}
