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
        // `make bench`: synthetic workspaces, timed `check` runs of the release binary (prints numbers, asserts nothing).
        .executableTarget(name: "harbor-scaffold-bench"),
        .testTarget(name: "HarborScaffoldKitTests", dependencies: ["HarborScaffoldKit"], exclude: ["Golden", "Lint/Fixtures"]),
        // Golden files and schemas are read from disk by path, not bundled.
        .testTarget(
            name: "HarborScaffoldCLITests", dependencies: ["HarborScaffoldCLI", "HarborScaffoldKit"], exclude: ["Golden", "Schemas"]),
    ],
    swiftLanguageModes: [.v6]
)
