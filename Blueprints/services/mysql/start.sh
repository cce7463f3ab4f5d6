# MySQL: Debian's MariaDB 10.11 server (MySQL-compatible; Oracle's MySQL is not packaged in Debian),
# run through mysqld_safe as user mysql on 127.0.0.1:3306.
# Local dev credentials: user app (password app, all privileges) and database app.
install -d -m 0755 -o mysql -g root /run/mysqld
install -d -m 2750 -o mysql -g adm /var/log/mysql
if ! mysqladmin --host=127.0.0.1 --port=3306 --user=app --password=app ping >/dev/null 2>&1; then
  mysqld_safe --user=mysql --bind-address=127.0.0.1 --port=3306 --skip-syslog --log-error=/var/log/mysql/error.log >/dev/null 2>&1 &
fi
mysql_tries=0
until mysqladmin --host=127.0.0.1 --port=3306 --user=app --password=app ping >/dev/null 2>&1; do
  mysql_tries=$((mysql_tries + 1))
  if [ "$mysql_tries" -ge 30 ]; then
    echo "start-services: MySQL (MariaDB) is not ready after 30 tries; see /var/log/mysql/error.log" >&2
    exit 1
  fi
  sleep 1
done
mysql --protocol=socket --user=root --execute="CREATE DATABASE IF NOT EXISTS app; CREATE USER IF NOT EXISTS 'app'@'localhost' IDENTIFIED BY 'app'; CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'app'; GRANT ALL PRIVILEGES ON *.* TO 'app'@'localhost'; GRANT ALL PRIVILEGES ON *.* TO 'app'@'%';"
