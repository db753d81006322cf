@testable import CivitasApp

/// How many tests of one database kind hold a database at once; the others wait their turn.
///
/// The suite starts every test at once. On two cores that put about 130 PostgreSQL apps on one
/// server together, each with up to 21 connections (its pool, its read path, its listener):
/// 386 connections of the server's 400 were seen, some tests were refused with "too many
/// clients already", and others waited out a 120 s pool timeout behind the load. A test takes
/// a slot when its database is made and gives it back when the database is removed.
enum TestSlots {
    static let postgres = AsyncLock(holders: 12)
    static let sqlite = AsyncLock(holders: 16)
}
