/// The XML of the sitemaps protocol (sitemaps.org, version 0.9), which search engines read to
/// find every public page: a `urlset` of page addresses, or, past the protocol's limit of
/// 50,000 addresses a file, a `sitemapindex` naming the files that hold them.
public enum SitemapDocument {
    /// At most this many addresses in one file (the protocol's limit).
    public static let addressLimit = 50_000

    public static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// A file of page addresses (absolute URLs).
    public static func urlset(_ addresses: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(namespace)\">\n"
        out.reserveCapacity(out.utf8.count + addresses.count * 80)
        for address in addresses { out += "<url><loc>\(XMLText.escape(address))</loc></url>\n" }
        return out + "</urlset>\n"
    }

    /// An index of sitemap files (absolute URLs).
    public static func index(_ sitemaps: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(namespace)\">\n"
        for sitemap in sitemaps { out += "<sitemap><loc>\(XMLText.escape(sitemap))</loc></sitemap>\n" }
        return out + "</sitemapindex>\n"
    }
}
