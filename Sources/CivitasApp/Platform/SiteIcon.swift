/// The site's icon, beside the stylesheet: every page links it, so browsers show it in tabs and
/// bookmarks instead of asking for `/favicon.ico`, which clients that read no page (feed
/// readers, crawlers) still ask for and are sent on to it. A vector image: one file for every
/// size, in the stylesheet's accent colour.
enum SiteIcon {
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">\
        <rect width="64" height="64" rx="12" fill="#1f5fbf"/>\
        <path d="M44 22a16 16 0 1 0 0 20" fill="none" stroke="#fbfcfd" stroke-width="8" stroke-linecap="round"/>\
        </svg>

        """
}
