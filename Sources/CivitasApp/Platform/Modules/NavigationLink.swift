/// A link a capability adds to the site's navigation or to the staff dashboard.
struct NavigationLink: Sendable {
    let label: String
    let destination: SiteLink
    /// Who sees the link; the route behind it enforces its own rule regardless.
    let visibleTo: AccessRule

    init(label: String, destination: some SitePath, visibleTo: AccessRule = .everyone) {
        self.label = label
        self.destination = SiteLink(destination)
        self.visibleTo = visibleTo
    }
}

/// A capability's part of the staff dashboard: a heading and its links.
struct StaffLinks: Sendable {
    let heading: String
    let links: [NavigationLink]
}
