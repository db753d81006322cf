/// schema.org descriptions every capability's list pages share.
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
}
