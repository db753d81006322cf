/// The paths of the library: public lists and pages, the news feed, staff pages and the API.
enum LibraryURL: SitePath {
    case list(LibraryKind)
    case record(LibraryKind, String)
    case newsFeed
    case staffList(LibraryKind)
    case staffNew(LibraryKind)
    case staffRecord(LibraryKind, String)
    case staffEdit(LibraryKind, String)
    case staffPublish(LibraryKind, String)
    case staffUnpublish(LibraryKind, String)
    case resourceFile(String)
    case staffResourceFile(String)
    case staffResourceFileRemove(String)
    case practicesCSV
    case staffPracticeImport
    case mySubmissions
    case newSubmission
    case submission(String)
    case editSubmission(String)
    case staffSubmissions
    case staffSubmission(String)
    case staffReview(String)
    case apiList(LibraryKind)
    case apiRecord(LibraryKind, String)

    var path: String {
        switch self {
        case .list(let kind): "/\(kind.plural)"
        case .record(let kind, let key): "/\(kind.plural)/\(key)"
        case .newsFeed: "/news.atom"
        case .staffList(let kind): "/staff/\(kind.plural)"
        case .staffNew(let kind): "/staff/\(kind.plural)/new"
        case .staffRecord(let kind, let id): "/staff/\(kind.plural)/\(id)"
        case .staffEdit(let kind, let id): "/staff/\(kind.plural)/\(id)/edit"
        case .staffPublish(let kind, let id): "/staff/\(kind.plural)/\(id)/publish"
        case .staffUnpublish(let kind, let id): "/staff/\(kind.plural)/\(id)/unpublish"
        case .resourceFile(let key): "/resources/\(key)/file"
        case .staffResourceFile(let id): "/staff/resources/\(id)/file"
        case .staffResourceFileRemove(let id): "/staff/resources/\(id)/file/remove"
        case .practicesCSV: "/practices.csv"
        case .staffPracticeImport: "/staff/practices/import"
        case .mySubmissions: "/submissions"
        case .newSubmission: "/submissions/new"
        case .submission(let id): "/submissions/\(id)"
        case .editSubmission(let id): "/submissions/\(id)/edit"
        case .staffSubmissions: "/staff/submissions"
        case .staffSubmission(let id): "/staff/submissions/\(id)"
        case .staffReview(let id): "/staff/submissions/\(id)/review"
        case .apiList(let kind): "/api/v1/\(kind.plural)"
        case .apiRecord(let kind, let key): "/api/v1/\(kind.plural)/\(key)"
        }
    }
}
