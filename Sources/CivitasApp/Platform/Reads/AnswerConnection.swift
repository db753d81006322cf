import Synchronization

/// The connection one answer (a page, an API answer) reads through, held for the whole answer
/// by a reader (`SQLiteReader.withSnapshot`, `PostgresReader.withOneConnection`) and found by
/// its statements through a task local.
final class AnswerConnection<Connection: Sendable>: Sendable {
    /// Which reader lent it: a statement through another reader does not use it.
    let reader: ObjectIdentifier
    let connection: Connection
    private let inUse = Atomic<Bool>(false)

    init(reader: ObjectIdentifier, connection: Connection) {
        self.reader = reader
        self.connection = connection
    }

    /// A connection serves one statement at a time: work the answer runs concurrently (an
    /// `async let`) reads through the reader's pool instead, where that cannot wait on other
    /// answers (`SQLDatabase.readsBesideEachOther`).
    func claim(by reader: ObjectIdentifier) -> Bool {
        self.reader == reader && inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    func release() { inUse.store(false, ordering: .releasing) }
}
