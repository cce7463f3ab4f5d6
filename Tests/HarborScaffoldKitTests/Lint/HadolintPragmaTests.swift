import Testing
@testable import HarborScaffoldKit

/// hadolint's `# hadolint ignore=` and `# hadolint global ignore=` pragmas silence the equivalent rules.
@Suite struct HadolintPragmaTests {
    /// `ID line` of each finding of `select` in the builder-layout `dockerfile`.
    private func found(_ dockerfile: String, select: [String]) -> [String] {
        DockerLint.findings(dockerfile: dockerfile, select: select).map { "\($0.ruleID) \($0.line)" }
    }

    @Test func pragmasAreReadWithHadolintsGrammar() {
        let read = Suppressions.hadolintPragma
        #expect(read("hadolint ignore=DL3008,DL3015")?.codes == ["DL3008", "DL3015"])
        #expect(read("hadolint ignore=DL3023, DL3021")?.codes == ["DL3023", "DL3021"])
        #expect(read("hadolint ignore = DL3008 # the mirror has one version")?.codes == ["DL3008"])
        #expect(read("hadolint global ignore=DL3059")?.isGlobal == true)
        #expect(read("hadolint ignore=SC2086")?.isGlobal == false)
        for malformed in [
            "hadolint ignore=crazy,DL3002", "hadolint shell=powershell", "hadolintignore=DL3008", "Hadolint ignore=DL3008",
            "hadolint ignore=", "hadolint ignore=DL3008,", "hadolint ignore=DL 3008", "hadolint globalignore=DL3059", "hadolint",
        ] {
            #expect(read(malformed) == nil, "\(malformed)")
        }
    }

    /// A Dockerfile (with `{P}` where the pragma goes) that each equivalent's rule reports.
    static let samples: [(code: String, rule: String, dockerfile: String)] = [
        ("DL3005", "C109", "FROM debian:bookworm-slim\n{P}RUN apt-get update && apt-get -y dist-upgrade\n"),
        ("DL3006", "C101", "{P}FROM python\n"),
        ("DL3007", "C101", "{P}FROM python:latest\n"),
        ("DL3009", "C205", "FROM debian:bookworm-slim\n{P}RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl\n"),
        ("DL3013", "C103", "FROM python:3.12-slim\n{P}RUN pip install --no-cache-dir \\\n    requests\n"),
        ("DL3014", "C203", "FROM debian:bookworm-slim\n{P}RUN apt-get update && apt-get install --no-install-recommends curl\n"),
        ("DL3015", "C204", "FROM debian:bookworm-slim\n{P}RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"),
        ("DL3016", "C104", "FROM node:22-bookworm-slim\n{P}RUN npm install -g typescript\n"),
        ("DL3019", "C205", "FROM alpine:3.20\n{P}RUN apk add curl\n"),
        ("DL3025", "C208", "FROM python:3.12-slim\n{P}CMD python app.py\n"),
        ("DL3030", "C203", "FROM rockylinux:9\n{P}RUN yum install gcc\n"),
        ("DL3038", "C203", "FROM fedora:41\n{P}RUN dnf install gcc\n"),
        ("DL3042", "C205", "FROM python:3.12-slim\n{P}RUN pip install fastapi==0.115.12\n"),
        ("DL3059", "C206", "FROM python:3.12-slim\n{P}RUN mkdir /a\nRUN mkdir /b\nRUN mkdir /c\nRUN mkdir /d\n"),
        ("DL4006", "C207", "FROM debian:bookworm-slim\n{P}RUN curl -fsSL https://example.com/x-1.0.tar.gz | tar -xz\n"),
    ]

    @Test func everyEquivalentIsSilencedByItsPragmaAboveTheInstruction() {
        #expect(Set(Self.samples.map(\.code)) == Set(HadolintEquivalents.all.map(\.code)), "one sample per equivalent")
        for sample in Self.samples {
            let plain = sample.dockerfile.replacingOccurrences(of: "{P}", with: "")
            #expect(!found(plain, select: [sample.rule]).isEmpty, "\(sample.code) sample triggers \(sample.rule)")
            let ignored = sample.dockerfile.replacingOccurrences(of: "{P}", with: "# hadolint ignore=\(sample.code)\n")
            #expect(found(ignored, select: [sample.rule, "L"]).isEmpty, "\(sample.code) silences \(sample.rule)")
            let global = "# hadolint global ignore=DL9999,\(sample.code)\n" + plain
            #expect(found(global, select: [sample.rule]).isEmpty, "global \(sample.code)")
        }
    }

    @Test func everyEquivalentNamesADockerfileRule() {
        for equivalent in HadolintEquivalents.all {
            #expect(equivalent.code.hasPrefix("DL") && equivalent.code.count == 6 && Int(equivalent.code.dropFirst(2)) != nil)
            #expect(RuleCatalog.all.contains { $0.id == equivalent.ruleID && $0.family == "C" }, "\(equivalent.code)")
        }
        #expect(Set(HadolintEquivalents.all.map(\.code)).count == HadolintEquivalents.all.count)
        #expect(HadolintEquivalents.equivalents(of: "C205").map(\.label) == ["DL3009 (apt lists)", "DL3019 (apk index)", "DL3042 (pip cache)"])
    }

    @Test func aPartialEquivalentSilencesOnlyItsPart() {
        let run = "FROM python:3.12-slim\n# hadolint ignore=DL3009\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && pip install fastapi==0.115.12\n"
        let left = DockerLint.findings(dockerfile: run, select: ["C205"])
        #expect(left.map(\.message) == ["pip install keeps its download cache in this layer"])
        #expect(found("# hadolint ignore=DL3006\nFROM python:latest\n", select: ["C101"]) == ["C101 2"])
        #expect(found("FROM python:3.12-slim\n# hadolint ignore=DL3013\nRUN uv pip install --system httpx\n", select: ["C103"]) == ["C103 3"])
        #expect(found("FROM fedora:41\n# hadolint ignore=DL3014\nRUN dnf install gcc\n", select: ["C203"]) == ["C203 3"])
    }

    @Test func theExampleFromTheBriefKeepsC205AndDropsC204() {
        let text = """
            FROM debian:bookworm-slim
            # hadolint ignore=DL3008,DL3015
            RUN apt-get update \\
             && apt-get install -y \\
                  curl
            RUN apt-get install -y jq && rm -rf /var/lib/apt/lists/*
            """
        #expect(found(text, select: ["C204", "C205", "L"]) == ["C205 4", "C204 6"], "DL3008 has no equivalent and is ignored silently")
    }

    @Test func anInstructionPragmaNeitherLeaksNorReachesAcrossABlankLine() {
        let text = "FROM python:3.12-slim\n# hadolint ignore=DL3013\nRUN pip install --no-cache-dir requests\nRUN pip install --no-cache-dir flask\n"
        #expect(found(text, select: ["C103"]) == ["C103 4"])
        let detached = "FROM python:3.12-slim\n# hadolint ignore=DL3013\n\nRUN pip install --no-cache-dir requests\n"
        #expect(found(detached, select: ["C103"]) == ["C103 4"])
        let inside = "FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n# hadolint ignore=DL3013\n    requests\n"
        #expect(found(inside, select: ["C103"]) == ["C103 4"], "hadolint drops comments inside an instruction")
    }

    @Test func pragmasOnlyCountInDockerfiles() {
        let script = "#!/bin/bash\n# hadolint global ignore=DL3013\npip install requests\n"
        let findings = LintRuleTestSupport.findings(["tests/test.sh": script, "task.toml": ""], select: ["S104", "L"])
        #expect(findings.count == 1 && findings[0].hasPrefix("S104"))
    }
}
