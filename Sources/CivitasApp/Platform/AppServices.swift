import Foundation
import Logging

/// What handlers and commands need from the outside: the database, the configuration,
/// the public-answer cache, the publishing of changes, and the clock, secrets and secret
/// hashing behind protocols (tests give fixed time and predictable secrets).
public struct AppServices: Sendable {
    public let database: AppDatabase
    public let configuration: AppConfiguration
    public let cache: ResponseCache
    public let clock: any WallClock
    /// New random secrets (session cookies, tokens, personal links).
    let secrets: any SecretSource
    /// What is stored of a secret.
    let secretHasher: any SecretHasher
    public let logger: Logger
    /// bcrypt cost for new passwords; lowered in tests only.
    public let passwordCost: UInt8
    /// Threads for password hashing, apart from the database's.
    public let passwordHasher = PasswordHasher()
    /// Publishes what each committed write changed (to the cache, other processes, subscribers).
    let changes: ChangePublisher
    /// What the installed capabilities contribute to pages they do not own.
    let site = SiteExtensions()
    /// Modules installed after the capabilities of `Modules.swift`: a test's own capability,
    /// showing that one is added without editing Platform.
    let extraModules: [@Sendable (AppServices) -> any CivitasModule]

    init(database: AppDatabase, configuration: AppConfiguration, clock: any WallClock = SystemClock(),
         secrets: any SecretSource = SystemSecrets(), secretHasher: any SecretHasher = SHA256SecretHasher(),
         extraModules: [@Sendable (AppServices) -> any CivitasModule] = [], logger: Logger, passwordCost: UInt8 = 12) {
        self.extraModules = extraModules
        self.database = database
        self.configuration = configuration
        let cache = ResponseCache(lifetime: TimeInterval(configuration.publicCacheSeconds))
        self.cache = cache
        self.changes = ChangePublisher(cache: cache)
        self.clock = clock
        self.secrets = secrets
        self.secretHasher = secretHasher
        self.logger = logger
        self.passwordCost = passwordCost
    }
}

extension AppServices {
    /// The time now, from the clock.
    public func now() -> Date { clock.now() }

    /// The services of a running server: the configured database, the real clock.
    public static func live(_ configuration: AppConfiguration) throws -> AppServices {
        var logger = Logger(label: "civitas")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let database = try AppDatabase(location: configuration.database, logger: logger)
        return AppServices(database: database, configuration: configuration, logger: logger)
    }
}
