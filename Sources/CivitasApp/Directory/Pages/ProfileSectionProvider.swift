import Plot

/// A capability that adds a section to directory profile pages, such as the events a city
/// hosted or a mayor spoke at. The directory knows the providers only through this, so a
/// capability adds its part without the directory depending on it.
protocol ProfileSectionProvider: Sendable {
    /// The section for this record, or nil when the capability has nothing to show.
    func profileSection(for record: RecordValues) async throws -> Node<HTML.BodyContext>?
}
