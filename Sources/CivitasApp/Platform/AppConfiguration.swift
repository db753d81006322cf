import CivitasCore
import Configuration
import Foundation

/// Everything Civitas reads from its surroundings, in one typed value.
///
/// Sources, strongest first: command-line flags, environment variables, a `.env` file in the
/// working directory, then defaults that make the embedded SQLite mode work with no setup.
public struct AppConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    public var database: DatabaseLocation
    /// Folder for the default SQLite file and other local data.
    public var dataDirectory: String
    /// Load the demo network into an empty database on start.
    public var loadDemo: Bool
    public var siteName: String
    /// Mark cookies `Secure`; set when served over HTTPS.
    public var secureCookies: Bool
    /// Seconds an anonymous public page or API answer may be served from memory.
    public var publicCacheSeconds: Int
    /// The address people reach the site at, for absolute links in JSON-LD and feeds.
    public var publicURL: String
    /// Where mail is delivered: an SMTP server (`smtp://user:password@host:port`), or nil to
    /// write each mail as an .eml file under `<data dir>/outbox/`.
    public var smtp: SMTPServer?
    /// The sender of every mail.
    public var mailFrom: String
    /// Behind a reverse proxy or load balancer: take the client's address from the last entry
    /// of `X-Forwarded-For` (the one the proxy added), for sign-in limits. Off by default, as a
    /// client could otherwise pick its own address.
    public var trustProxy: Bool
    /// Send the outbox's mail from this process. Several processes may all send (each mail is
    /// claimed once); one may be kept from sending, e.g. a process that only serves reads.
    public var deliverMail: Bool

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation,
        dataDirectory: String = "./data", loadDemo: Bool = true, siteName: String = "Civitas",
        secureCookies: Bool = false, publicCacheSeconds: Int = 300, publicURL: String? = nil,
        smtp: SMTPServer? = nil, mailFrom: String = "civitas@localhost", trustProxy: Bool = false,
        deliverMail: Bool = true
    ) {
        self.hostname = hostname
        self.port = port
        self.database = database
        self.dataDirectory = dataDirectory
        self.loadDemo = loadDemo
        self.siteName = siteName
        self.secureCookies = secureCookies
        self.publicCacheSeconds = publicCacheSeconds
        self.publicURL = publicURL ?? "http://\(hostname):\(port)"
        self.smtp = smtp
        self.mailFrom = mailFrom
        self.trustProxy = trustProxy
        self.deliverMail = deliverMail
    }

    public var outboxDirectory: String { dataDirectory + "/outbox" }

    /// Reads the configuration; `overrides` carries command-line flags (keys such as `http.port`).
    public static func load(overrides: [String: String] = [:]) async throws -> AppConfiguration {
        var providers: [any ConfigProvider] = [
            InMemoryProvider(values: Dictionary(uniqueKeysWithValues: overrides.map { (AbsoluteConfigKey($0.key.split(separator: ".").map(String.init)), ConfigValue(.string($0.value), isSecret: false)) })),
            EnvironmentVariablesProvider(),
        ]
        if FileManager.default.fileExists(atPath: ".env") {
            providers.append(try await EnvironmentVariablesProvider(environmentFilePath: ".env", allowMissing: true))
        }
        return try AppConfiguration(reader: ConfigReader(providers: providers))
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    init(reader: ConfigReader) throws {
        let dataDirectory = reader.string(forKey: "data.dir", default: "./data")
        let database: DatabaseLocation
        if let url = reader.string(forKey: "database.url"), !url.isEmpty {
            do { database = try DatabaseLocation(url: url) } catch { throw Invalid(description: error.description) }
        } else {
            database = .sqlite(path: dataDirectory + "/civitas.sqlite")
        }
        let cacheText = reader.string(forKey: "civitas.cache.seconds", default: "300")
        guard let cacheSeconds = Int(cacheText), (0...3600).contains(cacheSeconds) else {
            throw Invalid(description: "CIVITAS_CACHE_SECONDS must be a whole number of seconds from 0 to 3600, not \"\(cacheText)\"")
        }
        let portText = reader.string(forKey: "http.port", default: "8080")
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw Invalid(description: "The port \"\(portText)\" is not a number from 0 to 65535")
        }
        var smtp: SMTPServer?
        if let url = reader.string(forKey: "smtp.url"), !url.isEmpty {
            do { smtp = try SMTPServer(url: url) } catch let error as SMTPServer.Invalid { throw Invalid(description: error.description) }
        }
        let mailFrom = reader.string(forKey: "civitas.mail.from", default: "civitas@localhost")
        // A local relay's sender may have a bare host name (civitas@localhost).
        guard TextInput.isEmailAddress(mailFrom) || TextInput.isEmailAddress(mailFrom + ".local") else {
            throw Invalid(description: "CIVITAS_MAIL_FROM must be an e-mail address, not \"\(mailFrom)\"")
        }
        self.init(
            hostname: reader.string(forKey: "http.hostname", default: "127.0.0.1"),
            port: port,
            database: database,
            dataDirectory: dataDirectory,
            loadDemo: try Self.flag(reader, "civitas.demo", default: true),
            siteName: reader.string(forKey: "civitas.site.name", default: "Civitas"),
            secureCookies: try Self.flag(reader, "civitas.secure.cookies", default: false),
            publicCacheSeconds: cacheSeconds,
            publicURL: reader.string(forKey: "civitas.public.url"),
            smtp: smtp,
            mailFrom: mailFrom,
            trustProxy: try Self.flag(reader, "civitas.trust.proxy", default: false),
            deliverMail: try Self.flag(reader, "civitas.deliver.mail", default: true)
        )
    }

    private static func flag(_ reader: ConfigReader, _ key: String, default value: Bool) throws -> Bool {
        guard let text = reader.string(forKey: ConfigKey(key.split(separator: ".").map(String.init))) else { return value }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            let variable = key.uppercased().replacingOccurrences(of: ".", with: "_")
            throw Invalid(description: "\(variable) must be true or false, not \"\(text)\"")
        }
    }
}
