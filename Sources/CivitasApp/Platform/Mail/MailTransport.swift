import CivitasCore
import Foundation

/// Where mail goes: an SMTP server, or files for a person (or a test) to read.
protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws
    /// Sends several mails (over one connection where the transport has connections) and
    /// returns the errors of those not sent, by message id.
    func send(batch messages: [MailMessage]) async -> [String: any Error]
}

extension MailTransport {
    func send(batch messages: [MailMessage]) async -> [String: any Error] {
        var failures: [String: any Error] = [:]
        for message in messages {
            do { try await send(message) } catch { failures[message.id] = error }
        }
        return failures
    }
}

/// A mail as written on the wire (RFC 5322 with a MIME text part and, when the mail carries
/// attachments, one part for each).
struct MailMessage: Sendable {
    let id: String
    let from: String
    let to: String
    let subject: String
    let body: String
    let attachments: [MailAttachment]
    let date: Date

    var messageID: String { "<\(id)@\(from.split(separator: "@").last ?? "civitas")>" }

    func rendered() -> String {
        // Every header value goes through MailHeader.encode: no value can end its line early.
        var headers = [
            "From: \(MailHeader.encode(from))",
            "To: \(MailHeader.encode(to))",
            "Subject: \(MailHeader.encode(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
        ]
        let text = Self.base64Lines(body)
        guard !attachments.isEmpty else {
            headers += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"]
            return (headers + ["", text]).joined(separator: "\r\n") + "\r\n"
        }
        let boundary = "civitas-\(id)"
        headers.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
        var parts = ["--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", text]
        for attachment in attachments {
            // File names and types come from the project's code, never from a person; they are
            // still passed through the header encoder so that none can end its line.
            let name = MailHeader.encode(attachment.filename).replacingOccurrences(of: "\"", with: "")
            parts += ["--\(boundary)", "Content-Type: \(MailHeader.encode(attachment.contentType)); name=\"\(name)\"",
                      "Content-Disposition: attachment; filename=\"\(name)\"", "Content-Transfer-Encoding: base64", "",
                      Self.base64Lines(attachment.content)]
        }
        parts.append("--\(boundary)--")
        return (headers + [""] + parts).joined(separator: "\r\n") + "\r\n"
    }

    /// Text parts are sent in canonical form (CRLF line endings), base64-encoded.
    static func base64Lines(_ text: String) -> String {
        Data(MailHeader.normalizedLineEndings(text).utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// `Sun, 29 Nov 2026 12:00:05 +0000` (RFC 5322 section 3.3, in UTC), written from the
    /// date's components: making a DateFormatter for each mail took a twelfth of the server's
    /// time during a registration rush.
    static func rfc5322Date(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        func two(_ number: Int?) -> String { let value = number ?? 0; return value < 10 ? "0\(value)" : "\(value)" }
        let weekday = weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// Writes each mail as an .eml file in a folder (the default: `./data/outbox/`).
struct FileMailTransport: MailTransport {
    let directory: String

    func send(_ message: MailMessage) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent("\(message.id).eml")
        try Data(message.rendered().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
