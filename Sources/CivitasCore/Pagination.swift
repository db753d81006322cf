/// A validated request for one page of a list: `?page=2&per=25`.
public struct Pagination: Sendable, Equatable {
    public static let defaultPer = 25
    public static let maximumPer = 100
    /// Deeper pages are refused: no one reads them, and skipping that many rows is work for nothing.
    public static let maximumPage = 1_000_000

    public let page: Int
    public let per: Int

    public var offset: Int { (page - 1) * per }

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let parameter: String
        public let description: String
    }

    public init(page: Int = 1, per: Int = Pagination.defaultPer) {
        self.page = page
        self.per = per
    }

    /// Reads the raw query values; absent values take the defaults, anything else must be in range.
    public init(page pageText: String?, per perText: String?) throws(Invalid) {
        var page = 1
        var per = Pagination.defaultPer
        if let pageText {
            guard let value = Int(pageText), value >= 1 else {
                throw Invalid(parameter: "page", description: "page must be a whole number of 1 or more, not \"\(pageText)\"")
            }
            page = value
        }
        if let perText {
            guard let value = Int(perText), (1...Pagination.maximumPer).contains(value) else {
                throw Invalid(parameter: "per", description: "per must be a whole number from 1 to \(Pagination.maximumPer), not \"\(perText)\"")
            }
            per = value
        }
        guard page <= Pagination.maximumPage else {
            throw Invalid(parameter: "page", description: "page must be at most \(Pagination.maximumPage)")
        }
        self.page = page
        self.per = per
    }
}
