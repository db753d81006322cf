import CivitasCore
import Foundation
import SQLKit

/// `civitas demo --scale N`: adds a deterministic, realistic network of N searchable records
/// to the database (each capability writes its share, see `ScaleDemoGenerator`); the command
/// then rebuilds the search index. Used to measure the site and its search at sizes a real
/// network reaches.
public enum ScaleDemo {
    public struct Report: Sendable {
        public let records: Int
        public let byGenerator: [(label: String, count: Int)]
        public let writeSeconds: Double
    }

    public struct AlreadyLoaded: Error, CustomStringConvertible {
        public let description: String
    }

    /// The largest network `--scale` builds.
    public static let maximumRecords = 5_000_000

    /// Splits `records` between the generators by weight; the last takes what rounding leaves.
    static func shares(of records: Int, weights: [Int]) -> [Int] {
        let total = max(weights.reduce(0, +), 1)
        var counts = weights.map { records * $0 / total }
        if !counts.isEmpty { counts[counts.count - 1] += records - counts.reduce(0, +) }
        return counts
    }

    /// Writes the network; `progress(done, total)` is called as records are written. Refuses a
    /// database that already holds one.
    public static func load(records: Int, services: AppServices, seed: UInt64 = 2026,
                            progress: @escaping @Sendable (Int, Int) -> Void) async throws -> Report {
        let sql = services.database.sql
        let part = "scale"
        if try await sql.select().column("part").from("demo_loads").where("part", .equal, part).first() != nil {
            throw AlreadyLoaded(description: "This database already holds a scaled demo network; start from an empty database to build another.")
        }
        let generators = services.site.scaleDemoGenerators
        let counts = shares(of: records, weights: generators.map(\.weight))
        let started = Date()
        let written = Counter()
        var shared: [String: [String]] = [:]
        var random = SeededRandom(seed: seed)
        for (generator, count) in zip(generators, counts) where count > 0 {
            // One transaction per generator, with room to keep the tables' pages in memory:
            // inserting into large indexes through a small cache rewrote the same pages over and over.
            let (sharedSoFar, randomSoFar) = (shared, random)
            (shared, random) = try await services.database.transaction { db in
                let sql = db as! any SQLDatabase
                try await services.database.keepManyPages(on: sql)
                let context = ScaleDemoContext(sql: sql, now: services.now(), random: randomSoFar, shared: sharedSoFar) {
                    progress(written.increment(), records)
                }
                try await generator.generate(count: count, context: context)
                try await context.flushAll()
                return (context.sharedIDs, context.random)
            }
        }
        try await sql.insert(into: "demo_loads").columns("part", "loaded_at").values(SQLBind(part), SQLBind(services.now())).run()
        return Report(records: written.value, byGenerator: zip(generators.map(\.label), counts).map { ($0, $1) },
                      writeSeconds: Date().timeIntervalSince(started))
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() -> Int { lock.withLock { count += 1; return count } }
    }
}
