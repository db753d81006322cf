
/// On a city's page: practices from cities like it, each saying why its city is alike.
struct CitiesLikeYoursSection: ProfileSectionProvider {
    let services: AppServices

    var shows: [ChangeTopic] { [.every(LibraryKind.practice.rawValue), .every("area")] }

    func profileSection(for subject: ProfileSubject) async throws -> Node<HTML.BodyContext>? {
        guard subject.kind == "area",
              let found = try await PracticesFromSimilarCities(services: services).lines(for: subject.id), !found.lines.isEmpty else { return nil }
        return PracticesFromSimilarCities.section(heading: "Practices from cities like \(found.city.reference.title)", lines: found.lines, empty: "")
    }
}
