import NIOCore

/// A whole page rendered by `PageLayout`, as the bytes its answer carries.
struct RenderedPage: Sendable {
    let buffer: ByteBuffer
}
