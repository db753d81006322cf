import Synchronization

/// What the installed capabilities contribute to pages they do not own: navigation links,
/// the staff dashboard, home and profile sections, API scopes. Filled once from the module
/// manifests when the application is built (modules are made from `AppServices`, so this
/// cannot be known before), read by every page afterwards.
final class SiteExtensions: Sendable {
    struct Contents: Sendable {
        var navigation: [NavigationLink] = []
        var footerLinks: [NavigationLink] = []
        var identity: IdentityProvider?
        var staffLinks: [StaffLinks] = []
        var homeSections: [any HomeSectionProvider] = []
        var profileSections: [any ProfileSectionProvider] = []
        var apiScopes: [APIScope] = []
        var searchSources: [any SearchDocumentSource] = []
        var siteSearch: SiteLink?
        var sitemap: SiteLink?
        var crawlerExclusions: [String] = []
        var textSearch: (any RecordTextSearch)?
        var records: [any RecordLookup] = []
        var handovers: [any RecordHandover] = []
        var scaleDemoGenerators: [any ScaleDemoGenerator] = []
    }

    private let contents = Mutex(Contents())
    /// The header and footer every visitor sees, rendered once (they depend only on what is installed).
    private let visitorFrame = Mutex<PageFrame?>(nil)

    func install(_ modules: [any CivitasModule]) {
        var new = Contents()
        for module in modules {
            new.navigation += module.navigationLinks
            new.footerLinks += module.footerLinks
            if let identity = module.identity { new.identity = identity }
            if let links = module.staffLinks { new.staffLinks.append(links) }
            new.homeSections += module.homeSections
            new.profileSections += module.profileSections
            new.apiScopes += module.apiScopes
            if let source = module.searchDocuments { new.searchSources.append(source) }
            if let search = module.siteSearch { new.siteSearch = search }
            if let sitemap = module.sitemap { new.sitemap = sitemap }
            new.crawlerExclusions += module.crawlerExclusions
            if let search = module.textSearch { new.textSearch = search }
            if let lookup = module.recordLookup { new.records.append(lookup) }
            new.handovers += module.handovers
            if let generator = module.scaleDemo { new.scaleDemoGenerators.append(generator) }
        }
        contents.withLock { $0 = new }
        visitorFrame.withLock { $0 = nil }
    }

    /// The visitors' page frame, made by `make` the first time it is asked for.
    func visitorFrame(_ make: () -> PageFrame) -> PageFrame {
        if let known = visitorFrame.withLock({ $0 }) { return known }
        let made = make()
        visitorFrame.withLock { $0 = made }
        return made
    }

    var navigation: [NavigationLink] { contents.withLock { $0.navigation } }
    var footerLinks: [NavigationLink] { contents.withLock { $0.footerLinks } }
    var identity: IdentityProvider? { contents.withLock { $0.identity } }
    var staffLinks: [StaffLinks] { contents.withLock { $0.staffLinks } }
    var homeSections: [any HomeSectionProvider] { contents.withLock { $0.homeSections } }
    var profileSections: [any ProfileSectionProvider] { contents.withLock { $0.profileSections } }
    var apiScopes: [APIScope] { contents.withLock { $0.apiScopes } }
    /// The capabilities' search documents, in module order.
    var searchSources: [any SearchDocumentSource] { contents.withLock { $0.searchSources } }
    /// Every kind the search index holds, as a search's `kind` names them.
    var searchKinds: [String] { searchSources.flatMap(\.searchKinds).map(\.kind) }
    /// Where the search box on every page sends its words, when a capability searches.
    var siteSearch: SiteLink? { contents.withLock { $0.siteSearch } }
    /// The sitemap of every public page, when a capability lists them.
    var sitemap: SiteLink? { contents.withLock { $0.sitemap } }
    /// Public paths crawlers should leave alone (see `CivitasModule.crawlerExclusions`).
    var crawlerExclusions: [String] { contents.withLock { $0.crawlerExclusions } }
    /// How lists match `?q=` through the search index, when there is one.
    var textSearch: (any RecordTextSearch)? { contents.withLock { $0.textSearch } }
    /// Lookups into records kept by other capabilities, by kind (see `RecordLookup`).
    var records: RecordLookups { RecordLookups(lookups: contents.withLock { $0.records }) }
    /// Records other capabilities hand over of `kind` (see `RecordHandover`).
    func handovers(of kind: String) -> [any RecordHandover] { contents.withLock { $0.handovers.filter { $0.kind == kind } } }
    /// The capabilities' parts of a scaled demo network, in module order.
    var scaleDemoGenerators: [any ScaleDemoGenerator] { contents.withLock { $0.scaleDemoGenerators } }
}
