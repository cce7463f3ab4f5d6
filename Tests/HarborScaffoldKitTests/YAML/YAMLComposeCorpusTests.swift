import Testing
@testable import HarborScaffoldKit

/// The corpus of ``YAMLComposeCorpus`` reads as docker compose reads it (checked against PyYAML
/// when the corpus was written), with the positions a linter would report.
@Suite struct YAMLComposeCorpusTests {
    /// Parses a corpus file.
    private func parse(_ text: String) throws -> YAMLNode {
        try parseYAML(text)
    }

    @Test func webAndDatabase() throws {
        let root = try parse(YAMLComposeCorpus.webAndDatabase)
        let services = try #require(root["services"])
        #expect(services.mappingValue?.compactMap(\.key.stringValue) == ["web", "db"])
        let web = try #require(services["web"])
        #expect(web["image"]?.stringValue == "nginx:1.27-alpine")
        #expect(web["image"]?.scalarValue?.style == .doubleQuoted)
        #expect(web["image"]?.range == yamlRange(3, 12, 3, 31))
        #expect(render(web["ports"]!) == #"["8080:80", 443:443]"#)
        #expect(web["ports"]?.sequenceValue?[1].range == yamlRange(6, 9, 6, 16))
        #expect(web["environment"]?["NGINX_PORT"]?.intValue == 80)
        #expect(web["depends_on"]?.sequenceValue?.compactMap(\.stringValue) == ["db"])
        #expect(services.entry(for: "db")?.key.range == yamlRange(13, 3, 13, 5))
        #expect(services["db"]?["volumes"]?.sequenceValue?.first?.stringValue == "db-data:/var/lib/postgresql/data")
        let volume = try #require(root["volumes"]?.entry(for: "db-data"))
        #expect(volume.value.isNull)
        #expect(volume.value.range == yamlRange(21, 11, 21, 11))
    }

    @Test func harborTask() throws {
        let main = try #require(try parse(YAMLComposeCorpus.harborTask)["services"]?["main"])
        #expect(main["build"]?["context"]?.stringValue == "${CONTEXT_DIR}")
        #expect(render(main["build"]!["args"]!) == #"[PYTHON_VERSION=3.12, "EXTRA=a b"]"#)
        #expect(main["command"]?.sequenceValue?.compactMap(\.stringValue) == ["sh", "-c", "sleep infinity"])
        #expect(main["command"]?.range == yamlRange(10, 14, 10, 46))
        #expect(main["environment"]?.sequenceValue?.compactMap(\.stringValue) == ["TEST_DIR=${TEST_DIR}", "PYTHONUNBUFFERED=1"])
        let volumes = try #require(main["volumes"]?.sequenceValue)
        #expect(volumes.count == 2)
        #expect(volumes[0]["type"]?.stringValue == "bind")
        #expect(volumes[0]["read_only"]?.boolValue == false)
        #expect(volumes[0].range == yamlRange(15, 9, 18, 25))
        #expect(volumes[1].stringValue == "./tests:/tests:ro")
        #expect(main["cap_add"]?.sequenceValue?.compactMap(\.stringValue) == ["SYS_PTRACE", "NET_ADMIN"])
        let privileged = try #require(main.entry(for: "privileged"))
        #expect(privileged.value.boolValue == true)
        #expect(privileged.key.range == yamlRange(23, 5, 23, 15))
        #expect(privileged.value.range == yamlRange(23, 17, 23, 21))
        let healthcheck = try #require(main["healthcheck"])
        #expect(healthcheck["test"]?.sequenceValue?.first?.stringValue == "CMD-SHELL")
        #expect(healthcheck["test"]?.sequenceValue?.last?.stringValue == "curl -fsS http://localhost:8000/health || exit 1")
        #expect(healthcheck["retries"]?.intValue == 5)
        #expect(healthcheck["interval"]?.stringValue == "10s")
    }

    @Test func extensionFieldsWithAnchorsAndMerges() throws {
        let root = try parse(YAMLComposeCorpus.extensionFields)
        #expect(root["x-restart"]?.range == yamlRange(1, 12, 1, 35))
        let services = try #require(root["services"])
        let api = try #require(services["api"])
        #expect(api.mappingValue?.compactMap(\.key.stringValue) == ["restart", "logging", "image", "environment"])
        #expect(api["restart"]?.stringValue == "unless-stopped")
        #expect(api["restart"]?.range == yamlRange(8, 12, 8, 20))
        #expect(render(api["logging"]!) == #"{driver: json-file, options: {max-size: "10m", max-file: "3"}}"#)
        #expect(render(api["environment"]!) == "{TZ: UTC, LOG_LEVEL: debug}")
        #expect(api["environment"]?["TZ"]?.range == yamlRange(11, 9, 11, 12))
        let worker = try #require(services["worker"])
        #expect(worker.mappingValue?.compactMap(\.key.stringValue)
            == ["restart", "logging", "environment", "mem_limit", "image", "command"])
        #expect(worker["restart"]?.stringValue == "unless-stopped")
        #expect(worker["environment"]?["LOG_LEVEL"]?.stringValue == "info")
        let cron = try #require(services["cron"])
        #expect(render(cron) == #"{mem_limit: 512m, restart: "no", image: example/cron}"#)
        #expect(cron["restart"]?.boolValue == nil)
    }

    @Test func overrideTagsAndNetworks() throws {
        let root = try parse(YAMLComposeCorpus.overridesAndNetworks)
        let proxy = try #require(root["services"]?["proxy"])
        #expect(proxy["ports"]?.tag == "!reset")
        #expect(proxy["ports"]?.sequenceValue?.isEmpty == true)
        #expect(proxy["networks"]?["frontend"]?["ipv4_address"]?.stringValue == "172.20.0.10")
        #expect(proxy["networks"]?["backend"]?["aliases"]?.sequenceValue?.first?.stringValue == "proxy.internal")
        #expect(render(proxy["profiles"]!) == #"["edge", "debug"]"#)
        let app = try #require(root["services"]?["app"])
        #expect(app["environment"]?.tag == "!override")
        #expect(app["environment"]?["MODE"]?.stringValue == "production")
        #expect(app["build"]?.tag == "!reset" && app["build"]?.isNull == true)
        #expect(render(app["networks"]!) == "[backend]")
        let frontend = try #require(root["networks"]?["frontend"])
        #expect(frontend["ipam"]?["config"]?.sequenceValue?.first?["gateway"]?.stringValue == "172.20.0.1")
        #expect(root["networks"]?["backend"]?["internal"]?.boolValue == true)
    }

    @Test func flowHeavy() throws {
        let root = try parse(YAMLComposeCorpus.flowHeavy)
        let services = try #require(root["services"])
        #expect(services.range == yamlRange(1, 11, 9, 2))
        #expect(render(services["redis"]!["command"]!)
            == #"[redis-server, --appendonly, "yes", --maxmemory, 256mb]"#)
        #expect(services["redis"]?["command"]?.range == yamlRange(5, 14, 6, 34))
        #expect(render(services["cache"]!) == #"{image: "memcached:1.6", environment: {A: "1", B: "2"}, labels: [a=1, b=2]}"#)
        #expect(root["volumes"]?.mappingValue?.isEmpty == true)
    }

    @Test func commentsAndMarkers() throws {
        let app = try #require(try parse(YAMLComposeCorpus.commentsAndMarkers)["services"]?["app"])
        #expect(app["image"]?.stringValue == "app:dev")
        #expect(app["image"]?.range == yamlRange(7, 12, 7, 19))
        #expect(render(app["ports"]!) == #"["3000:3000"]"#)
        #expect(app["environment"]?["URL"]?.stringValue == "http://localhost:3000/#anchor")
        #expect(app["environment"]?["HASH"]?.stringValue == "a#b")
        #expect(app["environment"]?["EMPTY_COMMENT"]?.stringValue == "")
        #expect(app["environment"]?["EMPTY_COMMENT"]?.isNull == false)
    }

    @Test func quotingAndSpecialCharacters() throws {
        let services = try #require(try parse(YAMLComposeCorpus.quotingAndSpecialCharacters)["services"])
        let client = try #require(services.entry(for: "registry-client"))
        #expect(client.key.scalarValue?.style == .doubleQuoted)
        #expect(client.key.range == yamlRange(2, 3, 2, 20))
        #expect(client.value["image"]?.stringValue == "registry.example.com:5000/team/app:1.2.3")
        // A plain scalar ends before ' #': the quote is part of the scalar, the rest a comment.
        #expect(client.value["command"]?.stringValue == #"echo "hi:there" && echo it's#not-a-comment 'quoted"#)
        let labels = try #require(client.value["labels"])
        #expect(labels["com.example.description"]?.stringValue == "Accounting webapp")
        #expect(labels["com.example.department"]?.stringValue == "Finance")
        #expect(labels["com.example.label-with-empty-value"]?.stringValue == "")
        #expect(client.value["entrypoint"]?.sequenceValue?.last?.stringValue == "echo \"$$HOME\" \t done")
        #expect(render(client.value["extra_hosts"]!) == #"["host.docker.internal:host-gateway", somehost=162.242.195.82]"#)
        #expect(render(client.value["dns_search"]!) == #"["dc1.example.com", dc2.example.com]"#)
        #expect(client.value["user"]?.stringValue == "1000:1000")
        #expect(services["other"]?["labels"]?.sequenceValue?.first?.stringValue
            == "traefik.http.routers.app.rule=Host(`app.localhost`)")
    }

    @Test func limitsSecretsAndConfigs() throws {
        let root = try parse(YAMLComposeCorpus.limitsSecretsAndConfigs)
        let search = try #require(root["services"]?["search"])
        #expect(search["ulimits"]?["nproc"]?.intValue == 65535)
        #expect(search["ulimits"]?["nofile"]?["hard"]?.intValue == 40000)
        #expect(search["sysctls"]?.mappingValue?.compactMap(\.key.stringValue) == ["net.core.somaxconn", "net.ipv4.tcp_syncookies"])
        let limits = try #require(search["deploy"]?["resources"]?["limits"])
        #expect(limits["cpus"]?.stringValue == "0.50" && limits["cpus"]?.scalarValue?.style == .singleQuoted)
        #expect(search["deploy"]?["resources"]?["reservations"]?["devices"]?.sequenceValue?.first?["capabilities"]
            .map(render) == "[gpu]")
        #expect(render(search["tmpfs"]!) == "[/run, /tmp:size=64m]")
        #expect(search["secrets"]?.sequenceValue?.first?["mode"]?.intValue == 0o440)
        #expect(search["oom_score_adj"]?.intValue == -500)
        #expect(search["read_only"]?.boolValue == true)
        #expect(search["stdin_open"]?.boolValue == false)
        #expect(search["tty"]?.boolValue == false)
        #expect(root["secrets"]?["es_password"]?["file"]?.stringValue == "./secrets/es_password.txt")
        let content = try #require(root["configs"]?["app_config"]?["content"])
        #expect(content.stringValue == "[server]\nport = 8080\n\n[log]\nlevel = \"info\"")
        // The last line of the file has no line break to keep.
        #expect(content.scalarValue?.style == .literal)
    }

    @Test func scalarsOverLines() throws {
        let runner = try #require(try parse(YAMLComposeCorpus.scalarsOverLines)["services"]?["runner"])
        #expect(runner["command"]?.stringValue == "python -m pytest --maxfail=1 -q")
        #expect(runner["command"]?.scalarValue?.style == .folded)
        #expect(runner["entrypoint"]?.stringValue == "#!/bin/sh\nset -e\n\nexec \"$@\"\n")
        #expect(runner["entrypoint"]?.range == yamlRange(8, 17, 12, 16))
        let environment = try #require(runner["environment"])
        #expect(environment["BANNER"]?.stringValue == "keep trailing lines\n\n")
        #expect(environment["NOTE"]?.stringValue == "no trailing newline")
        #expect(environment["INDENTED"]?.stringValue == " three spaces kept as one\ntwo spaces\n")
        #expect(environment["DESCRIPTION"]?.stringValue == "this plain scalar goes on over several lines")
        #expect(environment["QUOTED"]?.stringValue == "a double-quoted scalar with \"escapes\" ☺ and a joined line")
        #expect(environment["SINGLE"]?.stringValue == "single\nquoted with an empty line")
    }

    @Test func indentationStyles() throws {
        let root = try parse(YAMLComposeCorpus.indentationStyles)
        #expect(root["version"]?.stringValue == "3.8")
        let frontend = try #require(root["services"]?["frontend"])
        #expect(render(frontend["volumes"]!) == "[./src:/app/src, node_modules:/app/node_modules]")
        #expect(frontend["ports"]?.sequenceValue?.first?.range == yamlRange(9, 13, 9, 24))
        #expect(render(frontend["command"]!) == "[npm, run, dev]")
        #expect(render(frontend["matrix"]!) == "[[a, b], [c]]")
        let backend = try #require(root["services"]?["backend"])
        #expect(render(backend["environment"]!) == "[CGO_ENABLED=0, GOFLAGS=-mod=vendor]")
        #expect(backend["healthcheck"]?["disable"]?.boolValue == true)
        #expect(root["volumes"]?["node_modules"]?.isNull == true)
        #expect(root["volumes"]?["cache"]?.mappingValue?.isEmpty == true)
    }

    @Test func compactSequences() throws {
        let root = try parse(YAMLComposeCorpus.compactSequences)
        let gateway = try #require(root["services"]?["gateway"])
        #expect(render(gateway["ports"]!)
            == #"[{target: 80, published: 8080, protocol: tcp, mode: host}, {target: 443, published: "8443"}]"#)
        #expect(gateway["ports"]?.range == yamlRange(5, 5, 10, 24))
        #expect(gateway["volumes"]?.sequenceValue?[0]["volume"]?["nocopy"]?.boolValue == true)
        #expect(gateway["volumes"]?.sequenceValue?[1]["tmpfs"]?["size"]?.intValue == 1_000_000)
        #expect(gateway["depends_on"]?["auth"]?["condition"]?.stringValue == "service_healthy")
        #expect(render(gateway["depends_on"]!["db"]!) == "{condition: service_started}")
        #expect(root["volumes"]?["envoy-config"]?["external"]?.boolValue == true)
    }

    @Test(arguments: YAMLComposeCorpus.files.map(\.name))
    func crlfAndByteOrderMarkReadTheSame(_ name: String) throws {
        let text = try #require(YAMLComposeCorpus.files.first { $0.name == name }?.text)
        let windows = "\u{FEFF}" + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let plain = try parseYAML(text)
        let converted = try parseYAML(windows)
        #expect(render(converted) == render(plain))
        #expect(converted.range == plain.range)
    }

    @Test(arguments: YAMLComposeCorpus.files.map(\.name))
    func everyRangeIsOrderedAndInsideTheFile(_ name: String) throws {
        let text = try #require(YAMLComposeCorpus.files.first { $0.name == name }?.text)
        let source = SourceText(path: name, text: text)
        var count = 0
        func check(_ node: YAMLNode) {
            count += 1
            #expect(node.range.start <= node.range.end, "\(node.range)")
            #expect(node.range.start.line >= 1 && node.range.end.line <= source.lineStarts.count, "\(node.range)")
            #expect(node.range.start.column >= 1, "\(node.range)")
            switch node.kind {
            case .scalar: break
            case .sequence(let items): items.forEach(check)
            case .mapping(let entries):
                for entry in entries {
                    check(entry.key)
                    check(entry.value)
                    #expect(entry.key.range.end <= entry.value.range.start || entry.value.range.start.line < entry.key.range.start.line)
                }
            }
        }
        check(try YAMLParser.parse(source))
        #expect(count > 10)
    }
}
