#!/usr/bin/env bash
# CPU milliseconds per request of Tomcat's worker threads (http-nio-*, from /proc), baseline WAR against this build, each on
# the archive bench/run.sh generated for it (copied, so neither is changed): a figure the machine's load moves far less than
# requests a second. Needs bench/run.sh to have run once with BENCH_BASELINE_WAR (archives, Tomcat) and the baseline WAR at
# /work/bench-old/target/bayan.war (edit the paths for another layout). Prints a Markdown table.
#   CPU_OLD_WAR=path   the baseline WAR (default /work/bench-old/target/bayan.war); CPU_NEW_WAR the other (target/bayan.war)
#   CPU_PAGES=regex    measures only the pages whose names match (e.g. 'feed|home')
#   CPU_ROUNDS=n       rounds per page (2), each swapping which WAR is measured first (the one measured second tends to
#                      cost more); the table gives every round's figure and the medians
#   CPU_NEW_FIRST=1    the new WAR first in the first round
#   CPU_SITE_WARMUP_SECONDS  unmeasured load on every page of both WARs first (20 s a page): the JIT is still
#                      compiling for minutes, and a page costs half as much after three of them as after one
#   CPU_WARM_SECONDS, CPU_SECONDS  unmeasured and measured load per round and WAR (20 s each)
#   CPU_CACHED=1       every request the same address, answered from the page cache, instead of a new key each time
#   CPU_DEMO=1         both WARs on a fresh home with the demo content instead of the archives: no bench/run.sh needed,
#                      pages of about twenty statements, the demo's photos in them
set -euo pipefail
W=/work/main/target/bench
CH=$W/apache-tomcat-11.0.24
start() { # name war home port
  local base=$W/cpu-$1; rm -rf "$base"; mkdir -p "$base"/{conf,logs,temp,webapps,work}
  cp "$CH"/conf/* "$base/conf/"; sed -i "s/port=\"8080\"/port=\"$4\"/; s/port=\"8005\"/port=\"-1\"/" "$base/conf/server.xml"
  cp "$2" "$base/webapps/ROOT.war"
  java -Xms1g -Xmx1g -cp "$CH/bin/bootstrap.jar:$CH/bin/tomcat-juli.jar" -Dcatalina.home="$CH" -Dcatalina.base="$base" \
    -Djava.io.tmpdir="$base/temp" -Dbayan.home="$3" -Dbayan.demo=$demo -Dbayan.backup.interval=0 \
    -Dbayan.admin.password=bench-admin-password org.apache.catalina.startup.Bootstrap start > "$base/logs/run.log" 2>&1 &
  echo $!
}
ticks() { # pid -> utime+stime of http-nio threads
  local sum=0
  for t in /proc/$1/task/*; do
    if grep -q '^http-nio' "$t/comm" 2>/dev/null; then
      read -r -a f < "$t/stat"; sum=$((sum + f[13] + f[14]))
    fi
  done; echo $sum
}
OLD_WAR=${CPU_OLD_WAR:-/work/bench-old/target/bayan.war}
rm -rf /tmp/cpu-home-old /tmp/cpu-home-new
if [ -n "${CPU_DEMO:-}" ]; then
  mkdir -p /tmp/cpu-home-old /tmp/cpu-home-new "$W"
  [ -d "$CH/conf" ] || { mvn -q -B dependency:copy -Dartifact=org.apache.tomcat:tomcat:11.0.24:tar.gz -DoutputDirectory="$W"; tar xzf "$W/tomcat-11.0.24.tar.gz" -C "$W"; }
else
  cp -r $W/baseline-c40c2f9-home-100000 /tmp/cpu-home-old; cp -r $W/home-100000 /tmp/cpu-home-new
fi
demo=${CPU_DEMO:+true}; demo=${demo:-false}
OLD=$(start old "$OLD_WAR" /tmp/cpu-home-old 18183)
NEW=$(start new "${CPU_NEW_WAR:-/work/main/target/bayan.war}" /tmp/cpu-home-new 18181)
for p in 18183 18181; do for _ in $(seq 1 300); do curl -sf -o /dev/null http://localhost:$p/ && break; sleep 0.5; done; done
B=http://localhost:18181
section=/media-center/coalition-news
year=$(( $(date +%Y) - 5 ))
day=$(curl -s "$B$section/$year" | grep -o "href=\"$section/$year/[0-9][0-9]/[0-9][0-9]\"" | head -1 | sed 's/href="//; s/"//' || true)
item=$(curl -s "$B$section" | grep -o "href=\"$section/item/[^\"]*\"" | head -1 | sed 's/href="//; s/"//' || true)
tag=/tag/topic-4999
if [ "$demo" = true ]; then
  day=$section/2018/05/02
  tag=$(curl -s "$B$item" | grep -o 'href="/tag/[^"]*"' | head -1 | sed 's/href="//; s/"//')
fi
PAGES=("day archive|$day" "statement|$item" "tag|$tag" "search, common word|/search?q=coalition" "section RSS feed|$section/feed.rss" "home|/")
if [ -n "${CPU_PAGES:-}" ]; then # a regex of page names, to measure only those
  kept=(); for e in "${PAGES[@]}"; do [[ "${e%%|*}" =~ $CPU_PAGES ]] && kept+=("$e"); done; PAGES=("${kept[@]}")
fi
# Every page must be the page on both (a path that came out empty would measure the home page instead).
for e in "${PAGES[@]}"; do
  for p in 18183 18181; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$p${e#*|}")
    [ -n "${e#*|}" ] && [ "$code" = 200 ] || { echo "port $p answered ${e#*|} (${e%%|*}) with $code" >&2; kill $OLD $NEW; exit 1; }
  done
done
L=$W/uncached.lua # as bench/run.sh writes it: every request a key the page cache has never seen
[ -f "$L" ] || cat > "$L" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "nocache=" .. counter .. "-" .. math.random(1, 1000000000))
end
LUA
for port in 18183 18181; do for e in "${PAGES[@]}"; do wrk -t2 -c16 -d${CPU_SITE_WARMUP_SECONDS:-20}s -s $L "http://localhost:$port${e#*|}" > /dev/null; done; done
# Cached: the page's own address every time (the first request of a round renders it, the rest are hits).
S=(-s "$L"); [ -z "${CPU_CACHED:-}" ] || S=()
hz=$(getconf CLK_TCK)
ROUNDS=${CPU_ROUNDS:-2}; WARM=${CPU_WARM_SECONDS:-20}; SECONDS_EACH=${CPU_SECONDS:-20}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The bytes of each page as wrk gets it (no gzip): a page that carries more costs more to send.
echo "| page | baseline CPU ms/request, each round | new, each round | baseline median | new median | new/baseline | bytes, baseline / new |"
echo "|---|---|---|---|---|---|---|"
for e in "${PAGES[@]}"; do
  name=${e%%|*}; path=${e#*|}
  declare -A cpu=([old]="" [new]="")
  for round in $(seq 1 "$ROUNDS"); do
    # Each round swaps which WAR goes first: the one measured second tends to cost more.
    pairs=("old $OLD 18183" "new $NEW 18181")
    if (( (round + ${CPU_NEW_FIRST:-0}) % 2 == 0 )); then pairs=("new $NEW 18181" "old $OLD 18183"); fi
    for pair in "${pairs[@]}"; do
      set -- $pair
      wrk -t2 -c16 -d${WARM}s "${S[@]}" "http://localhost:$3$path" > /dev/null
      a=$(ticks $2); w=$(wrk -t2 -c16 -d${SECONDS_EACH}s "${S[@]}" "http://localhost:$3$path"); b=$(ticks $2)
      n=$(echo "$w" | awk '/requests in/ {print $1}')
      # An error page is cheap: a figure of answers that are not the page would flatter whoever gave them.
      bad=$(echo "$w" | awk '/Non-2xx or 3xx/ {print $NF}'); [ -z "$bad" ] || { echo "$1 answered $path with $bad non-2xx answers" >&2; kill $OLD $NEW; exit 1; }
      cpu[$1]+="$(awk -v d=$((b - a)) -v n=$n -v hz=$hz 'BEGIN { printf "%.3f", d * 1000 / hz / n }') "
    done
  done
  o=$(median ${cpu[old]}); m=$(median ${cpu[new]})
  size() { curl -s -o /dev/null -w '%{size_download}' "http://localhost:$1$path"; }
  echo "| $name | ${cpu[old]% } | ${cpu[new]% } | $o | $m | $(awk -v a=$o -v b=$m 'BEGIN { printf "%.2f×", b / a }') | $(size 18183) / $(size 18181) |"
done
kill $OLD $NEW
# Gone before the next run copies the archives afresh (they are not this shell's children: wait cannot).
while kill -0 $OLD 2>/dev/null || kill -0 $NEW 2>/dev/null; do sleep 1; done
