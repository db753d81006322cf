import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// bcrypt on the server's own hashing threads (`AppServices.passwordHasher`), never on the
/// pool the database driver uses.
enum Passwords {
    static let minimumLength = 10

    static func hash(_ password: String, services: AppServices) async throws -> String {
        let cost = services.passwordCost
        return try await services.passwordHasher.run { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String, services: AppServices) async throws -> Bool {
        try await services.passwordHasher.run { Bcrypt.verify(password, hash: hash) }
    }

    /// Verifying against a fixed hash of the same cost when the account does not exist keeps
    /// the answer time the same, so timing does not reveal which e-mails have accounts.
    static func dummyHash(cost: UInt8) -> String {
        dummyHashes.withLock { hashes in
            if let hash = hashes[cost] { return hash }
            let hash = Bcrypt.hash("no account has this password", cost: cost)
            hashes[cost] = hash
            return hash
        }
    }

    private static let dummyHashes = Mutex<[UInt8: String]>([:])
}

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

    /// Runs `work` on this pool, or throws `Busy` when `maximumQueued` are already running or waiting.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let waiting = queued.wrappingAdd(1, ordering: .relaxed).newValue
        defer { queued.wrappingSubtract(1, ordering: .relaxed) }
        guard waiting <= maximumQueued else { throw Busy() }
        return try await pool.runIfActive(work)
    }
}
