import SQLKit

/// Where a `SearchDocumentSource` reads: a transaction's connection (building or refreshing the
/// index inside one), or else the read path; and the record lookups reading the same way.
struct SearchSourceReads: Sendable {
    let services: AppServices
    var connection: (any SQLDatabase)? = nil

    var sql: any SQLDatabase { connection ?? services.database.reads }
    /// Read when asked: the lookups are installed after the manifests are read.
    var records: RecordLookups { connection.map { services.site.records.reading(through: $0) } ?? services.site.records }
}
