import SQLKit

/// A database's SQL dialect with the pieces every read asks for made once: bind placeholders
/// (`?1`, `$1`...) and the identifier quote. The drivers' dialects make each anew on every ask,
/// formatting the position into a new text each time; a page's statements ask for 20 to 40 of
/// them, and building the statements' text was a twentieth of an uncached page's time.
///
/// Everything else is answered by `base` as it is, so a statement serialized through this
/// reads exactly as through the driver's own dialect (`ReadDialectTests` holds it to that).
struct ReadDialect: SQLDialect {
    let base: any SQLDialect
    private let placeholders: [SQLRaw]
    let identifierQuote: any SQLExpression

    /// Placeholders past this are asked of `base` (a list of binds that long is rare).
    static let madeAhead = 512

    init(_ base: any SQLDialect) {
        self.base = base
        // Both drivers answer with raw text; a dialect that answers otherwise is asked each time.
        let made = (1...Self.madeAhead).map { base.bindPlaceholder(at: $0) as? SQLRaw }
        placeholders = made.contains { $0 == nil } ? [] : made.compactMap { $0 }
        identifierQuote = base.identifierQuote
    }

    /// The placeholder's text, when made ahead (`ReadSQL` writes it in place of its marks).
    func placeholderText(at position: Int) -> String? {
        position >= 1 && position <= placeholders.count ? placeholders[position - 1].sql : nil
    }

    func bindPlaceholder(at position: Int) -> any SQLExpression {
        position >= 1 && position <= placeholders.count ? placeholders[position - 1] : base.bindPlaceholder(at: position)
    }

    var name: String { base.name }
    var literalStringQuote: any SQLExpression { base.literalStringQuote }
    var supportsAutoIncrement: Bool { base.supportsAutoIncrement }
    var autoIncrementClause: any SQLExpression { base.autoIncrementClause }
    var autoIncrementFunction: (any SQLExpression)? { base.autoIncrementFunction }
    func literalBoolean(_ value: Bool) -> any SQLExpression { base.literalBoolean(value) }
    var literalDefault: any SQLExpression { base.literalDefault }
    var supportsIfExists: Bool { base.supportsIfExists }
    var enumSyntax: SQLEnumSyntax { base.enumSyntax }
    var supportsDropBehavior: Bool { base.supportsDropBehavior }
    var supportsReturning: Bool { base.supportsReturning }
    var triggerSyntax: SQLTriggerSyntax { base.triggerSyntax }
    var alterTableSyntax: SQLAlterTableSyntax { base.alterTableSyntax }
    func customDataType(for dataType: SQLDataType) -> (any SQLExpression)? { base.customDataType(for: dataType) }
    func normalizeSQLConstraint(identifier: any SQLExpression) -> any SQLExpression { base.normalizeSQLConstraint(identifier: identifier) }
    var upsertSyntax: SQLUpsertSyntax { base.upsertSyntax }
    var unionFeatures: SQLUnionFeatures { base.unionFeatures }
    var sharedSelectLockExpression: (any SQLExpression)? { base.sharedSelectLockExpression }
    var exclusiveSelectLockExpression: (any SQLExpression)? { base.exclusiveSelectLockExpression }
    func nestedSubpathExpression(in column: any SQLExpression, for path: [String]) -> (any SQLExpression)? {
        base.nestedSubpathExpression(in: column, for: path)
    }
}
