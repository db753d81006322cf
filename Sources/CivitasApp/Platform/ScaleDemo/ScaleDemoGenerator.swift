/// A capability's part of a scaled demo network (`civitas demo --scale N`): it writes its share
/// of the N searchable records, realistic and the same for the same N, with the links they need.
///
/// Generators run in module order; a later one links to what an earlier one made through the
/// ids the context shares by name (the directory shares its cities; the library links practices
/// to them), so no capability names another's tables.
protocol ScaleDemoGenerator: Sendable {
    /// What it makes, for the progress line ("areas, organizations and people").
    var label: String { get }
    /// Its share of the searchable records, against the other generators' weights.
    var weight: Int { get }
    /// Writes `count` searchable records through `context`, reporting each as it is written.
    func generate(count: Int, context: ScaleDemoContext) async throws
}
