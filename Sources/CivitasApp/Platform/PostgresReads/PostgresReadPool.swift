import NIOCore
import Synchronization

/// The reader's connections: kept ones are lent again, at most `limit` are open at once, and
/// readers past the limit wait in arrival order for one to come back.
final class PostgresReadPool: Sendable {
    enum Lent {
        case kept(PostgresReadConnection)
        /// No connection is free and the limit allows another: the caller opens it.
        case open
    }

    private struct State: ~Copyable {
        var idle: [PostgresReadConnection] = []
        var open = 0
        var waiting: [CheckedContinuation<Lent, any Error>] = []
        var isClosed = false
        var lastID = 0
    }

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) { self.limit = limit }

    /// `near`: the event loop the reader runs on; a kept connection of that loop is lent first,
    /// so the page's statements are sent and answered without waking another thread.
    func take(near loop: (any EventLoop)? = nil) async throws -> Lent {
        try await withCheckedThrowingContinuation { continuation in
            let answer: Result<Lent, any Error>? = state.withLock { state in
                if state.isClosed { return .failure(PostgresReadError.closed) }
                if let loop, let index = state.idle.lastIndex(where: { $0.underlying.eventLoop === loop }) {
                    return .success(.kept(state.idle.remove(at: index)))
                }
                if let kept = state.idle.popLast() { return .success(.kept(kept)) }
                if state.open < limit {
                    state.open += 1
                    return .success(.open)
                }
                state.waiting.append(continuation)
                return nil
            }
            if let answer { continuation.resume(with: answer) }
        }
    }

    /// A place for a connection opened anew, for a read whose connection broke under it: a free
    /// place, else the place of a kept connection, handed back to be closed (when the server
    /// restarted or ended the sessions, the kept ones are broken too, though the driver may not
    /// have marked them closed yet), else the next connection given back, as `take`.
    func takeToOpen() async throws -> (lent: Lent, evicted: PostgresReadConnection?) {
        let immediate: Result<(lent: Lent, evicted: PostgresReadConnection?), any Error>? = state.withLock { state in
            if state.isClosed { return .failure(PostgresReadError.closed) }
            if state.open < limit {
                state.open += 1
                return .success((.open, nil))
            }
            if let kept = state.idle.popLast() { return .success((.open, kept)) }
            return nil
        }
        if let immediate { return try immediate.get() }
        return (try await take(), nil)
    }

    /// Hands the connection to the first waiting reader, or keeps it; false when the pool is closed.
    func giveBack(_ connection: PostgresReadConnection) -> Bool {
        let (waiter, kept): (CheckedContinuation<Lent, any Error>?, Bool) = state.withLock { state in
            if state.isClosed {
                state.open -= 1
                return (nil, false)
            }
            if !state.waiting.isEmpty { return (state.waiting.removeFirst(), true) }
            state.idle.append(connection)
            return (nil, true)
        }
        waiter?.resume(returning: .kept(connection))
        return kept
    }

    /// A connection broke or could not be opened: its place goes to the first waiting reader.
    func lost() {
        let waiter: CheckedContinuation<Lent, any Error>? = state.withLock { state in
            if !state.isClosed, !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.open -= 1
            return nil
        }
        waiter?.resume(returning: .open)
    }

    func nextID() -> Int {
        state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
    }

    /// Closes the pool: waiting readers fail, and the kept connections are handed back to close.
    func close() -> [PostgresReadConnection] {
        let (idle, waiting) = state.withLock { state in
            state.isClosed = true
            defer {
                state.open -= state.idle.count
                state.idle.removeAll()
                state.waiting.removeAll()
            }
            return (state.idle, state.waiting)
        }
        for waiter in waiting { waiter.resume(throwing: PostgresReadError.closed) }
        return idle
    }
}

enum PostgresReadError: Error, CustomStringConvertible {
    case closed
    case connectionLost

    var description: String {
        switch self {
        case .closed: return "PostgreSQL read failed: the database is closed"
        case .connectionLost: return "PostgreSQL read failed: the connection to the server was lost"
        }
    }
}
