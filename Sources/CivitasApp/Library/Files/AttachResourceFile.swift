import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Gives a resource a file (replacing the one it had) or takes it away. The type is decided
/// by the file's bytes; a file that is not a PDF or an office document, or is too large, or
/// whose name is not one clean line, is refused and nothing is written.
struct AttachResourceFile: Sendable {
    let resourceID: String
    /// nil to remove the file.
    let file: UploadedFile?
    let actor: Actor

    enum Outcome: Sendable {
        case done(ResourceFile?)
        case notFound
        case refused(AppError)
    }

    static let maximumNameLength = 200

    func run(services: AppServices) async throws -> Outcome {
        var checked: (file: UploadedFile, type: DocumentType)? = nil
        if let file {
            switch Self.check(file) {
            case .success(let type): checked = (file, type)
            case .failure(let error): return .refused(error)
            }
        }
        let (id, actor, upload) = (resourceID, self.actor, checked)
        let now = services.now()
        return try await services.write { tx in
            let store = LibraryStore(tx)
            guard let resource = try await store.find(.resource, key: id, publishedOnly: false), resource.id == id else { return Written(.notFound) }
            let before = try await store.files(ofResources: [id])[id]
            var after: ResourceFile? = nil
            if let checked = upload {
                let hash = try await StoredFiles.save(checked.file.bytes, on: store.sql, now: now)
                after = ResourceFile(hash: hash, name: checked.file.filename, type: checked.type, size: checked.file.bytes.count)
            }
            try await store.sql.update("resources")
                .set("file_hash", to: SQLBind(after?.hash)).set("file_name", to: SQLBind(after?.name))
                .set("file_type", to: SQLBind(after?.type.rawValue)).set("file_size", to: SQLBind(after?.size))
                .set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(after == nil ? "remove_file" : "attach_file", kind: LibraryKind.resource.rawValue, id: id, summary: resource.title,
                                      changes: ["file": AuditChange(before: before.map { "\($0.name) (\($0.summary))" }, after: after.map { "\($0.name) (\($0.summary))" })],
                                      by: actor, on: tx, now: now)
            return Written(.done(after), changed: LibraryTopics.changed(resource))
        }
    }

    static func check(_ file: UploadedFile) -> Result<DocumentType, AppError> {
        if file.bytes.isEmpty { return .failure(AppError(.badRequest, "Choose a file to upload", fieldErrors: ["file": "is empty"])) }
        if file.bytes.count > StoredFiles.maximumBytes {
            return .failure(AppError(.contentTooLarge, "The file is larger than \(StoredFiles.maximumBytes / 1_048_576) MiB",
                                     fieldErrors: ["file": "must be at most \(StoredFiles.maximumBytes / 1_048_576) MiB"]))
        }
        let name = file.filename.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.unicodeScalars.count > maximumNameLength || TextInput.hasLineBreaksOrControls(name) {
            return .failure(AppError(.badRequest, "The file's name must be one line of at most \(maximumNameLength) characters",
                                     fieldErrors: ["file": "has a name that is empty, too long or holds control characters"]))
        }
        guard let type = DocumentType.detect(file.bytes) else {
            return .failure(AppError(.unsupportedMediaType, "The file is not a \(DocumentType.accepted) document, whatever its name says",
                                     fieldErrors: ["file": "must be a \(DocumentType.accepted) document"]))
        }
        return .success(type)
    }
}
