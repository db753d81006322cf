import FluentKit
import SQLKit

/// Indexes for the joins the profile pages make (a person's memberships, a city's posts).
enum DirectoryIndexes {
    static let all: [(name: String, table: String, columns: [String])] = [
        ("memberships_person", "memberships", ["person_id"]),
        ("memberships_organization", "memberships", ["organization_id"]),
        ("memberships_member_organization", "memberships", ["member_organization_id"]),
        ("memberships_post", "memberships", ["post_id"]),
        ("posts_area", "posts", ["area_id"]),
        ("posts_organization", "posts", ["organization_id"]),
        ("organizations_area", "organizations", ["area_id"]),
        ("people_sort_name", "people", ["sort_name"]),
        ("citations_subject", "citations", ["subject_kind", "subject_id"]),
        ("topic_links_subject", "topic_links", ["subject_kind", "subject_id"]),
        ("topic_links_topic", "topic_links", ["topic_id"]),
    ]

    static func create(on database: any Database) async throws {
        try await TableIndex.create(all, on: database)
    }
}
