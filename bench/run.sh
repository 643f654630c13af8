#!/usr/bin/env bash
# The benchmark: Bayan on Tomcat 11 with an archive of N statements (default 100,000), against
# the ceiling of nginx serving the very same HTML as static files on the same machine.
#   bench/run.sh [statements]        results go to bench/results-<date>.md (-<time> if taken)
# BENCH_PAGES=regex measures only the pages whose names match (e.g. 'statement|feed');
# BENCH_HOME=dir runs on an archive generated before, instead of target/bench/home-N.
# BENCH_SECONDS (10) is each measurement's length. Before measuring, unmeasured load lets the JIT
# compile the site's code, as on a server that has been up a while: BENCH_SITE_WARMUP_SECONDS (90)
# over all pages, then BENCH_WARMUP_SECONDS (10) on each page. BENCH_WRK_TIMEOUT_SECONDS (30) is how
# long wrk waits for an answer before counting a timeout; answers that are not 2xx or 3xx, and
# timeouts, are listed below the table. BENCH_PORT (18081), BENCH_BASELINE_PORT (18083),
# BENCH_NGINX_PORT (18082) and BENCH_HOST (loopback) say where the servers listen and are reached.
# Last, the breaking-news scenario on the new WAR (BENCH_BREAKING_SECONDS, 120; 0 leaves it out):
# readers on the cached pages while an editor changes a statement every BENCH_BREAKING_INTERVAL s.
#
# Against a baseline, in one run: BENCH_BASELINE_WAR=/path/to/old/bayan.war starts that WAR too,
# on its own Tomcat and its own archive, and measures every page on both, back to back.
# The baseline's archive must be written by the baseline's own code (the new code's migrations
# may change the schema the old entities are validated against), so BENCH_BASELINE_SRC names the
# baseline's checkout: its GenerateArchive fills target/bench/baseline-<commit>-home-N, same N and
# seed as the new archive, so the same statements. BENCH_BASELINE_HOME=dir reuses an archive the
# baseline generated before (then BENCH_BASELINE_SRC is not needed).
#   BENCH_BASELINE_WAR=/work/before/bayan.war BENCH_BASELINE_SRC=/work/bench-old bench/run.sh
# Needs: a JDK 17+, Maven, and (installed here if missing, on Debian) wrk and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
TOMCAT_VERSION=11.0.24
WORK=$PWD/target/bench
HOME_DIR=${BENCH_HOME:-$WORK/home-$N}
PORT=${BENCH_PORT:-18081}
NGINX_PORT=${BENCH_NGINX_PORT:-18082}
BASELINE_PORT=${BENCH_BASELINE_PORT:-18083}
# Where the loaders reach the servers (loopback by default): wrk and curl run on this machine.
HOST=${BENCH_HOST:-localhost}
NGINX_HOST=${BENCH_HOST:-127.0.0.1}
# wrk's own timeout is 2 s: a slower answer would go uncounted, flattering the figure.
WRK_TIMEOUT=${BENCH_WRK_TIMEOUT_SECONDS:-30}
DURATION=${BENCH_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
SITE_WARMUP=${BENCH_SITE_WARMUP_SECONDS:-90}
mkdir -p "$WORK"
fail() { echo "bench: $*" >&2; exit 1; }

BASELINE_WAR=${BENCH_BASELINE_WAR:-}
BASELINE_SRC=${BENCH_BASELINE_SRC:-}
if [ -n "$BASELINE_WAR" ]; then
  [ -f "$BASELINE_WAR" ] || fail "no baseline WAR at $BASELINE_WAR"
  BASELINE_WAR=$(realpath "$BASELINE_WAR")
  BASELINE_REV=unknown
  if [ -n "$BASELINE_SRC" ]; then
    [ -f "$BASELINE_SRC/pom.xml" ] || fail "no Maven project at BENCH_BASELINE_SRC=$BASELINE_SRC"
    BASELINE_SRC=$(realpath "$BASELINE_SRC")
    BASELINE_REV=$(git -C "$BASELINE_SRC" describe --always --dirty 2>/dev/null || echo unknown)
    # The archive is written by the checkout's code and read by the WAR: both must know the same migrations.
    war_migrations=$(unzip -Z1 "$BASELINE_WAR" 'WEB-INF/classes/db/migration/*.sql' 2>/dev/null | xargs -rn1 basename | sort | xargs)
    src_migrations=$(ls "$BASELINE_SRC/src/main/resources/db/migration" | grep '\.sql$' | sort | xargs || true)
    [ "$war_migrations" = "$src_migrations" ] || fail "the baseline WAR's migrations ($war_migrations) are not the checkout's ($src_migrations)"
  fi
  BASELINE_HOME=${BENCH_BASELINE_HOME:-$WORK/baseline-$BASELINE_REV-home-$N}
  if [ ! -f "$BASELINE_HOME/bayan.mv.db" ] && [ -z "$BASELINE_SRC" ]; then
    fail "no baseline archive in $BASELINE_HOME: BENCH_BASELINE_SRC must name the baseline's checkout, whose code generates it"
  fi
  [ "$(realpath -m "$BASELINE_HOME")" != "$(realpath -m "$HOME_DIR")" ] || fail "the baseline and the new WAR cannot share one archive (one H2 file, one schema)"
fi

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
NEW_REV=$(git describe --always --dirty 2>/dev/null || echo unknown)

if [ -n "$BASELINE_WAR" ] && [ ! -f "$BASELINE_HOME/bayan.mv.db" ]; then
  echo "== generating $N statements into $BASELINE_HOME with the baseline's code ($BASELINE_SRC, $BASELINE_REV)"
  (cd "$BASELINE_SRC" && mvn -q -B test-compile \
    && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/baseline-classpath.txt" -Dmdep.includeScope=test)
  java -cp "$BASELINE_SRC/target/classes:$BASELINE_SRC/target/test-classes:$(cat "$WORK/baseline-classpath.txt")" \
    org.bayan.bench.GenerateArchive "$BASELINE_HOME" "$N"
fi
if [ ! -f "$HOME_DIR/bayan.mv.db" ]; then
  echo "== generating $N statements into $HOME_DIR"
  java -cp "target/classes:target/test-classes:$(cat "$WORK/classpath.txt")" org.bayan.bench.GenerateArchive "$HOME_DIR" "$N"
fi

declare -A PIDS=() STARTUP_MS=() APP_MS=()
NGINX_PID=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true # Tomcat closes its H2 file before the next run opens it
}
trap cleanup EXIT

start_tomcat() { # name war home port: a Tomcat of its own (own base, port and archive), waited for until it answers
  local name=$1 war=$2 home=$3 port=$4 base=$WORK/tomcat-$1
  rm -rf "$base"; mkdir -p "$base"/{conf,logs,temp,webapps,work}
  cp "$CATALINA_HOME"/conf/* "$base/conf/"
  sed -i "s/port=\"8080\"/port=\"$port\"/; s/port=\"8005\"/port=\"-1\"/" "$base/conf/server.xml"
  cp "$war" "$base/webapps/ROOT.war"
  echo "== starting $name Bayan on Tomcat $TOMCAT_VERSION, port $port, archive $home"
  local start ready=""
  start=$(date +%s%N)
  # A fixed heap, as a server is run: no time lost growing it while being measured.
  java -Xms1g -Xmx1g -cp "$CATALINA_HOME/bin/bootstrap.jar:$CATALINA_HOME/bin/tomcat-juli.jar" \
    -Dcatalina.home="$CATALINA_HOME" -Dcatalina.base="$base" -Djava.io.tmpdir="$base/temp" \
    -Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager \
    -Djava.util.logging.config.file="$base/conf/logging.properties" \
    -Dbayan.home="$home" -Dbayan.demo=false -Dbayan.debug.sql.count=true -Dbayan.backup.interval=0 \
    -Dbayan.admin.password=bench-admin-password \
    org.apache.catalina.startup.Bootstrap start > "$base/logs/run.log" 2>&1 &
  PIDS[$name]=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://$HOST:$port/" && { ready=yes; break; }
    if grep -q "Bayan cannot start" "$base/logs/run.log"; then grep "Bayan cannot start" "$base/logs/run.log"; exit 1; fi
    kill -0 "${PIDS[$name]}" 2>/dev/null || fail "the $name Tomcat ended: see $base/logs/run.log"
    sleep 0.5
  done
  [ -n "$ready" ] || fail "the $name Bayan did not answer within 300 s: see $base/logs/run.log"
  STARTUP_MS[$name]=$(( ($(date +%s%N) - start) / 1000000 ))
  APP_MS[$name]=$(grep -o "Bayan started at context '' in [0-9]* ms" "$base/logs/run.log" | grep -o "[0-9]* ms" | head -1 || true)
  echo "ready in ${STARTUP_MS[$name]} ms (Bayan itself: ${APP_MS[$name]})"
}

# One at a time, so neither start-up is slowed by the other's.
[ -n "$BASELINE_WAR" ] && start_tomcat baseline "$BASELINE_WAR" "$BASELINE_HOME" "$BASELINE_PORT"
start_tomcat new target/bayan.war "$HOME_DIR" "$PORT"

B=http://$HOST:$PORT
BB=http://$HOST:$BASELINE_PORT
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
# Arabic pages, on the tenth of the statements that GenerateArchive writes in Arabic too; not on a
# baseline from before there were languages.
if [ -z "$BASELINE_WAR" ]; then
  enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
  ar_section=$(enc "/ar/المركز-الإعلامي/أخبار-الائتلاف")
  ar_day=$(curl -s "$B$ar_section/$year" | grep -o 'href="/ar/[^"]*/'"$year"'/[0-9][0-9]/[0-9][0-9]"' | head -1 | sed 's/href="//; s/"//' || true)
  ar_item=$(curl -s "$B$ar_section" | grep -o 'href="/ar/[^"]*/item/[^"]*"' | head -1 | sed 's/href="//; s/"//' || true)
  [ -n "$ar_day" ] && [ -n "$ar_item" ] || fail "no Arabic statements in $HOME_DIR: generate the archive again (rm -rf it) with this checkout's GenerateArchive"
  PAGES+=("Arabic day archive|$(enc "$ar_day")" "Arabic statement|$(enc "$ar_item")")
fi

if [ -n "${BENCH_PAGES:-}" ]; then
  chosen=()
  for entry in "${PAGES[@]}"; do
    if echo "${entry%%|*}" | grep -Eq "$BENCH_PAGES"; then chosen+=("$entry"); fi
  done
  PAGES=("${chosen[@]}")
fi

# The pages are found on the new WAR; the baseline's archive holds the same statements, so the
# same addresses must answer there as they do here, or the two would not be measured on the same page.
if [ -n "$BASELINE_WAR" ]; then
  for entry in "${PAGES[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BB${entry#*|}")
    new_code=$(curl -s -o /dev/null -w '%{http_code}' "$B${entry#*|}")
    [ "$code" = "$new_code" ] || fail "${entry#*|} (${entry%%|*}) answers $code on the baseline, $new_code on the new WAR: the two archives differ (regenerate both with the same N)"
  done
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
  server { listen $NGINX_HOST:$NGINX_PORT; root $WORK/nginx/html; }
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
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout "${WRK_TIMEOUT}s" --latency "$@" "$url" > "$WORK/wrk.out" 2>&1 || true
  # An error page or a timeout is cheap or uncounted: any of them is reported below the table.
  local bad timeouts
  bad=$(awk '/Non-2xx or 3xx/ {print $NF}' "$WORK/wrk.out")
  timeouts=$(grep -o 'timeout [0-9]*' "$WORK/wrk.out" | awk '{print $2}' || true)
  if [ -n "$bad" ] || [ "${timeouts:-0}" != 0 ]; then
    echo "- $url${*:+ ($*)}: ${bad:-0} answers not 2xx or 3xx, ${timeouts:-0} timeouts" >> "$WORK/errors.txt"
  fi
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
  echo "${rps:-0} ${p50:--} ${p99:--}"
}
warm() { # seconds url [extra wrk args...]: load that is not measured
  local seconds=$1 url=$2; shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --timeout "${WRK_TIMEOUT}s" "$@" "$url" > /dev/null 2>&1 || true
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }'; }
factor() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "-" }'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; } # user + system time of a process
page() { # base-url path -> "sql first-render cached-rps p50 p99 uncached-rps p50 p99"
  local base=$1 path=$2 first first_ms sql
  # The page's first render since start-up (caches it shares with pages measured before may be warm).
  first=$(curl -s -H 'X-Bayan-Sql-Count: 1' -D "$WORK/first.headers" -o /dev/null -w '%{time_total}' \
    "$base$path$( [[ $path == *\?* ]] && echo '&' || echo '?')render=first")
  first_ms=$(awk -v t="$first" 'BEGIN { printf "%.0fms", 1000 * t }')
  sql=$(awk -F': ' 'tolower($1)=="x-bayan-sql-count" {print $2}' "$WORK/first.headers" | tr -d '\r')
  # A server runs warm: the JIT compiles the page's code paths before anything is measured.
  warm "$WARMUP" "$base$path" -s "$WORK/uncached.lua"; warm 3 "$base$path"
  local c u
  c=$(measure "$base$path")
  u=$(measure "$base$path" -s "$WORK/uncached.lua")
  echo "${sql:--} $first_ms $c $u"
}
# While one Tomcat is measured the other is idle: how much CPU it took meanwhile is added up here.
IDLE_TICKS=0; BUSY_SECONDS=0
page_on() { # name base-url path -> sets that name's row; the other Tomcat's CPU use meanwhile is added up
  local name=$1 other=baseline before started row
  [ "$name" = baseline ] && other=new
  before=$(cpu_ticks "${PIDS[$other]}"); started=$(date +%s)
  row=$(page "$2" "$3")
  IDLE_TICKS=$(( IDLE_TICKS + $(cpu_ticks "${PIDS[$other]}") - before )); BUSY_SECONDS=$(( BUSY_SECONDS + $(date +%s) - started ))
  read -r "SQL[$name]" "FIRST[$name]" "C_RPS[$name]" "C_P50[$name]" "C_P99[$name]" "U_RPS[$name]" "U_P50[$name]" "U_P99[$name]" <<< "$row"
}
declare -A SQL=() FIRST=() C_RPS=() C_P50=() C_P99=() U_RPS=() U_P50=() U_P99=()

rm -f "$WORK/errors.txt"
echo "== warming up: ${SITE_WARMUP}s over all pages, then ${WARMUP}s on each before it is measured"
if [ -n "$BASELINE_WAR" ]; then
  echo "   baseline first, then new"
  warm "$SITE_WARMUP" "$BB/" -s "$WORK/site.lua"
fi
warm "$SITE_WARMUP" "$B/" -s "$WORK/site.lua"

OUT=bench/results-$(date +%Y-%m-%d).md
[ -e "$OUT" ] && OUT=bench/results-$(date +%Y-%m-%d-%H%M).md # never overwrite an earlier run
{
  echo "# Benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB;"
  echo "$(java -version 2>&1 | head -1); Tomcat $TOMCAT_VERSION; nginx $(nginx -v 2>&1 | cut -d/ -f2); wrk -t2 -c$CONNECTIONS -d${DURATION}s --timeout ${WRK_TIMEOUT}s, JVM -Xms1g -Xmx1g. Unmeasured load first: ${SITE_WARMUP}s over all pages, then ${WARMUP}s uncached and 3s cached on each."
  [ -n "${BENCH_PAGES:-}" ] && echo "Pages measured: those matching '$BENCH_PAGES'."
  if [ -n "$BASELINE_WAR" ]; then
    echo "Archive: $N statements, 5,000 tags, H2 file database, one for each WAR: the baseline's generated by its own code, the new one's by the new code, same N and seed, so the same statements."
    echo "Baseline: $BASELINE_WAR (source $BASELINE_REV); start-up ${STARTUP_MS[baseline]} ms to the first page (Bayan itself: ${APP_MS[baseline]})."
    echo "New: this checkout ($NEW_REV); start-up ${STARTUP_MS[new]} ms to the first page (Bayan itself: ${APP_MS[new]})."
    echo "Both WARs run at once, each on its own Tomcat, port and copy of the archive, but only one is ever loaded: while one is warmed up or measured the other is idle (IDLE_CPU)."
    echo "Each page: baseline and new back to back, each after the same warm-up, the first of the two alternating from page to page (baseline first on the 1st, 3rd, ... row), then nginx serving the new WAR's HTML."
  else
    echo "Archive: $N statements, 5,000 tags, H2 file database. Start-up on it: ${STARTUP_MS[new]} ms to the first page (Bayan itself: ${APP_MS[new]})."
  fi
  echo
  if [ -n "$BASELINE_WAR" ]; then
    echo "| page | SQL baseline | SQL new | first render baseline | first render new | baseline cached req/s | p99 | new cached req/s | p99 | new/baseline cached | baseline uncached req/s | p99 | new uncached req/s | p99 | new/baseline uncached | nginx req/s | new cached/nginx | new uncached/nginx |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  else
    echo "| page | SQL | first render | Bayan cached req/s | p50 | p99 | Bayan uncached req/s | p50 | p99 | nginx req/s | cached/nginx | uncached/nginx |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  fi
} > "$OUT"
i=0
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  if [ -n "$BASELINE_WAR" ]; then
    if [ $((i % 2)) -eq 0 ]; then
      page_on baseline "$BB" "$path"; page_on new "$B" "$path"
    else
      page_on new "$B" "$path"; page_on baseline "$BB" "$path"
    fi
  else
    read -r "SQL[new]" "FIRST[new]" "C_RPS[new]" "C_P50[new]" "C_P99[new]" "U_RPS[new]" "U_P50[new]" "U_P99[new]" < <(page "$B" "$path")
  fi
  read -r n_rps _ _ < <(measure "http://$NGINX_HOST:$NGINX_PORT/p$i.html")
  if [ -n "$BASELINE_WAR" ]; then
    echo "| $name | ${SQL[baseline]} | ${SQL[new]} | ${FIRST[baseline]} | ${FIRST[new]} | ${C_RPS[baseline]} | ${C_P99[baseline]} | ${C_RPS[new]} | ${C_P99[new]} | $(factor "${C_RPS[new]}" "${C_RPS[baseline]}") | ${U_RPS[baseline]} | ${U_P99[baseline]} | ${U_RPS[new]} | ${U_P99[new]} | $(factor "${U_RPS[new]}" "${U_RPS[baseline]}") | $n_rps | $(ratio "${C_RPS[new]}" "$n_rps") | $(ratio "${U_RPS[new]}" "$n_rps") |"
  else
    echo "| $name | ${SQL[new]} | ${FIRST[new]} | ${C_RPS[new]} | ${C_P50[new]} | ${C_P99[new]} | ${U_RPS[new]} | ${U_P50[new]} | ${U_P99[new]} | $n_rps | $(ratio "${C_RPS[new]}" "$n_rps") | $(ratio "${U_RPS[new]}" "$n_rps") |"
  fi | tee -a "$OUT"
  i=$((i+1))
done
if grep -qF "| statement |" "$OUT"; then
  revalidate() { # base-url -> "rps p50 p99" of requests that carry the page's ETag
    local etag
    etag=$(curl -s -D - -o /dev/null "$1$item" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
    measure "$1$item" -H "If-None-Match: $etag"
  }
  if [ -n "$BASELINE_WAR" ]; then
    n_item=$(grep -F "| statement |" "$OUT" | awk -F'|' '{print $17}' | xargs)
    before=$(cpu_ticks "${PIDS[new]}"); started=$(date +%s)
    read -r rb_rps _ rb_p99 < <(revalidate "$BB")
    IDLE_TICKS=$(( IDLE_TICKS + $(cpu_ticks "${PIDS[new]}") - before )); BUSY_SECONDS=$(( BUSY_SECONDS + $(date +%s) - started ))
    before=$(cpu_ticks "${PIDS[baseline]}"); started=$(date +%s)
    read -r rn_rps _ rn_p99 < <(revalidate "$B")
    IDLE_TICKS=$(( IDLE_TICKS + $(cpu_ticks "${PIDS[baseline]}") - before )); BUSY_SECONDS=$(( BUSY_SECONDS + $(date +%s) - started ))
    echo "| statement, 304 revalidation | 0 | 0 | | | $rb_rps | $rb_p99 | $rn_rps | $rn_p99 | $(factor "$rn_rps" "$rb_rps") | | | | | | $n_item | $(ratio "$rn_rps" "$n_item") | |" | tee -a "$OUT"
  else
    n_item=$(grep -F "| statement |" "$OUT" | awk -F'|' '{print $11}' | xargs)
    read -r r_rps r_p50 r_p99 < <(revalidate "$B")
    echo "| statement, 304 revalidation | 0 | | $r_rps | $r_p50 | $r_p99 | | | | $n_item | $(ratio "$r_rps" "$n_item") | |" | tee -a "$OUT"
  fi
fi
if [ -n "$BASELINE_WAR" ]; then
  idle=$(awk -v t="$IDLE_TICKS" -v hz="$(getconf CLK_TCK)" -v s="$BUSY_SECONDS" \
    'BEGIN { printf "the idle one used %.1f s of CPU in the %d s the other was loaded, %.1f%% of one core", t / hz, s, (s > 0 ? 100 * t / hz / s : 0) }')
  sed -i "s/(IDLE_CPU)/($idle)/" "$OUT"
fi
# Breaking news: readers load the cached home, section, day archive, tag and feed pages while an
# editor publishes, corrects and withdraws a statement, one change every BENCH_BREAKING_INTERVAL
# seconds (10), for BENCH_BREAKING_SECONDS (120; 0 leaves it out). The same load without editing
# first, for the throughput it should keep; the share of answers from the page cache in both.
BREAKING=${BENCH_BREAKING_SECONDS:-120}
BREAKING_INTERVAL=${BENCH_BREAKING_INTERVAL:-10}
if [ "$BREAKING" != 0 ]; then
  {
    echo "paths = {"
    for path in / "$section" "$day" "$popular" "$section/feed.rss"; do [ -n "$path" ] && echo "  \"$path\","; done
    echo "}"
    cat <<'LUA'
-- The readers of a bad day: the pages a change shows on, in turn; counts how each was answered.
counter = 0
threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function() hits = 0; others = 0; bad = 0 end
request = function()
  counter = counter + 1
  return wrk.format(nil, paths[counter % #paths + 1])
end
response = function(status, headers, body)
  if status >= 400 then bad = bad + 1 end
  if headers["X-Bayan-Cache"] == "hit" then hits = hits + 1 else others = others + 1 end
end
done = function(summary, latency, requests)
  local h, o, b = 0, 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); o = o + t:get("others"); b = b + t:get("bad") end
  io.write(string.format("cache hits %d others %d errors %d\n", h, o, b))
end
LUA
  } > "$WORK/breaking.lua"
  readers() { # seconds -> "rps p99 hit-ratio bad timeouts"
    wrk -t2 -c"$CONNECTIONS" -d"$1s" --timeout "${WRK_TIMEOUT}s" --latency -s "$WORK/breaking.lua" "$B/" > "$WORK/breaking.out" 2>&1 || true
    awk '/Requests\/sec/ {rps=$2} $1=="99%" {p99=$2} /^cache hits/ {h=$3; o=$5; e=$7}
         /timeout [0-9]+/ {for (i=1;i<=NF;i++) if ($i=="timeout") t=$(i+1)}
         END {printf "%s %s %.1f%% %d %d\n", rps, p99, (h+o > 0 ? 100*h/(h+o) : 0), e+0, t+0}' "$WORK/breaking.out"
  }
  echo "== breaking news: ${BREAKING}s of readers alone, then ${BREAKING}s with a change every ${BREAKING_INTERVAL}s"
  warm 10 "$B/" -s "$WORK/breaking.lua"
  read -r q_rps q_p99 q_hits q_bad q_timeouts < <(readers "$BREAKING")
  java -cp "target/classes:target/test-classes:$(cat "$WORK/classpath.txt")" org.bayan.bench.BreakingNews \
    "$B" bench-admin-password "$BREAKING" "$BREAKING_INTERVAL" > "$WORK/editor.out" 2> "$WORK/editor.err" &
  EDITOR_PID=$!
  read -r e_rps e_p99 e_hits e_bad e_timeouts < <(readers "$BREAKING")
  wait "$EDITOR_PID" || { cat "$WORK/editor.err" >&2; fail "the breaking-news editor failed: see $WORK/editor.err"; }
  {
    echo
    echo "Breaking news: $CONNECTIONS connections read the cached home, section, day archive, popular tag and section feed pages in turn, ${BREAKING} s without editing, then ${BREAKING} s while an editor (\`org.bayan.bench.BreakingNews\`) publishes, corrects and withdraws a statement in turn. Acknowledged: the POST answered with its redirect. Visible: from then until the home and section pages, polled every 10 ms, show the change."
    echo
    echo "| readers | req/s | p99 | answered from the page cache | errors | timeouts |"
    echo "|---|---|---|---|---|---|"
    echo "| without editing | $q_rps | $q_p99 | $q_hits | $q_bad | $q_timeouts |"
    echo "| while editing | $e_rps | $e_p99 | $e_hits | $e_bad | $e_timeouts |"
    echo "| while editing / without | $(ratio "$e_rps" "$q_rps") | | | | |"
    echo
    echo "| changes | acknowledged p50 | p99 | visible p50 | p99 | not visible within 30 s |"
    echo "|---|---|---|---|---|---|"
    cat "$WORK/editor.out"
    echo
    echo "Each change, in order (the first after start-up pays for code the readers' warm-up did not run):"
    echo
    grep ' acknowledged in ' "$WORK/editor.err" | sed 's/^/- /'
  } | tee -a "$OUT"
fi
{
  echo
  if [ -s "$WORK/errors.txt" ]; then
    echo "Answers that were not 2xx or 3xx, and requests wrk gave up on after ${WRK_TIMEOUT} s, in the measurements above:"
    cat "$WORK/errors.txt"
  else
    echo "Every measured request was answered 2xx or 3xx within wrk's timeout of ${WRK_TIMEOUT} s."
  fi
} | tee -a "$OUT"
echo
echo "Written to $OUT"
