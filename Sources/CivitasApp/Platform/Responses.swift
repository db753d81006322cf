import Foundation
import Hummingbird
import NIOCore

/// Building responses the same way everywhere: JSON with sorted keys, HTML with the
/// right content type, redirects after a successful form (post/redirect/get).
enum Responses {
    static let jsonEncoder = SortedKeysJSONEncoder()

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        return bytes(ByteBuffer(bytes: try jsonEncoder.encode(value)), contentType: "application/json; charset=utf-8", status: status)
    }

    static func html(_ page: RenderedPage, status: HTTPResponse.Status = .ok) -> Response {
        bytes(page.buffer, contentType: "text/html; charset=utf-8", status: status)
    }

    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8", status: HTTPResponse.Status = .ok) -> Response {
        bytes(ByteBuffer(string: text), contentType: contentType, status: status)
    }

    static func bytes(_ buffer: ByteBuffer, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// 303 See Other, so the browser follows with a GET.
    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }

    static func redirect(to destination: some LinkDestination) -> Response {
        redirect(to: destination.href)
    }
}
