@testable import CivitasApp
import Testing

@Suite("Finding a row's columns by name")
struct ReadColumnsTests {
    @Test("Each name is found where it is, in any order and asked again; of two columns of one name, the one each database's rows give")
    func positions() {
        let names = ["id", "title", "summary", "published", "id", "updated_at"]
        let first = ReadColumns(names: names, repeated: .firstWins)
        let last = ReadColumns(names: names, repeated: .lastWins)
        // In order, each asked twice (whether it is null, then its value), as records are read.
        for name in ["title", "title", "summary", "summary", "published", "published", "updated_at", "updated_at"] {
            #expect(first.position(of: name) == names.firstIndex(of: name), "\(name)")
        }
        // Out of order, after the guesses above.
        for name in ["updated_at", "id", "summary", "id", "title", "nothing", "title"] {
            #expect(first.position(of: name) == names.firstIndex(of: name), "\(name)")
            #expect(last.position(of: name) == names.lastIndex(of: name), "\(name)")
        }
        // A repeated name asked right after its other column never gives the one it does not mean.
        #expect(first.position(of: "published") == 3)
        #expect(first.position(of: "id") == 0 && first.position(of: "id") == 0)
        #expect(last.position(of: "summary") == 2 && last.position(of: "id") == 4 && last.position(of: "id") == 4)
    }
}
