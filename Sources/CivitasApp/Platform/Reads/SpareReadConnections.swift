/// A reader that can lend an answer a second connection for reads sent beside those on its own,
/// when one is free at that moment (PostgreSQL: `PostgresReader.withSpareConnection`).
///
/// Where an answer holds one connection for all its reads, reads sent beside each other would
/// wait for another, and under load every answer could hold one while waiting for a second
/// (`SQLDatabase.readsBesideEachOther`). A spare is only ever taken when free, never waited
/// for: when none is, the caller reads on its own connection, after the rest.
protocol SpareReadConnections: Sendable {
    /// Runs `body` with its reads on a connection of their own and answers its answer; nil,
    /// without running it, when no connection is free now.
    func withSpareConnection<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T?
}
