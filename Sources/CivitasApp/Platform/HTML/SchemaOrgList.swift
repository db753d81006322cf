/// schema.org lists every capability's pages use.
enum SchemaOrgList {
    /// An `ItemList` of the records a list page shows, in its order.
    static func itemList(name: String, items: [(name: String, path: String)], baseURL: String) -> JSONValue {
        [
            "@context": "https://schema.org", "@type": "ItemList", "name": .string(name),
            "itemListElement": .array(items.enumerated().map { index, item in
                ["@type": "ListItem", "position": .int(index + 1), "name": .string(item.name), "url": .string(baseURL + item.path)]
            }),
        ]
    }

    /// A record page's place in the site (home, its list, the record) as a `BreadcrumbList`.
    static func breadcrumb(_ steps: [(name: String, path: String)], baseURL: String) -> JSONValue {
        [
            "@type": "BreadcrumbList",
            "itemListElement": .array(([(name: "Home", path: "/")] + steps).enumerated().map { index, step in
                ["@type": "ListItem", "position": .int(index + 1), "name": .string(step.name), "item": .string(baseURL + step.path)]
            }),
        ]
    }

    /// A record's description and its breadcrumb as one graph, the context said once.
    static func graph(_ description: JSONValue, breadcrumb steps: [(name: String, path: String)], baseURL: String) -> JSONValue {
        guard case .object(var object) = description else { return description }
        object["@context"] = nil
        return ["@context": "https://schema.org", "@graph": [.object(object), breadcrumb(steps, baseURL: baseURL)]]
    }
}
