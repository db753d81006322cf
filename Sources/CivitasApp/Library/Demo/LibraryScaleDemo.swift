import CivitasCore
import Foundation

/// The library's part of a scaled demo network: practices of the directory's cities (a quarter
/// of its records), resources and news (the rest, half each), with multi-paragraph text, topics,
/// and links to the cities, people and organizations they are about.
struct LibraryScaleDemo: ScaleDemoGenerator {
    var label: String { "practices, resources and news" }
    var weight: Int { 75 }

    func generate(count: Int, context: ScaleDemoContext) async throws {
        let practices = count / 4
        let resources = (count - practices) / 2
        let news = count - practices - resources
        let cities = context.ids("cities"), cityNames = context.ids("city names"), topics = context.ids("topics"), organizations = context.ids("organizations")
        let now = context.now

        func link(_ kind: LibraryKind, _ id: String, _ field: String, _ targets: [String]) async throws {
            for target in Set(targets) {
                try await context.insert(into: "library_links", columns: ["subject_kind", "subject_id", "field", "target_id"],
                                         values: [kind.rawValue, id, field, target])
            }
        }
        func someTopics() -> [String] { topics.isEmpty ? [] : (0..<(1 + context.random.index(2))).map { _ in context.random.pick(topics) } }
        func place(_ index: Int) -> (id: String?, name: String) {
            cities.isEmpty || cityNames.count != cities.count
                ? (nil, PolicyText.placeNames[index % PolicyText.placeNames.count])
                : (cities[index % cities.count], cityNames[index % cities.count])
        }
        /// A record's slug (its title's, numbered to stay unique) and id.
        func key(_ kind: LibraryKind, _ title: String, _ index: Int) -> (slug: String, id: String) {
            let slug = "\(Slug.make(from: title))-\(index)"
            return (slug, "\(kind.rawValue)-\(slug)")
        }
        func day() -> String {
            String(format: "%04d-%02d-%02d", 1998 + context.random.index(29), 1 + context.random.index(12), 1 + context.random.index(28))
        }

        for index in 0..<practices {
            let (city, name) = place(index)
            let title = PolicyText.title(&context.random)
            let (slug, id) = key(.practice, title, index)
            try await context.insert(
                into: "practices",
                columns: ["id", "slug", "title", "responsible_office", "status", "start_year", "summary", "problem", "approach", "outcomes",
                          "evidence_level", "lessons", "published", "created_at", "updated_at"],
                values: [id, slug, title, "Office of the Mayor of \(name)", context.random.pick(LibraryKind.practiceStatuses), 1995 + context.random.index(31),
                         PolicyText.sentence(&context.random, place: name), PolicyText.paragraph(&context.random, place: name),
                         PolicyText.paragraphs(&context.random, place: name), PolicyText.paragraph(&context.random, place: name),
                         context.random.pick(LibraryKind.evidenceLevels), PolicyText.paragraph(&context.random, place: name), true, now, now])
            try await link(.practice, id, "city_ids", [city].compactMap { $0 })
            try await link(.practice, id, "topic_ids", someTopics())
            context.recordWritten()
        }
        for index in 0..<resources {
            let (_, name) = place(index)
            let title = PolicyText.title(&context.random)
            let (slug, id) = key(.resource, title, index)
            try await context.insert(
                into: "resources", columns: ["id", "slug", "title", "subtitle", "kind", "published_on", "summary", "published", "created_at", "updated_at"],
                values: [id, slug, title, "Lessons from \(name)", context.random.pick(LibraryKind.resourceKinds), day(),
                         PolicyText.paragraphs(&context.random, place: name), true, now, now])
            if !organizations.isEmpty { try await link(.resource, id, "author_organization_ids", [context.random.pick(organizations)]) }
            try await link(.resource, id, "topic_ids", someTopics())
            context.recordWritten()
        }
        for index in 0..<news {
            let (city, name) = place(index)
            let kind = context.random.pick(LibraryKind.newsKinds)
            let title = "\(name): \(PolicyText.programme(&context.random)) \(context.random.pick(["announced", "launched", "reaches its first year", "wins support", "opens applications"]))"
            let (slug, id) = key(.news, title, index)
            try await context.insert(
                into: "news_items", columns: ["id", "slug", "title", "kind", "published_on", "body", "featured", "published", "created_at", "updated_at"],
                values: [id, slug, title, kind, day(), PolicyText.paragraphs(&context.random, place: name), false, true, now, now])
            try await link(.news, id, "area_ids", [city].compactMap { $0 })
            try await link(.news, id, "topic_ids", someTopics())
            context.recordWritten()
        }
    }
}
