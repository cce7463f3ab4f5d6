import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// `validate` on every sample gives exactly its golden findings, in text and JSON.
@Suite struct ValidateGoldenTests {
    @Test(arguments: Fixture.sampleIDs)
    func textOutputMatchesGolden(_ id: String) {
        let outcome = Fixture.run(["validate", id])
        Fixture.assertGolden(outcome.standardOutput + "exit: \(outcome.exitCode.rawValue)\n", "validate/\(id).txt")
    }

    @Test(arguments: Fixture.sampleIDs)
    func jsonOutputMatchesGolden(_ id: String) {
        let outcome = Fixture.run(["validate", id, "--format", "json"])
        Fixture.assertGolden(outcome.standardOutput, "validate-json/\(id).json")
    }

    @Test func goodSamplesAreCleanAndBadOnesAreNot() {
        for id in Fixture.sampleIDs {
            let outcome = Fixture.run(["validate", id])
            if id.hasPrefix("draft_dp_bad_") {
                #expect(!outcome.standardOutput.hasSuffix("no findings.\n"), "\(id) should have findings")
            } else if !id.hasPrefix("draft_dp_hostile_") {
                #expect(outcome.standardOutput.hasSuffix("no findings.\n"), "\(id): \(outcome.standardOutput)")
                #expect(outcome.exitCode == .clean)
            }
        }
    }
}
