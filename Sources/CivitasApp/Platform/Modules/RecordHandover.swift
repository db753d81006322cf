import SQLKit

/// Records one capability kept of a kind that another capability keeps now: an event's list
/// of "Title | address" links, kept by the convenings before the library kept resources. The
/// capability that keeps the kind now adopts them in one of its migrations (so an existing
/// database loses nothing) and then asks the old keeper to release them, in the same
/// transaction. Declared in the old keeper's manifest (`handovers`); neither side names the
/// other's tables or types.
protocol RecordHandover: Sendable {
    /// The kind handed over, in the words of the capability that keeps it now ("resource").
    var kind: String { get }
    /// Every record still to hand over, read through the migration's connection.
    func pending(on sql: any SQLDatabase) async throws -> [HandedOverRecord]
    /// Forgets the records handed over, once the new keeper has saved them.
    func release(_ records: [HandedOverRecord], on sql: any SQLDatabase) async throws
}

/// One record handed over: what it says, and the record of the old keeper it was part of.
struct HandedOverRecord: Sendable, Equatable {
    let id: String
    let title: String
    let url: String
    /// The record it belonged to (kind "event" and the event's id).
    let partOf: RecordKey
    /// Its place in that record's list.
    let position: Int
    /// Whether the record it belonged to is public, so the new record is public too.
    let published: Bool
}
