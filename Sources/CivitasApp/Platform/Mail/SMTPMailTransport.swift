import CivitasCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Delivers mail to an SMTP server (RFC 5321): EHLO, STARTTLS when offered (RFC 3207) or
/// TLS from the start (smtps), optional AUTH PLAIN, MAIL FROM, RCPT TO, DATA with
/// dot-stuffing, QUIT. A batch shares one connection: one mail transaction after another,
/// with RSET after a mail the server refused, so a busy outbox is not held back by a TLS
/// handshake per mail. Certificates are verified against the system's authorities, or the
/// one in `ca_file`.
struct SMTPMailTransport: MailTransport {
    let server: SMTPServer
    let heloName: String
    /// Made when a connection first needs TLS, then kept for every later one.
    private let tlsContext = KeptTLSContext()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ message: MailMessage) async throws {
        if let failure = await send(batch: [message])[message.id] { throw failure }
    }

    func send(batch messages: [MailMessage]) async -> [String: any Error] {
        guard !messages.isEmpty else { return [:] }
        var failures: [String: any Error] = [:]
        var remaining = messages[...]
        do {
            try await session { transaction in
                while let message = remaining.first {
                    do {
                        try await transaction(message)
                    } catch let refused as Refused {
                        failures[message.id] = refused.failure
                    }
                    remaining = remaining.dropFirst()
                }
            }
        } catch {
            // The connection failed: whatever was not sent waits for the next round.
            for message in remaining where failures[message.id] == nil { failures[message.id] = error }
        }
        return failures
    }

    /// A reply that refuses one mail (its recipient, say) but leaves the connection usable.
    private struct Refused: Error { let failure: Failure }

    /// Opens one connection, greets, secures and authenticates it, and hands `body` a function
    /// that sends one mail over it.
    private func session(_ body: (_ send: (MailMessage) async throws -> Void) async throws -> Void) async throws {
        let tls = tlsHandlerMaker()
        let implicitTLS = server.security == .implicitTLS
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: server.host, port: server.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS { try channel.pipeline.syncOperations.addHandler(try tls()) }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplies(inbound.makeAsyncIterator())
            try await replies.expect(220, after: "connecting")
            var extensions = try await command("EHLO \(heloName)", expect: 250, outbound, &replies)
            var encrypted = implicitTLS
            if !encrypted, extensions.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) {
                _ = try await command("STARTTLS", expect: 220, outbound, &replies)
                // TLS goes in front of everything: the handshake starts as it is added, and the
                // conversation continues inside it (RFC 3207: EHLO again).
                // Made and added on the channel's event loop: the handler is not Sendable.
                let pipeline = channel.channel.pipeline
                try await channel.channel.eventLoop.submit {
                    try pipeline.syncOperations.addHandler(try tls(), position: .first)
                }.get()
                encrypted = true
                extensions = try await command("EHLO \(heloName)", expect: 250, outbound, &replies)
            }
            if let username = server.username {
                guard encrypted || server.isLoopback else {
                    throw Failure(description: "\(server) does not offer STARTTLS; the password is not sent unencrypted (use smtps:// or a server that offers STARTTLS)")
                }
                let credentials = Data(([0] + Array(username.utf8) + [0] + Array((server.password ?? "").utf8))).base64EncodedString()
                _ = try await command("AUTH PLAIN \(credentials)", expect: 235, outbound, &replies, shown: "AUTH PLAIN")
            }
            try await body { message in
                guard !TextInput.hasLineBreaksOrControls(message.from), !TextInput.hasLineBreaksOrControls(message.to) else {
                    throw Refused(failure: Failure(description: "a mail address contains a line break or control character; not sent"))
                }
                do {
                    _ = try await command("MAIL FROM:<\(message.from)>", expect: 250, outbound, &replies)
                    _ = try await command("RCPT TO:<\(message.to)>", expect: 250, outbound, &replies)
                    _ = try await command("DATA", expect: 354, outbound, &replies)
                    // CRLF line endings first, then dot-stuffing: a bare "\n.\n" cannot end the message early.
                    try await outbound.write(ByteBuffer(string: MailHeader.smtpData(message.rendered())))
                    try await replies.expect(250, after: "sending the message")
                } catch let failure as Failure {
                    // The server refused this mail; start the next transaction afresh.
                    _ = try await command("RSET", expect: 250, outbound, &replies)
                    throw Refused(failure: failure)
                }
            }
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    /// Makes the TLS handler for this server: verified against the system's authorities or
    /// `ca_file`, and against the host name unless the server is named by an IP address.
    private func tlsHandlerMaker() -> @Sendable () throws -> NIOSSLClientHandler {
        let server = server, tlsContext = tlsContext
        let isAddress = server.host.contains(":") || server.host.split(separator: ".").allSatisfy { Int($0) != nil }
        let hostname = isAddress ? nil : server.host
        return { try NIOSSLClientHandler(context: try tlsContext.context(for: server), serverHostname: hostname) }
    }

    /// Sends one command and returns the lines of its reply (for EHLO, the extensions).
    private func command(_ line: String, expect code: Int, _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
                         _ replies: inout SMTPReplies, shown: String? = nil) async throws -> [String] {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await replies.expect(code, after: shown ?? line)
    }
}

/// Reads SMTP replies: lines of `code-text` ending with a line of `code text`.
struct SMTPReplies {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) { self.iterator = iterator }

    @discardableResult
    mutating func expect(_ code: Int, after step: String) async throws -> [String] {
        let (received, lines) = try await next()
        guard received == code else {
            throw SMTPMailTransport.Failure(description: "SMTP server answered \(received) \(lines.joined(separator: " ")) after \(step)")
        }
        return lines
    }

    private mutating func next() async throws -> (Int, [String]) {
        var lines: [String] = []
        while true {
            while let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                lines.append(line)
                let bytes = Array(line.utf8)
                if bytes.count < 4 || bytes[3] == UInt8(ascii: " ") {
                    return (Int(line.prefix(3)) ?? 0, lines.map { String($0.dropFirst(4)) })
                }
            }
            guard let buffer = try await iterator.next() else {
                throw SMTPMailTransport.Failure(description: "SMTP server closed the connection")
            }
            pending += String(buffer: buffer)
        }
    }
}

/// The TLS context of a transport, made on first use and kept. Making one reads the system's
/// authorities from disk: made for every connection, as before, it cost each batch of the
/// outbox that even over a connection that never used TLS. A context that fails to be made
/// (an unreadable `ca_file`) is tried again by the next connection.
final class KeptTLSContext: Sendable {
    private let made = Mutex<NIOSSLContext?>(nil)

    func context(for server: SMTPServer) throws -> NIOSSLContext {
        try made.withLock { made in
            if let made { return made }
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let caFile = server.caFile { configuration.trustRoots = .file(caFile) }
            let context = try NIOSSLContext(configuration: configuration)
            made = context
            return context
        }
    }
}
