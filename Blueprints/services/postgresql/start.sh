# PostgreSQL 15: Debian bookworm's cluster 15/main, run by its owner postgres on 127.0.0.1:5432.
# Local dev credentials: role app (password app, superuser) owning database app.
install -d -m 2775 -o postgres -g postgres /var/run/postgresql
if ! pg_ctlcluster 15 main status >/dev/null 2>&1; then
  runuser -u postgres -- pg_ctlcluster 15 main start
fi
pg_tries=0
until pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; do
  pg_tries=$((pg_tries + 1))
  if [ "$pg_tries" -ge 30 ]; then
    echo "start-services: PostgreSQL is not ready after 30 tries; see /var/log/postgresql/postgresql-15-main.log" >&2
    exit 1
  fi
  sleep 1
done
if [ "$(runuser -u postgres -- psql -h /var/run/postgresql -U postgres -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'app'")" != "1" ]; then
  runuser -u postgres -- psql -h /var/run/postgresql -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE ROLE app LOGIN SUPERUSER PASSWORD 'app'"
fi
if [ "$(runuser -u postgres -- psql -h /var/run/postgresql -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'app'")" != "1" ]; then
  runuser -u postgres -- psql -h /var/run/postgresql -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE app OWNER app"
fi
