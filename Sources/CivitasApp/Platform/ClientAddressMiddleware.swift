import Hummingbird

/// Behind a trusted reverse proxy, every connection comes from the proxy: the client's own
/// address is the last one the proxy appended to `X-Forwarded-For`. Earlier entries were
/// sent by the client and are ignored. Used only when `CIVITAS_TRUST_PROXY` is on.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let forwarded = request.headers[values: .init("X-Forwarded-For")!].last,
              let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
              !last.isEmpty, last.count <= 64, last.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" })
        else { return try await next(request, context) }
        var context = context
        context.remoteClient = last
        return try await next(request, context)
    }
}
