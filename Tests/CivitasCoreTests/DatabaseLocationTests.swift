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
        ("sqlite://", "names no SQLite file"), ("postgres://u:secret@/db", "not a valid PostgreSQL URL"),
    ])
    func invalid(url: String, message: String) {
        #expect {
            try DatabaseLocation(url: url)
        } throws: { error in
            let text = (error as? DatabaseLocation.Invalid)?.description ?? ""
            return text.contains(message) && !text.contains("secret")
        }
    }
}
