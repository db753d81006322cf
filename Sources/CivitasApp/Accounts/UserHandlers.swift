import CivitasCore
import FluentKit
import Hummingbird

/// Admins manage accounts; everyone signed in manages their own password.
struct UserHandlers: Sendable {
    let services: AppServices

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        return try await page(context: context, created: nil, error: nil)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await FormBody.read(&request, context: context)
        guard let role = Role(rawValue: form["role"] ?? "") else {
            return try await page(context: context, created: nil, error: "Choose a role: admin, editor, organizer or member", status: .badRequest)
        }
        let password = services.secrets.token(bytes: 12)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch try await CreateUser(email: email, name: form["name"] ?? "", role: role, password: password).run(services: services) {
        case .created:
            return try await page(context: context, created: (email, password), error: nil)
        case .emailTaken:
            return try await page(context: context, created: nil, error: "An account with the e-mail \(email) already exists", status: .badRequest)
        case .invalid(let message):
            return try await page(context: context, created: nil, error: message, status: .badRequest)
        }
    }

    func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.signedIn()
        let id = try context.parameters.require("id")
        var request = request
        let form = try await FormBody.read(&request, context: context)
        guard let role = Role(rawValue: form["role"] ?? "") else { throw AppError.badRequest("Choose a role: admin, editor, organizer or member") }
        switch try await UpdateUser(id: id, role: role, disabled: form["disabled"] == "true", admin: admin).run(services: services) {
        case .updated: return Responses.redirect(to: AccountsURL.staffUsers.path)
        case .notFound: throw AppError.notFound("The account")
        case .refused(let message): return try await page(context: context, created: nil, error: message, status: .badRequest)
        }
    }

    func account(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.user else { throw AppError(.forbidden, "Sign in to see your account") }
        return accountPage(user: user, changed: request.uri.queryParameters["changed"] != nil, error: nil, context: context)
    }

    func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.user else { throw AppError(.forbidden, "Sign in to change your password") }
        var request = request
        let form = try await FormBody.read(&request, context: context)
        let outcome = try await ChangePassword(user: user, currentPassword: form["current_password"] ?? "", newPassword: form["new_password"] ?? "",
                                               confirmation: form["confirmation"] ?? "",
                                               keepSessionSecret: request.cookies[Sessions.cookieName]?.value).run(services: services)
        switch outcome {
        case .changed:
            return Responses.redirect(to: AccountsURL.account.with(query: [("changed", "1")]))
        case .invalid(let field, let message):
            let error = AppError(.badRequest, "The password was not changed", fieldErrors: [field: message])
            return accountPage(user: user, changed: false, error: error, context: context, status: .badRequest)
        }
    }

    private func accountPage(user: SignedInUser, changed: Bool, error: AppError?, context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        let page = AccountPage(user: user, changed: changed, error: error, csrfToken: context.csrfToken)
        return services.privatePage(context, title: "Your account", content: page.content, status: status)
    }

    private func page(context: AppRequestContext, created: (String, String)?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let users = try await User.query(on: services.database.db).sort(\.$email).all()
        let rows = users.map { UsersPage.Row(id: $0.id!, email: $0.email, name: $0.name, role: Role(rawValue: $0.role) ?? .member, disabled: $0.disabled) }
        let page = UsersPage(rows: rows, created: created.map { (email: $0.0, password: $0.1) }, error: error, csrfToken: context.csrfToken)
        return services.privatePage(context, title: "Accounts", content: page.content, status: status)
    }
}
