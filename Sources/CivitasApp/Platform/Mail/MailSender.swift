import CivitasCore
import Foundation
import Logging
import SQLKit
import ServiceLifecycle

/// Sends what waits in the outbox, oldest first, and keeps doing so while the server runs.
/// A mail that fails stays pending and is tried again on the next round (up to
/// `Outbox.maxAttempts`), so a relay that is down for a while loses nothing.
struct MailSender: Service {
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

    /// Mails taken in one round, and connections they are spread over.
    static let batchSize = 200
    static let connections = 4

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled && !services.database.isClosed {
            var tried = 0
            do {
                tried = try await deliverRound().tried
            } catch {
                services.logger.error("outbox: \(String(describing: error))")
            }
            // A full round means more are waiting: go on at once.
            if tried < Self.batchSize { try? await Task.sleep(for: interval) }
        }
    }

    /// One round: tries every pending mail once. Returns how many were sent.
    @discardableResult
    func deliverPending() async throws -> Int {
        try await deliverRound().sent
    }

    private func deliverRound() async throws -> (tried: Int, sent: Int) {
        guard !services.database.isClosed else { return (0, 0) }
        let sql = services.database.sql
        let batch = try await Outbox.pending(on: sql, now: services.now(), limit: Self.batchSize)
        guard !batch.isEmpty else { return (0, 0) }
        // Writes go through the database's writer queue (on SQLite a write outside it could wait
        // on the lock while holding the thread the lock's owner needs), one transaction for the
        // whole batch so delivery takes little from other writes competing for the writer.
        let now = services.now()
        let claimed = try await services.database.transaction { tx in
            try await Outbox.claim(batch.map(\.id), on: tx as! any SQLDatabase, now: now)
        }
        let mine = batch.filter { claimed.contains($0.id) }
        let messages = mine.map { pending in
            MailMessage(id: pending.id, from: services.configuration.mailFrom, to: pending.mail.recipient,
                        subject: pending.mail.subject, body: pending.mail.body, attachments: pending.mail.attachments,
                        date: pending.createdAt)
        }
        // Spread over a few connections at once: a relay answers each command in turn.
        let share = max(1, (messages.count + Self.connections - 1) / Self.connections)
        let transport = self.transport
        let failures = await withTaskGroup(of: [String: any Error].self) { group in
            for slice in messages.chunked(into: share) {
                let batch = Array(slice)
                group.addTask { await transport.send(batch: batch) }
            }
            return await group.reduce(into: [String: any Error]()) { $0.merge($1) { first, _ in first } }
        }
        let sent = mine.map(\.id).filter { failures[$0] == nil }
        let failed = mine.compactMap { pending in failures[pending.id].map { (pending, String(describing: $0)) } }
        for (pending, reason) in failed {
            services.logger.warning("outbox: mail \(pending.id) not delivered: \(reason)")
        }
        try await services.database.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await Outbox.markSent(sent, on: sql, now: services.now())
            for (pending, reason) in failed {
                try await Outbox.markFailed(pending.id, error: reason, attempts: pending.attempts, on: sql)
            }
        }
        return (mine.count, sent.count)
    }
}
