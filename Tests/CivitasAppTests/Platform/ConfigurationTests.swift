import CivitasCore
import Configuration
import Testing
@testable import CivitasApp

@Suite("Configuration")
struct ConfigurationTests {
    private func load(_ environment: [String: String]) throws -> AppConfiguration {
        try AppConfiguration(reader: ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: environment)))
    }

    @Test("With nothing set, Civitas runs on SQLite under ./data on 127.0.0.1:8080 with the demo")
    func defaults() throws {
        let configuration = try load([:])
        #expect(configuration.database == .sqlite(path: "./data/civitas.sqlite"))
        #expect(configuration.hostname == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.loadDemo)
    }

    @Test("DATABASE_URL picks PostgreSQL or another SQLite file")
    func databaseURL() throws {
        #expect(try load(["DATABASE_URL": "postgres://u:p@db:5432/civitas"]).database == .postgres(url: "postgres://u:p@db:5432/civitas"))
        #expect(try load(["DATABASE_URL": "sqlite:///var/lib/civitas.sqlite"]).database == .sqlite(path: "/var/lib/civitas.sqlite"))
    }

    @Test("Malformed settings are refused with a message naming them")
    func malformed() {
        #expect(throws: AppConfiguration.Invalid.self) { try load(["DATABASE_URL": "mysql://x/y"]) }
        #expect(throws: AppConfiguration.Invalid.self) { try load(["HTTP_PORT": "eighty"]) }
        #expect(throws: AppConfiguration.Invalid.self) { try load(["CIVITAS_DEMO": "maybe"]) }
    }
}
