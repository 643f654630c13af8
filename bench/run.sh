#!/usr/bin/env bash
# The benchmark: Bayan on Tomcat 11 with an archive of N statements (default 100,000), against
# the ceiling of nginx serving the very same HTML as static files on the same machine.
#   bench/run.sh [statements]        results go to bench/results-<date>.md (-<time> if taken)
# BENCH_PAGES=regex measures only the pages whose names match (e.g. 'statement|feed');
# BENCH_HOME=dir runs on an archive generated before, instead of target/bench/home-N.
# BENCH_SECONDS (10) is each measurement's length. Before measuring, unmeasured load lets the JIT
# compile the site's code, as on a server that has been up a while: BENCH_SITE_WARMUP_SECONDS (90)
# over all pages, then BENCH_WARMUP_SECONDS (10) on each page.
# Needs: a JDK 17+, Maven, and (installed here if missing, on Debian) wrk and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
TOMCAT_VERSION=11.0.24
WORK=$PWD/target/bench
HOME_DIR=${BENCH_HOME:-$WORK/home-$N}
PORT=18081
NGINX_PORT=18082
DURATION=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
SITE_WARMUP=${BENCH_SITE_WARMUP_SECONDS:-90}
mkdir -p "$WORK"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
fi

echo "== building"
mvn -q -B -DskipTests package
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test
if [ ! -d "$WORK/apache-tomcat-$TOMCAT_VERSION" ]; then
  mvn -q -B dependency:copy -Dartifact=org.apache.tomcat:tomcat:$TOMCAT_VERSION:tar.gz -DoutputDirectory="$WORK"
  tar xzf "$WORK/tomcat-$TOMCAT_VERSION.tar.gz" -C "$WORK"
fi
CATALINA_HOME=$WORK/apache-tomcat-$TOMCAT_VERSION

if [ ! -f "$HOME_DIR/bayan.mv.db" ]; then
  echo "== generating $N statements into $HOME_DIR"
  java -cp "target/classes:target/test-classes:$(cat "$WORK/classpath.txt")" org.bayan.bench.GenerateArchive "$HOME_DIR" "$N"
fi

BASE=$WORK/tomcat-base
rm -rf "$BASE"; mkdir -p "$BASE"/{conf,logs,temp,webapps,work}
cp "$CATALINA_HOME"/conf/* "$BASE/conf/"
sed -i "s/port=\"8080\"/port=\"$PORT\"/; s/port=\"8005\"/port=\"-1\"/" "$BASE/conf/server.xml"
cp target/bayan.war "$BASE/webapps/ROOT.war"

echo "== starting Bayan on Tomcat $TOMCAT_VERSION"
start=$(date +%s%N)
# A fixed heap, as a server is run: no time lost growing it while being measured.
java -Xms1g -Xmx1g -cp "$CATALINA_HOME/bin/bootstrap.jar:$CATALINA_HOME/bin/tomcat-juli.jar" \
  -Dcatalina.home="$CATALINA_HOME" -Dcatalina.base="$BASE" -Djava.io.tmpdir="$BASE/temp" \
  -Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager \
  -Djava.util.logging.config.file="$BASE/conf/logging.properties" \
  -Dbayan.home="$HOME_DIR" -Dbayan.demo=false -Dbayan.debug.sql.count=true -Dbayan.backup.interval=0 \
  -Dbayan.admin.password=bench-admin-password \
  org.apache.catalina.startup.Bootstrap start > "$BASE/logs/run.log" 2>&1 &
TOMCAT_PID=$!
NGINX_PID=""
cleanup() { kill "$TOMCAT_PID" 2>/dev/null || true; [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://localhost:$PORT/" && break
  if grep -q "Bayan cannot start" "$BASE/logs/run.log"; then grep "Bayan cannot start" "$BASE/logs/run.log"; exit 1; fi
  sleep 0.5
done
startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
app_ms=$(grep -o "Bayan started at context '' in [0-9]* ms" "$BASE/logs/run.log" | grep -o "[0-9]* ms" | head -1)
echo "ready in $startup_ms ms (Bayan itself: $app_ms)"

B=http://localhost:$PORT
section=/media-center/coalition-news
year=$(( $(date +%Y) - 5 ))
day=$(curl -s "$B$section/$year" | grep -o "href=\"$section/$year/[0-9][0-9]/[0-9][0-9]\"" | head -1 | sed 's/href="//; s/"//' || true)
item=$(curl -s "$B$section" | grep -o "href=\"$section/item/[^\"]*\"" | head -1 | sed 's/href="//; s/"//' || true)
popular=$(curl -s "$B/tag" | grep -o 'class="size-5"[^>]*href="[^"]*"\|href="/tag/[^"]*"[^>]*class="[^"]*size-5' | grep -o '/tag/[^"]*' | head -1 || true)
[ -n "$popular" ] || popular=/tag/meeting-1
rare=/tag/topic-4999
title_words=$(curl -s "$B$item" | grep -o "<h1>[^<]*" | head -1 | sed 's/<h1>//' | cut -d' ' -f1-4 || true)
rare_query="q=%22$(echo "$title_words" | sed 's/ /+/g')%22"

PAGES=(
  "home|/"
  "section page 1|$section"
  "section page 500|$section?page=500"
  "day archive|$day"
  "month archive|$section/$year/06"
  "year archive|$section/$year"
  "statement|$item"
  "popular tag|$popular"
  "rare tag|$rare"
  "search, common word|/search?q=coalition"
  "search, rare phrase|/search?$rare_query"
  "section RSS feed|$section/feed.rss"
)

if [ -n "${BENCH_PAGES:-}" ]; then
  chosen=()
  for entry in "${PAGES[@]}"; do
    if echo "${entry%%|*}" | grep -Eq "$BENCH_PAGES"; then chosen+=("$entry"); fi
  done
  PAGES=("${chosen[@]}")
fi

rm -rf "$WORK/nginx"; mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx/html; }
}
CONF
i=0
for entry in "${PAGES[@]}"; do
  curl -s "$B${entry#*|}" -o "$WORK/nginx/html/p$i.html"; i=$((i+1))
done
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g "daemon off;" &
NGINX_PID=$!
sleep 1

cat > "$WORK/uncached.lua" <<'LUA'
-- Every request a key the page cache has never seen: the page is rendered each time.
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "render=" .. counter .. "-" .. math.random(1000000000))
end
LUA

# Every page in turn, each request a new render: warms the whole site up before anything is measured.
{
  echo "paths = {"
  for entry in "${PAGES[@]}"; do echo "  \"${entry#*|}\","; done
  echo "}"
  cat <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local path = paths[counter % #paths + 1]
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, path .. sep .. "render=" .. counter .. "-" .. math.random(1000000000))
end
LUA
} > "$WORK/site.lua"

measure() { # url [extra wrk args...] -> "rps p50 p99"
  local url=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" > "$WORK/wrk.out" 2>&1 || true
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
  echo "${rps:-0} ${p50:--} ${p99:--}"
}
warm() { # seconds url [extra wrk args...]: load that is not measured
  local seconds=$1 url=$2; shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" "$@" "$url" > /dev/null 2>&1 || true
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }'; }

echo "== warming up: ${SITE_WARMUP}s over all pages, then ${WARMUP}s on each before it is measured"
warm "$SITE_WARMUP" "$B/" -s "$WORK/site.lua"

OUT=bench/results-$(date +%Y-%m-%d).md
[ -e "$OUT" ] && OUT=bench/results-$(date +%Y-%m-%d-%H%M).md # never overwrite an earlier run
{
  echo "# Benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB;"
  echo "$(java -version 2>&1 | head -1); Tomcat $TOMCAT_VERSION; nginx $(nginx -v 2>&1 | cut -d/ -f2); wrk -t2 -c$CONNECTIONS -d${DURATION}s, JVM -Xms1g -Xmx1g. Unmeasured load first: ${SITE_WARMUP}s over all pages, then ${WARMUP}s uncached and 3s cached on each."
  [ -n "${BENCH_PAGES:-}" ] && echo "Pages measured: those matching '$BENCH_PAGES'."
  echo "Archive: $N statements, 5,000 tags, H2 file database. Start-up on it: $startup_ms ms to the first page (Bayan itself: $app_ms)."
  echo
  echo "| page | SQL | first render | Bayan cached req/s | p50 | p99 | Bayan uncached req/s | p50 | p99 | nginx req/s | cached/nginx | uncached/nginx |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$OUT"
i=0
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  # The page's first render since start-up (caches it shares with pages measured before may be warm).
  first=$(curl -s -H 'X-Bayan-Sql-Count: 1' -D "$WORK/first.headers" -o /dev/null -w '%{time_total}' \
    "$B$path$( [[ $path == *\?* ]] && echo '&' || echo '?')render=first")
  first_ms=$(awk -v t="$first" 'BEGIN { printf "%.0fms", 1000 * t }')
  sql=$(awk -F': ' 'tolower($1)=="x-bayan-sql-count" {print $2}' "$WORK/first.headers" | tr -d '\r')
  # A server runs warm: the JIT compiles the page's code paths before anything is measured.
  warm "$WARMUP" "$B$path" -s "$WORK/uncached.lua"; warm 3 "$B$path"
  read -r c_rps c_p50 c_p99 < <(measure "$B$path")
  read -r u_rps u_p50 u_p99 < <(measure "$B$path" -s "$WORK/uncached.lua")
  read -r n_rps _ _ < <(measure "http://127.0.0.1:$NGINX_PORT/p$i.html")
  echo "| $name | $sql | $first_ms | $c_rps | $c_p50 | $c_p99 | $u_rps | $u_p50 | $u_p99 | $n_rps | $(ratio "$c_rps" "$n_rps") | $(ratio "$u_rps" "$n_rps") |" | tee -a "$OUT"
  i=$((i+1))
done
if grep -qF "| statement |" "$OUT"; then
etag=$(curl -s -D - -o /dev/null "$B$item" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
read -r r_rps r_p50 r_p99 < <(measure "$B$item" -H "If-None-Match: $etag")
n_item=$(grep -F "| statement |" "$OUT" | awk -F'|' '{print $11}' | xargs)
echo "| statement, 304 revalidation | 0 | | $r_rps | $r_p50 | $r_p99 | | | | $n_item | $(ratio "$r_rps" "$n_item") | |" | tee -a "$OUT"
fi
echo
echo "Written to $OUT"
