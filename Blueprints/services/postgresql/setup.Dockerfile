# PostgreSQL: recreate Debian's default cluster 15/main in UTF-8 (apt creates it from the build's
# locale, which is C, i.e. SQL_ASCII, when the base image does not set LANG), and store the local dev
# password of role app in a libpq password file (PGPASSFILE) rather than in an ENV variable.
RUN pg_dropcluster 15 main \
    && pg_createcluster --locale=C.UTF-8 --encoding=UTF8 15 main \
    && echo '127.0.0.1:5432:*:app:app' > /etc/postgresql-common/pgpass \
    && chmod 0600 /etc/postgresql-common/pgpass
