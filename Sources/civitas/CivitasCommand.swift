import ArgumentParser
import CivitasApp
import Foundation

/// `civitas`: serve the site and administer it from the command line.
@main
struct CivitasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civitas",
        abstract: "The platform a network of cities runs on.",
        subcommands: [Serve.self, Migrate.self, Users.self, Tokens.self, Search.self, Demo.self],
        defaultSubcommand: Serve.self
    )
}

/// Options every command shares: where the data lives.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Database URL (sqlite:///path/file.sqlite or postgres://user:password@host:5432/db); overrides DATABASE_URL.")
    var databaseURL: String?

    var overrides: [String: String] {
        var overrides: [String: String] = [:]
        if let databaseURL { overrides["database.url"] = databaseURL }
        return overrides
    }

    /// The services over the configured database, migrated (and the demo loaded unless turned off):
    /// what every command but `serve` starts from.
    func preparedServices() async throws -> AppServices {
        let services = try AppServices.live(try await AppConfiguration.load(overrides: overrides))
        try await prepareDatabase(services: services)
        return services
    }
}

/// A command that could not do what was asked, for a reason the person can fix.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command body, turning configuration and database problems into one clear line.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as any CustomStringConvertible where error is AppConfiguration.Invalid || error is DatabaseUnavailable || error is CommandFailure {
        FileHandle.standardError.write(Data("civitas: \(error.description)\n".utf8))
        throw ExitCode.failure
    } catch let error as ValidationError {
        throw error
    } catch let error as ExitCode {
        throw error
    } catch {
        // Driver errors hide their details from `description`; an operator needs them.
        FileHandle.standardError.write(Data("civitas: \(String(reflecting: error))\n".utf8))
        throw ExitCode.failure
    }
}
