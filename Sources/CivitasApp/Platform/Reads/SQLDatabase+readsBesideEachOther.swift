import SQLKit

extension SQLDatabase {
    /// Whether an answer may send reads beside each other (`async let`, a task group) without
    /// them waiting on connections held by answers that wait likewise. On SQLite a reader opens
    /// another connection rather than wait for one. On PostgreSQL an answer holds one of the
    /// reader's few connections for its whole time (`PostgresReader.withOneConnection`), and a
    /// read sent beside it waits for another: under load every connection is held by an answer
    /// whose own reads wait, and none moves until the pool's wait limit fails them. There,
    /// reads follow one another on the answer's connection.
    var readsBesideEachOther: Bool { dialect.name != "postgresql" }
}
