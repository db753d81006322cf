import CivitasCore

/// Writes a `Markup` tree as HTML text into one buffer, in one pass over the tree.
///
/// The rules are Plot's, which the pages and their tests were written against: an element's
/// attributes may come anywhere among its children (also inside groups) and are written in
/// its opening tag in the order they first appear; a later attribute of the same name replaces
/// the earlier value, or is joined to it by a space when it asks to be; an attribute without a
/// value is left out or written as its name alone. Text is escaped (`HTMLEscaping.appendText`);
/// attribute values and raw markup are written as given.
enum HTMLRenderer {
    static func render(_ markup: Markup) -> String {
        String(decoding: bytes(markup), as: UTF8.self)
    }

    /// The HTML as UTF-8 bytes, as the answer sends them: a page goes to the client without
    /// being made a `String` first (which checked its every byte again, 1.2% of an uncached
    /// event page, and was then copied into the answer's buffer).
    static func bytes(_ markup: Markup) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        // One list for every element's attributes while its opening tag is written, reused
        // down the tree: a list made per element was an allocation for each of a page's
        // hundreds of elements.
        var attributes: [MarkupAttribute] = []
        attributes.reserveCapacity(32)
        write(markup, into: &output, attributes: &attributes)
        return output
    }

    private static func write(_ markup: Markup, into output: inout [UInt8], attributes: inout [MarkupAttribute]) {
        switch markup {
        case .empty, .attribute:
            // An attribute outside any element has nothing to belong to.
            break
        case .text(let text):
            HTMLEscaping.appendText(text, to: &output)
        case .raw(let html):
            append(html, into: &output)
        case .group(let members):
            for member in members { write(member, into: &output, attributes: &attributes) }
        case .element(let element):
            write(element, into: &output, attributes: &attributes)
        }
    }

    private static func write(_ element: MarkupElement, into output: inout [UInt8], attributes: inout [MarkupAttribute]) {
        output.append(UInt8(ascii: "<"))
        append(element.name, into: &output)
        // The list is empty here: each element empties it once its opening tag is written,
        // before its content is.
        var hasContent = false
        collectAttributes(element.children, into: &attributes, hasContent: &hasContent)
        for attribute in attributes { writeAttribute(attribute, into: &output) }
        attributes.removeAll(keepingCapacity: true)
        switch element.closing {
        case .neverClosed:
            output.append(UInt8(ascii: ">"))
            writeContent(element.children, into: &output, attributes: &attributes)
        case .selfClosing where !hasContent:
            output.append(UInt8(ascii: "/"))
            output.append(UInt8(ascii: ">"))
        case .standard, .selfClosing:
            output.append(UInt8(ascii: ">"))
            writeContent(element.children, into: &output, attributes: &attributes)
            output.append(UInt8(ascii: "<"))
            output.append(UInt8(ascii: "/"))
            append(element.name, into: &output)
            output.append(UInt8(ascii: ">"))
        }
    }

    /// The element's own attributes, through any groups among its children, merged by name.
    private static func collectAttributes(_ children: [Markup], into attributes: inout [MarkupAttribute], hasContent: inout Bool) {
        for child in children {
            switch child {
            case .attribute(let attribute):
                guard !attribute.name.isEmpty else { continue }
                if let index = attributes.firstIndex(where: { $0.name == attribute.name }) {
                    attributes[index] = merged(attributes[index], attribute)
                } else {
                    attributes.append(attribute)
                }
            case .group(let members):
                collectAttributes(members, into: &attributes, hasContent: &hasContent)
            case .element:
                hasContent = true
            case .text, .raw, .empty:
                break
            }
        }
    }

    private static func merged(_ existing: MarkupAttribute, _ added: MarkupAttribute) -> MarkupAttribute {
        if added.replaceExisting {
            return MarkupAttribute(name: existing.name, value: added.value, replaceExisting: existing.replaceExisting,
                                   ignoreIfValueIsEmpty: existing.ignoreIfValueIsEmpty)
        }
        guard let addedValue = added.value, !addedValue.isEmpty else { return existing }
        let joined = existing.value.flatMap { $0.isEmpty ? nil : $0 + " " + addedValue } ?? addedValue
        return MarkupAttribute(name: existing.name, value: joined, replaceExisting: existing.replaceExisting,
                               ignoreIfValueIsEmpty: existing.ignoreIfValueIsEmpty)
    }

    private static func writeAttribute(_ attribute: MarkupAttribute, into output: inout [UInt8]) {
        guard let value = attribute.value, !value.isEmpty else {
            if !attribute.ignoreIfValueIsEmpty {
                output.append(UInt8(ascii: " "))
                append(attribute.name, into: &output)
            }
            return
        }
        output.append(UInt8(ascii: " "))
        append(attribute.name, into: &output)
        output.append(UInt8(ascii: "="))
        output.append(UInt8(ascii: "\""))
        append(value, into: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// Everything but the attributes, in order.
    private static func writeContent(_ children: [Markup], into output: inout [UInt8], attributes: inout [MarkupAttribute]) {
        for child in children {
            switch child {
            case .attribute: continue
            case .group(let members): writeContent(members, into: &output, attributes: &attributes)
            default: write(child, into: &output, attributes: &attributes)
            }
        }
    }

    private static func append(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }
}
