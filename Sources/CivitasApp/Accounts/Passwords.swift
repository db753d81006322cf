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
    /// the answer time the same, so timing does not reveal which e-mails have accounts. Made
    /// once per cost, on the hashing threads like every other bcrypt.
    static func dummyHash(services: AppServices) async throws -> String {
        let cost = services.passwordCost
        if let hash = dummyHashes.withLock({ $0[cost] }) { return hash }
        let hash = try await services.passwordHasher.run { Bcrypt.hash("no account has this password", cost: cost) }
        return dummyHashes.withLock { hashes in
            if let existing = hashes[cost] { return existing }
            hashes[cost] = hash
            return hash
        }
    }

    private static let dummyHashes = Mutex<[UInt8: String]>([:])
}
