import CivitasCore
import CompressNIO
import Crypto
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// One answer's body in the forms caches and clients ask for: as it is, with its entity tag,
/// and gzipped when it is text over 1 KB and a client asks for it. Cached answers keep this,
/// so a cached page is hashed once and compressed at most once, not once per request.
struct EncodedBody: Sendable {
    let identity: ByteBuffer
    /// A strong validator: the same bytes give the same tag in every process.
    let etag: String
    let isCompressible: Bool
    private let compressed = CompressedForm()

    static let compressionThreshold = 1_024

    init(_ body: ByteBuffer, contentType: String) {
        identity = body
        let digest = SHA256.hash(data: body.readableBytesView)
        etag = "\"" + Secrets.base64URL(digest.prefix(16)) + "\""
        isCompressible = body.readableBytes > Self.compressionThreshold && Self.isText(contentType)
    }

    /// The gzipped body, made the first time a client asks for it (nil when it does not shrink).
    var gzipped: ByteBuffer? {
        guard isCompressible else { return nil }
        return compressed.value { Self.gzip(identity) }
    }

    /// Counted as if compressed too, so a cache full of answers stays under its bound.
    var bytes: Int { identity.readableBytes * (isCompressible ? 2 : 1) + etag.utf8.count }

    /// Text, JSON, calendars, CSS and JavaScript compress well; images and archives do not.
    static func isText(_ contentType: String) -> Bool {
        // Compared as lower-cased bytes: Foundation's `contains` searched through NSString on
        // every answer over 1 KB.
        let type = contentType.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
        return type.starts(with: "text/".utf8) || textTypeWords.contains { word in contains(type, word) }
    }

    private static let textTypeWords = ["json", "javascript", "xml"].map { Array($0.utf8) }

    private static func contains(_ bytes: [UInt8], _ word: [UInt8]) -> Bool {
        guard bytes.count >= word.count else { return false }
        return (0...(bytes.count - word.count)).contains { start in bytes[start..<(start + word.count)].elementsEqual(word) }
    }

    static func gzip(_ body: ByteBuffer) -> ByteBuffer? {
        var input = body
        guard let compressed = try? input.compress(with: .gzip()), compressed.readableBytes < body.readableBytes else { return nil }
        return compressed
    }

    /// The answer for this request: 304 when the client's copy is current, else 200, gzipped
    /// when the client accepts it.
    ///
    /// The gzipped form is another representation with a tag of its own (`"…-gzip"`): a strong
    /// tag names one representation only (RFC 9110 §8.8.1), and a cache that revalidated a
    /// plain copy with the gzipped copy's tag would otherwise be told 304 and hand gzip to a
    /// client that cannot read it.
    func response(to request: Request, contentType: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        if isCompressible { headers[.vary] = "Accept-Encoding" }
        let acceptsGzip = isCompressible && HTTPValidators.acceptsGzip(request.headers[.acceptEncoding])
        // A client revalidating the gzipped form it holds is told 304 without compressing the
        // body again (an uncached answer is compressed anew each time): its tag was given only
        // to a gzipped form of these very bytes.
        if acceptsGzip, HTTPValidators.matches(request.headers[.ifNoneMatch], etag: gzipTag, orAny: false) {
            headers[.contentType] = nil
            headers[.eTag] = gzipTag
            return Response(status: .notModified, headers: headers)
        }
        let gzipped = acceptsGzip ? self.gzipped : nil
        let tag = gzipped == nil ? etag : gzipTag
        headers[.eTag] = tag
        if HTTPValidators.matches(request.headers[.ifNoneMatch], etag: tag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        if let gzipped {
            headers[.contentEncoding] = "gzip"
            headers[.contentLength] = String(gzipped.readableBytes)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: gzipped))
        }
        headers[.contentLength] = String(identity.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: identity))
    }

    /// The gzipped form's tag: the body's, marked.
    var gzipTag: String { String(etag.dropLast()) + "-gzip\"" }
}

/// Reading the request headers that conditional and compressed answers depend on.
enum HTTPValidators {
    /// `If-None-Match: "a", W/"b"` or `*` (RFC 9110 §13.1.2, weak comparison). `orAny: false`
    /// asks whether the header names this very tag (`*` does not).
    static func matches(_ ifNoneMatch: String?, etag: String, orAny: Bool = true) -> Bool {
        guard let ifNoneMatch else { return false }
        return ifNoneMatch.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return orAny }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    /// Whether `Accept-Encoding` allows gzip (a q-value of 0 refuses it).
    static func acceptsGzip(_ acceptEncoding: String?) -> Bool {
        guard let acceptEncoding else { return false }
        return acceptEncoding.lowercased().split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.first == "gzip" || pieces.first == "x-gzip" || pieces.first == "*" else { return false }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }
}

/// The gzipped form of a body, made once when first needed.
private final class CompressedForm: Sendable {
    private let form = Mutex<ByteBuffer??>(nil)

    func value(_ make: () -> ByteBuffer?) -> ByteBuffer? {
        if let known = form.withLock({ $0 }) { return known }
        let made = make()
        form.withLock { $0 = .some(made) }
        return made
    }
}
