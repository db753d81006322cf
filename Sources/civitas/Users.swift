import ArgumentParser
import CivitasApp
import CivitasCore
import Foundation

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account, for example the first administrator.")

        @Option(help: "The e-mail address used to sign in.") var email: String
        @Option(help: "admin, editor, organizer or member.") var role: String = "member"
        @Option(help: "The name shown on pages (default: the e-mail).") var name: String = ""
        @Option(help: "The password (at least 10 characters). When left out, one is generated and printed.") var password: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let role = Role(rawValue: role)!
            try await runReportingErrors {
                let services = try await database.preparedServices()
                let password = password ?? Secrets.randomToken(bytes: 12)
                let outcome = try await CreateUser(email: email, name: name, role: role, password: password).run(services: services)
                await services.database.shutdown()
                switch outcome {
                case .created:
                    print("Created \(role.rawValue) \(email.lowercased()).")
                    // A password given on the command line is not repeated: output is often kept
                    // (terminal scroll-back, CI logs) where the command line is not.
                    if self.password == nil {
                        print("Sign in at \(services.configuration.publicURL)/sign-in with this e-mail and the password: \(password)")
                    } else {
                        print("Sign in at \(services.configuration.publicURL)/sign-in with this e-mail and the password you gave.")
                    }
                case .emailTaken:
                    throw CommandFailure("An account with the e-mail \(email) already exists")
                case .invalid(let message):
                    throw CommandFailure(message)
                }
            }
        }
    }
}

struct Tokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a scoped API token and print it once.")

        @Option(help: "What the token is for.") var name: String
        @Option(help: "Comma-separated scopes, e.g. directory:write.") var scopes: String
        @Option(help: "Days until the token stops working (1 to 3650); without it, the token lasts until revoked.") var expiresDays: String = ""
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await runReportingErrors {
                let services = try await database.preparedServices()
                let outcome = try await CreateAPIToken(name: name, scopes: scopes.split(separator: ",").map(String.init), createdBy: nil, expiresInDays: expiresDays).run(services: services)
                await services.database.shutdown()
                switch outcome {
                case .created(_, let token):
                    print("Created API token \"\(name)\" with scopes \(scopes). It is shown only this once:")
                    print(token)
                case .invalid(let message):
                    throw CommandFailure(message)
                }
            }
        }
    }
}
