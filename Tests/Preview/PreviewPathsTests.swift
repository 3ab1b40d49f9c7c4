import Testing

@testable import NoticePreview

@Suite("Preview paths")
struct PreviewPathsTests {
    static let files: Set<String> = ["index.html", "cookies/index.html", "assets/notice.css", "404.html", "help/contact/index.html"]

    @Test(arguments: [
        ("/", PreviewPaths.Resolution.file("index.html")),
        ("/index.html", .file("index.html")),
        ("/cookies/", .file("cookies/index.html")),
        ("/cookies", .redirect("/cookies/")),
        ("/help/contact/", .file("help/contact/index.html")),
        ("/assets/notice.css", .file("assets/notice.css")),
        ("/assets/", .notFound),
        ("/missing", .notFound),
        ("/etc/passwd", .notFound),
        ("/cookies/index.html/", .notFound),
    ])
    func prettyURLs(path: String, expected: PreviewPaths.Resolution) {
        #expect(PreviewPaths.resolve(path, files: Self.files) == expected)
    }

    /// Every way of climbing out of the site is refused before any lookup.
    @Test(arguments: [
        "/../etc/passwd", "/cookies/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/%2e%2e%2fetc%2fpasswd",
        "/assets/..%2f..%2fetc/passwd", "/.%2e/etc/passwd", "//etc/passwd", "/./index.html", "/assets/.", "/cookies//index.html",
        "/assets\\..\\..\\etc\\passwd", "/index.html%00.css", "/%zz", "etc/passwd", "",
    ])
    func traversalIsForbidden(path: String) {
        #expect(PreviewPaths.resolve(path, files: Self.files) == .forbidden)
    }

    @Test func doubleEncodingIsDecodedOnceAndFindsNothing() {
        #expect(PreviewPaths.resolve("/%252e%252e/etc/passwd", files: Self.files) == .notFound)
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("a/notice.css", "text/css; charset=utf-8"),
        ("consent.js", "text/javascript; charset=utf-8"), ("cookies.json", "application/json; charset=utf-8"),
        ("cookies.csv", "text/csv; charset=utf-8"), ("favicon.svg", "image/svg+xml"), ("map.PNG", "image/png"),
        ("report.pdf", "application/pdf"), ("archive.bin", "application/octet-stream"), ("README", "application/octet-stream"),
    ])
    func contentTypes(name: String, type: String) {
        #expect(PreviewPaths.contentType(for: name) == type)
    }
}
