/// The paths of the directory: public lists and profiles, staff pages, the API and the
/// Popolo export.
enum DirectoryURL: SitePath {
    case list(RecordKind)
    case record(RecordKind, String)
    case staffList(RecordKind)
    case staffNew(RecordKind)
    case staffRecord(RecordKind, String)
    case staffEdit(RecordKind, String)
    case staffPublish(RecordKind, String)
    case staffUnpublish(RecordKind, String)
    case apiList(RecordKind)
    case apiRecord(RecordKind, String)
    case apiPopolo

    var path: String {
        switch self {
        case .list(let kind): "/\(kind.plural)"
        case .record(let kind, let key): "/\(kind.plural)/\(key)"
        case .staffList(let kind): "/staff/\(kind.plural)"
        case .staffNew(let kind): "/staff/\(kind.plural)/new"
        case .staffRecord(let kind, let id): "/staff/\(kind.plural)/\(id)"
        case .staffEdit(let kind, let id): "/staff/\(kind.plural)/\(id)/edit"
        case .staffPublish(let kind, let id): "/staff/\(kind.plural)/\(id)/publish"
        case .staffUnpublish(let kind, let id): "/staff/\(kind.plural)/\(id)/unpublish"
        case .apiList(let kind): "/api/v1/\(kind.plural)"
        case .apiRecord(let kind, let key): "/api/v1/\(kind.plural)/\(key)"
        case .apiPopolo: "/api/v1/popolo.json"
        }
    }
}
