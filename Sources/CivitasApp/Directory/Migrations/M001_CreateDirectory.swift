import FluentKit

/// The Popolo directory: areas, organizations, people, posts, memberships, topics, and the
/// sources every record can cite. Ids are text (UUIDs) so that raw SQL reads the same on
/// SQLite and PostgreSQL; dates without times are ISO 8601 text (`2016`, `2016-09-21`).
struct M001_CreateDirectory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sources")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("title", .string, .required)
            .field("url", .string)
            .field("publisher", .string)
            .field("published_on", .string)
            .field("document", .string)
            .field("note", .string)
            .recordColumns().create()

        try await database.schema("areas")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("name", .string, .required)
            .field("classification", .string, .required)
            .field("parent_id", .string, .references("areas", "id"))
            .field("country_code", .string)
            .field("identifier", .string)
            .field("population", .int64)
            .field("time_zone", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("summary", .string)
            .recordColumns().create()

        try await database.schema("organizations")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("name", .string, .required)
            .field("other_name", .string)
            .field("classification", .string, .required)
            .field("parent_id", .string, .references("organizations", "id"))
            .field("area_id", .string, .references("areas", "id"))
            .field("founding_date", .string)
            .field("dissolution_date", .string)
            .field("website", .string)
            .field("summary", .string)
            .recordColumns().create()

        try await database.schema("people")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("name", .string, .required)
            .field("sort_name", .string, .required)
            .field("honorific_prefix", .string)
            .field("image", .string)
            .field("summary", .string)
            .field("website", .string)
            .field("email", .string)
            .field("phone", .string)
            .recordColumns().create()

        try await database.schema("posts")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("label", .string, .required)
            .field("role", .string)
            .field("organization_id", .string, .required, .references("organizations", "id"))
            .field("area_id", .string, .references("areas", "id"))
            .field("start_date", .string)
            .field("end_date", .string)
            .recordColumns().create()

        try await database.schema("memberships")
            .field("id", .string, .identifier(auto: false))
            .field("person_id", .string, .references("people", "id"))
            .field("member_organization_id", .string, .references("organizations", "id"))
            .field("organization_id", .string, .required, .references("organizations", "id"))
            .field("post_id", .string, .references("posts", "id"))
            .field("role", .string)
            .field("label", .string)
            .field("start_date", .string)
            .field("end_date", .string)
            .recordColumns().create()

        try await database.schema("topics")
            .field("id", .string, .identifier(auto: false))
            .field("slug", .string, .required).unique(on: "slug")
            .field("name", .string, .required)
            .field("description", .string)
            .recordColumns().create()

        for (table, target) in [("citations", "source_id"), ("topic_links", "topic_id")] {
            try await database.schema(table)
                .field("subject_kind", .string, .required)
                .field("subject_id", .string, .required)
                .field(.string(target), .string, .required)
                .unique(on: "subject_kind", "subject_id", .string(target))
                .create()
        }

        try await DirectoryIndexes.create(on: database)
    }

    func revert(on database: any Database) async throws {
        for table in ["topic_links", "citations", "memberships", "posts", "topics", "people", "organizations", "areas", "sources"] {
            try await database.schema(table).delete()
        }
    }
}
