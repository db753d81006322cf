import Crypto
import Foundation
import SQLKit

/// Uploaded files, by the SHA-256 of their bytes (see `P002_CreateStoredFiles`). Records
/// that carry a file keep its hash, name and type; the bytes live here once.
enum StoredFiles {
    static let table = "stored_files"

    /// The largest file accepted.
    static let maximumBytes = 16 * 1_048_576

    /// Keeps the bytes (once, however often they are uploaded) and returns their hash, inside
    /// the caller's transaction.
    static func save(_ bytes: [UInt8], on sql: any SQLDatabase, now: Date) async throws -> String {
        let hash = SHA256.hash(data: bytes).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let exists = try await sql.select().column("hash").from(table).where("hash", .equal, SQLBind(hash)).first() != nil
        if !exists {
            try await sql.insert(into: table).columns("hash", "content", "size", "created_at")
                .values(SQLBind(hash), SQLBind(Data(bytes)), SQLBind(bytes.count), SQLBind(now)).run()
        }
        return hash
    }

    static func content(_ hash: String, on sql: any SQLDatabase) async throws -> Data? {
        try await sql.select().column("content").from(table).where("hash", .equal, SQLBind(hash)).first()?
            .decode(column: "content", as: Data.self)
    }
}
