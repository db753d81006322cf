
/// The record a profile page shows, as other capabilities see it: its kind (a directory
/// kind such as "person", "organization", "area"), id and title.
struct ProfileSubject: Sendable {
    let kind: String
    let id: String
    let title: String
}

/// A capability that adds a section to profile pages, such as the events a city hosted or a
/// mayor spoke at. The capability that owns the page knows the providers only through this,
/// so each adds its part without depending on the other.
protocol ProfileSectionProvider: Sendable {
    /// The section for this record, or nil when the capability has nothing to show.
    func profileSection(for subject: ProfileSubject) async throws -> Node<HTML.BodyContext>?
    /// The same section as a read not yet run, so the page sends it with its own reads (one
    /// statement for all on PostgreSQL); nil (the default) for a section read in several steps,
    /// which the page asks for through `profileSection(for:)`.
    func profileSectionRead(for subject: ProfileSubject) -> PendingRead<Node<HTML.BodyContext>?>?
    /// What the section shows, so the cached profile page is refreshed when it changes.
    var shows: [ChangeTopic] { get }
}

extension ProfileSectionProvider {
    func profileSectionRead(for subject: ProfileSubject) -> PendingRead<Node<HTML.BodyContext>?>? { nil }
}

/// The sections other capabilities add to one page: those that read in one step are read with
/// the page's own reads (`read`, one statement for all on PostgreSQL), the others afterwards.
struct PageSections: Sendable {
    private let subject: ProfileSubject
    private let providers: [any ProfileSectionProvider]
    private let reads: [PendingRead<Node<HTML.BodyContext>?>?]

    init(_ providers: [any ProfileSectionProvider], for subject: ProfileSubject) {
        self.subject = subject
        self.providers = providers
        reads = providers.map { $0.profileSectionRead(for: subject) }
    }

    /// What the sections that read in one step read, for the page to send with its own reads.
    var read: PendingRead<[Node<HTML.BodyContext>?]> { .all(reads.compactMap { $0 }) }

    /// Each section with something to show, in the providers' order: from the answers to
    /// `read`, and the others read now.
    func sections(given answers: [Node<HTML.BodyContext>?]) async throws -> [Node<HTML.BodyContext>] {
        var answered = answers.makeIterator()
        var sections: [Node<HTML.BodyContext>] = []
        for (provider, pending) in zip(providers, reads) {
            let section = pending == nil ? try await provider.profileSection(for: subject) : answered.next() ?? nil
            if let section { sections.append(section) }
        }
        return sections
    }
}
