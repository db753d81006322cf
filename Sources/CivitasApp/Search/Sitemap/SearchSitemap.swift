import CivitasCore
import Hummingbird
import SQLKit

/// `/sitemap.xml`: every public page search engines should know of, so a network's practices,
/// people and convenings are found from outside. The home page and the site's lists first,
/// then every public record, read from the search index: it holds each capability's public
/// records with their paths, kept current by published changes, so no capability lists its
/// pages twice. Past one file's worth (a network of a million records) `/sitemap.xml` is an
/// index of files `/sitemaps/1.xml`, `/sitemaps/2.xml`..., each the public records among
/// 49,000 consecutive entries of the index in key order: found by their first and last keys
/// read from the key index alone, so a file far down the list costs no more than the first
/// (at 1,000,000 records, skipping 950,000 rows of the table itself took PostgreSQL 2-3 s).
///
/// No `lastmod`: the index keeps no time of change, and search engines ignore dates they find
/// unreliable. Answers are cached like every public answer and dropped by any change of a kind
/// the index holds.
struct SearchSitemap: Sendable {
    let services: AppServices
    /// Index entries per file: the protocol allows 50,000 addresses, and the first file holds
    /// the home page and the lists too. Smaller in tests.
    var perFile = SitemapDocument.addressLimit - 1_000

    private var shows: [ChangeTopic] { services.site.searchKinds.map { .every($0) } }
    private static let contentType = "application/xml; charset=utf-8"

    func sitemap(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await services.cached(request, context, contentType: Self.contentType, shows: shows) {
            ByteBuffer(string: try await services.database.readingLong { try await sitemapXML() })
        }
    }

    func file(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let name = try context.parameters.require("file")
        guard let number = Int(name), number >= 1, String(number) == name else {
            throw AppError(.notFound, "There is no sitemap file \"\(name)\": files are numbered from 1, and \(SearchURL.sitemap.path) lists them")
        }
        return try await services.cached(request, context, contentType: Self.contentType, shows: shows) {
            ByteBuffer(string: try await services.database.readingLong {
                let files = try await fileCount()
                guard number <= files else {
                    throw AppError(.notFound, "There is no sitemap file \(number): there \(files == 1 ? "is 1" : "are \(files)"), listed by \(SearchURL.sitemap.path)")
                }
                return SitemapDocument.urlset(try await addresses(inFile: number))
            })
        }
    }

    /// The addresses of every public page when they fit in one file, else the index of the files.
    func sitemapXML() async throws -> String {
        let files = try await fileCount()
        if files == 1 { return SitemapDocument.urlset(try await addresses(inFile: 1)) }
        return SitemapDocument.index((1...files).map { publicURL + SearchURL.sitemapFile(String($0)).path })
    }

    /// The home page and the lists every visitor's navigation offers.
    var fixedAddresses: [String] {
        [publicURL + SiteURL.home.path] + services.site.navigation.filter { link in
            if case .everyone = link.visibleTo { return !link.destination.path.contains("?") }
            return false
        }.map { publicURL + $0.destination.path }
    }

    /// Files of `perFile` index entries (public or not: counting them reads the key index alone).
    func fileCount() async throws -> Int {
        let entries = try await sql.raw("SELECT count(*) AS total FROM search_entries").first()?.decode(column: "total", as: Int.self) ?? 0
        return max(1, (entries + perFile - 1) / perFile)
    }

    /// File `number` (from 1): the public records among its entries, in key order (which stays
    /// put as records are added, unlike a date's), after the fixed addresses in the first file.
    func addresses(inFile number: Int) async throws -> [String] {
        var addresses = number == 1 ? fixedAddresses : []
        guard let first = try await key(at: (number - 1) * perFile) else { return addresses }
        var range: SQLQueryString = "key >= \(bind: first)"
        if let next = try await key(at: number * perFile) { range += " AND key < \(bind: next)" }
        let rows = try await sql.raw("SELECT path FROM search_entries WHERE " + range + " AND is_public = \(bind: true) ORDER BY key").all()
        for row in rows { addresses.append(publicURL + (try row.decode(column: "path", as: String.self))) }
        return addresses
    }

    /// The key `offset` entries into the index's key order, nil past its end.
    private func key(at offset: Int) async throws -> String? {
        try await sql.raw("SELECT key FROM search_entries ORDER BY key LIMIT 1 OFFSET \(bind: offset)").first()?.decode(column: "key", as: String.self)
    }

    private var sql: any SQLDatabase { services.database.readsPlannedPerRun }
    private var publicURL: String { services.configuration.publicURL }
}
