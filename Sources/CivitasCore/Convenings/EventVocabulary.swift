/// The words of convenings, each with the label people read and, where schema.org has
/// one, the term search engines and calendars read. Stored as the raw values.

/// A closed vocabulary stored as text: parsed from forms and JSON, listed in selects.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Sendable, Hashable {
    var label: String { get }
}

extension Vocabulary {
    /// "one of annual_meeting, policy_meeting, ..." for error messages.
    public static var choicesText: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

public enum EventKind: String, Vocabulary {
    case annualMeeting = "annual_meeting", policyMeeting = "policy_meeting", summit, convening, conference, workshop,
         webinar, forum, pressConference = "press_conference"

    public var label: String {
        switch self {
        case .annualMeeting: "Annual meeting"
        case .policyMeeting: "Policy meeting"
        case .pressConference: "Press conference"
        default: rawValue.capitalized
        }
    }
}

/// How precisely an event's dates are known: times, whole days, or only the month (a
/// network announcing "join us in October" before the days are fixed).
public enum EventSchedule: String, Vocabulary {
    case times, days, month

    public var label: String {
        switch self {
        case .times: "Start and end times"
        case .days: "Whole days (dates only)"
        case .month: "Month only (days to be announced)"
        }
    }
}

public enum AttendanceMode: String, Vocabulary {
    case inPerson = "in_person", online, hybrid

    public var label: String {
        switch self {
        case .inPerson: "In person"
        case .online: "Online"
        case .hybrid: "In person and online"
        }
    }

    public var schemaOrg: String {
        switch self {
        case .inPerson: "https://schema.org/OfflineEventAttendanceMode"
        case .online: "https://schema.org/OnlineEventAttendanceMode"
        case .hybrid: "https://schema.org/MixedEventAttendanceMode"
        }
    }
}

public enum EventStatus: String, Vocabulary {
    case scheduled, postponed, cancelled

    public var label: String { rawValue.capitalized }

    public var schemaOrg: String {
        switch self {
        case .scheduled: "https://schema.org/EventScheduled"
        case .postponed: "https://schema.org/EventPostponed"
        case .cancelled: "https://schema.org/EventCancelled"
        }
    }
}

public enum RegistrationMode: String, Vocabulary {
    case closed, open, approval, invitation

    public var label: String {
        switch self {
        case .closed: "Closed"
        case .open: "Open"
        case .approval: "Open, with approval by the organisers"
        case .invitation: "By invitation only"
        }
    }
}

public enum ParticipantRole: String, Vocabulary {
    case attendee, speaker, staff, press
    public var label: String { rawValue.capitalized }
}

public enum RegistrationStatus: String, Vocabulary {
    case pending, confirmed, waitlisted, rejected, cancelled

    public var label: String {
        switch self {
        case .pending: "Waiting for approval"
        case .confirmed: "Confirmed"
        case .waitlisted: "On the waiting list"
        case .rejected: "Not accepted"
        case .cancelled: "Cancelled"
        }
    }

    /// Registrations that hold (or wait for) a place; one person has at most one per event.
    public var isActive: Bool { self == .pending || self == .confirmed || self == .waitlisted }
}

public enum SessionKind: String, Vocabulary {
    case plenary, keynote, panel, breakout, workshop, pressConference = "press_conference", reception

    public var label: String { self == .pressConference ? "Press conference" : rawValue.capitalized }
}

/// How a person, city or organisation stands to an event.
public enum EventPartyRole: String, Vocabulary {
    case host, coHost = "co_host", partner, sponsor, funder

    public var label: String {
        switch self {
        case .host: "Hosted by"
        case .coHost: "Co-hosted by"
        case .partner: "In partnership with"
        case .sponsor: "Sponsored by"
        case .funder: "Made possible by the support of"
        }
    }

    /// The role as a noun, for a party's own profile page ("Host" of an event).
    public var roleName: String {
        switch self {
        case .coHost: "Co-host"
        default: rawValue.capitalized
        }
    }
}

public enum SessionPersonRole: String, Vocabulary {
    case speaker, moderator
    public var label: String { rawValue.capitalized }
}
