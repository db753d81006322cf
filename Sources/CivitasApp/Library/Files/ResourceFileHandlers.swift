import CivitasCore
import Foundation
import Hummingbird

/// A resource's file: uploaded and removed by staff, downloaded by anyone when the resource
/// is published.
struct ResourceFileHandlers: Sendable {
    let services: AppServices

    func download(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        let store = LibraryStore(sql: services.database.reads)
        guard let resource = try await store.find(.resource, key: key, publishedOnly: true),
              let file = try await store.files(ofResources: [resource.id])[resource.id],
              let content = try await StoredFiles.content(file.hash, on: services.database.reads) else {
            throw AppError.notFound("No file for a resource with the address \"\(key)\"")
        }
        var response = Responses.bytes(ByteBuffer(bytes: content), contentType: file.type.mimeType)
        response.headers[.contentDisposition] = ContentDisposition.attachment(filename: file.name)
        // The bytes never change for a hash: caches may keep them, revalidating for unpublishing.
        response.headers[.eTag] = "\"\(file.hash)\""
        response.headers[.cacheControl] = "public, max-age=300"
        // Opened in a browser despite the attachment, it runs nothing and reaches nothing.
        response.headers[.contentSecurityPolicy] = "sandbox"
        return response
    }

    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let id = try context.parameters.require("id")
        guard MultipartForm.isMultipart(request) else {
            throw AppError(.unsupportedMediaType, "Send the file with the upload form (multipart/form-data)")
        }
        var request = request
        let (_, files) = try await MultipartForm.read(&request, context: context)
        guard let file = files.first(where: { $0.field == "file" }) else {
            throw AppError(.badRequest, "Choose a file to upload", fieldErrors: ["file": "is missing"])
        }
        return try await respond(AttachResourceFile(resourceID: id, file: file, actor: .user(user)).run(services: services), id: id)
    }

    func remove(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let id = try context.parameters.require("id")
        return try await respond(AttachResourceFile(resourceID: id, file: nil, actor: .user(user)).run(services: services), id: id)
    }

    private func respond(_ outcome: AttachResourceFile.Outcome, id: String) throws -> Response {
        switch outcome {
        case .done: return Responses.redirect(to: LibraryURL.staffEdit(.resource, id))
        case .notFound: throw AppError.notFound("The resource")
        case .refused(let error): throw error
        }
    }

    /// The upload form under a resource's staff form.
    static func section(resourceID: String, file: ResourceFile?, csrfToken: String) -> Node<HTML.BodyContext> {
        .section(.h2("File"),
            .unwrap(file) { file in
                .group(.p(.text(escaping: "\(file.name) (\(file.summary))")),
                       .form(.method(.post), .action(to: LibraryURL.staffResourceFileRemove(resourceID)), FormFields.csrf(csrfToken),
                             .button(.class("secondary"), .type(.submit), .text(escaping: "Remove the file"))))
            },
            .form(.class("stacked"), .method(.post), .action(to: LibraryURL.staffResourceFile(resourceID)), .enctype(.multipartData),
                FormFields.csrf(csrfToken),
                FormFields(errors: [:]).field("file", file == nil ? "Upload a file" : "Replace the file",
                    help: "\(DocumentType.accepted), at most \(StoredFiles.maximumBytes / 1_048_576) MiB; its type is read from the file itself",
                    .input(.type(.file), .id("file"), .name("file"),
                           .attribute(named: "accept", value: ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp"))),
                .p(.button(.type(.submit), .text(escaping: "Upload")))))
    }
}
