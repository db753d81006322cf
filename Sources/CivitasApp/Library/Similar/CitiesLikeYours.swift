import CivitasCore

/// Which cities resemble a given one, and why, in words a visitor reads: the same size of
/// city (when both populations are known), the same state or region, the same country.
/// Cities that share nothing with it are not "like" it.
enum CitiesLikeYours {
    struct Match: Sendable {
        let place: PlaceFacts
        let score: Int
        /// The city it was compared with.
        let city: PlaceFacts

        /// "a city of 200,000–500,000 people", "in Wisconsin", "in the United States". Written
        /// only for the matches a page shows: every city is compared, and a practice page shows
        /// eight (writing the reasons of all took a quarter of its comparing).
        var reasons: [String] {
            var reasons: [String] = []
            if let band = CitiesLikeYours.sharedBand(city, place) { reasons.append("a city of \(bands[band].label)") }
            switch CitiesLikeYours.sharedPlace(city, place) {
            case .region(let region): reasons.append("in \(region)")
            case .country(let country): reasons.append("in \(CitiesLikeYours.countryName(city.countryName ?? country))")
            case nil: break
            }
            return reasons
        }
    }

    /// Population bands, as networks and funders group cities.
    static let bands: [(upTo: Int, label: String)] = [
        (50_000, "under 50,000 people"), (200_000, "50,000–200,000 people"), (500_000, "200,000–500,000 people"),
        (1_000_000, "500,000–1 million people"), (5_000_000, "1–5 million people"), (Int.max, "over 5 million people"),
    ]

    static func band(_ population: Int) -> Int { bands.firstIndex { population < $0.upTo } ?? bands.count - 1 }

    /// The cities most like `city` among `places`, best first (then by name), itself left out.
    static func matches(for city: PlaceFacts, among places: [PlaceFacts]) -> [Match] {
        places.compactMap { other -> Match? in
            guard other.reference.id != city.reference.id else { return nil }
            var score = sharedBand(city, other) == nil ? 0 : 3
            switch sharedPlace(city, other) {
            case .region: score += 2
            case .country: score += 1
            case nil: break
            }
            return score > 0 ? Match(place: other, score: score, city: city) : nil
        }
        .sorted { ($0.score, $1.place.reference.title) > ($1.score, $0.place.reference.title) }
    }

    /// The population band both cities are in, when both populations are known.
    static func sharedBand(_ city: PlaceFacts, _ other: PlaceFacts) -> Int? {
        guard let mine = city.population, let theirs = other.population, band(mine) == band(theirs) else { return nil }
        return band(mine)
    }

    enum SharedPlace { case region(String), country(String) }

    /// The state or region both cities lie in, else the country they share.
    static func sharedPlace(_ city: PlaceFacts, _ other: PlaceFacts) -> SharedPlace? {
        if let region = city.region, region == other.region { return .region(region) }
        if let country = city.countryCode, country == other.countryCode { return .country(country) }
        return nil
    }

    /// Country names read with their article where English gives one ("the United States").
    static func countryName(_ name: String) -> String {
        ["United ", "Netherlands", "Philippines", "Czech Republic"].contains { name.hasPrefix($0) } ? "the " + name : name
    }

    /// "Also a city of 200,000–500,000 people, in Wisconsin; shares the topics Public safety and Youth"
    static func explanation(_ match: Match, sharedTopics: [String] = []) -> String {
        var text = "Also " + match.reasons.joined(separator: ", ")
        if !sharedTopics.isEmpty {
            text += "; shares the topic\(sharedTopics.count == 1 ? "" : "s") " + EnglishList.joined(sharedTopics)
        }
        return text
    }
}
