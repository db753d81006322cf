/// A directory record as stored (Platform's `RecordRow` of a directory kind).
typealias RecordValues = RecordRow<RecordKind>
