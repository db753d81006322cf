import ArgumentParser
import CivitasApp
import Hummingbird

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server (creates and migrates the database, and loads the demo network on first start).")

    @Option(help: "The address to listen on (default 127.0.0.1, or HTTP_HOSTNAME).") var hostname: String?
    @Option(help: "The port to listen on (default 8080, or HTTP_PORT).") var port: Int?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        MemoryAllocator.keepFreedMemory()
        try await runReportingErrors {
            var overrides = database.overrides
            if let hostname { overrides["http.hostname"] = hostname }
            if let port { overrides["http.port"] = String(port) }
            let configuration = try await AppConfiguration.load(overrides: overrides)
            let services = try AppServices.live(configuration)
            let app = try await buildApplication(services: services)
            try await app.runService()
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database tables (and load the demo network unless CIVITAS_DEMO=false).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await runReportingErrors {
            let services = try await database.preparedServices()
            await services.database.shutdown()
            print("The database at \(services.configuration.database.redactedDescription) is up to date.")
        }
    }
}
