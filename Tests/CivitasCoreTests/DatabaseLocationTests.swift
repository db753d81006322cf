import CivitasCore
import Testing

@Suite("DATABASE_URL")
struct DatabaseLocationTests {
    @Test("SQLite and PostgreSQL URLs are understood")
    func valid() throws {
        #expect(try DatabaseLocation(url: "sqlite:///var/lib/civitas.sqlite") == .sqlite(path: "/var/lib/civitas.sqlite"))
        #expect(try DatabaseLocation(url: "sqlite://data/dev.sqlite") == .sqlite(path: "data/dev.sqlite"))
        #expect(try DatabaseLocation(url: "postgres://u:p@localhost:5432/civitas") == .postgres(url: "postgres://u:p@localhost:5432/civitas"))
        #expect(try DatabaseLocation(url: "postgresql://localhost/civitas") == .postgres(url: "postgresql://localhost/civitas"))
    }

    @Test("Malformed URLs are refused with a message saying what is expected", arguments: [
        ("civitas.sqlite", "is not a URL"), ("mysql://localhost/civitas", "not supported"), ("postgres://localhost", "names no database"),
        ("sqlite://", "names no SQLite file"), ("postgres://u:secret@/db", "names no host"),
        ("postgres://u:secret@/db?host=run/postgresql", "not a socket directory"),
    ])
    func invalid(url: String, message: String) {
        #expect {
            try DatabaseLocation(url: url)
        } throws: { error in
            let text = (error as? DatabaseLocation.Invalid)?.description ?? ""
            return text.contains(message) && !text.contains("secret")
        }
    }

    @Test("A server on the same machine is reached through the socket in the directory libpq's host= names")
    func socket() throws {
        let url = "postgres://civitas:p%40ss@/civitas?host=/var/run/postgresql"
        #expect(try DatabaseLocation(url: url) == .postgres(url: url))
        let socket = try #require(DatabaseLocation.postgresSocket(url))
        #expect(socket.path == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(socket.username == "civitas")
        #expect(socket.password == "p@ss")
        #expect(socket.database == "civitas")
        // The port names the socket, in the URL or as libpq's port= parameter.
        #expect(DatabaseLocation.postgresSocket("postgres://u@:6543/db?host=/tmp/")?.path == "/tmp/.s.PGSQL.6543")
        #expect(DatabaseLocation.postgresSocket("postgres://u@/db?host=/tmp&port=55432")?.path == "/tmp/.s.PGSQL.55432")
        // A URL naming a host goes over TCP even with a host= parameter.
        #expect(DatabaseLocation.postgresSocket("postgres://u@db.example:5432/db?host=/tmp") == nil)
        #expect(DatabaseLocation.postgresSocket("postgres://u@db.example:5432/db") == nil)
    }
}
