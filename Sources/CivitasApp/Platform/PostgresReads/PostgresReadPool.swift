import NIOCore
import NIOPosix
import Synchronization

/// The reader's connections: kept ones are lent again, at most `limit` are open at once, and
/// readers past the limit wait in arrival order for one to come back, each for at most
/// `waitLimit`: past it the read fails as `PostgresReadError.busy`, which the site answers 503
/// with `Retry-After` (`DatabaseBusy`), as it does when the pool that writes stays taken. Without
/// a limit, a page under more load than the connections can read for waited until one was
/// free or its client gave up, and the client saw nothing but a hung request.
final class PostgresReadPool: Sendable {
    enum Lent {
        case kept(PostgresReadConnection)
        /// No connection is free and the limit allows another: the caller opens it.
        case open
    }

    private struct State: ~Copyable {
        var idle: [PostgresReadConnection] = []
        var open = 0
        var waiting: [Waiter] = []
        var isClosed = false
        var lastID = 0
        var lastWaiterID = 0
    }

    /// A reader waiting for a connection, and when it stops waiting.
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Lent, any Error>
        let expiry: Scheduled<Void>

        /// Hands the waiter its connection (or place), and cancels its expiry.
        func resume(with lent: Result<Lent, any Error>) {
            expiry.cancel()
            continuation.resume(with: lent)
        }
    }

    private let limit: Int
    private let waitLimit: TimeAmount
    private let state = Mutex(State())

    init(limit: Int, waitLimit: TimeAmount) {
        self.limit = limit
        self.waitLimit = waitLimit
    }

    /// `near`: the event loop the reader runs on; a kept connection of that loop is lent first,
    /// so the page's statements are sent and answered without waking another thread.
    func take(near loop: (any EventLoop)? = nil) async throws -> Lent {
        try await withCheckedThrowingContinuation { continuation in
            let answer: Result<Lent, any Error>? = state.withLock { state in
                if state.isClosed { return .failure(PostgresReadError.closed) }
                if let lent = Self.lendNow(&state, limit: limit, preferring: { loop == nil || $0.underlying.eventLoop === loop }) {
                    return .success(lent)
                }
                state.lastWaiterID += 1
                let id = state.lastWaiterID
                // Scheduled under the lock: `expire` takes it too, so it finds the waiter listed.
                let expiry = (loop ?? MultiThreadedEventLoopGroup.singleton.any()).scheduleTask(in: waitLimit) { self.expire(id) }
                state.waiting.append(Waiter(id: id, continuation: continuation, expiry: expiry))
                return nil
            }
            if let answer { continuation.resume(with: answer) }
        }
    }

    /// A connection (or a place to open one) only if one is free now: nil rather than a wait.
    /// For reads an answer sends beside the ones on its own connection: an answer that waited
    /// for a second connection while holding its first could wait on answers doing the same
    /// (`SQLDatabase.readsBesideEachOther`); one that never waits cannot.
    /// `awayFrom`: the loop the answer's own connection runs on; a kept connection of another
    /// loop is lent first, so the two connections' answers are read on two threads at once.
    func takeIfFree(awayFrom loop: (any EventLoop)? = nil) -> Lent? {
        state.withLock { state in
            guard !state.isClosed, state.waiting.isEmpty else { return nil }
            return Self.lendNow(&state, limit: limit, preferring: { loop == nil || $0.underlying.eventLoop !== loop })
        }
    }

    /// What can be lent without a wait: a kept connection (one `preferring` takes first), else a
    /// place to open one under the limit; nil when neither is free.
    private static func lendNow(_ state: inout State, limit: Int, preferring: (PostgresReadConnection) -> Bool) -> Lent? {
        if let index = state.idle.lastIndex(where: preferring) { return .kept(state.idle.remove(at: index)) }
        if let kept = state.idle.popLast() { return .kept(kept) }
        guard state.open < limit else { return nil }
        state.open += 1
        return .open
    }

    /// The waiter `id` waited its whole limit: it fails as busy, unless it was served meanwhile.
    private func expire(_ id: Int) {
        let waiter: Waiter? = state.withLock { state in
            guard let index = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiting.remove(at: index)
        }
        waiter?.continuation.resume(throwing: PostgresReadError.busy)
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
        let (waiter, kept): (Waiter?, Bool) = state.withLock { state in
            if state.isClosed {
                state.open -= 1
                return (nil, false)
            }
            if !state.waiting.isEmpty { return (state.waiting.removeFirst(), true) }
            state.idle.append(connection)
            return (nil, true)
        }
        waiter?.resume(with: .success(.kept(connection)))
        return kept
    }

    /// A connection broke or could not be opened: its place goes to the first waiting reader.
    func lost() {
        let waiter: Waiter? = state.withLock { state in
            if !state.isClosed, !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.open -= 1
            return nil
        }
        waiter?.resume(with: .success(.open))
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
        for waiter in waiting { waiter.resume(with: .failure(PostgresReadError.closed)) }
        return idle
    }
}

enum PostgresReadError: Error, CustomStringConvertible {
    case closed
    case connectionLost
    /// Every connection stayed in use for the pool's whole wait limit.
    case busy

    var description: String {
        switch self {
        case .closed: return "PostgreSQL read failed: the database is closed"
        case .connectionLost: return "PostgreSQL read failed: the connection to the server was lost"
        case .busy: return "PostgreSQL read failed: no connection of the reader came free in time"
        }
    }
}
