import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// Golden files for the outputs that are not findings: help, rule and blueprint listings, and
/// scaffold's own report in text and JSON.
@Suite struct OutputGoldenTests {
    @Test func helpTexts() {
        Fixture.assertGolden(Fixture.run(["--help"]).standardOutput, "outputs/help.txt")
        for command in CommandLineTool.commands {
            Fixture.assertGolden(Fixture.run([command.name, "--help"]).standardOutput, "outputs/help-\(command.name).txt")
        }
    }

    @Test func ruleListingsAndExplanations() {
        Fixture.assertGolden(Fixture.run(["rules"]).standardOutput, "outputs/rules.txt")
        Fixture.assertGolden(Fixture.run(["rules", "--format", "json"]).standardOutput, "outputs/rules.json")
        Fixture.assertGolden(Fixture.run(["rules", "D304"]).standardOutput, "outputs/rules-D304.txt")
        Fixture.assertGolden(Fixture.run(["rules", "C301", "--format", "json"]).standardOutput, "outputs/rules-C301.json")
        Fixture.assertGolden(Fixture.run(["rules", "C205"]).standardOutput, "outputs/rules-C205.txt")
        // An opt-in rule with Harbor's name, and a rule whose examples hold symbolic links.
        Fixture.assertGolden(Fixture.run(["rules", "T108"]).standardOutput, "outputs/rules-T108.txt")
        Fixture.assertGolden(Fixture.run(["rules", "T206"]).standardOutput, "outputs/rules-T206.txt")
    }

    @Test func blueprintListingAndExplanation() {
        Fixture.assertGolden(Fixture.run(["blueprints"]).standardOutput, "outputs/blueprints.txt")
        Fixture.assertGolden(
            Fixture.run(["blueprints", "--explain", "draft_dp_django_drf_tenant_object_permissions"]).standardOutput,
            "outputs/blueprints-explain.txt")
    }

    @Test func scaffoldReportsInTextAndJSON() {
        let workspace = ScaffoldTests.scratchWorkspace()
        let id = "draft_dp_express_mongo_sse_listener_leak"
        Fixture.assertGolden(Fixture.run([id], in: workspace).standardOutput, "outputs/scaffold.txt")
        Fixture.assertGolden(Fixture.run([id, "--format", "json"], in: workspace).standardOutput, "outputs/scaffold-rerun.json")
        Fixture.assertGolden(Fixture.run(["draft_dp_bad_difficulty_easy"], in: workspace).standardOutput, "outputs/scaffold-refused.txt")
    }
}
