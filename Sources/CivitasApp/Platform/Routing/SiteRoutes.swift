import HTTPTypes
import Hummingbird

/// A route as registered: its method, its pattern and who may use it. The route-walking
/// test reads these; nothing else keeps a list of routes.
struct RegisteredRoute: Sendable, CustomStringConvertible {
    let method: HTTPRequest.Method
    let path: String
    let rule: AccessRule
    let module: String
    /// What the OpenAPI document says of an API route.
    let operation: APIOperation?

    var description: String { "\(method) \(path) (\(rule))" }
}

/// The router as capabilities see it. Routes are added only in groups, each with its access
/// rule, so no route can be registered without one; `AccessMiddleware` enforces the rule.
final class SiteRoutes {
    private let router: Router<AppRequestContext>
    private let tokens: (any APITokenVerifier)?
    private(set) var registered: [RegisteredRoute] = []
    /// The module whose routes are being registered.
    var module = ""

    init(router: Router<AppRequestContext>, tokens: (any APITokenVerifier)?) {
        self.router = router
        self.tokens = tokens
    }

    /// Registers the routes `body` adds, all under `rule`.
    func group(_ rule: AccessRule, _ body: (RouteGroup) -> Void) {
        let group = router.group().add(middleware: AccessMiddleware(rule: rule, tokens: tokens))
        body(RouteGroup(group: group, rule: rule, routes: self))
    }

    fileprivate func record(_ method: HTTPRequest.Method, _ path: String, rule: AccessRule, operation: APIOperation?) {
        registered.append(RegisteredRoute(method: method, path: path, rule: rule, module: module, operation: operation))
    }
}

/// Routes that share an access rule.
struct RouteGroup {
    fileprivate let group: RouterGroup<AppRequestContext>
    let rule: AccessRule
    fileprivate let routes: SiteRoutes

    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response

    func get(_ path: some SitePath, use handler: @escaping Handler) { on(.get, path, nil, handler) }
    func post(_ path: some SitePath, use handler: @escaping Handler) { on(.post, path, nil, handler) }
    func patch(_ path: some SitePath, use handler: @escaping Handler) { on(.patch, path, nil, handler) }
    func delete(_ path: some SitePath, use handler: @escaping Handler) { on(.delete, path, nil, handler) }

    /// API routes: registered with what the OpenAPI document says of them.
    func get(_ path: some SitePath, documented operation: APIOperation, use handler: @escaping Handler) { on(.get, path, operation, handler) }
    func post(_ path: some SitePath, documented operation: APIOperation, use handler: @escaping Handler) { on(.post, path, operation, handler) }
    func patch(_ path: some SitePath, documented operation: APIOperation, use handler: @escaping Handler) { on(.patch, path, operation, handler) }

    /// Records the route with this group's rule, then registers it behind the group's middleware.
    private func on(_ method: HTTPRequest.Method, _ path: some SitePath, _ operation: APIOperation?, _ handler: @escaping Handler) {
        routes.record(method, path.path, rule: rule, operation: operation)
        group.on(path.route, method: method, use: handler)
    }
}
