import CivitasCore
import Hummingbird
import SQLKit

/// `/sitemap.xml`: every public page search engines should know of, so a network's practices,
/// people and convenings are found from outside. The home page and the site's lists first,
/// then every public record, read from the search index: it holds each capability's public
/// records with their paths, kept current by published changes, so no capability lists its
/// pages twice. Past 50,000 addresses (a network of a million records) `/sitemap.xml` is an
/// index of files `/sitemaps/1.xml`, `/sitemaps/2.xml`... of 50,000 each.
///
/// No `lastmod`: the index keeps no time of change, and search engines ignore dates they find
/// unreliable. Answers are cached like every public answer and dropped by any change of a kind
/// the index holds.
struct SearchSitemap: Sendable {
    let services: AppServices
    /// Addresses per file (the protocol allows 50,000); smaller in tests.
    var perFile = SitemapDocument.addressLimit

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

    func fileCount() async throws -> Int {
        let entries = try await sql.raw("SELECT count(*) AS total FROM search_entries WHERE is_public = \(bind: true)").first()?
            .decode(column: "total", as: Int.self) ?? 0
        return max(1, (fixedAddresses.count + entries + perFile - 1) / perFile)
    }

    /// File `number` (from 1) of the fixed addresses followed by every public record's, in the
    /// index's key order (which stays put as records are added, unlike a date's).
    func addresses(inFile number: Int) async throws -> [String] {
        let fixed = fixedAddresses
        let start = (number - 1) * perFile
        var addresses = start < fixed.count ? Array(fixed[start...].prefix(perFile)) : []
        let rows = try await sql.raw("""
            SELECT path FROM search_entries WHERE is_public = \(bind: true) ORDER BY key
            LIMIT \(bind: perFile - addresses.count) OFFSET \(bind: max(0, start - fixed.count))
            """).all()
        for row in rows { addresses.append(publicURL + (try row.decode(column: "path", as: String.self))) }
        return addresses
    }

    private var sql: any SQLDatabase { services.database.readsPlannedPerRun }
    private var publicURL: String { services.configuration.publicURL }
}
