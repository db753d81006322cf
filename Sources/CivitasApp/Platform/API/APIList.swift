import CivitasCore
import OpenAPIKit

/// Every API list answers `{"items": [...], "page": {"page", "per", "total"}}`.
struct APIList<Item: Encodable & Sendable>: Encodable, Sendable, SelfWritingJSON {
    let items: [Item]
    let page: PageInfo

    init(items: [Item], pagination: Pagination, total: Int) {
        self.items = items
        self.page = PageInfo(page: pagination.page, per: pagination.per, total: total)
    }

    func writeJSON(to json: JSONOutput) throws {
        try json.object { object in
            object.key("items")
            try json.array(items) { try json.writeValue($0) }
            try object.member("page", page)
        }
    }

    static func schema(items: JSONSchema) -> JSONSchema {
        .record(["items": .array(items: items), "page": .reference(.component(named: "Page"))])
    }
}

/// Where a list answer sits in the whole list.
struct PageInfo: APIBody, SelfWritingJSON {
    let page: Int
    let per: Int
    let total: Int

    func writeJSON(to json: JSONOutput) throws {
        try json.object { object in
            object.member("page", page)
            object.member("per", per)
            object.member("total", total)
        }
    }

    static var schema: JSONSchema {
        .record([
            "page": .integer(minimum: (1, exclusive: false)),
            "per": .integer(maximum: (Pagination.maximumPer, exclusive: false), minimum: (1, exclusive: false)),
            "total": .integer(minimum: (0, exclusive: false)),
        ])
    }
}
