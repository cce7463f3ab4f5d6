# MongoDB 7.0 from MongoDB's official repository, run as user mongodb on 127.0.0.1:27017.
# Local dev setup: no authentication (it listens on 127.0.0.1 only); database app is created on first write.
install -d -m 0755 -o mongodb -g mongodb /run/mongodb
if ! mongosh --quiet "mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=1000" --eval "db.adminCommand({ ping: 1 }).ok" >/dev/null 2>&1; then
  runuser -u mongodb -- mongod --fork --bind_ip 127.0.0.1 --port 27017 --dbpath /var/lib/mongodb \
    --logpath /var/log/mongodb/mongod.log --logappend --pidfilepath /run/mongodb/mongod.pid >/dev/null \
    || { echo "start-services: mongod did not start; see /var/log/mongodb/mongod.log" >&2; exit 1; }
fi
mongo_tries=0
until mongosh --quiet "mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=1000" --eval "db.adminCommand({ ping: 1 }).ok" >/dev/null 2>&1; do
  mongo_tries=$((mongo_tries + 1))
  if [ "$mongo_tries" -ge 30 ]; then
    echo "start-services: MongoDB is not ready after 30 tries; see /var/log/mongodb/mongod.log" >&2
    exit 1
  fi
  sleep 1
done
