import Foundation

/// How many tests of one database kind hold a database at once; the others wait their turn.
///
/// The suite starts every test at once. On two cores that put about 130 PostgreSQL apps on one
/// server together, each with up to 21 connections (its pool, its read path, its listener):
/// 386 connections of the server's 400 were seen, some tests were refused with "too many
/// clients already", and others waited out a 120 s pool timeout behind the load. A test takes
/// a slot when its database is made and gives it back when the database is removed.
actor TestSlots {
    static let postgres = TestSlots(count: 12)
    static let sqlite = TestSlots(count: 16)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func take() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot straight to the longest waiter, if any.
    func giveBack() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
