import Foundation
import Hummingbird
import SQLKit

/// The pages Platform owns; their content comes from the capabilities' manifests.
struct PlatformPages: Sendable {
    let services: AppServices

    func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let sections = services.site.homeSections
        return try await services.cachedPage(request, context, shows: sections.flatMap(\.shows)) {
            var parts: [Node<HTML.BodyContext>] = []
            for section in sections {
                if let part = try await section.homeSection() { parts.append(part) }
            }
            let siteName = services.configuration.siteName
            var website: [String: JSONValue] = ["@context": "https://schema.org", "@type": "WebSite", "name": .string(siteName),
                                                "url": .string(services.configuration.publicURL + "/")]
            // Search engines offer the site's own search from their results (a sitelinks search box).
            if let search = services.site.siteSearch {
                website["potentialAction"] = [
                    "@type": "SearchAction",
                    "target": ["@type": "EntryPoint", "urlTemplate": .string(services.configuration.publicURL + search.path + "?q={search_term_string}")],
                    "query-input": "required name=search_term_string",
                ]
            }
            let jsonLD = JSONValue.object(website)
            let content: Node<HTML.BodyContext> = .group(
                .h1(.text(escaping: siteName)),
                .p(.class("subtitle"), "The shared record of a network of city leaders: its people, cities and organisations, who held which office when, and the network's convenings."),
                .group(parts)
            )
            return PageLayout(services: services, context: context)
                .render(title: "Home", description: "People, cities, organisations and convenings of the network", jsonLD: jsonLD, content: content)
        }
    }

    func readiness(_ request: Request, context: AppRequestContext) async throws -> Response {
        let kind = JSONValue.string(services.database.location.kindName)
        do {
            try await services.database.ping()
            return try Responses.json(["status": "ready", "database": kind] as JSONValue)
        } catch {
            context.logger.warning("Readiness check failed", metadata: ["error": "\(error)"])
            return try Responses.json(["status": "unavailable", "database": kind] as JSONValue, status: .serviceUnavailable)
        }
    }

    func staffDashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.signedIn()
        let sections = services.site.staffLinks.compactMap { section -> StaffLinks? in
            let visible = section.links.filter { $0.visibleTo.allows(user) }
            return visible.isEmpty ? nil : StaffLinks(heading: section.heading, links: visible)
        }
        let content: Node<HTML.BodyContext> = .group(
            .h1("Staff"),
            .p(.class("subtitle"), .text(escaping: "Signed in as \(user.name), \(user.role.rawValue).")),
            .forEach(sections) { section in
                .section(.h2(.text(escaping: section.heading)),
                         .ul(.forEach(section.links) { link in .li(.a(.href(to: link.destination), .text(escaping: link.label))) }))
            }
        )
        return services.privatePage(context, title: "Staff", content: content)
    }

    func outbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        let rows = try await services.database.sql.select()
            .columns("recipient", "subject", "status", "attempts", "last_error", "created_at")
            .from(Outbox.table).orderBy("created_at", .descending).limit(100).all().map {
                (recipient: try $0.decode(column: "recipient", as: String.self), subject: try $0.decode(column: "subject", as: String.self),
                 status: try $0.decode(column: "status", as: String.self), attempts: try $0.decode(column: "attempts", as: Int.self),
                 error: try $0.decode(column: "last_error", as: String?.self), createdAt: try $0.decode(column: "created_at", as: Date.self))
            }
        return services.privatePage(context, title: "Outbox", content: OutboxPage(rows: rows).content)
    }
}
