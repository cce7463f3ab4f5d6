/// Realistic docker-compose files, written the many ways real projects write them. Shared by
/// the corpus tests (which check what they read as) and the robustness tests (which mutate them).
enum YAMLComposeCorpus {
    /// A web app and its database: short port syntax, environment as a map, named volumes.
    static let webAndDatabase = #"""
    services:
      web:
        image: "nginx:1.27-alpine"
        ports:
          - "8080:80"
          - 443:443
        environment:
          NGINX_HOST: example.com
          NGINX_PORT: 80
        depends_on:
          - db
        restart: unless-stopped
      db:
        image: postgres:16
        environment:
          POSTGRES_PASSWORD: example
          POSTGRES_DB: app
        volumes:
          - db-data:/var/lib/postgresql/data
    volumes:
      db-data:
    """#

    /// A Harbor task environment: build section, long volume syntax, capabilities, healthcheck.
    static let harborTask = #"""
    services:
      main:
        build:
          context: ${CONTEXT_DIR}
          dockerfile: Dockerfile
          args:
            - PYTHON_VERSION=3.12
            - "EXTRA=a b"
        image: ${MAIN_IMAGE_NAME}
        command: [ "sh", "-c", "sleep infinity" ]
        environment:
          - TEST_DIR=${TEST_DIR}
          - PYTHONUNBUFFERED=1
        volumes:
          - type: bind
            source: ${HOST_VERBOSE_LOGS_PATH}
            target: ${ENV_VERBOSE_LOGS_PATH}
            read_only: false
          - ./tests:/tests:ro
        cap_add:
          - SYS_PTRACE
          - NET_ADMIN
        privileged: true
        init: true
        healthcheck:
          test: ["CMD-SHELL", "curl -fsS http://localhost:8000/health || exit 1"]
          interval: 10s
          timeout: 5s
          retries: 5
          start_period: 30s
    """#

    /// Extension fields with anchors, merges of one and of several mappings, and an anchored scalar.
    static let extensionFields = #"""
    x-restart: &restart unless-stopped
    x-logging: &logging
      driver: json-file
      options:
        max-size: "10m"
        max-file: "3"
    x-common: &common
      restart: *restart
      logging: *logging
      environment: &env
        TZ: UTC
        LOG_LEVEL: info
    x-resources: &resources
      mem_limit: 512m
      restart: always

    services:
      api:
        <<: *common
        image: example/api:2.1
        environment:
          <<: *env
          LOG_LEVEL: debug
      worker:
        <<: [*common, *resources]
        image: example/worker:2.1
        command: python -m worker
      cron:
        <<: *resources
        restart: "no"
        image: example/cron
    """#

    /// Compose 2.24 override tags, profiles, networks with IPAM lists.
    static let overridesAndNetworks = #"""
    services:
      proxy:
        image: traefik:v3.0
        ports: !reset []
        networks:
          frontend:
            ipv4_address: 172.20.0.10
          backend:
            aliases:
              - proxy.internal
        profiles: ["edge", "debug"]
      app:
        image: app:latest
        environment: !override
          MODE: production
        build: !reset null
        networks: [backend]
    networks:
      frontend:
        driver: bridge
        ipam:
          config:
            - subnet: 172.20.0.0/16
              gateway: 172.20.0.1
      backend:
        internal: true
    """#

    /// Flow collections over several lines, with trailing commas and nesting.
    static let flowHeavy = #"""
    services: {
      redis: {
        image: "redis:7",
        ports: [ "6379:6379", ],
        command: [redis-server, --appendonly, "yes",
                  --maxmemory, 256mb],
      },
      cache: { image: 'memcached:1.6', environment: { A: "1", B: '2', }, labels: [a=1, b=2] },
    }
    volumes: {}
    """#

    /// Comments everywhere, document markers and a directive.
    static let commentsAndMarkers = #"""
    %YAML 1.2
    # The stack for local development.
    ---
    services:   # all services
      # the app itself
      app:
        image: app:dev # pinned by CI
        # ports below
        ports:
          # http
          - "3000:3000"   # web
          # - "9229:9229" # debugger, disabled

        environment: # inline comment after a key
          URL: http://localhost:3000/#anchor
          HASH: a#b
          EMPTY_COMMENT: "" # nothing
    ...
    # trailing comment after the document end
    """#

    /// Quoted keys, colons and hashes inside values, labels as a map and as a list.
    static let quotingAndSpecialCharacters = #"""
    services:
      "registry-client":
        image: registry.example.com:5000/team/app:1.2.3
        command: echo "hi:there" && echo it's#not-a-comment 'quoted # too'
        labels:
          "com.example.description": "Accounting webapp"
          'com.example.department': Finance
          com.example.label-with-empty-value: ""
        entrypoint: ["/bin/sh", "-c", "echo \"$$HOME\" \t done"]
        extra_hosts:
          - "host.docker.internal:host-gateway"
          - somehost=162.242.195.82
        dns_search: [ "dc1.example.com", dc2.example.com ]
        user: "1000:1000"
        working_dir: /app
        stop_signal: SIGINT
      other:
        labels:
          - "traefik.http.routers.app.rule=Host(`app.localhost`)"
          - traefik.enable=true
    """#

    /// Resource limits, ulimits, sysctls, logging, tmpfs, secrets and configs.
    static let limitsSecretsAndConfigs = #"""
    services:
      search:
        image: elasticsearch:8.13.0
        ulimits:
          nproc: 65535
          nofile:
            soft: 20000
            hard: 40000
        sysctls:
          net.core.somaxconn: 1024
          net.ipv4.tcp_syncookies: 0
        deploy:
          resources:
            limits:
              cpus: '0.50'
              memory: 2G
            reservations:
              devices:
                - driver: nvidia
                  count: 1
                  capabilities: [gpu]
        tmpfs:
          - /run
          - /tmp:size=64m
        secrets:
          - source: es_password
            target: /run/secrets/es_password
            mode: 0o440
        configs:
          - app_config
        logging:
          driver: syslog
          options:
            syslog-address: "tcp://192.168.0.42:123"
        oom_score_adj: -500
        read_only: True
        stdin_open: false
        tty: FALSE
    secrets:
      es_password:
        file: ./secrets/es_password.txt
    configs:
      app_config:
        content: |
          [server]
          port = 8080

          [log]
          level = "info"
    """#

    /// Block scalars with chomping and indentation indicators, multi-line plain and quoted scalars.
    static let scalarsOverLines = #"""
    services:
      runner:
        image: python:3.12-slim
        command: >-
          python -m pytest
          --maxfail=1
          -q
        entrypoint: |
          #!/bin/sh
          set -e

          exec "$@"
        environment:
          BANNER: |+
            keep trailing lines

          NOTE: |-
            no trailing newline
          INDENTED: |2
             three spaces kept as one
            two spaces
          DESCRIPTION: this plain scalar
            goes on over
            several lines
          QUOTED: "a double-quoted
            scalar with \"escapes\" \u263A and a \
            joined line"
          SINGLE: 'single
        
            quoted with an empty line'
    """#

    /// Four-space indentation, sequences at their key's indentation, nested sequences, empty values.
    static let indentationStyles = #"""
    version: "3.8"
    services:
        frontend:
            image: node:20
            volumes:
            - ./src:/app/src
            - node_modules:/app/node_modules
            ports:
            -   "5173:5173"
            command:
            - npm
            - run
            - dev
            matrix:
            - - a
              - b
            - - c
        backend:
            image: golang:1.22
            environment:
            -   CGO_ENABLED=0
            -   GOFLAGS=-mod=vendor
            healthcheck:
                disable: true
    volumes:
        node_modules:
        cache: {}
    """#

    /// A file of a single service written compactly: sequences of mappings in compact form.
    static let compactSequences = #"""
    services:
      gateway:
        image: envoyproxy/envoy:v1.30-latest
        ports:
        - target: 80
          published: 8080
          protocol: tcp
          mode: host
        - target: 443
          published: "8443"
        volumes:
        - type: volume
          source: envoy-config
          target: /etc/envoy
          volume:
            nocopy: true
        - type: tmpfs
          target: /cache
          tmpfs:
            size: 1000000
        depends_on:
          auth:
            condition: service_healthy
            restart: true
          db: {condition: service_started}
    volumes:
      envoy-config:
        external: true
    """#

    /// Every corpus file with a name, in a stable order.
    static let files: [(name: String, text: String)] = [
        ("webAndDatabase", webAndDatabase),
        ("harborTask", harborTask),
        ("extensionFields", extensionFields),
        ("overridesAndNetworks", overridesAndNetworks),
        ("flowHeavy", flowHeavy),
        ("commentsAndMarkers", commentsAndMarkers),
        ("quotingAndSpecialCharacters", quotingAndSpecialCharacters),
        ("limitsSecretsAndConfigs", limitsSecretsAndConfigs),
        ("scalarsOverLines", scalarsOverLines),
        ("indentationStyles", indentationStyles),
        ("compactSequences", compactSequences),
    ]
}
