import Foundation
import Testing
@testable import HarborScaffoldKit

/// The compose rules (T2xx) on realistic compose files, and the pieces they stand on.
@Suite struct ComposeRuleTests {
    private func findings(_ compose: String, path: String = "environment/docker-compose.yaml", extra: [String: String] = [:], select: [String] = ["T2"])
        -> [String]
    {
        var files = extra
        files[path] = compose
        return LintRuleTestSupport.diagnostics(files, select: select).map { "\($0.ruleID) \($0.line):\($0.column)" }
    }

    /// A compose file in the style of tasks converted from Terminal-Bench: the main service built
    /// from environment/, the legacy log mounts, and a database sidecar.
    static let terminalBenchStyle = """
        services:
          client:
            build:
              dockerfile: Dockerfile
            image: ${T_BENCH_TASK_DOCKER_CLIENT_IMAGE_NAME}
            container_name: ${T_BENCH_TASK_DOCKER_CLIENT_CONTAINER_NAME}
            command: [ "sh", "-c", "sleep infinity" ]
            environment:
              - TEST_DIR=${T_BENCH_TEST_DIR}
            volumes:
              - ${HOST_VERIFIER_LOGS_PATH}:${ENV_VERIFIER_LOGS_PATH}
              - ${HOST_AGENT_LOGS_PATH}:${ENV_AGENT_LOGS_PATH}
          db:
            image: postgres
            environment:
              POSTGRES_PASSWORD: postgres

        """

    @Test func aTerminalBenchStyleFileGetsEachProblemOnceAtItsLine() {
        #expect(findings(Self.terminalBenchStyle) == [
            "T204 11:9", "T205 11:9", "T204 12:9", "T205 12:9", "T207 14:12",
        ])
    }

    @Test func everyHarborComposeRuleIsSelectableByHarborsName() {
        for name in [
            "compose-privileged", "compose-additional-capabilities", "compose-writable-bind-mount", "compose-external-bind-mount",
            "compose-symlink-bind-mount",
        ] {
            #expect(RuleCatalog.rule(named: name)?.family == "T", "\(name)")
        }
    }

    @Test func shortSyntaxVolumesAreReadLikeDockerCompose() throws {
        let compose = """
            services:
              main:
                volumes:
                  - ./a:/a
                  - ./b:/b:ro
                  - ./c:/c:ro,z
                  - named:/named
                  - /anonymous
                  - ~/home:/home/x:rw
                  - ${HOST_ARTIFACTS_PATH}:/artifacts
                  - ${DATA:-./d}:/d:ro
                  - bound:/bound
            volumes:
              named: {}
              bound:
                driver: local
                driver_opts: {type: none, o: "bind,ro", device: ./seed}

            """
        let target = LintTarget(layout: .harbor, stage: .skeleton, displayRoot: "", contents: ["environment/docker-compose.yaml": compose])
        let file = try #require(target.readComposeFiles.first)
        let mounts = try #require(file.services.first?.mounts)
        #expect(mounts.map(\.kind) == [.bind, .bind, .bind, .volume, .volume, .bind, .bind, .bind, .bind])
        #expect(mounts.map(\.isReadOnly) == [false, true, true, false, false, false, false, true, true])
        #expect(mounts.map(\.source) == ["./a", "./b", "./c", "named", nil, "~/home", "${HOST_ARTIFACTS_PATH}", "${DATA:-./d}", "./seed"])
        #expect(mounts.last?.volumeName == "bound")
        #expect(file.locate("./seed") == .task("environment/seed"))
        #expect(file.locate("${DATA:-./d}") == .task("environment/d"))
        #expect(file.locate("..") == .task(""), "from environment/, `..` is the task folder")
        #expect(file.locate("../..") == .enclosingTask("../.."))
        #expect(file.locate("../../x") == .outside("../../x"))
        #expect(file.locate("${HOST_ARTIFACTS_PATH}") == .runtime(variable: "HOST_ARTIFACTS_PATH"))
        #expect(file.locate("$NOPE/x") == .hostDependent(variable: "NOPE"))
    }

    @Test func interpolationFollowsComposeOperators() {
        let values = ComposeInterpolation(folder: "environment", taskEnvironment: ["SET": "v", "EMPTY": "", "TEMPLATED": "${HOME}"])
        #expect(values.interpolate("$$SET") == .text("$SET"))
        #expect(values.interpolate("${SET}/$SET") == .text("v/v"))
        #expect(values.interpolate("${EMPTY:-d}|${EMPTY-d}|${UNSET-d}|${UNSET:-d}") == .text("d||d|d"))
        #expect(values.interpolate("${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}|${UNSET+alt}") == .text("alt||alt|"))
        #expect(values.interpolate("${CONTEXT_DIR}/x") == .text("environment/x"))
        #expect(values.interpolate("${TEMPLATED}") == .hostDependent(variable: "TEMPLATED"))
        #expect(values.interpolate("${UNSET:?set it}") == .hostDependent(variable: "UNSET"))
        #expect(values.interpolate("${MAIN_IMAGE_NAME}") == .text("${MAIN_IMAGE_NAME}"), "Harbor's own values stay as written")
        #expect(values.interpolate("cost $5 ${") == .text("cost $5 ${"))
    }

    @Test func theVerifiersAndStepsComposeFilesAreCheckedButOnlyTheAgentsCanLeakTests() {
        let compose = "services:\n  grader:\n    privileged: true\n    volumes:\n      - ../tests:/tests:ro\n"
        #expect(findings(compose, path: "tests/docker-compose.yaml") == ["T202 3:17"])
        #expect(findings(compose, path: "steps/one/tests/docker-compose.yaml") == ["T202 3:17"])
        #expect(findings(compose) == ["T202 3:17", "T211 5:9"])
        #expect(findings(compose, path: "environment/compose.yaml", extra: ["task.toml": ""]) == ["T210 1:1"])
    }

    @Test func aYAMLErrorIsOneFindingAndStopsTheOtherComposeRules() {
        let broken = "services:\n  main:\n    privileged: true\n    volumes: [./a:/a\n"
        let found = findings(broken)
        #expect(found.count == 1 && found.first?.hasPrefix("T201") == true, "\(found)")
    }

    @Test func unknownTopLevelKeysGetADidYouMean() throws {
        let found = LintRuleTestSupport.diagnostics(["environment/docker-compose.yaml": "servics:\n  main: {}\n"], select: ["T201"])
        let message = try #require(found.first?.message)
        #expect(message.contains("unknown top-level key 'servics'; did you mean 'services'?"))
        #expect(found.first?.line == 1 && found.first?.column == 1)
    }

    @Test func aSuppressionCommentInTheYAMLSilencesItsFinding() {
        let compose = "services:\n  main:\n    # harbor-scaffold: ignore[T203]\n    cap_add: [SYS_PTRACE]\n    privileged: true\n"
        #expect(findings(compose) == ["T202 5:17"])
    }

    @Test func composeFilesAreReadFromDiskWithTheirSymbolicLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hs-compose-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/environment", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/steps/one/tests", withIntermediateDirectories: true)
        try "".write(toFile: root + "/task.toml", atomically: true, encoding: .utf8)
        try "services:\n  main:\n    volumes:\n      - ./data:/data:ro\n".write(
            toFile: root + "/environment/docker-compose.yaml", atomically: true, encoding: .utf8)
        try "services:\n  grader:\n    cap_add: [NET_ADMIN]\n".write(
            toFile: root + "/steps/one/tests/docker-compose.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/environment/data", withDestinationPath: "/usr/share")
        let target = try #require(LintTargetLoader.load(root, displayRoot: "task", stage: .skeleton))
        let found = Linter(selection: RuleSelection(select: ["T2"])).lint(target)
        #expect(found.map { "\($0.ruleID) \($0.path):\($0.line)" } == [
            "T206 task/environment/docker-compose.yaml:4", "T203 task/steps/one/tests/docker-compose.yaml:3",
        ])
    }

    @Test func aVolumeBoundToAHostFolderIsNamedInTheMessage() throws {
        let compose = "services:\n  main:\n    volumes:\n      - seed:/seed\nvolumes:\n  seed:\n    driver_opts: {type: none, o: bind, device: /srv/seed}\n"
        let found = LintRuleTestSupport.diagnostics(["environment/docker-compose.yaml": compose], select: ["T204", "T205"])
        #expect(found.map(\.ruleID) == ["T204", "T205"])
        #expect(found.allSatisfy { $0.message.contains("the volume 'seed' (bound to '/srv/seed')") }, "\(found.map(\.message))")
        #expect(found.first?.line == 4)
    }
}
