import FluentKit
import SQLKit

/// Practices, resources and news, and the links each keeps to cities, people,
/// organizations, topics, sources and other library records (`library_links`, one row per
/// link, named by the field that holds it). Ids are text; dates without times are ISO 8601
/// text, as in the directory.
struct M001_CreateLibrary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("practices")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("title", .string, .required)
            .field("responsible_office", .string)
            .field("status", .string, .required)
            .field("start_year", .int64)
            .field("summary", .string)
            .field("problem", .string)
            .field("approach", .string)
            .field("outcomes", .string)
            .field("evidence_level", .string)
            .field("evidence_checked_on", .string)
            .field("beneficiaries", .string)
            .field("lessons", .string)
            .field("cost", .string)
            .field("staff_needed", .string)
            .field("legal_authority", .string)
            .field("time_to_launch", .string)
            .field("city_sizes", .string)
            .field("transfer_notes", .string)
            .field("adapted_from_id", .string, .references("practices", "id"))
            .recordColumns().create()

        try await database.schema("resources")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("title", .string, .required)
            .field("subtitle", .string)
            .field("kind", .string, .required)
            .field("published_on", .string)
            .field("summary", .string)
            .field("url", .string)
            .recordColumns().create()

        try await database.schema("news_items")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("title", .string, .required)
            .field("subtitle", .string)
            .field("kind", .string, .required)
            .field("published_on", .string, .required)
            .field("date_note", .string)
            .field("body", .string)
            .field("featured", .bool, .required, .sql(.default(false)))
            .recordColumns().create()

        try await database.schema("library_links")
            .field("subject_kind", .string, .required)
            .field("subject_id", .string, .required)
            .field("field", .string, .required)
            .field("target_id", .string, .required)
            .unique(on: "subject_kind", "subject_id", "field", "target_id")
            .create()

        // Lists filter on visibility and sort by date or title; topic, place and "cities that
        // did this" sections ask which records link to a record.
        try await TableIndex.create([
            ("practices_published_title", "practices", ["published", "title"]),
            ("practices_adapted_from", "practices", ["adapted_from_id"]),
            ("resources_published_date", "resources", ["published", "published_on"]),
            ("news_items_published_date", "news_items", ["published", "published_on"]),
            ("library_links_target", "library_links", ["target_id", "field", "subject_kind"]),
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        for table in ["library_links", "news_items", "resources", "practices"] {
            try await database.schema(table).delete()
        }
    }
}
