import Synchronization
import Testing
@testable import CivitasApp

/// The queue a rush of registrations (and, later, signatures) waits in: what arrives while a
/// batch is decided is decided next, in batches no larger than the limit, each item once, and
/// each caller gets its own item's outcome.
@Suite("Counted writes wait their turn")
struct CountedWriteQueueTests {
    @Test("A backlog that builds up while a batch is decided goes in batches of the limit, each item once, each outcome to its caller")
    func backlogInBatches() async throws {
        let queue = CountedWriteQueue<Int, String>(batchLimit: 3)
        let batches = Mutex<[[Int]]>([])
        let backlog = 10
        let decide: CountedWriteQueue<Int, String>.Decide = { items in
            let isFirst = batches.withLock { batches in
                batches.append(items)
                return batches.count == 1
            }
            // The first batch is decided only once everyone else waits behind it.
            if isFirst {
                while queue.waitingCount(for: "event") < backlog { try await Task.sleep(for: .milliseconds(5)) }
            }
            return items.map { "outcome \($0)" }
        }

        let outcomes = try await within(seconds: 60) {
            try await withThrowingTaskGroup(of: (Int, String).self) { group in
                group.addTask { (0, try await queue.submit(0, key: "event", decide: decide)) }
                while batches.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(5)) }
                for item in 1...backlog {
                    group.addTask { (item, try await queue.submit(item, key: "event", decide: decide)) }
                }
                var outcomes: [Int: String] = [:]
                for try await (item, outcome) in group { outcomes[item] = outcome }
                return outcomes
            }
        }

        for item in 0...backlog { #expect(outcomes[item] == "outcome \(item)") }
        let decided = batches.withLock { $0 }
        #expect(decided.first == [0])
        #expect(decided.dropFirst().map(\.count) == [3, 3, 3, 1])
        #expect(decided.flatMap { $0 }.sorted() == Array(0...backlog))
        #expect(queue.waitingCount(for: "event") == 0)
    }

    @Test("Keys wait apart: a batch for one key never holds another's items")
    func keysApart() async throws {
        let queue = CountedWriteQueue<String, String>(batchLimit: 50)
        let batches = Mutex<[[String]]>([])
        let decide: CountedWriteQueue<String, String>.Decide = { items in
            batches.withLock { $0.append(items) }
            return items
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<40 {
                let key = number.isMultiple(of: 2) ? "a" : "b"
                group.addTask {
                    let outcome = try await queue.submit("\(key)\(number)", key: key, decide: decide)
                    #expect(outcome == "\(key)\(number)")
                }
            }
            try await group.waitForAll()
        }
        for batch in batches.withLock({ $0 }) {
            #expect(Set(batch.map(\.first)).count == 1, "\(batch)")
        }
        #expect(batches.withLock { $0.flatMap { $0 } }.count == 40)
    }
}
