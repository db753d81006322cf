import Foundation

/// Whether a registration may be taken now, and what it becomes: the pretix rule of
/// "lock, re-count, decide" reduced to its decision, so it can be tested on its own.
/// The caller holds the lock and supplies the counts it just read.
public struct RegistrationRules: Sendable {
    public var mode: RegistrationMode
    public var eventStatus: EventStatus
    public var capacity: Int?
    public var opensAt: Date?
    public var closesAt: Date?
    /// When the event ends: nobody registers for an event that is over.
    public var endsAt: Date

    public init(mode: RegistrationMode, eventStatus: EventStatus, capacity: Int?, opensAt: Date?, closesAt: Date?, endsAt: Date) {
        self.mode = mode
        self.eventStatus = eventStatus
        self.capacity = capacity
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.endsAt = endsAt
    }

    public enum Refusal: Error, Equatable, Sendable {
        case closed, cancelled, notYetOpen(Date), closedAt(Date), eventOver, invitationRequired

        public var message: String {
            switch self {
            case .closed: "Registration for this event is closed"
            case .cancelled: "This event has been cancelled"
            case .notYetOpen: "Registration for this event has not opened yet"
            case .closedAt: "Registration for this event has closed"
            case .eventOver: "This event is over"
            case .invitationRequired: "This event is by invitation only: use the personal link in your invitation"
            }
        }
    }

    /// Checks the event takes registrations at `now`; `invited` is true when a valid
    /// invitation came with the request.
    public func admit(now: Date, invited: Bool) throws(Refusal) {
        if eventStatus == .cancelled { throw .cancelled }
        if now >= endsAt { throw .eventOver }
        switch mode {
        case .closed: throw .closed
        case .invitation where !invited: throw .invitationRequired
        default: break
        }
        // An invitation is honoured outside the public window: the organiser chose the person.
        if !invited {
            if let opensAt, now < opensAt { throw .notYetOpen(opensAt) }
            if let closesAt, now >= closesAt { throw .closedAt(closesAt) }
        }
    }

    /// What a new registration becomes, given the places confirmed right now.
    public func placement(confirmed: Int) -> RegistrationStatus {
        if mode == .approval { return .pending }
        return hasRoom(confirmed: confirmed) ? .confirmed : .waitlisted
    }

    public func hasRoom(confirmed: Int) -> Bool {
        guard let capacity else { return true }
        return confirmed < capacity
    }
}
