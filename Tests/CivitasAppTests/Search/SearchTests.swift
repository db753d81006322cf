import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// One search over every kind of public record, on SQLite's FTS5 and PostgreSQL's full-text
/// search, with the demo network.
@Suite("One search over everything")
struct SearchTests {
    static func search(_ client: any TestClientProtocol, _ query: String) async throws -> JSONValue {
        let response = try await client.execute(uri: "/api/v1/search?" + query, method: .get)
        #expect(response.status == .ok, "\(query): \(response.text.prefix(200))")
        return try response.json()
    }

    static func titles(_ answer: JSONValue) -> [String] {
        guard case .array(let items)? = answer["items"] else { return [] }
        return items.compactMap { $0["title"]?.stringValue }
    }

    static func total(_ answer: JSONValue) -> Int {
        if case .int(let total)? = answer["page"]?["total"] { return total }
        return -1
    }

    static func counts(_ answer: JSONValue, _ facet: String) -> [String: Int] {
        guard case .array(let values)? = answer["facets"]?[facet] else { return [:] }
        var counts: [String: Int] = [:]
        for value in values { if let key = value["value"]?.stringValue, case .int(let count)? = value["count"] { counts[key] = count } }
        return counts
    }

    @Test("Words, phrases, exclusions, prefixes, accents and plurals find what a person means", arguments: TestDatabase.all)
    func queryFeatures(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            #expect(Self.titles(try await Self.search(client, "q=municipal%20ID")).first == "Municipal ID card")
            #expect(Self.titles(try await Self.search(client, "q=garcetti")).first == "Eric Garcetti")
            #expect(Self.titles(try await Self.search(client, "q=Garc%C3%A9tti")).first == "Eric Garcetti", "accents fold both ways")
            #expect(Self.titles(try await Self.search(client, "q=san%20jose")).contains("San José"))
            #expect(Self.titles(try await Self.search(client, "q=immigr")).contains { $0.contains("Immigrant") }, "the last word matches as a prefix")
            let phrase = Self.titles(try await Self.search(client, "q=%22winter%20meeting%22&per=50"))
            #expect(phrase.contains("Winter 2014 Meeting"))
            let water = Self.total(try await Self.search(client, "q=water"))
            let withoutInvitations = try await Self.search(client, "q=water%20-invitation")
            #expect(Self.total(withoutInvitations) < water && !Self.titles(withoutInvitations).contains("A Public Water Utility Workshop on Affordability"))
            // "cities" finds records that say "city" only.
            let city = Set(Self.titles(try await Self.search(client, "q=city%20&per=100")))
            let cities = Set(Self.titles(try await Self.search(client, "q=cities%20&per=100")))
            #expect(city == cities && !city.isEmpty, "a plural finds its singular and the other way round")
            // Still being typed, "cities" ranks as the finished word does: a title saying "City"
            // is a title match.
            let typing = Self.titles(try await Self.search(client, "q=cities&per=100"))
            let finished = Self.titles(try await Self.search(client, "q=cities%20&per=100"))
            #expect(typing.prefix(10) == finished.prefix(10) && typing.first?.lowercased().contains("cit") == true)
            // Title matches rank above body matches.
            let first = try #require(Self.titles(try await Self.search(client, "q=water%20")).first)
            #expect(first.lowercased().contains("water"))
            // Whatever is typed answers (no 500): operators, stray quotes, very long text.
            for typed in ["NEAR(%22a%22", "%2A", "%3A", "%5E", "%22", "a%3Ab%2A%20OR%20c%5E2", String(repeating: "x", count: 10_000), "%28%28%28"] {
                let page = try await client.execute(uri: "/search?q=" + typed, method: .get)
                #expect(page.status == .ok, "\(typed.prefix(20))")
                #expect(try await client.execute(uri: "/api/v1/search?q=" + typed, method: .get).status == .ok)
            }
        }
    }

    @Test("Typos are forgiven, names typed without their space are found, and exact words are never guessed at", arguments: TestDatabase.all)
    func typos(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let affordability = Self.total(try await Self.search(client, "q=affordability%20"))
            let typo = try await Self.search(client, "q=water%20affordablity%20")
            #expect(affordability > 0 && Self.total(typo) > 0)
            #expect(typo["corrections"]?["affordablity"] == .array(["affordability"]))
            #expect(Self.titles(try await Self.search(client, "q=Licardo%20")).first == "Sam Liccardo")
            // The word being typed: corrected when no indexed word starts with it, taken as a
            // prefix when one does.
            let typing = try await Self.search(client, "q=Licardo")
            #expect(Self.titles(typing).first == "Sam Liccardo" && typing["corrections"]?["licardo"] == .array(["liccardo"]))
            let completing = try await Self.search(client, "q=Liccar")
            #expect(Self.titles(completing).first == "Sam Liccardo" && completing["corrections"] == .object([:]))
            #expect(Self.titles(try await Self.search(client, "q=deblasio")).first == "Bill de Blasio")
            #expect(Self.titles(try await Self.search(client, "q=deblas")).first == "Bill de Blasio", "typed past the first word")
            let exact = try await Self.search(client, "q=water%20")
            #expect(exact["corrections"] == .object([:]), "a word records hold is taken as typed")
            let page = try await client.execute(uri: "/search?q=affordablity%20", method: .get).text
            #expect(page.contains("Including results for “affordability”, for “affordablity”"))
            #expect(page.contains("<mark>"), "the corrected word is marked in snippets")
        }
    }

    @Test("A query naming a city or topic ranks the records under it first and offers it as a filter", arguments: TestDatabase.all)
    func directoryAware(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let answer = try await Self.search(client, "q=police%20milwaukee")
            #expect(Self.titles(answer).first == "Pro athletes as a bridge between police and youth", "the Milwaukee practice first")
            #expect(Self.total(answer) > 1, "police anywhere is still found")
            #expect(answer["suggestions"] == .array([["facet": "city", "value": "milwaukee", "label": "Milwaukee"]]))
            let page = try await client.execute(uri: "/search?q=police%20milwaukee", method: .get).text
            #expect(page.contains(#"city=milwaukee">Show only results in Milwaukee</a>"#))
            // Chosen, it is no longer offered; a name alone is searched as words.
            #expect(try await Self.search(client, "q=police%20milwaukee&city=milwaukee")["suggestions"] == .array([]))
            let water = try await Self.search(client, "q=water")
            #expect(water["suggestions"] == .array([["facet": "topic", "value": "water", "label": "Water"]]))
            #expect(Self.total(water) == Self.total(try await Self.search(client, "q=water%20")), "a name alone is still the words searched")
        }
    }

    @Test("A renamed topic or city is shown and found by its new name in the records counted under it", arguments: TestDatabase.all)
    func renamedFacetValues(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let token = try await apiToken(["directory:write"], services: services)
            #expect(try await sendJSON(client, .patch, "/api/v1/topics/water", token: token, json: #"{"name": "Water and sanitation"}"#).status == .ok)
            let answer = try await Self.search(client, "q=affordability%20")
            guard case .array(let topics)? = answer["facets"]?["topic"] else { throw TestFailure("no topics") }
            #expect(topics.contains { $0["value"] == "water" && $0["label"] == "Water and sanitation" })
            #expect(!topics.contains { $0["label"] == "Water" })
            #expect(try await Self.search(client, "q=water%20and%20sanitation")["suggestions"]
                    == .array([["facet": "topic", "value": "water", "label": "Water and sanitation"]]))
        }
    }

    @Test("Lists' q reads the index: plurals, accents and typos as on the search page; staff lists still find drafts", arguments: TestDatabase.all)
    func listsUseTheIndex(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            func items(_ path: String) async throws -> [String] {
                guard case .array(let items)? = try await client.execute(uri: path, method: .get).json()["items"] else { return [] }
                return items.compactMap { $0["name"]?.stringValue ?? $0["title"]?.stringValue }
            }
            #expect(try await items("/api/v1/people?q=Licardo").contains("Sam Liccardo"), "a typo in a list's q")
            #expect(try await items("/api/v1/areas?q=san%20jose").contains("San José"), "accents")
            #expect(try await items("/api/v1/events?q=meetings").contains("Winter 2014 Meeting"), "a plural")
            #expect(try await items("/api/v1/practices?q=athlete").contains("Pro athletes as a bridge between police and youth"))
            #expect(try await client.execute(uri: "/people?q=garcetti", method: .get).text.contains(#"href="/people/eric-garcetti""#))
            // Staff lists show drafts, which the index does not hold: they still find them by name.
            let token = try await apiToken(["library:write"], services: services)
            #expect(try await sendJSON(client, .post, "/api/v1/practices", token: token, json: #"{"title": "Quietdraft lanterns", "status": "idea", "published": false}"#).status == .created)
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            #expect(try await editor.get(client, "/staff/practices?q=quietdraft").text.contains("Quietdraft lanterns"))
            #expect(try await items("/api/v1/practices?q=quietdraft").isEmpty)
            // An empty filter is no filter; a slug with spaces around it is refused, as documented.
            #expect(try await client.execute(uri: "/api/v1/practices?topic=", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/practices?topic=%20water", method: .get).status == .badRequest)
        }
    }

    @Test("Staff find drafts and members' submissions, marked; members and visitors never do", arguments: TestDatabase.all)
    func draftsForStaffOnly(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let token = try await apiToken(["library:write"], services: services)
            #expect(try await sendJSON(client, .post, "/api/v1/practices", token: token, json: #"{"title": "Quietdraft lanterns", "status": "idea", "published": false}"#).status == .created)
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let staffPage = try await editor.get(client, "/search?q=quietdraft").text
            #expect(staffPage.contains("Quietdraft lanterns") && staffPage.contains("Not published"))
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            #expect(!(try await member.get(client, "/search?q=quietdraft").text.contains("Quietdraft lanterns")))
            #expect(!(try await client.execute(uri: "/search?q=quietdraft", method: .get).text.contains("Quietdraft lanterns")))
            #expect(Self.total(try await Self.search(client, "q=quietdraft")) == 0)
            #expect(Self.total(try await Self.search(client, "q=quietdraf")) == 0, "a draft's words are not offered as corrections")
        }
    }

    @Test("A check reports what the index lacks or holds too much of; a rebuild mends both", arguments: TestDatabase.all)
    func checkAndRebuild(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let complete = try await SearchMaintenance.check(services: services)
            #expect(complete.isComplete && complete.expected == complete.indexed && complete.expected > 150)
            try await SearchIndex(sql: services.database.sql).remove(keys: ["person:person-eric-garcetti"])
            // A record removed behind the index's back leaves an entry behind.
            try await services.database.sql.raw("DELETE FROM library_links WHERE subject_id = 'practice-new-york-city-municipal-id-card'").run()
            try await services.database.sql.raw("DELETE FROM practices WHERE id = 'practice-new-york-city-municipal-id-card'").run()
            let broken = try await SearchMaintenance.check(services: services)
            #expect(broken.missing == ["person:person-eric-garcetti"])
            #expect(broken.extra == ["practice:practice-new-york-city-municipal-id-card"])
            let counter = Counter()
            let total = try await SearchMaintenance.reindex(services: services) { done, total in counter.record(done, total) }
            #expect(total == complete.expected - 1 && counter.last?.0 == total && counter.last?.1 == total)
            #expect(try await SearchMaintenance.check(services: services).isComplete)
            services.cache.invalidateAll()
            #expect(Self.titles(try await Self.search(client, "q=garcetti")).contains("Eric Garcetti"))
            #expect(!Self.titles(try await Self.search(client, "q=municipal%20id")).contains("Municipal ID card"))
        }
    }

    final class Counter: @unchecked Sendable {
        private(set) var last: (Int, Int)?
        func record(_ done: Int, _ total: Int) { last = (done, total) }
    }

    @Test("Facet counts match the results they narrow to: OR within a facet, AND across facets", arguments: TestDatabase.all)
    func facets(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let all = try await Self.search(client, "q=water")
            let kinds = Self.counts(all, "kind")
            #expect(kinds.count >= 3, "water is in several kinds: \(kinds)")
            for (kind, count) in kinds {
                let narrowed = try await Self.search(client, "q=water&kind=\(kind)")
                #expect(Self.total(narrowed) == count, "kind \(kind)")
                #expect(Self.counts(narrowed, "kind") == kinds, "a facet's counts ignore its own choice")
            }
            let two = kinds.keys.sorted().prefix(2)
            let both = try await Self.search(client, "q=water&" + two.map { "kind=\($0)" }.joined(separator: "&"))
            #expect(Self.total(both) == two.reduce(0) { $0 + kinds[$1]! }, "values of one facet add up (OR)")
            // AND across facets: a kind and a topic give what has both.
            let topics = Self.counts(all, "topic")
            let topic = try #require(topics.keys.sorted().first)
            let kind = try #require(two.first)
            let crossed = try await Self.search(client, "q=water&kind=\(kind)&topic=\(topic)")
            let byTopic = Self.counts(try await Self.search(client, "q=water&kind=\(kind)"), "topic")[topic] ?? 0
            #expect(Self.total(crossed) == byTopic)
            // Facets alone, with no words: what the counts of a search with no words say.
            var checkedFacetsAlone = false
            for kind in kinds.keys.sorted() {
                guard let (kindTopic, count) = Self.counts(try await Self.search(client, "kind=\(kind)"), "topic").max(by: { $0.value < $1.value }) else { continue }
                #expect(Self.total(try await Self.search(client, "kind=\(kind)&topic=\(kindTopic)")) == count, "kind \(kind), topic \(kindTopic)")
                checkedFacetsAlone = true
            }
            #expect(checkedFacetsAlone, "some kind has records on a topic")
            // Chosen values are terms of the full-text index; no word typed reaches them, and
            // values holding quotes, backslashes and operators are values like any other.
            let term = SearchFacetTerms.token(facet: "kind", value: kind)
            #expect(Self.total(try await Self.search(client, "q=\(term)")) == 0, "a facet's term is not a word")
            for hostile in ["a'b", "a%5Cb", "a%27%20%7C%20b", "%3A*", "x%22%20OR%20y", "%21b%20%26%20c"] {
                #expect(Self.total(try await Self.search(client, "q=water&topic=\(hostile)")) == 0, "topic=\(hostile)")
                #expect(Self.total(try await Self.search(client, "city=\(hostile)&country=\(hostile)")) == 0)
            }
            #expect(try await client.execute(uri: "/api/v1/search?q=water&" + (0..<21).map { "kind=k\($0)" }.joined(separator: "&"), method: .get).status == .badRequest)
            // A kind the index does not hold, or a year that is not one, is refused with what
            // is wanted, on the page and in the API, instead of finding nothing unexplained.
            for (query, message) in [("kind=people", "kind must be one of"), ("kind=\(kind)&kind=bogus", "bogus"),
                                     ("year=abcd", "year must be a year of four digits"), ("year=20180", "20180"),
                                     ("year=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%98", "year must be")] {
                for path in ["/api/v1/search", "/search"] {
                    let answer = try await client.execute(uri: "\(path)?q=water&\(query)", method: .get)
                    #expect(answer.status == .badRequest, "\(path)?\(query)")
                    let body = String(buffer: answer.body)
                    #expect(body.contains(message), "\(path)?\(query): \(body.prefix(300))")
                }
            }
            let year = try #require(Self.counts(all, "year").keys.sorted().first)
            #expect(Self.total(try await Self.search(client, "q=water&year=\(year)")) == Self.counts(all, "year")[year])
        }
    }

    @Test("Read your writes: saved, published and unpublished records are found or not at the very next request", arguments: TestDatabase.all)
    func readYourWrites(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            #expect(Self.total(try await Self.search(client, "q=zanzibarquux")) == 0)
            let token = try await apiToken(["library:write"], services: services)
            let draft = try await sendJSON(client, .post, "/api/v1/practices", token: token, json: """
                {"title": "Zanzibarquux composting", "status": "pilot", "summary": "Kitchen waste for parks", "published": false}
                """)
            #expect(draft.status == .created)
            #expect(Self.total(try await Self.search(client, "q=zanzibarquux")) == 0, "an unpublished record is never found")
            #expect(try await sendJSON(client, .patch, "/api/v1/practices/zanzibarquux-composting", token: token, json: #"{"published": true}"#).status == .ok)
            let found = try await Self.search(client, "q=zanzibarquux")
            #expect(Self.titles(found) == ["Zanzibarquux composting"])
            #expect(try await sendJSON(client, .patch, "/api/v1/practices/zanzibarquux-composting", token: token, json: #"{"title": "Quuxzanzibar composting"}"#).status == .ok)
            #expect(Self.titles(try await Self.search(client, "q=quuxzanzibar")) == ["Quuxzanzibar composting"])
            #expect(Self.total(try await Self.search(client, "q=zanzibarquux")) == 0, "the old title is gone from the index")
            #expect(try await sendJSON(client, .patch, "/api/v1/practices/zanzibarquux-composting", token: token, json: #"{"published": false}"#).status == .ok)
            #expect(Self.total(try await Self.search(client, "q=quuxzanzibar")) == 0)
        }
    }

    @Test("Every page has a search box; the page shows results with marked words and facet links", arguments: TestDatabase.all)
    func page(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains(#"<form class="site-search" method="get" action="/search" role="search">"#))
            let page = try await client.execute(uri: "/search?q=water", method: .get).text
            #expect(page.contains("<mark>Water</mark>") || page.contains("<mark>water</mark>"))
            #expect(page.contains(#"href="/search?q=water&amp;kind="#), "facet values link to the narrowed search")
            #expect(OutputChecks.html(page).isEmpty)
        }
    }

    @Test("A record whose text holds markup cannot break out of a result or its highlight", arguments: TestDatabase.all)
    func hostileRecords(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let token = try await apiToken(["library:write"], services: services)
            let payload = HostilePayloads.fitting(150)
            let body = try String(data: JSONEncoder().encode(["title": "Hostile \(payload)", "status": "pilot",
                                                                  "summary": "</mark><mark>fake</mark> hostilequux \(HostilePayloads.multiLine)"]), encoding: .utf8)!
            #expect(try await sendJSON(client, .post, "/api/v1/practices", token: token, json: body).status == .created)
            let page = try await client.execute(uri: "/search?q=hostilequux%20script", method: .get).text
            #expect(page.contains("<mark>hostilequux</mark>"))
            #expect(!page.contains("<mark>fake</mark>"), "markup in a record is text, not a highlight")
            #expect(OutputChecks.html(page).isEmpty, "\(OutputChecks.html(page))")
            let api = try await Self.search(client, "q=hostilequux")
            #expect(Self.titles(api).first?.hasPrefix("Hostile") == true)
            // The query itself comes back in the box, the title and the typo notice: escaped.
            let typed = try #require((HostilePayloads.singleLine + " hostilequx ").addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let echoed = try await client.execute(uri: "/search?q=" + typed + "&topic=" + typed, method: .get)
            #expect(echoed.status == .ok)
            #expect(OutputChecks.html(echoed.text).isEmpty, "\(OutputChecks.html(echoed.text))")
            #expect(try await client.execute(uri: "/api/v1/search?q=" + typed, method: .get).status == .ok)
        }
    }
}

/// The same first results on SQLite and PostgreSQL for the demo network, over a fixed list of
/// queries (each kind of query the search reads). Runs when both databases are there.
@Suite("Search ranks alike on both databases")
struct SearchParityTests {
    static let queries = ["q=water", "q=water%20", "q=cities%20", "q=winter%20meeting", "q=%22winter%20meeting%22", "q=immigr",
                          "q=affordablity%20", "q=deblasio", "q=police%20milwaukee", "q=mayor%20-chicago", "q=sao%20paulo", "q=garcetti",
                          "q=report&kind=resource", "q=city&kind=practice&kind=event", "q=water&topic=water&per=5&page=2", "q=Licardo"]

    final class Answers: @unchecked Sendable { var byQuery: [String: [String]] = [:] }

    static func answers(_ database: TestDatabase) async throws -> [String: [String]] {
        let answers = Answers()
        try await withApp(database, demo: true) { client, _ in
            for query in queries {
                let answer = try await SearchTests.search(client, query + (query.contains("per=") ? "" : "&per=10"))
                guard case .array(let items)? = answer["items"] else { continue }
                answers.byQuery[query] = items.compactMap { item in item["url"]?.stringValue }
            }
        }
        return answers.byQuery
    }

    @Test("The first results of each query are the same records in the same order", .enabled(if: TestDatabase.all.contains(.postgres)))
    func sameFirstResults() async throws {
        let sqlite = try await Self.answers(.sqlite)
        let postgres = try await Self.answers(.postgres)
        #expect(sqlite.values.contains { !$0.isEmpty }, "the queries find something")
        for query in Self.queries {
            #expect(sqlite[query] == postgres[query], "\(query)")
        }
    }
}
