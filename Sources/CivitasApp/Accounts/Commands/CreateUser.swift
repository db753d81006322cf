import CivitasCore
import FluentKit
import Foundation

/// Creates an account. Used by `civitas users create` and by tests.
public struct CreateUser: Sendable {
    public let email: String
    public let name: String
    public let role: Role
    public let password: String

    public init(email: String, name: String, role: Role, password: String) {
        self.email = email
        self.name = name
        self.role = role
        self.password = password
    }

    public enum Outcome: Sendable, Equatable {
        case created(id: String)
        case invalid(String)
        case emailTaken
    }

    public func run(services: AppServices) async throws -> Outcome {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard TextInput.isEmailAddress(email) else {
            return .invalid("\"\(email)\" is not an e-mail address")
        }
        guard !TextInput.hasLineBreaksOrControls(name), name.count <= 200 else {
            return .invalid("The name must be one line of at most 200 characters, without line breaks or control characters")
        }
        guard password.count >= Passwords.minimumLength else {
            return .invalid("The password must be at least \(Passwords.minimumLength) characters long")
        }
        let db = services.database.db
        if try await User.query(on: db).filter(\.$email == email).first() != nil { return .emailTaken }
        let hash = try await Passwords.hash(password, services: services)
        let displayName = name.trimmingCharacters(in: .whitespaces).isEmpty ? email : name
        let user = User(email: email, name: displayName, role: role, passwordHash: hash, now: services.now())
        try await user.create(on: db)
        return .created(id: user.id!)
    }
}
