import SQLKit

/// A read not run yet: its SQL, and how its rows become the answer. Reads declared this way can
/// be sent together (`SQLDatabase.together`), so a page that needs several independent reads,
/// some of them other capabilities', pays one round trip for them on PostgreSQL.
struct PendingRead<Answer>: Sendable {
    /// Nil when nothing needs reading (the answer is made from no rows).
    let query: SQLQueryString?
    let answer: @Sendable ([any SQLRow]) throws -> Answer

    init(_ query: SQLQueryString?, answer: @escaping @Sendable ([any SQLRow]) throws -> Answer) {
        self.query = query
        self.answer = answer
    }

    /// An answer known without reading.
    static func known(_ value: Answer) -> PendingRead where Answer: Sendable { PendingRead(nil) { _ in value } }

    func map<Other>(_ transform: @escaping @Sendable (Answer) throws -> Other) -> PendingRead<Other> {
        PendingRead<Other>(query) { rows in try transform(try answer(rows)) }
    }
}

extension SQLDatabase {
    /// Runs one pending read.
    func run<Answer>(_ read: PendingRead<Answer>) async throws -> Answer {
        guard let query = read.query else { return try read.answer([]) }
        return try read.answer(try await raw(query).all())
    }

    /// Runs independent reads together (see `allTogether`) and answers each one's answer.
    func together<each Answer>(_ reads: repeat PendingRead<each Answer>) async throws -> (repeat each Answer) {
        var queries: [SQLQueryString] = []
        for read in repeat each reads {
            if let query = read.query { queries.append(query) }
        }
        let rows = try await allTogether(queries)
        var next = 0
        func answer<A>(_ read: PendingRead<A>) throws -> A {
            guard read.query != nil else { return try read.answer([]) }
            defer { next += 1 }
            return try read.answer(rows[next])
        }
        return (repeat try answer(each reads))
    }

    /// Runs independent reads of one kind together, in order.
    func together<Answer>(_ reads: [PendingRead<Answer>]) async throws -> [Answer] {
        let rows = try await allTogether(reads.compactMap(\.query))
        var next = 0
        return try reads.map { read in
            guard read.query != nil else { return try read.answer([]) }
            defer { next += 1 }
            return try read.answer(rows[next])
        }
    }
}
