import FluentKit
import Hummingbird

/// What a capability contributes, declared in one place (as Decidim's component manifest):
/// its migrations, its routes, its part of the demo network and of the OpenAPI document.
protocol CivitasModule: Sendable {
    var name: String { get }
    var migrations: [any Migration] { get }
    func registerRoutes(on router: Router<AppRequestContext>)
    /// Adds this capability's records to the demo network, inside the given transaction.
    func loadDemo(on db: any Database, services: AppServices) async throws
    /// OpenAPI path items, keyed by path.
    var openAPIPaths: [String: JSONValue] { get }
}

extension CivitasModule {
    func loadDemo(on db: any Database, services: AppServices) async throws {}
    var openAPIPaths: [String: JSONValue] { [:] }
}
