import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Starting the server")
struct StartupTests {
    @Test("A second start keeps the data as it was: no duplicates, no reset", arguments: TestDatabase.all)
    func secondStartKeepsData(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let before = try await count("people", services)
            #expect(before > 20)
            // Staff change a demo record; the next start must neither duplicate nor restore it.
            try await services.database.sql.update("people").set("summary", to: "Changed by staff")
                .where("slug", .equal, "eric-garcetti").run()
            #expect(try await prepareDatabase(services: services).isEmpty, "no demo part is loaded twice")
            #expect(try await count("people", services) == before)
            let summary = try await services.database.sql.select().column("summary").from("people")
                .where("slug", .equal, "eric-garcetti").first()?.decode(column: "summary", as: String.self)
            #expect(summary == "Changed by staff")
        }
    }

    @Test("The first start says the address to open, where the data is and that the demo was loaded")
    func startupMessage() async throws {
        let configuration = AppConfiguration(database: .sqlite(path: "./data/civitas.sqlite"), loadDemo: true)
        let first = StartupMessage.text(configuration: configuration, loadedDemoParts: ["directory", "convenings"])
        #expect(first.contains("open http://127.0.0.1:8080/"))
        #expect(first.contains("./data/civitas.sqlite"))
        #expect(first.contains("the demo network was loaded (directory, convenings)"))
        #expect(StartupMessage.text(configuration: configuration, loadedDemoParts: []).contains("loaded on an earlier start"))
        var off = configuration
        off.loadDemo = false
        #expect(StartupMessage.text(configuration: off, loadedDemoParts: []).contains("CIVITAS_DEMO=false"))
        let postgres = AppConfiguration(database: try DatabaseLocation(url: "postgres://civitas:secret@db:5432/civitas"))
        #expect(!StartupMessage.text(configuration: postgres, loadedDemoParts: []).contains("secret"), "the password is never shown")
    }

    @Test("Health, readiness and metrics answer", arguments: TestDatabase.all)
    func operationsEndpoints(database: TestDatabase) async throws {
        try await withApp(database) { client, _ in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect(try ready.json()["status"] == "ready")
            _ = try await client.execute(uri: "/people", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("hb_requests"))
        }
    }

    @Test("An unreachable database stops the start with one clear line")
    func unreachableDatabase() async throws {
        let location = DatabaseLocation.postgres(url: "postgres://civitas:secret@127.0.0.1:1/civitas")
        let services = AppServices(database: try AppDatabase(location: location, logger: .init(label: "test")),
                                   configuration: AppConfiguration(database: location), logger: .init(label: "test"))
        let error = await #expect(throws: DatabaseUnavailable.self) { try await prepareDatabase(services: services) }
        #expect(error?.description.hasPrefix("Cannot reach the PostgreSQL database at postgres://civitas:***@127.0.0.1:1/civitas") == true)
        #expect(error?.description.contains("secret") == false)
        #expect(error?.description.contains("\n") == false)
    }

}

import CivitasCore
