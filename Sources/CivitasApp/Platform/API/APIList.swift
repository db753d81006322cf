import CivitasCore
import OpenAPIKit

/// Every API list answers `{"items": [...], "page": {"page", "per", "total"}}`.
struct APIList<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let page: PageInfo

    init(items: [Item], pagination: Pagination, total: Int) {
        self.items = items
        self.page = PageInfo(page: pagination.page, per: pagination.per, total: total)
    }

    static func schema(items: JSONSchema) -> JSONSchema {
        .record(["items": .array(items: items), "page": .reference(.component(named: "Page"))])
    }
}

/// Where a list answer sits in the whole list.
struct PageInfo: APIBody {
    let page: Int
    let per: Int
    let total: Int

    static var schema: JSONSchema {
        .record([
            "page": .integer(minimum: (1, exclusive: false)),
            "per": .integer(maximum: (Pagination.maximumPer, exclusive: false), minimum: (1, exclusive: false)),
            "total": .integer(minimum: (0, exclusive: false)),
        ])
    }
}
