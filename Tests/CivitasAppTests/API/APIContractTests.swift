import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import OpenAPIKit
import Testing
@testable import CivitasApp

/// The API answers what its OpenAPI document says: every API route is documented, and real
/// answers (reads of every record of the demo network, writes, registrations and errors) are
/// checked against the document the server serves.
@Suite("The API keeps to its OpenAPI document")
struct APIContractTests {
    @Test("The document is valid OpenAPI 3.1 and lists exactly the API routes", arguments: TestDatabase.all)
    func documentMatchesRoutes(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let document = try await servedDocument(client)
            try document.validate()
            let documented = Set(document.paths.flatMap { path, item in
                (item.b?.endpoints ?? []).map { "\($0.method.rawValue.uppercased()) \(path.rawValue)" }
            })
            let routes = Set(routeTable(services: services).filter { $0.path.hasPrefix("/api/") }.map { "\($0.method) \($0.path)" })
            #expect(documented == routes, "documented but not served: \(documented.subtracting(routes).sorted()); served but not documented: \(routes.subtracting(documented).sorted())")
            let undocumented = routeTable(services: services).filter { $0.path.hasPrefix("/api/") && $0.operation == nil }
            #expect(undocumented.isEmpty, "API routes registered without an operation: \(undocumented)")
        }
    }

    @Test("Every text a parameter takes is documented without the control characters the server refuses in an address")
    func parametersRefuseControlCharacters() async throws {
        try await withApp(.sqlite) { client, _ in
            let document = try await servedDocument(client)
            /// The patterns of every free text the schema takes (nil: a string with neither fixed values nor a pattern).
            func texts(_ schema: JSONSchema) -> [String?] {
                switch schema.value {
                case .string(let core, let text): core.allowedValues == nil ? [text.pattern] : []
                case .array(_, let list): list.items.map(texts) ?? []
                case .one(of: let schemas, core: _), .any(of: let schemas, core: _), .all(of: let schemas, core: _): schemas.flatMap(texts)
                default: []
                }
            }
            var checked = 0
            for (path, item) in document.paths {
                for endpoint in item.b?.endpoints ?? [] {
                    for parameter in endpoint.operation.parameters.compactMap(\.b) {
                        guard let schema = parameter.schemaOrContent.a?.schema.b else { continue }
                        for pattern in texts(schema) {
                            let name = "\(endpoint.method.rawValue) \(path.rawValue) \(parameter.name)"
                            let regex = try #require(try pattern.map { try NSRegularExpression(pattern: $0) }, "\(name) takes any text")
                            func allows(_ text: String) -> Bool { regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))?.range == NSRange(text.startIndex..., in: text) }
                            #expect(!allows("a\u{0}b") && !allows("a\u{1B}b") && !allows("a\u{7F}b"), "\(name) allows control characters")
                            checked += 1
                        }
                    }
                }
            }
            #expect(checked >= 40, "only \(checked) texts checked")
            // And the server refuses them, as documented.
            #expect(try await client.execute(uri: "/api/v1/people/a%1Bb", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/search?q=a%00b", method: .get).status == .badRequest)
        }
    }

    @Test("The text a record's write may hold is what the document says: one line where one line is asked, never blank where required, no control characters")
    func writtenTextAsDocumented() async throws {
        try await withApp(.sqlite) { client, services in
            let document = try await servedDocument(client)
            let token = try await apiToken(["directory:write", "library:write"], services: services)
            let probes = ["Tacoma", "   ", "two  words ", "a\tb", "a\nb", "a\r\nb", "a\u{1}b", "a\u{7F}b", "a\u{85}b", "a\u{2028}b", "\n"]
            let shapes: [any RecordShape] = RecordKind.allCases.map { $0 } + LibraryKind.allCases.map { $0 }
            var compared = 0
            for shape in shapes {
                let path = "/api/v1/\(shape.plural)"
                let item: OpenAPI.PathItem? = document.paths[OpenAPI.Path(rawValue: path)]?.b
                let content: OpenAPI.Content? = item?.post?.requestBody?.b?.content[.json]?.b
                let body = try #require(content?.schema, "\(path): no body documented")
                guard case .object(_, let object) = body.value else { throw TestFailure("\(path): the body is not an object") }
                for field in shape.fields {
                    switch field.kind { case .text, .longText: break; default: continue }
                    guard case .string(_, let text)? = object.properties[field.name]?.value, let pattern = text.pattern else {
                        Issue.record("\(path) \(field.name): no pattern documented")
                        continue
                    }
                    let regex = try NSRegularExpression(pattern: pattern)
                    for probe in probes {
                        // The whole text matched, as ECMA-262 reads `$` (ICU's also matches before a last line break).
                        let whole = NSRange(probe.startIndex..., in: probe)
                        let documented = regex.firstMatch(in: probe, range: whole)?.range == whole
                        let json = String(decoding: try JSONEncoder().encode([field.name: probe]), as: UTF8.self)
                        let answer = try await sendJSON(client, .post, path, token: token, json: json)
                        let errors = answer.status == .badRequest ? try answer.json()["error"]?["fields"] : nil
                        let refused = errors?[field.name] != nil
                        #expect(documented == !refused, "\(path) \(field.name) \(probe.debugDescription): documented \(documented ? "valid" : "invalid"), the server \(refused ? "refused" : "took") it")
                        compared += 1
                    }
                }
            }
            #expect(compared >= 300, "only \(compared) values compared")
        }
    }

    @Test("Every read of the demo network answers as documented", arguments: TestDatabase.all)
    func readsConform(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let checker = ContractChecker(document: try await servedDocument(client))
            /// A collection, every record in it (by slug, or id where records have none), and one that is not there.
            func everyRecord(of plural: String, listing query: String = "per=100") async throws {
                let list = try await checker.call(client, .get, "/api/v1/\(plural)", "/api/v1/\(plural)?\(query)")
                #expect(list.status == .ok)
                guard case .array(let items)? = try list.json()["items"], !items.isEmpty else { throw TestFailure("no demo \(plural)") }
                for item in items {
                    let key = item["slug"]?.stringValue ?? item["id"]?.stringValue ?? ""
                    #expect(try await checker.call(client, .get, "/api/v1/\(plural)/{key}", "/api/v1/\(plural)/\(key)").status == .ok)
                }
                #expect(try await checker.call(client, .get, "/api/v1/\(plural)/{key}", "/api/v1/\(plural)/no-such-record").status == .notFound)
            }
            for kind in RecordKind.allCases {
                try await everyRecord(of: kind.plural)
                #expect(try await checker.call(client, .get, "/api/v1/\(kind.plural)", "/api/v1/\(kind.plural)?per=1000").status == .badRequest)
            }
            #expect(try await checker.call(client, .get, "/api/v1/popolo.json", "/api/v1/popolo.json").status == .ok)
            try await everyRecord(of: "events", listing: "when=all&per=100")
            #expect(try await checker.call(client, .get, "/api/v1/events", "/api/v1/events?year=3000").status == .badRequest)
            #expect(try await checker.call(client, .get, "/api/v1/openapi.json", "/api/v1/openapi.json").status == .ok)
            for kind in LibraryKind.allCases { try await everyRecord(of: kind.plural) }

            // Searches that answer every kind the index holds, with and without words, each
            // result's fields whatever the record has (a city has no date, a person no year).
            // (The kind facet counts every kind whatever kind is chosen.)
            let people = try await checker.call(client, .get, "/api/v1/search", "/api/v1/search?kind=person&per=100")
            guard case .array(let kinds)? = try people.json()["facets"]?["kind"], kinds.count >= 7 else { throw TestFailure("no kinds in the search facets") }
            for kind in kinds.compactMap({ $0["value"]?.stringValue }) {
                #expect(try await checker.call(client, .get, "/api/v1/search", "/api/v1/search?kind=\(kind)&per=100").status == .ok)
            }
            for query in ["water", "licardo", "%22water%20affordability%22", "mayor%20-garcetti", "housing%20madison"] {
                #expect(try await checker.call(client, .get, "/api/v1/search", "/api/v1/search?q=\(query)").status == .ok)
            }
            #expect(try await checker.call(client, .get, "/api/v1/search", "/api/v1/search?kind=people").status == .badRequest)
            #expect(checker.problems.isEmpty, "\(checker.problems.joined(separator: "\n"))")
            #expect(checker.checked >= 250, "only \(checker.checked) answers were checked")
        }
    }

    @Test("Writes, registrations and their refusals answer as documented", arguments: TestDatabase.all)
    func writesConform(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let checker = ContractChecker(document: try await servedDocument(client))
            let token = try await apiToken(["directory:write", "events:write"], services: services)
            func write(_ method: HTTPRequest.Method, _ template: String, _ path: String, _ json: String, token: String? = token) async throws -> JSONValue {
                let response = try await checker.call(client, method, template, path, json: json, token: token)
                return try response.json()
            }
            let area = try await write(.post, "/api/v1/areas", "/api/v1/areas", #"{"name": "Tacoma", "classification": "city", "population": 219346}"#)
            let network = try await write(.post, "/api/v1/organizations", "/api/v1/organizations",
                                          #"{"name": "Cities Network", "classification": "network", "area_id": "\#(area["id"]?.stringValue ?? "")"}"#)
            let city = try await write(.post, "/api/v1/organizations", "/api/v1/organizations", #"{"name": "City of Tacoma", "classification": "city_government"}"#)
            let person = try await write(.post, "/api/v1/people", "/api/v1/people", #"{"name": "Victoria Woodards", "other_name": "Vic"}"#)
            let post = try await write(.post, "/api/v1/posts", "/api/v1/posts",
                                       #"{"label": "Mayor of Tacoma", "organization_id": "\#(city["id"]?.stringValue ?? "")"}"#)
            _ = try await write(.post, "/api/v1/memberships", "/api/v1/memberships",
                                #"{"person_id": "\#(person["id"]?.stringValue ?? "")", "organization_id": "\#(city["id"]?.stringValue ?? "")", "post_id": "\#(post["id"]?.stringValue ?? "")", "start_date": "2018"}"#)
            _ = try await write(.post, "/api/v1/memberships", "/api/v1/memberships",
                                #"{"member_organization_id": "\#(city["id"]?.stringValue ?? "")", "organization_id": "\#(network["id"]?.stringValue ?? "")"}"#)
            _ = try await write(.post, "/api/v1/topics", "/api/v1/topics", #"{"name": "Housing"}"#)
            _ = try await write(.post, "/api/v1/sources", "/api/v1/sources", #"{"title": "City charter", "url": "https://example.org/charter"}"#)
            _ = try await write(.patch, "/api/v1/people/{key}", "/api/v1/people/victoria-woodards", #"{"summary": "Mayor since 2018"}"#)
            _ = try await checker.call(client, .get, "/api/v1/people/{key}", "/api/v1/people/victoria-woodards")
            _ = try await write(.post, "/api/v1/areas", "/api/v1/areas", #"{"name": "Nowhere", "classification": "planet"}"#)
            _ = try await write(.post, "/api/v1/areas", "/api/v1/areas", #"{"name": "Nowhere", "colour": "blue"}"#)
            _ = try await write(.post, "/api/v1/areas", "/api/v1/areas", #"{"name": "Nowhere"}"#, token: nil)
            _ = try await write(.patch, "/api/v1/areas/{key}", "/api/v1/areas/nowhere", #"{"name": "Still nowhere"}"#)

            let rush = #"{"title": "Registration rush", "kind": "webinar", "starts_at": "2030-03-02T10:00", "ends_at": "2030-03-02T11:30", "time_zone": "Europe/Berlin", "attendance_mode": "online", "online_url": "https://meet.example.org/rush", "registration_mode": "open", "capacity": 1}"#
            let event = try await write(.post, "/api/v1/events", "/api/v1/events", rush)
            let slug = event["slug"]?.stringValue ?? ""
            _ = try await write(.patch, "/api/v1/events/{key}", "/api/v1/events/\(slug)", #"{"summary": "One place only"}"#)
            _ = try await write(.patch, "/api/v1/events/{key}", "/api/v1/events/\(slug)", #"{"capacity": "many"}"#)
            let register = "/api/v1/events/{key}/registrations"
            let registrations = "/api/v1/events/\(slug)/registrations"
            _ = try await write(.post, register, registrations, #"{"name": "Ana Ruiz", "email": "ana@example.org"}"#, token: nil)
            _ = try await write(.post, register, registrations, #"{"name": "Ben Ode", "email": "ben@example.org", "listed": false}"#)
            _ = try await write(.post, register, registrations, #"{"name": "Cy Moss", "email": "cy@example.org", "role": "press"}"#)
            _ = try await write(.post, register, registrations, #"{"name": "Ben Ode", "email": "ben@example.org"}"#)
            _ = try await write(.post, register, registrations, #"{"name": "Ben Ode", "email": "not an address"}"#, token: nil)
            _ = try await write(.post, register, registrations, #"{"name": 7, "email": "ben@example.org"}"#, token: nil)
            _ = try await write(.post, register, "/api/v1/events/no-such-event/registrations", #"{"name": "Ana", "email": "ana@example.org"}"#, token: nil)
            _ = try await checker.call(client, .get, "/api/v1/events/{key}", "/api/v1/events/\(slug)")

            #expect(checker.problems.isEmpty, "\(checker.problems.joined(separator: "\n"))")
            let statuses = Set(checker.seen.map(\.status))
            #expect(statuses.isSuperset(of: [200, 201, 202, 400, 401, 404, 409]), "statuses seen: \(statuses.sorted())")
            let undocumentedStatus = checker.seen.filter { !$0.documented }
            #expect(undocumentedStatus.isEmpty, "answers with a status the document does not give: \(undocumentedStatus)")
            _ = services
        }
    }

    @Test("The record a write makes or changes is reached through the links of its answer", arguments: TestDatabase.all)
    func linksLeadToTheRecord(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let document = try await servedDocument(client)
            let checker = ContractChecker(document: document)
            let token = try await apiToken(["directory:write", "events:write", "library:write"], services: services)
            // Every collection that creates records whose record path reads them links the two.
            for (path, item) in document.paths {
                guard let create = item.b?.post, create.responses[.status(code: 201)] != nil,
                      let record = document.paths[OpenAPI.Path(rawValue: path.rawValue + "/{key}")]?.b, record.get != nil else { continue }
                let links = document.components[create.responses[.status(code: 201)]!]?.links ?? [:]
                #expect(links["read"]?.b?.operation.b == record.get?.operationId, "POST \(path.rawValue) does not link to reading what it made")
                #expect(links["update"]?.b?.operation.b == record.patch?.operationId, "POST \(path.rawValue) does not link to changing what it made")
            }
            /// Follows a link of an answer: the linked operation's path, its parameters taken from the body.
            func follow(_ name: String, from template: String, _ method: HTTPRequest.Method, status: Int, body: JSONValue,
                        json: String? = nil) async throws -> JSONValue {
                let operation = document.paths[OpenAPI.Path(rawValue: template)]?.b?.endpoints.first { $0.method.rawValue.uppercased() == method.rawValue }?.operation
                let link = try #require(operation.flatMap { document.components[$0.responses[.status(code: status)]!]?.links[name]?.b },
                                        "\(method) \(template) has no link \"\(name)\"")
                let linked = document.paths.compactMap { path, item in
                    item.b?.endpoints.first { $0.operation.operationId == link.operation.b }.map { (path.rawValue, $0) }
                }.first
                let (targetPath, target) = try #require(linked, "no operation \(link.operation)")
                var uri = targetPath
                for (parameter, value) in link.parameters {
                    #expect(value.a?.rawValue == "$response.body#/id")
                    uri = uri.replacingOccurrences(of: "{\(parameter)}", with: try #require(body["id"]?.stringValue))
                }
                let targetMethod = HTTPRequest.Method(target.method.rawValue.uppercased())!
                let response = try await checker.call(client, targetMethod, targetPath, uri, json: json, token: token)
                #expect(response.status == .ok, "\(targetMethod) \(uri) answered \(response.status)")
                let answer = try response.json()
                #expect(answer["id"] == body["id"], "\(targetMethod) \(uri) answered another record")
                return answer
            }
            let creations = [
                ("/api/v1/areas", #"{"name": "Tacoma", "classification": "city"}"#, #"{"population": 219346}"#),
                ("/api/v1/people", #"{"name": "Victoria Woodards"}"#, #"{"name": "Victoria R. Woodards"}"#),
                ("/api/v1/practices", #"{"title": "Linked lanterns", "status": "pilot"}"#, #"{"title": "Linked lanterns, renamed"}"#),
                ("/api/v1/news", #"{"title": "Linked news", "kind": "announcement", "published_on": "2026-01-05"}"#, #"{"subtitle": "Changed"}"#),
                ("/api/v1/events", #"{"title": "Linked webinar", "kind": "webinar", "starts_at": "2030-03-02T10:00", "ends_at": "2030-03-02T11:00", "time_zone": "Europe/Berlin", "attendance_mode": "online", "online_url": "https://meet.example.org/linked"}"#,
                 #"{"summary": "Changed"}"#),
            ]
            for (collection, create, change) in creations {
                let created = try await checker.call(client, .post, collection, collection, json: create, token: token)
                #expect(created.status == .created, "POST \(collection): \(created.text)")
                let body = try created.json()
                _ = try await follow("read", from: collection, .post, status: 201, body: body)
                let changed = try await follow("update", from: collection, .post, status: 201, body: body, json: change)
                _ = try await follow("read", from: collection + "/{key}", .patch, status: 200, body: changed)
            }
            #expect(checker.problems.isEmpty, "\(checker.problems.joined(separator: "\n"))")
        }
    }

    private func servedDocument(_ client: any TestClientProtocol) async throws -> OpenAPI.Document {
        let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
        #expect(response.status == .ok)
        return try JSONDecoder().decode(OpenAPI.Document.self, from: Data(buffer: response.body))
    }
}

/// Sends requests and checks each answer against the operation the document gives for it.
final class ContractChecker: @unchecked Sendable {
    struct Seen: CustomStringConvertible {
        let operation: String
        let status: Int
        let documented: Bool
        var description: String { "\(operation) \(status)" }
    }

    let document: OpenAPI.Document
    private(set) var problems: [String] = []
    private(set) var seen: [Seen] = []
    var checked: Int { seen.count }

    init(document: OpenAPI.Document) { self.document = document }

    func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ template: String, _ uri: String,
              json: String? = nil, token: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        check(response, method: method, template: template, uri: uri)
        return response
    }

    private func check(_ response: TestResponse, method: HTTPRequest.Method, template: String, uri: String) {
        let name = "\(method) \(uri)"
        guard let item = document.paths[OpenAPI.Path(rawValue: template)]?.b,
              let operation = item.endpoints.first(where: { $0.method.rawValue.uppercased() == method.rawValue })?.operation else {
            problems.append("\(name): the document has no \(method) \(template)")
            return
        }
        let status = Int(response.status.code)
        let documented = operation.responses[.status(code: status)]
        seen.append(Seen(operation: "\(method) \(template)", status: status, documented: documented != nil))
        guard let documented else { return }
        guard let answer = document.components[documented], let content = answer.content[.json]?.b, let schema = content.schema else {
            problems.append("\(name): no JSON schema documented for \(status)")
            return
        }
        guard response.headers[.contentType]?.hasPrefix("application/json") == true else {
            problems.append("\(name): answered \(response.headers[.contentType] ?? "no content type"), not JSON")
            return
        }
        guard let body = try? response.json() else {
            problems.append("\(name): the body is not JSON")
            return
        }
        problems += SchemaConformance(components: document.components).problems(body, against: schema).map { "\(name) \(status): \($0)" }
    }
}
