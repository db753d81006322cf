import ArgumentParser
import CivitasApp
import Foundation

/// `civitas demo --scale N`: a network of N searchable records, to measure the site at size.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a deterministic, realistic network of N searchable records (places, organizations, people, events, practices, resources, news) and index it."
    )

    @Option(help: "How many searchable records to add (1 to \(ScaleDemo.maximumRecords)).") var scale: Int
    @Option(help: "Another seed makes another network of the same size.") var seed: UInt64 = 2026
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...ScaleDemo.maximumRecords).contains(scale) else {
            throw ValidationError("--scale must be between 1 and \(ScaleDemo.maximumRecords), not \(scale).")
        }
    }

    func run() async throws {
        MemoryAllocator.keepFreedMemory()
        try await runReportingErrors {
            let services = try AppServices.live(try await AppConfiguration.load(overrides: database.overrides))
            try await prepareDatabase(services: services)
            let bars = ProgressBars()
            let report: ScaleDemo.Report
            do {
                report = try await ScaleDemo.load(records: scale, services: services, seed: seed) { stage, done, total in
                    bars.show(stage, done, of: total)
                }
            } catch {
                bars.finish()
                await services.database.shutdown()
                throw error
            }
            bars.finish()
            await services.database.shutdown()
            for (label, count) in report.byGenerator { print("  \(count) \(label)") }
            print(String(format: "Wrote %d records in %.1f s and indexed %d in %.1f s, into %@.", report.records, report.writeSeconds,
                         report.indexed, report.indexSeconds, services.configuration.database.redactedDescription))
        }
    }
}

/// One progress bar per stage, each finished when the next begins.
private final class ProgressBars: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (stage: String, bar: ProgressBar)?

    func show(_ stage: String, _ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        if current?.stage != stage {
            current?.bar.finish()
            current = (stage, ProgressBar(label: stage))
        }
        current?.bar.show(done, of: total)
    }

    func finish() { lock.withLock { current?.bar.finish(); current = nil } }
}
