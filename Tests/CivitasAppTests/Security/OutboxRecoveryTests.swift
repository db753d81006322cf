import Foundation
import HummingbirdTesting
import SQLKit
import Synchronization
import Testing
@testable import CivitasApp

/// A transport that keeps what it was given, and can fail after "sending" (a crash between
/// handing mail to the relay and marking it sent).
final class RecordingTransport: MailTransport, Sendable {
    let failAfterSending: Bool
    private let sent = Mutex<[MailMessage]>([])
    var messages: [MailMessage] { sent.withLock { $0 } }

    init(failAfterSending: Bool = false) { self.failAfterSending = failAfterSending }

    func send(_ message: MailMessage) async throws {
        sent.withLock { $0.append(message) }
        if failAfterSending { throw SMTPMailTransport.Failure(description: "connection lost after DATA") }
    }
}

@Suite("Mail after a crash: sent again soon, recognisable as the same mail")
struct OutboxRecoveryTests {
    @Test("A mail claimed by a sender that died is sent within a minute, not ten", arguments: TestDatabase.all)
    func stuckClaimsExpireSoon(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.deliverMail = false }) { client, services in
            let event = try await makeEvent(services)
            _ = try await registerByAPI(client, services, slug: event.slug, name: "Ada", email: "ada@city.gov")
            // A sender claimed it 61 seconds ago and died.
            try await services.database.sql.update("mail_outbox").set("claimed_at", to: SQLBind(services.now().addingTimeInterval(-61))).run()
            let transport = RecordingTransport()
            #expect(try await MailSender(services: services, transport: transport).deliverPending() == 1)
            #expect(transport.messages.map(\.to) == ["ada@city.gov"])
        }
    }

    @Test("A mail sent again after a failure carries the same Message-ID", arguments: TestDatabase.all)
    func sameMessageIDOnRetry(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.deliverMail = false }) { client, services in
            let event = try await makeEvent(services)
            _ = try await registerByAPI(client, services, slug: event.slug, name: "Ada", email: "ada@city.gov")
            let crashing = RecordingTransport(failAfterSending: true)
            #expect(try await MailSender(services: services, transport: crashing).deliverPending() == 0)
            let retry = RecordingTransport()
            #expect(try await MailSender(services: services, transport: retry).deliverPending() == 1)
            let first = try #require(crashing.messages.first), second = try #require(retry.messages.first)
            #expect(first.messageID == second.messageID)
            #expect(first.rendered().contains("Message-ID: \(first.messageID)"))
            #expect(second.rendered() == first.rendered(), "the same mail, byte for byte")
        }
    }

    @Test("A round takes up to 200 mails and spreads them over several connections", arguments: TestDatabase.all)
    func largeRounds(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.deliverMail = false }) { _, services in
            let mails = (0..<450).map { OutgoingMail(recipient: "p\($0)@city.gov", subject: "Hello \($0)", body: "Body") }
            try await services.database.transaction { tx in try await Outbox.enqueue(mails, on: tx as! any SQLDatabase, now: services.now()) }
            let transport = RecordingTransport()
            let delivery = MailSender(services: services, transport: transport)
            #expect(try await delivery.deliverPending() == MailSender.batchSize)
            #expect(try await delivery.deliverPending() == MailSender.batchSize)
            #expect(try await delivery.deliverPending() == 50)
            #expect(Set(transport.messages.map(\.to)).count == 450, "each mail once")
        }
    }
}
