import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import CivitasApp

/// A fresh API token with these scopes, as an admin would create it.
func apiToken(_ scopes: [String], name: String = "test", services: AppServices) async throws -> String {
    guard case .created(_, let token) = try await CreateAPIToken(name: name, scopes: scopes, createdBy: nil).run(services: services) else {
        throw TestFailure("no token")
    }
    return token
}

/// Sends a JSON body, with the token as a bearer when given.
func sendJSON(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String?, json: String) async throws -> TestResponse {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let token { headers[.authorization] = "Bearer \(token)" }
    return try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: json))
}
