import SQLKit

/// A read not run yet: its SQL (one statement or several), and how their rows become the
/// answer. Reads declared this way can be sent together (`SQLDatabase.together`), so a page
/// that needs several independent reads, some of them other capabilities', pays one round trip
/// for all of them on PostgreSQL.
struct PendingRead<Answer>: Sendable {
    let queries: [ReadSQL]
    /// Given each query's rows, in order.
    let answer: @Sendable ([[any SQLRow]]) throws -> Answer

    init(queries: [ReadSQL], answer: @escaping @Sendable ([[any SQLRow]]) throws -> Answer) {
        self.queries = queries
        self.answer = answer
    }

    /// One query, and how its rows become the answer.
    init(_ query: ReadSQL, answer: @escaping @Sendable ([any SQLRow]) throws -> Answer) {
        self.init(queries: [query]) { rows in try answer(rows[0]) }
    }

    /// One query built with SQLKit (serialized by SQLKit when it runs).
    @_disfavoredOverload
    init(_ query: SQLQueryString, answer: @escaping @Sendable ([any SQLRow]) throws -> Answer) {
        self.init(ReadSQL(query), answer: answer)
    }

    /// An answer known without reading.
    static func known(_ value: Answer) -> PendingRead where Answer: Sendable { PendingRead(queries: []) { _ in value } }

    func map<Other>(_ transform: @escaping @Sendable (Answer) throws -> Other) -> PendingRead<Other> {
        PendingRead<Other>(queries: queries) { rows in try transform(try answer(rows)) }
    }

    /// Two reads as one, answering both answers.
    static func zip<First, Second>(_ first: PendingRead<First>, _ second: PendingRead<Second>) -> PendingRead<(First, Second)>
    where Answer == (First, Second) {
        PendingRead(queries: first.queries + second.queries) { rows in
            let split = first.queries.count
            return (try first.answer(Array(rows[..<split])), try second.answer(Array(rows[split...])))
        }
    }

    /// Several reads of one kind as one, answering each one's answer in order.
    static func all<Each>(_ reads: [PendingRead<Each>]) -> PendingRead<[Each]> where Answer == [Each] {
        PendingRead(queries: reads.flatMap(\.queries)) { rows in
            var next = 0
            return try reads.map { read in
                defer { next += read.queries.count }
                return try read.answer(Array(rows[next..<(next + read.queries.count)]))
            }
        }
    }
}

extension SQLDatabase {
    /// Runs a pending read (its statements together, see `allTogether`).
    func run<Answer>(_ read: PendingRead<Answer>) async throws -> Answer {
        try read.answer(try await allTogether(read.queries))
    }

    /// Runs independent reads together (see `allTogether`) and answers each one's answer.
    func together<each Answer>(_ reads: repeat PendingRead<each Answer>) async throws -> (repeat each Answer) {
        var queries: [ReadSQL] = []
        for read in repeat each reads { queries += read.queries }
        let rows = try await allTogether(queries)
        var next = 0
        func answer<A>(_ read: PendingRead<A>) throws -> A {
            defer { next += read.queries.count }
            return try read.answer(Array(rows[next..<(next + read.queries.count)]))
        }
        return (repeat try answer(each reads))
    }
}
