// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Trinvis",
    products: [
        .executable(name: "trinvis", targets: ["trinvis"]),
        .library(name: "TrinvisCore", targets: ["TrinvisCore"]),
    ],
    dependencies: [],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "TrinvisCore", dependencies: ["CSQLite"]),
        .target(name: "TrinvisTUI", dependencies: ["TrinvisCore", "CNcurses"]),
        .executableTarget(name: "trinvis", dependencies: ["TrinvisCore", "TrinvisTUI"]),
        .executableTarget(name: "trinvis-bench", dependencies: ["CSQLite", "TrinvisCore", "TrinvisTUI"]),
        // Test-only: the writer and the documents of the many-writers test (through Workspace).
        .executableTarget(name: "trinvis-load", dependencies: ["TrinvisCore"]),
        .testTarget(name: "TrinvisCoreTests", dependencies: ["TrinvisCore"]),
        .testTarget(name: "TrinvisTUITests", dependencies: ["TrinvisTUI", "TrinvisCore"]),
        .testTarget(name: "TrinvisBenchTests", dependencies: ["trinvis-bench", "TrinvisCore"]),
        .testTarget(name: "TrinvisEndToEndTests", dependencies: ["trinvis", "trinvis-load", "TrinvisCore"]),
    ]
)
