import Synchronization

/// The statements read on behalf of one piece of work, when someone asks: tests hold each
/// public page and API list to a few queries, whatever the number of related rows, so a
/// query per row (N+1) fails a test instead of slowing a page. Costs one task-local lookup
/// per statement otherwise.
final class ReadCounter: Sendable {
    @TaskLocal static var current: ReadCounter?

    private let recorded = Mutex<[String]>([])

    /// The SQL of each statement read, in order.
    var statements: [String] { recorded.withLock { $0 } }

    static func record(_ sql: String) {
        current?.recorded.withLock { $0.append(sql) }
    }
}
