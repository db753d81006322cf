import CivitasCore
import Foundation
import SQLKit

/// The directory's part of a scaled demo network: countries and cities (a tenth of its
/// records), city governments and networks (15%), and people (the rest), each person holding
/// an office or a seat in a city government with the dates of their term. Shares the cities,
/// people, organizations and topics it made for the capabilities that link to them.
struct DirectoryScaleDemo: ScaleDemoGenerator {
    var label: String { "places, organizations and people" }
    var weight: Int { 20 }

    func generate(count: Int, context: ScaleDemoContext) async throws {
        let now = context.now
        let countries = PolicyText.countries.prefix(max(1, min(PolicyText.countries.count, count / 20)))
        let cityCount = max(1, count / 10 - countries.count)
        let organizationCount = max(1, count * 15 / 100)
        let peopleCount = max(0, count - countries.count - cityCount - organizationCount)

        // Topics are not counted among the searchable records: reuse the network's, add the rest.
        let existing = Set(try await context.sql.select().column("slug").from("topics").all().map { try $0.decode(column: "slug", as: String.self) })
        var topicIDs: [String] = []
        for name in PolicyText.topics {
            let slug = Slug.make(from: name)
            topicIDs.append("topic-\(slug)")
            guard !existing.contains(slug) else { continue }
            try await context.insert(into: "topics", columns: ["id", "slug", "name", "description", "published", "created_at", "updated_at"],
                                     values: ["topic-\(slug)", slug, name, "Records of the network on \(name.lowercased()).", true, now, now])
        }
        context.share("topics", ids: topicIDs)

        var countryIDs: [(id: String, code: String)] = []
        for country in countries {
            let slug = "scale-" + Slug.make(from: country.name)
            let id = "area-\(slug)"
            countryIDs.append((id, country.code))
            try await insertArea(id: id, slug: slug, name: country.name, classification: "country", parent: nil, code: country.code,
                                 population: nil, summary: "\(country.name), with its member cities.", context: context)
        }

        var cityIDs: [String] = []
        var cityNames: [String] = []
        for index in 0..<cityCount {
            let name = Self.cityName(index)
            let slug = "\(Slug.make(from: name))-\(index)"
            let country = countryIDs[index % countryIDs.count]
            let id = "area-\(slug)"
            cityIDs.append(id)
            cityNames.append(name)
            let population = 20_000 + context.random.index(3_000_000)
            try await insertArea(id: id, slug: slug, name: name, classification: "city", parent: country.id, code: country.code,
                                 population: population, summary: PolicyText.sentence(&context.random, place: name), context: context)
        }
        context.share("cities", ids: cityIDs)
        context.share("city names", ids: cityNames)

        var organizationIDs: [String] = []
        var governments: [(id: String, city: Int)] = []
        for index in 0..<organizationCount {
            let city = index % cityIDs.count
            let isGovernment = index < cityIDs.count
            let name = isGovernment ? "City of \(cityNames[city])" : "\(cityNames[city]) \(context.random.pick(["Network", "Alliance", "Forum", "Coalition"])) for \(context.random.pick(PolicyText.topics))"
            let slug = "\(Slug.make(from: name))-\(index)"
            let id = "organization-\(slug)"
            organizationIDs.append(id)
            if isGovernment { governments.append((id, city)) }
            try await context.insert(into: "organizations", columns: ["id", "slug", "name", "classification", "area_id", "summary", "published", "created_at", "updated_at"],
                                     values: [id, slug, name, isGovernment ? "city_government" : "network", cityIDs[city],
                                              PolicyText.paragraph(&context.random, place: cityNames[city]), true, now, now])
            context.recordWritten()
        }
        context.share("organizations", ids: organizationIDs)

        // One mayor's office per city government; other people sit on its council.
        var mayorPosts: [String: String] = [:]
        for government in governments {
            let label = "Mayor of \(cityNames[government.city])"
            let slug = "\(Slug.make(from: label))-\(government.city)"
            mayorPosts[government.id] = "post-\(slug)"
            try await context.insert(into: "posts", columns: ["id", "slug", "label", "role", "organization_id", "area_id", "published", "created_at", "updated_at"],
                                     values: ["post-\(slug)", slug, label, "Mayor", government.id, cityIDs[government.city], true, now, now])
        }

        var peopleIDs: [String] = []
        for index in 0..<peopleCount {
            let given = context.random.pick(PolicyText.givenNames)
            let family = context.random.pick(PolicyText.familyNames)
            let name = "\(given) \(family)"
            let slug = "\(Slug.make(from: name))-\(index)"
            let id = "person-\(slug)"
            peopleIDs.append(id)
            let government = governments[index % governments.count]
            let city = cityNames[government.city]
            let isMayor = index < governments.count
            let start = 1990 + context.random.index(32)
            let end = start + 2 + context.random.index(8)
            let office = isMayor ? "Mayor of \(city)" : "Council member in \(city)"
            try await context.insert(into: "people", columns: ["id", "slug", "name", "sort_name", "summary", "published", "created_at", "updated_at"],
                                     values: [id, slug, name, "\(family), \(given)", "\(office). " + PolicyText.sentence(&context.random, place: city), true, now, now])
            try await context.insert(into: "memberships", columns: ["id", "person_id", "organization_id", "post_id", "role", "start_date", "end_date", "published", "created_at", "updated_at"],
                                     values: ["membership-\(slug)", id, government.id, isMayor ? mayorPosts[government.id] : nil, isMayor ? "Mayor" : "Council member",
                                              String(start), end < 2026 ? String(end) : nil, true, now, now])
            context.recordWritten()
        }
        context.share("people", ids: peopleIDs)
    }

    private func insertArea(id: String, slug: String, name: String, classification: String, parent: String?, code: String,
                            population: Int?, summary: String, context: ScaleDemoContext) async throws {
        try await context.insert(into: "areas", columns: ["id", "slug", "name", "classification", "parent_id", "country_code", "population", "summary", "published", "created_at", "updated_at"],
                                 values: [id, slug, name, classification, parent, code, population, summary, true, context.now, context.now])
        context.recordWritten()
    }

    /// "Bogotá", "Bogotá Norte", ... then numbered districts once the names run out.
    static func cityName(_ index: Int) -> String {
        let names = PolicyText.placeNames, qualifiers = PolicyText.placeQualifiers
        let base = names[index % names.count]
        let qualifier = qualifiers[(index / names.count) % qualifiers.count]
        let round = index / (names.count * qualifiers.count)
        return [base, qualifier, round > 0 ? String(round + 1) : ""].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
