import Foundation
import HTTPTypes
import Hummingbird
import Logging
import HummingbirdTesting
import NIOCore
import Testing
@testable import CivitasApp
#if canImport(Glibc)
import Glibc
#endif

@Suite("Oversized and truncated bodies are client errors")
struct RequestBodyTests {
    @Test("A body over 1 MiB answers 413 on the API, sign-in, registration and cancellation", arguments: TestDatabase.all)
    func oversizedBodies(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let token = try await apiToken(["directory:write", "events:write"], services: services)
            let big = String(repeating: "a", count: 1_100_000)
            let json = #"{"name": ""# + big + #"", "classification": "city"}"#
            let api = try await sendJSON(client, .post, "/api/v1/areas", token: token, json: json)
            #expect(api.status == .contentTooLarge)
            #expect(try api.json()["error"]?["message"]?.stringValue?.contains("1 MiB") == true)
            let registration = try await sendJSON(client, .post, "/api/v1/events/2018-winter-meeting/registrations", token: nil, json: json)
            #expect(registration.status == .contentTooLarge)
            let browser = Browser()
            for path in [AccountsURL.signIn.path, "/events/2018-winter-meeting/register", "/registrations/abc/cancel"] {
                let response = try await browser.post(client, path, [("email", "a@example.org"), ("password", big)])
                #expect(response.status == .contentTooLarge, "\(path)")
            }
            #expect(try await count("areas", services) > 0)
        }
    }

    @Test("A body shorter than its Content-Length answers 400", arguments: TestDatabase.all)
    func truncatedBody(database: TestDatabase) async throws {
        try await withApp(database, live: true) { client, _ in
            let port = try #require(client.port)
            let head = "POST /sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Cookie: civitas_csrf=t\r\nContent-Length: 5000\r\n\r\nemail=a%40example.org&csrf_token=t"
            let answer = try RawHTTP.send(head, port: port, closeWriting: true)
            // The server may see the connection close before it can answer; it never answers 5xx.
            #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
        }
    }

    @Test("A body stream that ends early is a 400 with a message; one over the limit a 413")
    func bodyReadingDecides() async throws {
        struct ConnectionLost: Error {}
        func request(_ chunks: [ByteBuffer], failing: Bool, declaredLength: Int? = nil) -> Request {
            var head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/v1/areas")
            if let declaredLength { head.headerFields[.contentLength] = String(declaredLength) }
            let stream = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
                for chunk in chunks { continuation.yield(chunk) }
                continuation.finish(throwing: failing ? ConnectionLost() : nil)
            }
            return Request(head: head, body: .init(asyncSequence: stream))
        }
        let logger = Logger(label: "test")
        var truncated = request([ByteBuffer(string: "{\"name\": ")], failing: true, declaredLength: 500)
        let ended = await #expect(throws: AppError.self) { try await BodyReader.collect(&truncated, limit: 1_024, logger: logger) }
        #expect(ended?.status == .badRequest)
        #expect(ended?.message.contains("Content-Length") == true)
        var large = request([ByteBuffer(repeating: 0x61, count: 2_000)], failing: false)
        let tooLarge = await #expect(throws: AppError.self) { try await BodyReader.collect(&large, limit: 1_024, logger: logger) }
        #expect(tooLarge?.status == .contentTooLarge)
        var declared = request([], failing: false, declaredLength: 5_000)
        await #expect(throws: AppError.self) { try await BodyReader.collect(&declared, limit: 1_024, logger: logger) }
        var fine = request([ByteBuffer(string: "{}")], failing: false)
        #expect(try await BodyReader.collect(&fine, limit: 1_024, logger: logger).readableBytes == 2)
    }
}

/// One request over a plain socket, for what an HTTP client library would not send.
enum RawHTTP {
    static func send(_ text: String, port: Int, closeWriting: Bool) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestFailure("could not connect to port \(port)") }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        if closeWriting { shutdown(fd, Int32(SHUT_WR)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
