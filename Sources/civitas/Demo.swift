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
            let services = try await database.preparedServices()
            do {
                let writing = ProgressBar(label: "Writing")
                let report = try await ScaleDemo.load(records: scale, services: services, seed: seed) { done, total in writing.show(done, of: total) }
                writing.finish()
                let indexing = ProgressBar(label: "Indexing")
                let started = Date()
                let indexed = try await SearchMaintenance.reindex(services: services) { done, total in indexing.show(done, of: total) }
                indexing.finish()
                await services.database.shutdown()
                for (label, count) in report.byGenerator { print("  \(count) \(label)") }
                print(String(format: "Wrote %d records in %.1f s and indexed %d in %.1f s, into %@.", report.records, report.writeSeconds,
                             indexed, Date().timeIntervalSince(started), services.configuration.database.redactedDescription))
            } catch {
                await services.database.shutdown()
                throw error
            }
        }
    }
}
