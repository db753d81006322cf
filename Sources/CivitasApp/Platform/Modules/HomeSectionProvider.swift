
/// A capability's part of the home page (the directory's counts and networks, the next or
/// latest events...). Rendered in module order; a provider with nothing to show returns nil.
protocol HomeSectionProvider: Sendable {
    func homeSection() async throws -> Node<HTML.BodyContext>?
    /// What the section shows, so the cached home page is refreshed when it changes.
    var shows: [ChangeTopic] { get }
}
