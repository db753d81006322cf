import CivitasCore
import Foundation
import NIOCore
import NIOPosix

/// Delivers mail to an SMTP server (RFC 5321): EHLO, optional AUTH PLAIN, MAIL FROM,
/// RCPT TO, DATA with dot-stuffing, QUIT. One connection per mail keeps it simple and
/// robust; the outbox sends few mails at a time.
struct SMTPMailTransport: MailTransport {
    let server: SMTPServer
    let heloName: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ message: MailMessage) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: server.host, port: server.port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplies(inbound.makeAsyncIterator())
            try await replies.expect(220, after: "connecting")
            try await command("EHLO \(heloName)", expect: 250, outbound, &replies)
            if let username = server.username {
                let credentials = Data(([0] + Array(username.utf8) + [0] + Array((server.password ?? "").utf8))).base64EncodedString()
                try await command("AUTH PLAIN \(credentials)", expect: 235, outbound, &replies, shown: "AUTH PLAIN")
            }
            try await command("MAIL FROM:<\(message.from)>", expect: 250, outbound, &replies)
            try await command("RCPT TO:<\(message.to)>", expect: 250, outbound, &replies)
            try await command("DATA", expect: 354, outbound, &replies)
            // Lines starting with a dot get a second one (RFC 5321 4.5.2); the message ends with a lone dot.
            let body = message.rendered().split(separator: "\r\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
            try await outbound.write(ByteBuffer(string: body + (body.hasSuffix("\r\n") ? "" : "\r\n") + ".\r\n"))
            try await replies.expect(250, after: "sending the message")
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    private func command(_ line: String, expect code: Int, _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
                         _ replies: inout SMTPReplies, shown: String? = nil) async throws {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        try await replies.expect(code, after: shown ?? line)
    }
}

/// Reads SMTP replies: lines of `code-text` ending with a line of `code text`.
struct SMTPReplies {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) { self.iterator = iterator }

    mutating func expect(_ code: Int, after step: String) async throws {
        let (received, text) = try await next()
        guard received == code else {
            throw SMTPMailTransport.Failure(description: "SMTP server answered \(received) \(text) after \(step)")
        }
    }

    private mutating func next() async throws -> (Int, String) {
        var lines: [String] = []
        while true {
            while let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                lines.append(line)
                let bytes = Array(line.utf8)
                if bytes.count < 4 || bytes[3] == UInt8(ascii: " ") {
                    return (Int(line.prefix(3)) ?? 0, lines.map { String($0.dropFirst(4)) }.joined(separator: " "))
                }
            }
            guard let buffer = try await iterator.next() else {
                throw SMTPMailTransport.Failure(description: "SMTP server closed the connection")
            }
            pending += String(buffer: buffer)
        }
    }
}
