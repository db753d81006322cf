import FluentKit
import SQLKit

/// A resource's outside address was stored (and answered in the API) as `url`, the name every
/// API record gives its own page's address, so a resource's answer carried one and lost the
/// other. The outside address is now `link`.
///
/// Listed before `M004_AdoptHandedOverResources`, which saves links through today's field
/// names; a database that already ran M004 runs this one next.
struct M005_ResourceLinkColumn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE resources RENAME COLUMN url TO link").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE resources RENAME COLUMN link TO url").run()
    }
}
