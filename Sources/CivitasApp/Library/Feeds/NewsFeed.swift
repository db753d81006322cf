import CivitasCore
import Crypto
import Foundation

/// The news as an Atom feed. Entry ids are name-based UUIDs (RFC 9562 version 5) of the
/// item's id, so they stay the same when the site moves to another address or an item's
/// title or slug changes.
enum NewsFeed {
    static func atom(items: [LibraryRecord], topic: RecordReference?, networkName: String, publicURL: String, now: Date) -> String {
        let selfPath = LibraryURL.newsFeed.with(query: [("topic", topic?.slug ?? "")]).path
        let pagePath = LibraryURL.list(.news).with(query: [("topic", topic?.slug ?? "")]).path
        let entries = items.map { item in
            let published = item.text("published_on").flatMap(PartialDate.init)?.startDate
            return AtomFeed.Entry(
                id: "urn:uuid:" + nameBasedUUID("news/" + item.id),
                title: item.title, link: publicURL + LibraryURL.record(.news, item.urlKey).path,
                updated: item.updatedAt ?? published ?? now, published: published,
                summary: item.text("subtitle") ?? item.text("body").map { String($0.prefix(500)) },
                categories: [item.text("kind") ?? "announcement"])
        }
        return AtomFeed(
            id: "urn:uuid:" + nameBasedUUID("news/" + (topic.map { "topic/" + $0.id } ?? "all")),
            title: topic.map { "\(networkName): news on \($0.title)" } ?? "\(networkName): news",
            selfLink: publicURL + selfPath, pageLink: publicURL + pagePath, author: networkName,
            updated: entries.map(\.updated).max() ?? now, entries: entries).xml
    }

    /// A fixed namespace for the site's feed ids.
    private static let namespace: [UInt8] = [0x6f, 0x1c, 0x2b, 0x4e, 0x8a, 0x53, 0x4d, 0x2f, 0x9b, 0x7e, 0x12, 0xc4, 0x0a, 0x5d, 0x33, 0x81]

    /// RFC 9562 section 5.5: SHA-1 of namespace and name, version 5, variant 10.
    static func nameBasedUUID(_ name: String) -> String {
        var bytes = Array(Insecure.SHA1.hash(data: Data(namespace + Array(name.utf8))).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
