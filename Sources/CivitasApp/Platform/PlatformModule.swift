import FluentKit
import Hummingbird
import Metrics
import NIOCore
import Prometheus

/// Operations routes: liveness, readiness, Prometheus metrics, the stylesheet, and the
/// plain "hello" route that benchmarks compare every page against.
struct PlatformModule: CivitasModule {
    let services: AppServices
    let name = "platform"
    var migrations: [any Migration] { [] }

    func registerRoutes(on router: Router<AppRequestContext>) {
        let registry = PrometheusBootstrap.registry
        // Access: public. Benchmarks' baseline.
        router.get(SiteURL.hello.route) { _, _ in Responses.text("hello") }
        // Access: public. The process is up.
        router.get(SiteURL.healthz.route) { _, _ in try Responses.json(["status": "ok"] as JSONValue) }
        // Access: public. The database answers.
        router.get(SiteURL.readyz.route) { _, context in
            do {
                try await services.database.ping()
                return try Responses.json(["status": "ready", "database": .string(services.database.location.kindName)] as JSONValue)
            } catch {
                context.logger.warning("Readiness check failed", metadata: ["error": "\(error)"])
                return try Responses.json(["status": "unavailable", "database": .string(services.database.location.kindName)] as JSONValue, status: .serviceUnavailable)
            }
        }
        // Access: public, as Prometheus scrapes it; it holds request counts and latencies only.
        router.get(SiteURL.metrics.route) { _, _ in
            var bytes: [UInt8] = []
            registry.emit(into: &bytes)
            return Responses.bytes(ByteBuffer(bytes: bytes), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        // Access: public.
        router.get(SiteURL.stylesheet.route) { _, _ in
            var response = Responses.text(Stylesheet.css, contentType: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
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
