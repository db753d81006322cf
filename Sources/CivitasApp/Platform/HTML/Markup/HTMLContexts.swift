import NIOCore

/// A whole HTML document: `<!DOCTYPE html><html …>…</html>`.
struct HTML {
    private let nodes: [Node<HTML.DocumentContext>]

    init(_ nodes: Node<HTML.DocumentContext>...) { self.nodes = nodes }

    /// The document as the answer's bytes (see `HTMLRenderer.bytes`).
    func renderedPage() -> RenderedPage { RenderedPage(buffer: ByteBuffer(bytes: HTMLRenderer.bytes(markup))) }

    private var markup: Markup {
        .group([
            .element(MarkupElement(name: "!DOCTYPE", closing: .neverClosed, children: [.attribute(MarkupAttribute(name: "html", value: nil, ignoreIfValueIsEmpty: false))])),
            .element(MarkupElement(name: "html", closing: .standard, children: nodes.map(\.markup))),
        ])
    }
}

// Where an element or attribute may go. Classes where one context is a kind of another (a
// form's content is body content too), protocols for what several contexts share.
extension HTML {
    enum DocumentContext: HTMLStylableContext {}
    enum HeadContext: HTMLContext, HTMLScriptableContext {}
    class BodyContext: HTMLStylableContext, HTMLScriptableContext, HTMLImageContainerContext, HTMLDividableContext {}
    final class AnchorContext: BodyContext, HTMLLinkableContext {}
    final class ButtonContext: BodyContext, HTMLNamableContext, HTMLValueContext {}
    enum DescriptionListContext: HTMLStylableContext, HTMLDividableContext {}
    final class DetailsContext: BodyContext {}
    final class FormContext: BodyContext {}
    enum ImageContext: HTMLSourceContext, HTMLStylableContext, HTMLDimensionContext {}
    enum InputContext: HTMLNamableContext, HTMLValueContext {}
    final class TextAreaContext: HTMLNamableContext {}
    final class LabelContext: BodyContext {}
    enum LinkContext: HTMLLinkableContext, HTMLTypeContext, HTMLIntegrityContext {}
    enum ListContext: HTMLStylableContext {}
    enum MetaContext: HTMLNamableContext {}
    enum OptionContext: HTMLValueContext {}
    enum ScriptContext: HTMLSourceContext, HTMLIntegrityContext, HTMLTypeContext {}
    enum SelectContext: HTMLOptionListContext {}
    enum TableContext: HTMLStylableContext {}
    enum TableRowContext: HTMLStylableContext {}
    final class TimeContext: BodyContext {}
}

protocol HTMLContext {}
protocol HTMLDimensionContext: HTMLContext {}
protocol HTMLDividableContext: HTMLContext {}
protocol HTMLImageContainerContext: HTMLContext {}
protocol HTMLLinkableContext: HTMLContext {}
protocol HTMLIntegrityContext: HTMLContext {}
protocol HTMLNamableContext: HTMLContext {}
protocol HTMLOptionListContext: HTMLContext {}
protocol HTMLScriptableContext: HTMLContext {}
protocol HTMLSourceContext: HTMLContext {}
protocol HTMLStylableContext: HTMLContext {}
protocol HTMLTypeContext: HTMLContext {}
protocol HTMLValueContext: HTMLContext {}

enum Language: String {
    case english = "en"
}

enum DocumentEncoding: String {
    case utf8 = "UTF-8"
}

enum HTMLInputType: String {
    case button, checkbox, color, date, email, file, hidden, image, month, number, password, radio, range, reset, search, submit, tel, text, time, url, week
    case datetimeLocal = "datetime-local"
}

enum HTMLButtonType: String {
    case button, reset, submit
}

enum HTMLFormMethod: String {
    case get, post
}

enum HTMLFormContentType: String {
    case urlEncoded = "application/x-www-form-urlencoded"
    case multipartData = "multipart/form-data"
    case plainText = "text/plain"
}

enum HTMLLinkRelationship: String {
    case alternate, author, canonical, help, icon, license, manifest, next, preconnect, prefetch, preload, prev, search, stylesheet
}
