import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// HTTP/1.1 as Hummingbird serves it, with each connection's requests handled on the
/// connection's own event loop (`EventLoopTaskExecutor`).
///
/// A request then is read, answered and written on one thread, with no other thread woken on
/// its way: on an uncached page of the demo, the wake-ups cost the server more than reading
/// the page's rows. A read that waits on the database (PostgreSQL) still frees the loop for
/// the other connections while it waits; work that runs long without waiting holds the loop,
/// as it held one of Swift's shared threads before.
struct LoopBoundHTTP1Channel: ServerChildChannel {
    let http: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        http.setup(channel: channel, logger: logger)
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor.of(value.channel.eventLoop)) {
            await http.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with each connection's work on its own event loop (`LoopBoundHTTP1Channel`).
    static func loopBoundHTTP1() -> HTTPServerBuilder {
        .init { responder in LoopBoundHTTP1Channel(http: HTTP1Channel(responder: responder)) }
    }
}
