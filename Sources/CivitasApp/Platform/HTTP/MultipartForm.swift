import CivitasCore
import Hummingbird
import MultipartKit

/// A file sent with a `multipart/form-data` form: the field it came in, the name the person's
/// computer gave it (shown, never used as a path), and its bytes.
struct UploadedFile: Sendable {
    let field: String
    let filename: String
    let bytes: [UInt8]
}

/// Reads a `multipart/form-data` body (a form with a file): its text fields and its files.
/// MultipartKit splits the parts; the `Content-Disposition` of each is read here, quoted names
/// with escapes included, because a file's name is typed by whoever sends it.
enum MultipartForm {
    static func isMultipart(_ request: Request) -> Bool {
        (request.headers[.contentType] ?? "").lowercased().hasPrefix("multipart/form-data")
    }

    static func read(_ request: inout Request, context: AppRequestContext) async throws -> (fields: FormData, files: [UploadedFile]) {
        let contentType = request.headers[.contentType] ?? ""
        guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty, boundary.count <= 200 else {
            throw AppError.badRequest("A multipart form must name its boundary")
        }
        // Room for the largest file and the form around it.
        let buffer = try await BodyReader.collect(&request, limit: StoredFiles.maximumBytes + 65_536, logger: context.logger)
        final class Parts {
            var all: [(headers: [(String, String)], body: [UInt8])] = []
            var headers: [(String, String)] = []
            var body: [UInt8] = []
        }
        let parts = Parts()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in parts.headers.append((name.lowercased(), value)) }
        parser.onBody = { chunk in parts.body += chunk.readBytes(length: chunk.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.all.append((parts.headers, parts.body))
            parts.headers = []
            parts.body = []
        }
        do { try parser.execute(buffer) } catch { throw AppError.badRequest("The form's multipart body cannot be read; send it again") }

        var fields: [(name: String, value: String)] = []
        var files: [UploadedFile] = []
        for part in parts.all {
            guard let disposition = part.headers.first(where: { $0.0 == "content-disposition" })?.1,
                  let name = parameter("name", in: disposition) else { continue }
            if let filename = parameter("filename", in: disposition) {
                if !filename.isEmpty || !part.body.isEmpty { files.append(UploadedFile(field: name, filename: filename, bytes: part.body)) }
            } else {
                let value = String(decoding: part.body, as: UTF8.self)
                if TextInput.hasControlCharacters(value) || TextInput.hasControlCharacters(name) {
                    throw AppError.badRequest("The field \"\(name.prefix(40))\" contains control characters; remove them and send the form again")
                }
                fields.append((name, value))
            }
        }
        return (FormData(pairs: fields), files)
    }

    /// A parameter of a header value (`name="report \"final\".pdf"`), quoted or bare.
    static func parameter(_ key: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped { value.append(character); escaped = false }
                    else if character == "\\" { escaped = true }
                    else if character == "\"" { break }
                    else { value.append(character) }
                }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            if name == key { return value }
        }
        return nil
    }
}
