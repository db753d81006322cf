import CivitasCore
import Foundation
import PostgresKit

extension SQLPostgresConfiguration {
    /// The connection settings for a `postgres://` `DATABASE_URL`: over TCP to its host, or, when
    /// the URL names a socket directory the way libpq does (`postgres://user@/civitas?host=/var/run/postgresql`),
    /// over the server's Unix-domain socket in it, as a server on the same machine as its database
    /// is often run (with `peer` authentication). Every statement then skips the TCP stack on both
    /// sides; under the benchmark's load the difference was within its noise.
    static func civitas(url: String) throws -> SQLPostgresConfiguration {
        guard let socket = DatabaseLocation.postgresSocket(url) else { return try SQLPostgresConfiguration(url: url) }
        return SQLPostgresConfiguration(unixDomainSocketPath: socket.path, username: socket.username,
                                        password: socket.password, database: socket.database)
    }
}
