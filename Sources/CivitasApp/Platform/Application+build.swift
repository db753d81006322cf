import FluentKit
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import SQLKit
import ServiceLifecycle

/// Platform, then the capabilities.
func allModules(services: AppServices) -> [any CivitasModule] {
    [PlatformModule(services: services)] + capabilityModules(services: services) + services.extraModules.map { $0(services) }
}

/// The installed modules, with what they contribute to others' pages and their change
/// subscribers registered with the services.
func installModules(services: AppServices) -> [any CivitasModule] {
    let modules = allModules(services: services)
    services.site.install(modules)
    for module in modules {
        for subscriber in module.changeSubscribers { services.changes.subscribe(subscriber) }
    }
    return modules
}

/// Builds the whole application, as the server runs it and as tests drive it.
public func buildApplication(services: AppServices) async throws -> some ApplicationProtocol {
    _ = PrometheusBootstrap.registry
    let modules = installModules(services: services)
    let loadedDemoParts = try await prepareDatabase(services: services, modules: modules)

    // Every GET route answers HEAD with the same status and headers and no body, as caches,
    // crawlers and monitors expect.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware(secureCookies: services.configuration.secureCookies))
    router.add(middleware: HTTPCachingMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorMiddleware(services: services))
    router.add(middleware: InputSanityMiddleware())
    if services.configuration.trustProxy { router.add(middleware: ClientAddressMiddleware()) }
    // The session comes first: the CSRF check of a signed-in person's form uses it.
    if let identity = services.site.identity { router.add(middleware: identity.sessionMiddleware) }
    router.add(middleware: CSRFMiddleware(secureCookies: services.configuration.secureCookies, secrets: services.secrets))
    registerRoutes(of: modules, on: router, services: services)

    let configuration = services.configuration
    var app = Application(
        router: router,
        server: .loopBoundHTTP1(),
        configuration: .init(address: .hostname(configuration.hostname, port: configuration.port), serverName: "Civitas"),
        onServerRunning: { _ in
            // What a newcomer needs first: where the data is, whether the demo was loaded, where to look.
            services.logger.notice("\(StartupMessage.text(configuration: configuration, loadedDemoParts: loadedDemoParts))")
        },
        logger: services.logger
    )
    // Services stop in the reverse order of this list: background work (the outbox sending,
    // the change feed) stops before the database closes.
    app.addServices(DatabaseService(database: services.database))
    for module in modules { app.addServices(module.backgroundServices) }
    return app
}

/// Opens the database, runs the migrations and, when asked, adds the demo network parts
/// not yet loaded. Each part is recorded in `demo_loads`, so a restart adds nothing twice
/// and a part removed by staff is not brought back.
/// Returns the names of the demo parts loaded by this call (none when all were loaded before).
@discardableResult
public func prepareDatabase(services: AppServices) async throws -> [String] {
    try await prepareDatabase(services: services, modules: installModules(services: services))
}

@discardableResult
func prepareDatabase(services: AppServices, modules: [any CivitasModule]) async throws -> [String] {
    do {
        return try await migrateAndLoadDemo(services: services, modules: modules)
    } catch {
        // Connection pools must be closed before they are released, even when starting failed.
        await services.database.shutdown()
        throw error
    }
}

private func migrateAndLoadDemo(services: AppServices, modules: [any CivitasModule]) async throws -> [String] {
    let database = services.database
    do {
        try await database.ping(quietly: true)
    } catch {
        throw DatabaseUnavailable(location: database.location, underlying: error)
    }
    try await database.tune()
    try await database.migrate(modules.flatMap(\.migrations))
    guard services.configuration.loadDemo else { return [] }
    var loadedParts: [String] = []
    for module in modules {
        let loadedNow = try await database.transaction { tx -> Bool in
            let sql = tx as! any SQLDatabase
            // Claiming the part first makes a second process starting at the same time fail
            // on the primary key instead of loading the demo twice.
            let loaded = try await sql.select().column("part").from("demo_loads").where("part", .equal, module.name).first()
            guard loaded == nil else { return false }
            try await sql.insert(into: "demo_loads").columns("part", "loaded_at").values(SQLBind(module.name), SQLBind(services.now())).run()
            try await module.loadDemo(on: tx, services: services)
            return true
        }
        if loadedNow { loadedParts.append(module.name) }
    }
    return loadedParts
}

/// Registers every module's routes in their access groups, and the OpenAPI document built
/// from their declarations. Returns every route registered, with its access rule.
@discardableResult
func registerRoutes(of modules: [any CivitasModule], on router: Router<AppRequestContext>, services: AppServices) -> [RegisteredRoute] {
    let routes = SiteRoutes(router: router, tokens: modules.lazy.compactMap(\.identity).first?.tokens)
    for module in modules {
        routes.module = module.name
        module.registerRoutes(on: routes)
    }
    routes.module = "platform"
    OpenAPIDocument.register(on: routes)
    // Last: it reads every route registered before it.
    RobotsTxt.register(on: routes, site: services.site, publicURL: services.configuration.publicURL)
    return routes.registered
}

/// Every route the application serves, with its access rule: what the route-walking test checks.
func routeTable(services: AppServices) -> [RegisteredRoute] {
    registerRoutes(of: allModules(services: services), on: Router(context: AppRequestContext.self), services: services)
}

/// Closes the database connections after the HTTP server has drained.
struct DatabaseService: Service {
    let database: AppDatabase

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
