import CivitasCore
import Foundation
import Logging
import SQLKit
import ServiceLifecycle

/// Sends what waits in the outbox, oldest first, and keeps doing so while the server runs.
/// A mail that fails stays pending and is tried again on the next round (up to
/// `Outbox.maxAttempts`), so a relay that is down for a while loses nothing.
struct OutboxDelivery: Service {
    let services: AppServices
    let transport: any MailTransport
    var interval: Duration = .seconds(2)

    init(services: AppServices, transport: (any MailTransport)? = nil) {
        self.services = services
        self.transport = transport ?? Self.configuredTransport(services.configuration)
    }

    static func configuredTransport(_ configuration: AppConfiguration) -> any MailTransport {
        if let smtp = configuration.smtp {
            return SMTPMailTransport(server: smtp, heloName: URL(string: configuration.publicURL)?.host ?? "localhost")
        }
        return FileMailTransport(directory: configuration.outboxDirectory)
    }

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled && !services.database.isClosed {
            do {
                _ = try await deliverPending()
            } catch {
                services.logger.error("outbox: \(String(describing: error))")
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// One round: tries every pending mail once. Returns how many were sent.
    @discardableResult
    func deliverPending() async throws -> Int {
        guard !services.database.isClosed else { return 0 }
        let sql = services.database.sql
        let batch = try await Outbox.pending(on: sql, now: services.now())
        guard !batch.isEmpty else { return 0 }
        // Writes go through the database's writer queue (on SQLite a write outside it could wait
        // on the lock while holding the thread the lock's owner needs), one transaction for the
        // whole batch so delivery takes little from registrations competing for the writer.
        let now = services.now()
        let claimed = try await services.database.transaction { tx in
            try await Outbox.claim(batch.map(\.id), on: tx as! any SQLDatabase, now: now)
        }
        var sent: [String] = []
        for pending in batch where claimed.contains(pending.id) {
            let message = MailMessage(id: pending.id, from: services.configuration.mailFrom, to: pending.mail.recipient,
                                      subject: pending.mail.subject, body: pending.mail.body, calendar: pending.mail.calendar,
                                      date: pending.createdAt)
            do {
                try await transport.send(message)
                sent.append(pending.id)
            } catch {
                services.logger.warning("outbox: mail \(pending.id) not delivered: \(String(describing: error))")
                let reason = String(describing: error)
                try await services.database.transaction { tx in
                    try await Outbox.markFailed(pending.id, error: reason, attempts: pending.attempts, on: tx as! any SQLDatabase)
                }
            }
        }
        let delivered = sent
        try await services.database.transaction { tx in try await Outbox.markSent(delivered, on: tx as! any SQLDatabase, now: services.now()) }
        return delivered.count
    }
}
