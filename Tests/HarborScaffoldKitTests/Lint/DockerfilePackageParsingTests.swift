import Testing
@testable import HarborScaffoldKit

/// The command recognisers and classifiers behind the Dockerfile rules.
@Suite struct DockerfilePackageParsingTests {
    private func command(_ line: String) -> ShellCommand {
        ShellParser.parse(line).commands.first?.withoutWrappers ?? ShellCommand(words: [], byteRange: 0..<0)
    }

    private func word(_ text: String) -> ShellWord {
        ShellParser.parse("x " + text).commands.first?.arguments.first ?? ShellWord(text: "", raw: "", byteRange: 0..<0)
    }

    // MARK: - Python

    @Test(arguments: [
        ("pip install x", "pip"), ("pip3.12 install x", "pip"), ("python3 -m pip install x", "pip"),
        ("/usr/local/bin/python3.11 -m pip --no-cache-dir install x", "pip"), ("uv pip install --system x", "uv pip"),
        ("uv add x", "uv add"), ("pipx install x", "pipx"), ("sudo -H pip install x", "pip"),
    ])
    func pythonInstallsAreRecognised(_ line: String, _ tool: String) {
        let install = PythonInstall(command(line))
        #expect(install?.tool == tool)
        #expect(install?.packages.map(\.text) == ["x"])
    }

    @Test(arguments: ["pip download x", "pip uninstall -y x", "python -m venv /venv", "python -m pipx list", "uv sync --frozen", "pip"])
    func otherPythonCommandsAreNotInstalls(_ line: String) {
        #expect(PythonInstall(command(line)) == nil)
    }

    @Test func pipOptionsAreSeparatedFromPackages() throws {
        let install = try #require(PythonInstall(command(
            "pip install -rreq.txt --requirement=dev.txt -c c.txt -e ./lib -i https://idx/simple --target /opt x==1 --no-cache-dir -- -weird")))
        #expect(install.requirementFiles == ["req.txt", "dev.txt"])
        #expect(install.hasConstraints && install.disablesCache)
        #expect(install.indexURLs == ["https://idx/simple"])
        #expect(install.packages.map(\.text) == ["x==1", "-weird"])
    }

    @Test(arguments: [
        ("fastapi==0.115.12", PythonRequirement.pinned(name: "fastapi")),
        ("Django[argon2]===5.2.8", .pinned(name: "django")),
        ("'psycopg[binary]==3.2.10; python_version >= \"3.9\"'", .pinned(name: "psycopg")),
        ("requests", .unpinned(name: "requests")), ("'sqlalchemy>=2.0,<3'", .unpinned(name: "sqlalchemy")),
        ("numpy==1.*", .unpinned(name: "numpy")), ("zope.interface~=6.0", .unpinned(name: "zope-interface")),
        ("Typing_Extensions", .unpinned(name: "typing-extensions")),
        (".", .local), ("./vendor/pkg", .local), ("/wheels/x-1.0-py3-none-any.whl", .local), ("repo/", .local),
        ("https://files.example.com/x-1.0.tar.gz", .local), ("'name @ https://example.com/x.whl'", .local),
        ("git+https://github.com/org/lib.git@v1.4.2#egg=lib", .local),
        ("git+https://github.com/org/lib.git", .unpinned(name: "lib")), ("\"$PACKAGES\"", .unknown), ("'${PKG}'", .unknown),
        ("fastapi==${FASTAPI_VERSION}", .pinned(name: "fastapi")), ("'[x]'", .unknown),
    ])
    func pythonRequirementsAreClassified(_ text: String, _ expected: PythonRequirement) {
        #expect(PythonRequirement(word(text)) == expected)
    }

    @Test func extrasAreRead() {
        #expect(PythonRequirement.extras(of: ".[test, dev]") == ["test", "dev"])
        #expect(PythonRequirement.extras(of: "pkg") == [])
        #expect(PythonRequirement.extras(of: "pkg[") == [])
    }

    // MARK: - Node.js

    @Test(arguments: [
        ("express@4.21.2", true), ("@nestjs/core@10.4.15", true), ("react@19.0.0-rc.1", true), ("x@=1.2.3", true),
        ("express", false), ("express@^4.21.0", false), ("express@4", false), ("express@latest", false), ("@scope/pkg", false),
        ("express@4.x", false), ("./lib", true), ("file:../x", true), ("x-1.0.0.tgz", true), ("github:org/tool#3f2c1e9", true),
        ("org/tool", false), ("git+https://github.com/org/tool.git", false), ("alias@npm:real@1.2.3", true),
        ("gitbook-cli@2.3.2", true), ("github-slugger", false),
    ])
    func nodeOperandsAreClassified(_ text: String, _ pinned: Bool) {
        #expect(NodeInstall.isPinned(word(text)) == pinned)
    }

    @Test func nodeInstallsAreRecognised() throws {
        let npm = try #require(NodeInstall(command("npm --prefix /app install --omit dev -g typescript@5.6.3")))
        #expect(npm.tool == "npm" && npm.isGlobal && npm.packages.map(\.text) == ["typescript@5.6.3"])
        #expect(NodeInstall(command("npm ci --omit=dev"))?.isLockedInstall == true)
        #expect(NodeInstall(command("yarn --frozen-lockfile"))?.isLockedInstall == true)
        #expect(NodeInstall(command("yarn"))?.packages.isEmpty == true)
        #expect(NodeInstall(command("yarn global add @nestjs/cli"))?.isGlobal == true)
        #expect(NodeInstall(command("pnpm add -D vitest@2.1.8"))?.packages.map(\.text) == ["vitest@2.1.8"])
        #expect(NodeInstall(command("npm run build")) == nil)
        #expect(NodeInstall(command("yarn build")) == nil)
        #expect(NodeInstall(command("yarn global list")) == nil)
    }

    // MARK: - System packages

    @Test func aptCommandsAreRecognisedWithTheirOptions() throws {
        let apt = try #require(SystemPackageCommand(command("apt-get -o Dpkg::Use-Pty=0 -qy install --no-install-recommends -t bookworm-backports curl git=1:2.39.5-0+deb12u1")))
        #expect(apt.isInstall && apt.answersYes && apt.skipsRecommends)
        #expect(apt.packages.map(\.text) == ["curl", "git=1:2.39.5-0+deb12u1"])
        #expect(SystemPackageCommand(command("apt-get -o APT::Get::Assume-Yes=true install x"))?.answersYes == true)
        #expect(SystemPackageCommand(command("apt-get -qq install x"))?.answersYes == true)
        #expect(SystemPackageCommand(command("apt-get -q install x"))?.answersYes == false)
        #expect(SystemPackageCommand(command("apt-get install -o APT::Install-Recommends=false x"))?.skipsRecommends == true)
        #expect(SystemPackageCommand(command("apt-get update"))?.isIndexUpdate == true)
        #expect(SystemPackageCommand(command("apt-get update"))?.mayPrompt == false)
        #expect(SystemPackageCommand(command("apt-get --version")) == nil)
        #expect(SystemPackageCommand(command("aptly publish")) == nil)
    }

    @Test func systemUpgradesAreToldFromSinglePackageUpgrades() {
        #expect(SystemPackageCommand(command("apt-get -y dist-upgrade"))?.isSystemUpgrade == true)
        #expect(SystemPackageCommand(command("dnf upgrade -y"))?.isSystemUpgrade == true)
        #expect(SystemPackageCommand(command("dnf -y upgrade openssl"))?.isSystemUpgrade == false)
        #expect(SystemPackageCommand(command("yum update -y --setopt tsflags=nodocs"))?.isSystemUpgrade == true)
        #expect(SystemPackageCommand(command("microdnf install gcc"))?.mayPrompt == false)
        #expect(SystemPackageCommand(command("apk update"))?.isIndexUpdate == true)
    }

    // MARK: - Other helpers

    @Test func dockerignorePatternsFollowBuildKit() {
        let ignore = DockerIgnore("# comment\n/tests\n*.py\n!keep.py\n**/secret*\n./docs/\n")
        #expect(ignore.excludes("tests/test_x.py") && ignore.excludes("tests"))
        #expect(ignore.excludes("tests.py") && !ignore.excludes("keep.py") && !ignore.excludes("app/main.py"))
        #expect(ignore.excludes("a/b/secret.txt") && ignore.excludes("docs/index.md") && !ignore.excludes("weights.json"))
        #expect(!DockerIgnore("").excludes("x") && !DockerIgnore("!\n").excludes("x"))
    }

    @Test(arguments: [
        ("v2.31.0", true), ("1.4.2", true), ("release-1.2", true), ("8c7b1d2", true), ("8c7b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c", true),
        ("main", false), ("master", false), ("develop", false), ("origin/main", false), ("v2", false), ("$REF", false),
        ("deadbeef", false), ("feature/x", false),
    ])
    func gitRefsAreToldFixedOrMoving(_ ref: String, _ fixed: Bool) {
        #expect(GitCloneUnpinnedRule.isFixedRef(ref) == fixed)
    }

    @Test(arguments: [
        ("Vq7pL2xRm9zTw4", true), ("s3cr3t!Passw0rd", true), ("8f2a9c4e1b7d3f6a0c5e8b2d4f7a1c3e", true),
        ("app", false), ("changeme", false), ("supersecretpassword", false), ("your-api-key-here-12345", false),
        ("CHANGE_ME_IN_PROD_2024", false), ("correct horse battery staple 1", false), ("example-Token-123", false),
    ])
    func secretValuesAreToldFromLocalCredentials(_ value: String, _ real: Bool) {
        #expect(SecretInEnvRule.looksReal(value) == real)
    }

    @Test func knownTokensAreFoundOnlyAtWordStarts() {
        #expect(SecretInEnvRule.knownToken(in: "Bearer sk-proj-AbC123dEf456GhI789jKl012") == "sk-")
        #expect(SecretInEnvRule.knownToken(in: "AKIAIOSFODNN7EXAMPLE") == "AKIA")
        #expect(SecretInEnvRule.knownToken(in: "task-runner-disk-usage-report-generator-2024") == nil)
        #expect(SecretInEnvRule.knownToken(in: "mask-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") == nil)
        #expect(SecretInEnvRule.knownToken(in: "ghp_") == nil)
        #expect(SecretInEnvRule.urlPassword(in: "postgresql://app:app@127.0.0.1:5432/app") == "app")
        #expect(SecretInEnvRule.urlPassword(in: "https://example.com/a@b") == nil)
    }

    @Test func answerNamesAreRecognised() {
        for path in ["expected_output.json", "/app/data/answers.json", "fixtures/golden/a.txt", "out.expected", "golden", "solution.py", "x/expected/"] {
            #expect(AnswersInImageRule.isAnswer(path), "\(path)")
        }
        for path in ["/app/", "expectations.md", "answer-time.log", "docs/solution-overview", "/etc/postgresql-common/pgpass", "goldenrod.css"] {
            #expect(!AnswersInImageRule.isAnswer(path), "\(path)")
        }
    }

    @Test func verifierArtifactsAreOnlyThoseAtTheContextRoot() {
        for path in ["tests", "tests/test_api.py", "tests.py", "test_outputs.py", "weights.json", "solution/solve.sh", "solve.sh", "test.sh", "draft_spec.md"] {
            #expect(TestsInImageRule.isVerifierArtifact(path), "\(path)")
        }
        for path in ["repo/tests/test_api.py", "app/test.sh", "testdata.json", "repo/weights.json", "tests_helper.py"] {
            #expect(!TestsInImageRule.isVerifierArtifact(path), "\(path)")
        }
    }
}
