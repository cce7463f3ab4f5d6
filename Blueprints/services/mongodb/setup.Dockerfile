# MongoDB is not packaged in Debian: install it from MongoDB's official apt repository for bookworm,
# major version 7.0 (pinned by the repository path), whose packages apt verifies with MongoDB's signing key.
# Minor versions are left to that repository, like Debian's packages. The mongodb user and group are
# created first so that the data and log directories below can be owned by them whatever the package does.
# hadolint ignore=DL3008
RUN { getent group mongodb >/dev/null || groupadd --system mongodb; } \
    && { id -u mongodb >/dev/null 2>&1 || useradd --system --gid mongodb --home-dir /var/lib/mongodb --shell /usr/sbin/nologin mongodb; } \
    && curl -fsSL https://www.mongodb.org/static/pgp/server-7.0.asc -o /usr/share/keyrings/mongodb-server-7.0.asc \
    && echo "deb [signed-by=/usr/share/keyrings/mongodb-server-7.0.asc] https://repo.mongodb.org/apt/debian bookworm/mongodb-org/7.0 main" > /etc/apt/sources.list.d/mongodb-org-7.0.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends mongodb-org-server mongodb-mongosh \
    && rm -rf /var/lib/apt/lists/* \
    && install -d -m 0755 -o mongodb -g mongodb /var/lib/mongodb /var/log/mongodb
