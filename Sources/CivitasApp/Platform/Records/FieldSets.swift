/// A kind's fields and the subsets pages ask for on every row, worked out once per kind: the
/// subsets were filtered anew on every call (a news list asked for its links' fields once per
/// record).
struct FieldSets: Sendable {
    let all: [FieldSpec]
    /// Fields that hold links to other records (stored apart from the kind's table).
    let links: [FieldSpec]
    /// Fields stored as columns of the kind's table.
    let columns: [FieldSpec]
    /// Fields the public may see.
    let visible: [FieldSpec]

    init(_ fields: [FieldSpec]) {
        all = fields
        links = fields.filter(\.isLink)
        columns = fields.filter { !$0.isLink }
        visible = fields.filter { !$0.isPrivate }
    }
}
