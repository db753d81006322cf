import ArgumentParser
import CivitasApp
import Foundation

/// `civitas search reindex` and `civitas search check`.
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep the search index: rebuild it, or report records missing from it.",
        subcommands: [Reindex.self, Check.self]
    )

    struct Reindex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rebuild the search index from every public record (safe while the server runs).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                let services = try await database.preparedServices()
                let bar = ProgressBar(label: "Indexing")
                let total = try await SearchMaintenance.reindex(services: services) { done, total in bar.show(done, of: total) }
                bar.finish()
                await services.database.shutdown()
                print("The search index holds \(total) records.")
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report public records missing from the search index, and entries of records no longer public.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                let services = try await database.preparedServices()
                let report = try await SearchMaintenance.check(services: services)
                await services.database.shutdown()
                print("\(report.expected) public records, \(report.indexed) in the index.")
                for key in report.missing.prefix(50) { print("missing: \(key)") }
                for key in report.extra.prefix(50) { print("no longer public: \(key)") }
                if !report.isComplete {
                    print("\(report.missing.count) missing, \(report.extra.count) to remove: run `civitas search reindex`.")
                    throw ExitCode.failure
                }
                print("The index is complete.")
            }
        }
    }
}

/// A one-line progress bar on standard error: done, total, percent and time left.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private let lock = NSLock()
    private var lastShown = Date.distantPast

    init(label: String) { self.label = label }

    func show(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 0.2 || done == total else { return }
        lastShown = now
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(started)
        let left = fraction > 0 ? elapsed / fraction - elapsed : 0
        let line = "\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] "
            + "\(Int(fraction * 100))% \(done) of \(total), about \(Int(left.rounded())) s left "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}
