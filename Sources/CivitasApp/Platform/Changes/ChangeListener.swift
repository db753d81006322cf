import FluentPostgresDriver
import Foundation
import Logging
import ServiceLifecycle

/// On PostgreSQL, hears the changes other Civitas processes publish (`LISTEN
/// civitas_changes`) and applies them here, so each process's page cache drops what another
/// process's write touched at once. A lost connection is opened again; since changes may
/// have been missed meanwhile, the whole cache is dropped each time listening (re)starts.
struct ChangeListener: Service {
    let url: String
    let publisher: ChangePublisher
    let logger: Logger
    /// Called once listening has begun (tests wait for it).
    var onListening: @Sendable () -> Void = {}

    func run() async throws {
        // Waiting for the next notification ends when the server shuts down.
        await cancelWhenGracefulShutdown { await listenUntilStopped() }
    }

    private func listenUntilStopped() async {
        var attempt = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let configuration = try SQLPostgresConfiguration.civitas(url: url).coreConfiguration
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
                defer { Task { try? await connection.close() } }
                try await connection.listen(on: ChangePublisher.channel) { notifications in
                    publisher.applyUnknownChanges()
                    attempt = 0
                    onListening()
                    for try await notification in notifications {
                        await receive(notification.payload)
                    }
                }
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                logger.warning("Change feed lost, listening again: \(String(describing: error))")
            }
            attempt += 1
            try? await Task.sleep(for: .milliseconds(min(5_000, 100 * attempt * attempt)))
        }
    }

    private func receive(_ payload: String) async {
        guard let notification = try? JSONDecoder().decode(ChangePublisher.Notification.self, from: Data(payload.utf8)),
              notification.origin != publisher.origin
        else { return }
        if let topics = notification.topics {
            await publisher.apply(PublishedChange(topics))
        } else {
            publisher.applyUnknownChanges()
        }
    }
}
