import Foundation
import Testing

/// Templates of earlier runs are removed; this run's, and anything not a template, never are.
@Suite("Test templates of earlier runs")
struct TestTemplatesTests {
    @Test("Only templates made more than a day ago, or named before templates had their time, are stale")
    func staleTemplates() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(TestTemplates.isStale("civitas_template_demo_1799900000_0a1b2c3d", now: now))
        #expect(TestTemplates.isStale("civitas_template_empty_1799900000_0a1b2c3d", now: now))
        #expect(!TestTemplates.isStale("civitas_template_demo_1799990000_0a1b2c3d", now: now))
        #expect(!TestTemplates.isStale("civitas_template_demo_1800000000_0a1b2c3d", now: now))
        #expect(TestTemplates.isStale("civitas_template_demo_0a1b2c3d", now: now))
        for other in ["civitas_test_0a1b2c3d4e5f6a7b", "postgres", "civitas", "civitas_template_demo_soon_0a1b2c3d", "civitas_templates"] {
            #expect(!TestTemplates.isStale(other, now: now), "\(other)")
        }
    }

    @Test("The templates this run made are still there after removing stale ones", arguments: TestDatabase.all)
    func thisRunsTemplatesStay(database: TestDatabase) async throws {
        _ = try await TestTemplates.template(database, demo: false)
        await TestTemplates.removeStale(database)
        // Copied from the template: fails if the template was removed.
        let (_, cleanup) = try await database.makeLocation(demo: false)
        await cleanup()
    }
}
