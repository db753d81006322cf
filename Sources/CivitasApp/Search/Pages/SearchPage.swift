import CivitasCore

/// The search page: the query, facets as links that choose or drop a value (no JavaScript),
/// the ranked results with their snippets, and pages.
struct SearchPage {
    let parameters: SearchParameters
    let query: SearchQuery
    let results: SearchResults

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: "Search")),
            .form(.class("search"), .method(.get), .action(to: SearchURL.page), .attribute(named: "role", value: "search"),
                  .label(.class("visually-hidden"), .for("q"), .text(escaping: "Words to search for")),
                  .input(.type(.search), .id("q"), .name("q"), .value(escaping: parameters.text)),
                  .forEach(SearchFacet.allCases) { facet in
                      .forEach(parameters.filters[facet] ?? []) { .input(.type(.hidden), .name(escaping: facet.rawValue), .value(escaping: $0)) }
                  },
                  .button(.type(.submit), .text(escaping: "Search"))),
            .p(.class("meta"), .text(escaping: "Words in any order; \"an exact phrase\"; -word to leave a word out. Case and accents do not matter.")),
            summary,
            facets,
            .ol(.class("results"), .forEach(results.hits) { [matcher = SearchHighlight.Matcher(query)] hit in result(hit, matcher: matcher) }),
            pager
        )
    }

    private var summary: Node<HTML.BodyContext> {
        if query.isEmpty && parameters.filters.isEmpty { return .p(.text(escaping: "Type words to search people, places, organisations, events, practices, resources and news.")) }
        return .group(
            .forEach(results.suggestions) { value in
                .p(.class("notice"), .a(.href(to: parameters.link(toggling: SearchFacet(rawValue: value.facet)!, value: value.value)),
                                        .text(escaping: "Show only results \(Self.preposition(value)) \(value.label)")),
                   .text(escaping: " (those come first)"))
            },
            .forEach(results.corrections.sorted { $0.key < $1.key }) { typed, found in
                .p(.class("notice"), .text(escaping: "Including results for \(EnglishList.joined(found.map { "“\($0)”" }, conjunction: "or")), for “\(typed)”"))
            },
            .p(.class("meta"), .text(escaping: results.countsAreEstimates
                ? "About \(results.total.formatted()) results (this count and the counts beside the filters are estimated from \(results.estimatedFrom.formatted()) of them)"
                : "\(results.total) result\(results.total == 1 ? "" : "s")")))
    }

    private var facets: Node<HTML.BodyContext> {
        .if(results.total > 0 || !parameters.filters.isEmpty, .div(.class("facets"), .forEach(SearchFacet.allCases) { facet in
            let counts = results.facets[facet] ?? []
            let chosen = parameters.filters[facet] ?? []
            return .if(!counts.isEmpty || !chosen.isEmpty, .element(named: "fieldset", nodes: [
                .element(named: "legend", text: facet.label),
                .ul(.forEach(counts) { count in
                    let isChosen = chosen.contains(count.value)
                    return .li(.a(.href(to: parameters.link(toggling: facet, value: count.value)),
                                  .if(isChosen, .attribute(named: "aria-current", value: "true")),
                                  .text(escaping: "\(isChosen ? "✓ " : "")\(count.label)")),
                               .span(.class("meta"), .text(escaping: " \(count.count)")))
                }),
                .forEach(chosen.filter { value in !counts.contains { $0.value == value } }) { value in
                    .p(.a(.href(to: parameters.link(toggling: facet, value: value)), .text(escaping: "✓ \(value) (remove)")))
                },
            ]))
        }))
    }

    private func result(_ hit: SearchHit, matcher: SearchHighlight.Matcher) -> Node<HTML.ListContext> {
        .li(.h2(.class("result-title"), .a(.href(to: SiteLink(path: hit.path)), .text(escaping: hit.title))),
            .p(.class("meta"), .span(.class("tag"), .text(escaping: kindLabel(hit.kind))),
               .if(!hit.isPublic, .span(.class("tag"), .text(escaping: "Not published"))),
               .unwrap(hit.facts) { .text(escaping: $0) }),
            .p(.forEach(SearchHighlight.snippet(hit.body, matcher: matcher)) { piece in
                piece.isMatch ? .element(named: "mark", nodes: [.text(escaping: piece.text)]) : .text(escaping: piece.text)
            }))
    }

    /// Results "on" a topic, "in" a city or country.
    static func preposition(_ value: SearchFacetValue) -> String {
        value.facet == SearchFacet.topic.rawValue ? "on" : "in"
    }

    private func kindLabel(_ kind: String) -> String {
        results.facets[.kind]?.first { $0.value == kind }?.label ?? kind.capitalized
    }

    private var pager: Node<HTML.BodyContext> {
        let hasNext = parameters.page.offset + results.hits.count < results.total
        return .nav(.class("pager"), .attribute(named: "aria-label", value: "Pages"),
            .if(parameters.page.page > 1, .a(.href(to: parameters.link(page: parameters.page.page - 1)), .text(escaping: "Previous page"))),
            .if(hasNext, .a(.href(to: parameters.link(page: parameters.page.page + 1)), .text(escaping: "Next page"))))
    }
}
