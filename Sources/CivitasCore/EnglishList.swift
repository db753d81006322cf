/// Items joined as English writes a list: "a", "a and b", "a, b and c".
public enum EnglishList {
    public static func joined(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }
}
