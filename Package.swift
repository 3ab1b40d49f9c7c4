// swift-tools-version: 6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    // The project's own code builds without a warning, and stays so: a warning stops the build.
    .unsafeFlags(["-warnings-as-errors"]),
]

let package = Package(
    name: "Notice",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "notice", targets: ["notice"]),
        .library(name: "NoticeKit", targets: ["NoticeKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already built for Hummingbird: the preview reads a request's target before it is converted.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // `notice import https://…`: fetching a published policy page (already in the graph through
        // HummingbirdTesting; no other client here does TLS and redirects).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // SHA-256 and SHA-384 from the system's OpenSSL, rather than compiling BoringSSL for three hashes.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // renameat2 for the atomic swap of the output folder, which Swift's Glibc module does not import.
        .target(name: "CExchange"),
        .target(
            name: "NoticeKit",
            dependencies: [
                "CCmark",
                "CLibCrypto",
                "CExchange",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NoticePreview",
            dependencies: [
                "NoticeKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NoticeAudit",
            dependencies: [
                "NoticeKit",
                "NoticePreview",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "notice",
            dependencies: [
                "NoticeKit",
                "NoticePreview",
                "NoticeAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),
        // Fuzz targets: a replay tool in ordinary builds, libFuzzer targets with `make fuzz`.
        .target(name: "FuzzDriver", path: "Tests/FuzzDriver"),
        .executableTarget(
            name: "notice-fuzz",
            dependencies: ["NoticeKit", "FuzzDriver"],
            path: "Tests/Fuzz",
            exclude: ["Corpus", "seed_corpus.py", "run.sh"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NoticeKitTests",
            dependencies: [
                "NoticeKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/Unit",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PreviewTests",
            dependencies: [
                "NoticePreview",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/Preview",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AuditTests",
            dependencies: ["NoticeAudit", "NoticeKit"],
            path: "Tests/Audit",
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SiteTests",
            dependencies: ["NoticeKit"],
            path: "Tests/Site",
            exclude: ["Golden", "Records"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
