import FluentKit
import Hummingbird
import ServiceLifecycle

/// What a capability contributes, declared in one place (as Decidim's component manifest).
/// Platform reads nothing else of a capability: adding one is a folder and one line in
/// `Sources/CivitasApp/Modules.swift`, and edits no Platform file.
protocol CivitasModule: Sendable {
    var name: String { get }
    /// Numbered, in the order they run; each with a `revert`.
    var migrations: [any Migration] { get }
    /// Registers the capability's routes, each in a group with its access rule; API routes
    /// carry their OpenAPI operation (`RouteGroup.get(_:documented:use:)`), from which the
    /// OpenAPI document is built.
    func registerRoutes(on routes: SiteRoutes)
    /// Links in the site's main navigation, in the order shown.
    var navigationLinks: [NavigationLink] { get }
    /// Links on the staff dashboard, under the capability's heading.
    var staffLinks: StaffLinks? { get }
    /// Sections of the home page, in module order.
    var homeSections: [any HomeSectionProvider] { get }
    /// Sections this capability adds to other capabilities' profile pages.
    var profileSections: [any ProfileSectionProvider] { get }
    /// Scopes an API token may carry for this capability's writes.
    var apiScopes: [APIScope] { get }
    /// Sessions, tokens and sign-in links (the capability that keeps accounts gives one).
    var identity: IdentityProvider? { get }
    /// Links in the footer of every page.
    var footerLinks: [NavigationLink] { get }
    /// Work that runs beside the HTTP server while it runs.
    var backgroundServices: [any Service] { get }
    /// Work to do after every published change, here or in another process (caches of the
    /// capability's own, a search index).
    var changeSubscribers: [ChangePublisher.Subscriber] { get }
    /// Adds this capability's records to the demo network, inside the given transaction.
    func loadDemo(on db: any Database, services: AppServices) async throws
    /// The capability's public records as documents for a search index.
    var searchDocuments: (any SearchDocumentSource)? { get }
    /// The page every page's search box sends its words to (`q`), from the capability that searches.
    var siteSearch: SiteLink? { get }
    /// The sitemap listing every public page (the sitemaps.org protocol), from the
    /// capability that knows them all; `/robots.txt` names it.
    var sitemap: SiteLink? { get }
    /// Path prefixes of this capability's public GET routes that crawlers should leave alone
    /// (a search's endless result pages); `/robots.txt` disallows them. Routes that need a
    /// sign-in or a token, and the JSON API, are disallowed without being listed here.
    var crawlerExclusions: [String] { get }
    /// How lists match `?q=` through the search index (from the capability that keeps it).
    var textSearch: (any RecordTextSearch)? { get }
    /// Lookups into the capability's records, for capabilities that refer to them.
    var recordLookup: (any RecordLookup)? { get }
    /// Records of kinds this capability no longer keeps, for the capability that keeps them now.
    var handovers: [any RecordHandover] { get }
    /// Its part of a scaled demo network (`civitas demo --scale N`), if it keeps searchable records.
    var scaleDemo: (any ScaleDemoGenerator)? { get }
}

extension CivitasModule {
    var navigationLinks: [NavigationLink] { [] }
    var staffLinks: StaffLinks? { nil }
    var homeSections: [any HomeSectionProvider] { [] }
    var profileSections: [any ProfileSectionProvider] { [] }
    var apiScopes: [APIScope] { [] }
    var identity: IdentityProvider? { nil }
    var footerLinks: [NavigationLink] { [] }
    var backgroundServices: [any Service] { [] }
    var changeSubscribers: [ChangePublisher.Subscriber] { [] }
    func loadDemo(on db: any Database, services: AppServices) async throws {}
    var searchDocuments: (any SearchDocumentSource)? { nil }
    var siteSearch: SiteLink? { nil }
    var sitemap: SiteLink? { nil }
    var crawlerExclusions: [String] { [] }
    var textSearch: (any RecordTextSearch)? { nil }
    var recordLookup: (any RecordLookup)? { nil }
    var handovers: [any RecordHandover] { [] }
    var scaleDemo: (any ScaleDemoGenerator)? { nil }
}
