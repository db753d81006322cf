import Foundation

/// The time as the application reads it: a protocol so tests can fix it and move it on
/// (registration windows, session and token expiry, mail leases).
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The system's clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
