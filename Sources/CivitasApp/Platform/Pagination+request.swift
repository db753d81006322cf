import CivitasCore
import Hummingbird

extension Pagination {
    /// Reads `page` and `per` from a query; out-of-range values are a 400 naming the parameter.
    static func from(_ request: Request, per fixedPer: Int? = nil) throws -> Pagination {
        let query = request.uri.queryParameters
        do {
            return try Pagination(page: query["page"].map(String.init), per: fixedPer.map(String.init) ?? query["per"].map(String.init))
        } catch {
            throw AppError.badRequest(error.description)
        }
    }
}
