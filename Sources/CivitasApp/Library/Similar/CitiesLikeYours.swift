import CivitasCore

/// Which cities resemble a given one, and why, in words a visitor reads: the same size of
/// city (when both populations are known), the same state or region, the same country.
/// Cities that share nothing with it are not "like" it.
enum CitiesLikeYours {
    struct Match: Sendable {
        let place: PlaceFacts
        let score: Int
        /// "a city of 200,000–500,000 people", "in Wisconsin", "in the United States"
        let reasons: [String]
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
            var score = 0
            var reasons: [String] = []
            if let mine = city.population, let theirs = other.population, band(mine) == band(theirs) {
                score += 3
                reasons.append("a city of \(bands[band(mine)].label)")
            }
            if let region = city.region, region == other.region {
                score += 2
                reasons.append("in \(region)")
            } else if let country = city.countryCode, country == other.countryCode {
                score += 1
                reasons.append("in \(Self.countryName(city.countryName ?? country))")
            }
            return score > 0 ? Match(place: other, score: score, reasons: reasons) : nil
        }
        .sorted { ($0.score, $1.place.reference.title) > ($1.score, $0.place.reference.title) }
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
