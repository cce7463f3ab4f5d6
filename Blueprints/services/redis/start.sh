# Redis 7.0 from Debian, run as user redis on 127.0.0.1:6379 (no password: local dev only).
install -d -m 0755 -o redis -g redis /run/redis
if ! redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
  runuser -u redis -- redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --dir /var/lib/redis \
    --logfile /var/log/redis/redis-server.log --pidfile /run/redis/redis-server.pid
fi
redis_tries=0
until redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; do
  redis_tries=$((redis_tries + 1))
  if [ "$redis_tries" -ge 30 ]; then
    echo "start-services: Redis is not ready after 30 tries; see /var/log/redis/redis-server.log" >&2
    exit 1
  fi
  sleep 1
done
