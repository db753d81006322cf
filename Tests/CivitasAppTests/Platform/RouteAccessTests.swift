import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import CivitasApp

/// Walks every route the application registers (the route table, not a hand-kept list) and
/// checks a visitor and each role against the route's declared access rule.
@Suite("Every route refuses whoever its rule leaves out")
struct RouteAccessTests {
    /// The answers the access layer gives, told apart from a handler's own 403 or 404.
    static let refusals = ["Only network staff", "Only administrators", "Sign in to continue", "Sign in with a staff account",
                           "Send an API token", "lacks the"]

    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: #"\{[a-z]+\}"#, with: "x", options: .regularExpression)
    }

    private func request(_ route: RegisteredRoute, as browser: Browser, token: String? = nil,
                         client: any TestClientProtocol) async throws -> TestResponse {
        let path = Self.concrete(route.path)
        if path.hasPrefix("/api/") {
            var headers = browser.headers
            headers[.contentType] = "application/json"
            if let token { headers[.authorization] = "Bearer \(token)" }
            return try await client.execute(uri: path, method: route.method, headers: headers,
                                            body: route.method == .get ? nil : ByteBuffer(string: "{}"))
        }
        return route.method == .get ? try await browser.get(client, path) : try await browser.post(client, path, [])
    }

    private func refusedByAccessLayer(_ response: TestResponse) -> Bool {
        [.forbidden, .unauthorized].contains(response.status) && Self.refusals.contains { response.text.contains($0) }
    }

    @Test("Visitors and every role are let in or refused as each route's rule says", arguments: TestDatabase.all)
    func everyRouteAgainstItsRule(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let routes = routeTable(services: services)
            #expect(routes.count > 100, "the table holds every route of every module")
            var browsers: [(String, Role?, Browser)] = [("visitor", nil, Browser())]
            for role in Role.allCases {
                browsers.append((role.rawValue, role, try await Accounts.signedIn(role, client: client, services: services)))
            }
            for route in routes {
                switch route.rule {
                case .everyone:
                    // Not even a visitor is turned away by the access layer. (Signed-in browsers
                    // are not sent here: one of these routes signs out.)
                    let response = try await request(route, as: Browser(), client: client)
                    #expect(!refusedByAccessLayer(response), "a visitor was refused \(route)")
                case .signedIn, .roles:
                    for (who, role, browser) in browsers {
                        let response = try await request(route, as: browser, client: client)
                        let user = role.map { SignedInUser(id: "", email: "", name: "", role: $0) }
                        if route.rule.allows(user) {
                            #expect(!refusedByAccessLayer(response), "\(who) was refused \(route)")
                        } else {
                            #expect(response.status == .forbidden && refusedByAccessLayer(response), "\(who) got \(response.status) from \(route)")
                        }
                    }
                case .apiScope(let scope):
                    // A session, even an admin's, is no API token; nor is a token for another scope.
                    let admin = browsers.last!.2
                    #expect(try await request(route, as: admin, client: client).status == .unauthorized, "a session used \(route)")
                    let others = services.site.apiScopes.filter { $0 != scope }.map(\.rawValue)
                    let otherToken = try await apiToken(others, name: "other scopes", services: services)
                    let wrong = try await request(route, as: Browser(), token: otherToken, client: client)
                    #expect(wrong.status == .forbidden && refusedByAccessLayer(wrong), "a token without \(scope.rawValue) used \(route)")
                    let rightToken = try await apiToken([scope.rawValue], name: "right scope", services: services)
                    let right = try await request(route, as: Browser(), token: rightToken, client: client)
                    #expect(!refusedByAccessLayer(right), "a token with \(scope.rawValue) was refused \(route)")
                }
            }
        }
    }

    @Test("Every staff page and action of events is in a staff group, session edits and quote removal included")
    func staffRoutesOfEvents() async throws {
        try await withApp(.sqlite) { _, services in
            let staffRoutes = routeTable(services: services).filter { $0.path.hasPrefix("/staff") }
            #expect(!staffRoutes.isEmpty)
            for route in staffRoutes {
                guard case .roles(let roles) = route.rule else {
                    Issue.record("\(route) is not limited to roles")
                    continue
                }
                #expect(!roles.contains(.member), "\(route) lets members in")
            }
            let paths = Set(staffRoutes.map { "\($0.method) \($0.path)" })
            #expect(paths.contains("GET /staff/events/{id}/sessions/{session}/edit"))
            #expect(paths.contains("POST /staff/events/{id}/quotes/{quote}/delete"))
        }
    }
}
