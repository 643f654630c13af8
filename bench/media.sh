#!/usr/bin/env bash
# Photos served by Bayan against nginx serving the very same file, on the same machine: a fresh
# Bayan with its demo content (whose pictures go through the upload pipeline at first start) on
# Tomcat 11, one of its 640-wide sizes fetched with wrk, then the same file from nginx.
#   bench/media.sh            figures to stdout; BENCH_SECONDS (10) per measurement;
#                             BENCH_STOCK=1 for Tomcat's own server.xml (access log, 100 requests per connection)
# Needs what bench/run.sh needs (it installs wrk and nginx on Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
TOMCAT_VERSION=11.0.24
WORK=$PWD/target/bench-media
DURATION=${BENCH_SECONDS:-10}
PORT=18091
NGINX_PORT=18092
rm -rf "$WORK"; mkdir -p "$WORK"
command -v wrk >/dev/null && command -v nginx >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo;
  $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk nginx; }
mvn -q -B -DskipTests package
TOMCATS=$PWD/target/bench
if [ ! -d "$TOMCATS/apache-tomcat-$TOMCAT_VERSION" ]; then
  mkdir -p "$TOMCATS"
  mvn -q -B dependency:copy -Dartifact=org.apache.tomcat:tomcat:$TOMCAT_VERSION:tar.gz -DoutputDirectory="$TOMCATS"
  tar xzf "$TOMCATS/tomcat-$TOMCAT_VERSION.tar.gz" -C "$TOMCATS"
fi
CATALINA_HOME=$TOMCATS/apache-tomcat-$TOMCAT_VERSION
base=$WORK/base; home=$WORK/home
mkdir -p "$base"/{conf,logs,temp,webapps,work} "$home"
cp "$CATALINA_HOME"/conf/* "$base/conf/"
sed -i "s/port=\"8080\"/port=\"$PORT\"/; s/port=\"8005\"/port=\"-1\"/" "$base/conf/server.xml"
# The same footing as the nginx below: no access log (nginx's is off) and 1,000 requests per
# kept-alive connection (nginx's default; Tomcat's is 100). BENCH_STOCK=1 keeps Tomcat's defaults.
if [ -z "${BENCH_STOCK:-}" ]; then
  python3 - "$base/conf/server.xml" <<'PY'
import re, sys
p = sys.argv[1]; s = open(p).read()
s = re.sub(r'<Valve className="org.apache.catalina.valves.AccessLogValve".*?/>', '', s, flags=re.S)
s = s.replace('connectionTimeout="20000"', 'connectionTimeout="20000" maxKeepAliveRequests="1000"', 1)
open(p, "w").write(s)
PY
fi
cp target/bayan.war "$base/webapps/ROOT.war"
java -Xms1g -Xmx1g -cp "$CATALINA_HOME/bin/bootstrap.jar:$CATALINA_HOME/bin/tomcat-juli.jar" \
  -Dcatalina.home="$CATALINA_HOME" -Dcatalina.base="$base" -Djava.io.tmpdir="$base/temp" \
  -Dbayan.home="$home" -Dbayan.backup.interval=0 -Dbayan.admin.password=bench-admin-password \
  org.apache.catalina.startup.Bootstrap start > "$base/logs/run.log" 2>&1 &
TOMCAT=$!
cleanup() { kill "$TOMCAT" 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://localhost:$PORT/" && break; sleep 0.5; done
file=$(find "$home/media" -name w640.jpg | head -1)
[ -n "$file" ] || { echo "bench: no photo in $home/media"; exit 1; }
path=/media/$(basename "$(dirname "$file")")/w640.jpg
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; default_type image/jpeg;
  server { listen 127.0.0.1:$NGINX_PORT; location /media/ { alias $(dirname "$file")/; } } }
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" -g "daemon on;"
ngx_path=/media/w640.jpg
size=$(stat -c %s "$file")
echo "== $path ($size bytes), $(nproc) cores, wrk -t2 -c32 -d${DURATION}s, Tomcat ${BENCH_STOCK:+stock server.xml}${BENCH_STOCK:-"without access log, maxKeepAliveRequests=1000 (as nginx)"}"
wrk -t2 -c32 -d10s "http://localhost:$PORT$path" > /dev/null   # warm-up
bayan=$(wrk -t2 -c32 -d${DURATION}s "http://localhost:$PORT$path" | awk '/Requests\/sec/ {print $2}')
wrk -t2 -c32 -d5s "http://127.0.0.1:$NGINX_PORT$ngx_path" > /dev/null
ngx=$(wrk -t2 -c32 -d${DURATION}s "http://127.0.0.1:$NGINX_PORT$ngx_path" | awk '/Requests/ {print $2}')
echo "Bayan: $bayan req/s; nginx: $ngx req/s; Bayan/nginx: $(awk -v a="$bayan" -v b="$ngx" 'BEGIN { printf "%.0f%%", 100 * a / b }')"
curl -s -o /dev/null -D - "http://localhost:$PORT$path" | grep -iE '^(content-type|cache-control|etag|content-length):'
