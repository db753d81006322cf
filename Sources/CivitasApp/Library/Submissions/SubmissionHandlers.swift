import CivitasCore
import Hummingbird

/// Members sending practices, and editors deciding on them.
struct SubmissionHandlers: Sendable {
    let services: AppServices

    private var store: SubmissionStore { SubmissionStore(sql: services.database.reads) }

    // MARK: members (signed in)

    func mine(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let notice = request.uri.queryParameters["sent"] != nil ? "Thank you: an editor will read what you sent." : nil
        let page = MySubmissionsPage(submissions: try await store.mine(user.id), notice: notice)
        return services.privatePage(context, title: "Your practices", content: page.content)
    }

    func newForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.signedIn()
        return try await form(id: nil, values: [:], note: nil, error: nil, context: context)
    }

    func editForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let submission = try await own(context)
        guard submission.state.isEditableBySubmitter else { throw decided(submission.state) }
        return try await form(id: submission.practice.id, values: submission.practice.formValues, note: submission.note, error: nil, context: context)
    }

    func save(editing: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let id = editing ? try context.parameters.require("id") : nil
        var request = request
        let formData = try await FormBody.read(&request, context: context)
        switch try await SubmitPractice(id: id, input: RecordInput(form: formData, kind: LibraryKind.practice), user: user).run(services: services) {
        case .saved: return Responses.redirect(to: LibraryURL.mySubmissions.with(query: [("sent", "1")]))
        case .notFound: throw AppError.notFound("The submission")
        case .decided(let state): throw decided(state)
        case .invalid(let error):
            var note: String? = nil
            if let id { note = try await store.find(id)?.note }
            return try await form(id: id, values: RecordFormFields.typed(formData, kind: LibraryKind.practice), note: note, error: error,
                                  context: context, status: .badRequest)
        }
    }

    private func own(_ context: AppRequestContext) async throws -> Submission {
        let user = try context.signedIn()
        let id = try context.parameters.require("id")
        // Another member's submission answers as if it did not exist.
        guard let submission = try await store.find(id), submission.submittedBy == user.id else { throw AppError.notFound("The submission") }
        return submission
    }

    private func decided(_ state: SubmissionState) -> AppError {
        AppError(.conflict, "An editor has already decided on this practice (\(state.label.lowercased())); it can no longer be changed here")
    }

    private func form(id: String?, values: [String: [String]], note: String?, error: AppError?, context: AppRequestContext,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let choices = try await LibraryFormChoices.load(.practice, excluding: id, publishedOnly: true,
                                                        store: LibraryStore(sql: services.database.reads), records: services.site.records)
        let page = SubmissionFormPage(submissionID: id, values: values, error: error, note: note, choices: choices, csrfToken: context.csrfToken)
        return services.privatePage(context, title: id == nil ? "Send a practice" : "Change your practice", content: page.content, status: status)
    }

    // MARK: editors (staff)

    func reviewList(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        services.privatePage(context, title: "Submitted practices", content: StaffSubmissionsPage(submissions: try await store.forReview()).content)
    }

    func reviewPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await review(try context.parameters.require("id"), error: nil, context: context)
    }

    func decide(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let id = try context.parameters.require("id")
        var request = request
        let formData = try await FormBody.read(&request, context: context)
        guard let decision = formData["decision"].flatMap(ReviewSubmission.Decision.init(rawValue:)) else {
            throw AppError.badRequest("decision must be request_changes, decline or publish")
        }
        switch try await ReviewSubmission(id: id, decision: decision, note: formData["note"], actor: .user(user)).run(services: services) {
        case .done: return Responses.redirect(to: LibraryURL.staffSubmission(id))
        case .notFound: throw AppError.notFound("The submission")
        case .alreadyDecided(let state): throw AppError(.conflict, "This practice is already decided on (\(state.label.lowercased()))")
        case .invalid(let error): return try await review(id, error: error, context: context, status: .badRequest)
        }
    }

    private func review(_ id: String, error: AppError?, context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let submission = try await store.find(id) else { throw AppError.notFound("The submission") }
        let (preview, _) = try await LibraryPages(services: services).practice(submission.practice, showContacts: true)
        let page = StaffReviewPage(submission: submission, preview: preview, error: error, csrfToken: context.csrfToken)
        return services.privatePage(context, title: "Review: \(submission.practice.title)", content: page.content, status: status)
    }
}
