import CivitasCore
import Foundation
import PostgresKit

extension SQLPostgresConfiguration {
    /// The connection settings for a `postgres://` `DATABASE_URL`: over TCP to its host, or, when
    /// the URL names a socket directory the way libpq does (`postgres://user@/civitas?host=/var/run/postgresql`),
    /// over the server's Unix-domain socket in it. On one machine the socket spares every statement
    /// the TCP stack's work on both sides (a sixth of a page's time in the server went to writing
    /// statements to a loopback TCP socket).
    static func civitas(url: String) throws -> SQLPostgresConfiguration {
        guard let socket = DatabaseLocation.postgresSocket(url) else { return try SQLPostgresConfiguration(url: url) }
        return SQLPostgresConfiguration(unixDomainSocketPath: socket.path, username: socket.username,
                                        password: socket.password, database: socket.database)
    }
}
