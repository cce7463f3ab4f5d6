// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "harbor-scaffold",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "harbor-scaffold", targets: ["harbor-scaffold"]),
        .library(name: "HarborScaffoldKit", targets: ["HarborScaffoldKit"]),
    ],
    targets: [
        // All logic: parse → check → render → lint → report. Never prints, never exits.
        .target(name: "HarborScaffoldKit"),
        // Argument parsing and subcommands; returns output as values for the executable to write.
        .target(name: "HarborScaffoldCLI", dependencies: ["HarborScaffoldKit"]),
        // The thin entry point.
        .executableTarget(name: "harbor-scaffold", dependencies: ["HarborScaffoldCLI"]),
        // Build helper: regenerates Sources/HarborScaffoldKit/Generated/EmbeddedBlueprints.swift (`make blueprints`).
        .executableTarget(name: "embed-blueprints"),
        // Golden files are read through #filePath, not bundled as resources.
        .testTarget(name: "HarborScaffoldKitTests", dependencies: ["HarborScaffoldKit"], exclude: ["Golden"]),
        .testTarget(name: "HarborScaffoldCLITests", dependencies: ["HarborScaffoldCLI", "HarborScaffoldKit"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
