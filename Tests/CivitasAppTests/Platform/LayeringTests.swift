import Foundation
import Testing

/// Platform is the bottom layer: nothing under `Sources/CivitasApp/Platform/` names a type,
/// table or route of a capability. This test reads the sources: it collects every type a
/// capability folder declares and every table its migrations create, and fails on a Platform
/// file that names one.
@Suite struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/CivitasApp")

    static func swiftFiles(under folder: String) throws -> [(path: String, source: String)] {
        let base = root.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(atPath: base.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try files.map { ("\(folder)/\($0)", try String(contentsOf: base.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Code without its comments, which may well speak of capabilities.
    static func code(_ source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n")
    }

    @Test func platformNamesNoCapabilityTypeOrTable() throws {
        let capabilityFolders = try FileManager.default.contentsOfDirectory(atPath: Self.root.path)
            .filter { $0 != "Platform" && !$0.hasSuffix(".swift") }
        #expect(capabilityFolders.contains("Directory") && capabilityFolders.contains("Convenings"))
        var names: Set<String> = []
        var tables: Set<String> = []
        for folder in capabilityFolders {
            for file in try Self.swiftFiles(under: folder) {
                // Top-level declarations only: a nested `Request` or `Outcome` is named through its owner.
                names.formUnion(Self.matches(#"(?m)^(?:(?:public|final|private|fileprivate|internal)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9_]*)"#,
                                             in: file.source))
                tables.formUnion(Self.matches(#"schema\("([a-z_]+)"\)"#, in: file.source))
                tables.formUnion(Self.matches(#"static let schema = "([a-z_]+)""#, in: file.source))
            }
        }
        #expect(names.contains("RecordKind") && names.contains("RegistrationDesk") && tables.contains("events"), "the scan found the capabilities")
        var problems: [String] = []
        for file in try Self.swiftFiles(under: "Platform") {
            let code = Self.code(file.source)
            // Words inside a plain string literal (no interpolation) are text, not names: robots.txt's "User-agent".
            let outsideStrings = code.replacingOccurrences(of: #""(?:[^"\\\n]|\\[^(])*""#, with: "\"\"", options: .regularExpression)
            let identifiers = Set(Self.matches(#"\b([A-Za-z_][A-Za-z0-9_]*)\b"#, in: outsideStrings))
            for name in names.intersection(identifiers).sorted() { problems.append("\(file.path) names \(name)") }
            for table in tables.sorted() where code.contains("\"\(table)\"") { problems.append("\(file.path) names the table \(table)") }
        }
        #expect(problems.isEmpty, "Platform depends on capabilities:\n\(problems.joined(separator: "\n"))")
    }

    /// Capabilities depend on Platform and Accounts, and on each other only through extension
    /// points Platform declares (`RecordLookup`, `ProfileSectionProvider`...): no capability
    /// names a type another capability (Accounts aside) declares.
    @Test func capabilitiesNameNoOtherCapabilitysTypes() throws {
        let capabilityFolders = try FileManager.default.contentsOfDirectory(atPath: Self.root.path)
            .filter { $0 != "Platform" && $0 != "Accounts" && !$0.hasSuffix(".swift") }
        var declared: [String: Set<String>] = [:]
        for folder in capabilityFolders {
            for file in try Self.swiftFiles(under: folder) {
                declared[folder, default: []].formUnion(Self.matches(
                    #"(?m)^(?:(?:public|final|private|fileprivate|internal)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9_]*)"#,
                    in: file.source))
            }
        }
        #expect(declared["Directory"]?.contains("RecordKind") == true && declared["Convenings"]?.contains("EventStore") == true)
        var problems: [String] = []
        for folder in capabilityFolders {
            let others = capabilityFolders.filter { $0 != folder }.reduce(into: Set<String>()) { $0.formUnion(declared[$1] ?? []) }
            for file in try Self.swiftFiles(under: folder) {
                let identifiers = Set(Self.matches(#"\b([A-Za-z_][A-Za-z0-9_]*)\b"#, in: Self.code(file.source)))
                for name in others.intersection(identifiers).subtracting(declared[folder] ?? []).sorted() {
                    problems.append("\(file.path) names \(name)")
                }
            }
        }
        #expect(problems.isEmpty, "capabilities depend on each other directly:\n\(problems.joined(separator: "\n"))")
    }

    /// Nor does a capability's code read or write another capability's tables: the data of
    /// another capability is reached through its extension point (a `RecordLookup`). Migrations
    /// may still declare foreign keys to the tables of a capability they depend on.
    @Test func capabilitiesQueryNoOtherCapabilitysTables() throws {
        let capabilityFolders = try FileManager.default.contentsOfDirectory(atPath: Self.root.path)
            .filter { $0 != "Platform" && !$0.hasSuffix(".swift") }
        var tables: [String: Set<String>] = [:]
        for folder in capabilityFolders {
            for file in try Self.swiftFiles(under: folder) {
                tables[folder, default: []].formUnion(Self.matches(#"schema\("([a-z_]+)"\)"#, in: file.source))
                tables[folder, default: []].formUnion(Self.matches(#"static let schema = "([a-z_]+)""#, in: file.source))
                // Tables made in a loop over their names, as the directory's link tables.
                if file.path.contains("/Migrations/") {
                    tables[folder, default: []].formUnion(Self.matches(#"\("([a-z_]+)", "[a-z_]+_id"\)"#, in: file.source))
                }
            }
        }
        #expect(tables["Directory"]?.contains("people") == true && tables["Directory"]?.contains("topic_links") == true)
        var problems: [String] = []
        for folder in capabilityFolders where folder != "Accounts" {
            let others = capabilityFolders.filter { $0 != folder && $0 != "Accounts" }.reduce(into: Set<String>()) { $0.formUnion(tables[$1] ?? []) }
            for file in try Self.swiftFiles(under: folder) where !file.path.contains("/Migrations/") {
                let code = Self.code(file.source)
                for table in others.sorted() {
                    // In SQL text (FROM people) or in a query builder's table argument (.from("people")).
                    let named = #"(?i)\b(from|join|into|update)\s*(\(|:)?\s*"?\#(table)\b"#
                    if code.range(of: named, options: .regularExpression) != nil { problems.append("\(file.path) names the table \(table)") }
                }
            }
        }
        #expect(problems.isEmpty, "capabilities read each other's tables:\n\(problems.joined(separator: "\n"))")
    }
}
