import CivitasCore

/// The line `civitas serve` shows once it listens: the address to open, where the data is,
/// and what happened to the demo network.
enum StartupMessage {
    static func text(configuration: AppConfiguration, loadedDemoParts: [String]) -> String {
        let demo: String
        if !configuration.loadDemo {
            demo = "the demo network is off (CIVITAS_DEMO=false)"
        } else if loadedDemoParts.isEmpty {
            demo = "the demo network was loaded on an earlier start"
        } else {
            demo = "the demo network was loaded (\(loadedDemoParts.joined(separator: ", ")))"
        }
        return "Civitas is running: open \(configuration.publicURL)/ in a browser. Data: \(configuration.database.redactedDescription); \(demo)."
    }
}
