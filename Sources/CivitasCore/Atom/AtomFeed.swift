import Foundation

/// An Atom feed (RFC 4287): a feed with an id, title, update time and links, and entries
/// each with a stable id, title, update time, link and summary. Text is escaped for XML;
/// characters XML 1.0 cannot carry (most control characters) are left out.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        public let id: String
        public let title: String
        public let link: String
        public let updated: Date
        public let published: Date?
        public let summary: String?
        public let categories: [String]

        public init(id: String, title: String, link: String, updated: Date, published: Date? = nil, summary: String? = nil, categories: [String] = []) {
            self.id = id
            self.title = title
            self.link = link
            self.updated = updated
            self.published = published
            self.summary = summary
            self.categories = categories
        }
    }

    public let id: String
    public let title: String
    /// The feed's own address (`rel="self"`) and the page it follows (`rel="alternate"`).
    public let selfLink: String
    public let pageLink: String
    public let author: String
    public let updated: Date
    public let entries: [Entry]

    public init(id: String, title: String, selfLink: String, pageLink: String, author: String, updated: Date, entries: [Entry]) {
        self.id = id
        self.title = title
        self.selfLink = selfLink
        self.pageLink = pageLink
        self.author = author
        self.updated = updated
        self.entries = entries
    }

    public var xml: String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <id>\(Self.escape(id))</id>\n  <title>\(Self.escape(title))</title>\n  <updated>\(Self.timestamp(updated))</updated>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.escape(selfLink))\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(pageLink))\"/>\n"
        out += "  <author><name>\(Self.escape(author))</name></author>\n"
        for entry in entries {
            out += "  <entry>\n    <id>\(Self.escape(entry.id))</id>\n    <title>\(Self.escape(entry.title))</title>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(entry.link))\"/>\n"
            out += "    <updated>\(Self.timestamp(entry.updated))</updated>\n"
            if let published = entry.published { out += "    <published>\(Self.timestamp(published))</published>\n" }
            for category in entry.categories { out += "    <category term=\"\(Self.escape(category))\"/>\n" }
            if let summary = entry.summary { out += "    <summary type=\"text\">\(Self.escape(summary))</summary>\n" }
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    /// RFC 3339 in UTC, as Atom's date constructs require.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Escapes the five XML specials and drops what XML 1.0 forbids (see `XMLText`).
    public static func escape(_ text: String) -> String { XMLText.escape(text) }
}
