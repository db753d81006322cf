/// Directory kinds are record shapes for Platform's record tools, and their names are the
/// names other records' fields use to point at them (`.references(.topic)`).
extension RecordKind: RecordShape {
    var kindName: RecordKindName { RecordKindName(rawValue: rawValue) }

    /// The directory kind a reference names; nil for another capability's kind.
    init?(_ name: RecordKindName) { self.init(rawValue: name.rawValue) }
}

extension RecordKindName {
    static let area = RecordKind.area.kindName
    static let organization = RecordKind.organization.kindName
    static let person = RecordKind.person.kindName
    static let post = RecordKind.post.kindName
    static let membership = RecordKind.membership.kindName
    static let topic = RecordKind.topic.kindName
    static let source = RecordKind.source.kindName
}
