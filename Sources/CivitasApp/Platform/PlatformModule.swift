import FluentKit
import Hummingbird
import Metrics
import NIOCore
import Prometheus
import SQLKit
import ServiceLifecycle

/// Platform's own routes: the home page and the staff dashboard (each made of what the
/// capabilities contribute), the mail outbox for staff, operations routes (liveness,
/// readiness, Prometheus metrics), the stylesheet, and the plain "hello" route that
/// benchmarks compare every page against.
struct PlatformModule: CivitasModule {
    let services: AppServices
    let name = "platform"
    var migrations: [any Migration] { [P001_CreatePlatformTables(), P002_CreateStoredFiles()] }

    var staffLinks: StaffLinks? {
        StaffLinks(heading: "Mail", links: [NavigationLink(label: "Outbox", destination: SiteURL.staffOutbox, visibleTo: .staff)])
    }

    var backgroundServices: [any Service] {
        var list: [any Service] = []
        if services.configuration.deliverMail { list.append(MailSender(services: services)) }
        if case .postgres(let url) = services.database.location {
            list.append(ChangeListener(url: url, publisher: services.changes, logger: services.logger))
        }
        return list
    }

    func registerRoutes(on routes: SiteRoutes) {
        let pages = PlatformPages(services: services)
        routes.group(.everyone) { group in
            group.get(SiteURL.home, use: pages.home)
            // Benchmarks' baseline.
            group.get(SiteURL.hello) { _, _ in Responses.text("hello") }
            group.get(SiteURL.healthz) { _, _ in try Responses.json(["status": "ok"] as JSONValue) }
            group.get(SiteURL.readyz, use: pages.readiness)
            // Public, as Prometheus scrapes it; it holds request counts and latencies only.
            group.get(SiteURL.metrics) { _, _ in
                var bytes: [UInt8] = []
                PrometheusBootstrap.registry.emit(into: &bytes)
                return Responses.bytes(ByteBuffer(bytes: bytes), contentType: "text/plain; version=0.0.4; charset=utf-8")
            }
            group.get(SiteURL.stylesheet) { _, _ in
                var response = Responses.text(Stylesheet.css, contentType: "text/css; charset=utf-8")
                response.headers[.cacheControl] = "public, max-age=3600"
                return response
            }
            group.get(SiteURL.icon) { _, _ in
                var response = Responses.text(SiteIcon.svg, contentType: "image/svg+xml")
                response.headers[.cacheControl] = "public, max-age=86400"
                return response
            }
            group.get(SiteURL.favicon) { _, _ in
                var response = Response(status: .movedPermanently, headers: [.location: SiteURL.icon.path])
                response.headers[.cacheControl] = "public, max-age=86400"
                return response
            }
        }
        routes.group(.staff) { group in
            group.get(SiteURL.staff, use: pages.staffDashboard)
            group.get(SiteURL.staffOutbox, use: pages.outbox)
        }
    }
}

/// swift-metrics has one global backend per process; tests build many applications.
enum PrometheusBootstrap {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
