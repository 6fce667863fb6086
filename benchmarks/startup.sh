#!/usr/bin/env bash
# Startup cost of the agent, as whole JVM processes, side by side in one run (issue 3 item 8, issue 13):
#   no agent | batchtrack enabled=false | batchtrack cold cache | batchtrack warm cache | batchtrack cache off
#   | OpenTelemetry agent
# on one program that loads ~3,400 library classes (Flyway, Jdbi, HikariCP, the PostgreSQL driver, their
# dependencies, Jackson) and then calls one annotated method (@TrackedBatch, store=log; @WithSpan for OTel).
#
#   benchmarks/startup.sh                 # builds the agent, fetches what it needs, prints a table
#   RUNS=30 WARMUP=5 JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/startup.sh
#   RUNS=20 WARMUP=2 STORE=0 SKIP_BUILD=1 benchmarks/startup.sh      # the agent already built; no store part
#
# Needs: a JDK (JAVA, default: java on PATH), Maven, python3.
# Writes into benchmarks/target/startup (results: startup.json with every sample, summary.md, machine.md).
# Not part of mvn verify: wall-clock figures belong here, not in tests.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-$(dirname "$(command -v "$JAVA")")/javac}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
OTEL_VERSION=${OTEL_VERSION:-2.31.1}
WORK=${WORK:-$ROOT/benchmarks/target/startup}
MVN=(mvn -B -q)

command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 1; }

mkdir -p "$WORK"
cd "$ROOT"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "== building tracker-api and tracker-agent (mvn package -DskipTests)"
  "${MVN[@]}" package -DskipTests -pl tracker-api,tracker-agent -am
fi
AGENT=$(ls "$ROOT"/tracker-agent/target/tracker-agent-*.jar | grep -v original | head -1)
API=$(ls "$ROOT"/tracker-api/target/tracker-api-*.jar | grep -v -e sources -e javadoc -e tests | head -1)

echo "== fetching the libraries and the OpenTelemetry agent $OTEL_VERSION"
rm -rf "$WORK/libs"
"${MVN[@]}" -f benchmarks/startup/pom.xml dependency:copy-dependencies -DoutputDirectory="$WORK/libs" \
  -Dotel.version="$OTEL_VERSION"
OTEL_AGENT="$WORK/otel/opentelemetry-javaagent-$OTEL_VERSION.jar"
if [[ ! -f "$OTEL_AGENT" ]]; then
  "${MVN[@]}" -f benchmarks/startup/pom.xml dependency:copy \
    -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION" -DoutputDirectory="$WORK/otel"
fi

# the workload's libraries: everything fetched but OpenTelemetry's own jars
LIBS=()
for jar in "$WORK"/libs/*.jar; do
  case $(basename "$jar") in opentelemetry-*) ;; *) LIBS+=("$jar") ;; esac
done
OTEL_LIBS=("$WORK"/libs/opentelemetry-*.jar)
LIB_CP=$(IFS=:; echo "${LIBS[*]}")
OTEL_CP=$(IFS=:; echo "${OTEL_LIBS[*]}")

echo "== listing their classes"
: > "$WORK/classes.txt"
for jar in "${LIBS[@]}"; do
  "$(dirname "$JAVAC")/jar" tf "$jar" | grep '\.class$' | grep -v -e 'module-info' -e '^META-INF/' \
    | sed -e 's/\.class$//' -e 's#/#.#g' >> "$WORK/classes.txt"
done
echo "   $(wc -l < "$WORK/classes.txt") classes in ${#LIBS[@]} jars"

echo "== compiling the workload (the same program, @TrackedBatch and @WithSpan)"
rm -rf "$WORK/tracked" "$WORK/otel-app"
"$JAVAC" --release 17 -nowarn -d "$WORK/tracked" -cp "$API" benchmarks/startup/src/tracked/bench/Startup.java
"$JAVAC" --release 17 -nowarn -d "$WORK/otel-app" -cp "$OTEL_CP" benchmarks/startup/src/otel/bench/Startup.java

CP_TRACKED="$WORK/tracked:$API:$LIB_CP"
CP_OTEL="$WORK/otel-app:$OTEL_CP:$LIB_CP"
COLD="$WORK/cache-cold"
WARM="$WORK/cache-warm"
OTEL_ONLY_ANNOTATIONS="-Dotel.instrumentation.common.default-enabled=false \
-Dotel.instrumentation.opentelemetry-instrumentation-annotations.enabled=true"
OTEL_EXPORTERS_OFF="-Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none"

NO_AGENT="$JAVA -cp $CP_TRACKED bench.Startup $WORK/classes.txt"
BT_COLD="$JAVA -javaagent:$AGENT=store=log,cache.dir=$COLD -cp $CP_TRACKED bench.Startup $WORK/classes.txt"
BT_WARM="$JAVA -javaagent:$AGENT=store=log,cache.dir=$WARM -cp $CP_TRACKED bench.Startup $WORK/classes.txt"
BT_OFF="$JAVA -javaagent:$AGENT=store=log,cache.enabled=false -cp $CP_TRACKED bench.Startup $WORK/classes.txt"
BT_DISABLED="$JAVA -javaagent:$AGENT=store=log,enabled=false -cp $CP_TRACKED bench.Startup $WORK/classes.txt"
OTEL="$JAVA -javaagent:$OTEL_AGENT $OTEL_ONLY_ANNOTATIONS $OTEL_EXPORTERS_OFF -cp $CP_OTEL bench.Startup $WORK/classes.txt"

echo "== checking that each variant does what it should (and filling the warm cache)"
rm -rf "$COLD" "$WARM"
# shellcheck disable=SC2086
$NO_AGENT > "$WORK/check-none.out"
# shellcheck disable=SC2086
$BT_WARM > "$WORK/check-batchtrack.out" 2> "$WORK/check-batchtrack.err"
grep -q '"batch_type":"startup_benchmark","batch_mode":null,"season_year":2025,"week":9' "$WORK/check-batchtrack.err" \
  || { echo "batchtrack recorded no run:"; cat "$WORK/check-batchtrack.err"; exit 1; }
# shellcheck disable=SC2086
$BT_DISABLED > "$WORK/check-disabled.out" 2> "$WORK/check-disabled.err"
grep -q 'batchtrack agent is off' "$WORK/check-disabled.err" && ! grep -q '"batchtrack_run"' "$WORK/check-disabled.err" \
  || { echo "batchtrack with enabled=false did not say it is off, or recorded a run:"; cat "$WORK/check-disabled.err"; exit 1; }
ls "$WARM"/*.woven > /dev/null || { echo "the warm cache is empty" >&2; exit 1; }
# the OpenTelemetry variant, once with the logging exporter, to see that @WithSpan really makes a span
# shellcheck disable=SC2086
$JAVA -javaagent:"$OTEL_AGENT" $OTEL_ONLY_ANNOTATIONS -Dotel.traces.exporter=logging -Dotel.metrics.exporter=none \
  -Dotel.logs.exporter=none -cp "$CP_OTEL" bench.Startup "$WORK/classes.txt" > "$WORK/check-otel.out" 2> "$WORK/check-otel.err"
grep -q "'startup_benchmark'" "$WORK/check-otel.err" \
  || { echo "the OpenTelemetry agent made no span:"; cat "$WORK/check-otel.err"; exit 1; }
cat "$WORK/check-none.out"
for f in check-batchtrack.out check-disabled.out check-otel.out; do
  diff <(grep '^classes=' "$WORK/check-none.out") <(grep '^classes=' "$WORK/$f") \
    || { echo "$f prints another result than the program without an agent" >&2; exit 1; }
done

echo "== machine"
{
  echo "- nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "- java: $("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- rounds: $RUNS after $WARMUP warm-up rounds, variants interleaved in random order (interleave.py)"
} | tee "$WORK/machine.md"

echo "== timing: $RUNS rounds after $WARMUP warm-up rounds, the variants interleaved"
COLD_CACHE="$COLD" python3 benchmarks/startup/interleave.py "$RUNS" "$WARMUP" "$WORK/startup.json" \
  "no agent=$NO_AGENT" \
  "batchtrack, disabled=$BT_DISABLED" \
  "batchtrack, cold cache!=$BT_COLD" \
  "batchtrack, warm cache=$BT_WARM" \
  "batchtrack, cache off=$BT_OFF" \
  "OpenTelemetry agent=$OTEL"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK/machine.md"
cat "$WORK/machine.md" > "$WORK/summary.md"
echo >> "$WORK/summary.md"

python3 - "$WORK/startup.json" <<'EOF' | tee -a "$WORK/summary.md"
import json, sys
results = {r["name"]: r for r in json.load(open(sys.argv[1]))["results"]}
base, otel = results["no agent"], results["OpenTelemetry agent"]
def ms(s):
    return f"{s * 1000:.0f}"
print("(batchtrack, disabled: the agent attached with enabled=false)")
print()
print("| variant | wall min ms | wall median ms | wall mean ms ± sd | CPU median ms | median / no agent | CPU / no agent"
      " | median / OTel |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, r in results.items():
    w = r["wall"]
    print(f"| {name} | {ms(w['min'])} | {ms(w['median'])} | {ms(w['mean'])} ± {ms(w['stdev'])} | {ms(r['cpu']['median'])} "
          f"| {w['median'] / base['wall']['median']:.3f} | {r['cpu']['median'] / base['cpu']['median']:.3f} "
          f"| {w['median'] / otel['wall']['median']:.2f} |")
print()
targets = {"batchtrack, warm cache": 1.10, "batchtrack, disabled": 1.02}
for name in ("batchtrack, warm cache", "batchtrack, disabled", "batchtrack, cold cache"):
    w = results[name]["wall"]
    ratio = w["median"] / base["wall"]["median"]
    cpu = results[name]["cpu"]["median"] / base["cpu"]["median"]
    verdict = ""
    if name in targets:
        verdict = f": target <= {targets[name]:.2f}x {'met' if ratio <= targets[name] else 'NOT met'} (wall median)"
    print(f"- {name}: {ratio:.3f}x the median wall time without an agent ({w['min'] / base['wall']['min']:.3f}x"
          f" on the minimum, {cpu:.3f}x the median CPU time){verdict}")
EOF

# ---------------------------------------------------------------------------------------------------------
# The jdbc store's own start (pool, first connection, schema check), measured apart: the agent jar does not
# bundle the store yet, so the variants above use store=log. STORE=0 skips this part.
if [[ "${STORE:-1}" == 1 ]]; then
  echo "== the jdbc store's start (tracker-jdbi against embedded PostgreSQL)"
  if [[ "${SKIP_BUILD:-}" != 1 ]]; then
    "${MVN[@]}" package -DskipTests -pl tracker-jdbi -am
  fi
  JDBI=$(ls "$ROOT"/tracker-jdbi/target/tracker-jdbi-*.jar | grep -v -e sources -e javadoc -e original | head -1)
  rm -rf "$WORK/pg-libs" "$WORK/store-app"
  "${MVN[@]}" -f benchmarks/startup/pom.xml -P postgres dependency:copy-dependencies -DoutputDirectory="$WORK/pg-libs"
  PG_CP=$(ls "$WORK"/pg-libs/*.jar | tr '\n' ':')
  "$JAVAC" --release 17 -nowarn -d "$WORK/store-app" -cp "$API:$PG_CP" benchmarks/startup/src/store/bench/*.java
  STORE_CP="$WORK/store-app:$API:$JDBI:$LIB_CP"
  STORE_RUNS=${STORE_RUNS:-10}
  coproc PG { exec "$JAVA" -cp "$WORK/store-app:$PG_CP" bench.Postgres "$WORK/pg-data" 2> "$WORK/pg.err"; }
  read -r -t 120 PG_URL <&"${PG[0]}" || { echo "embedded PostgreSQL did not start:"; cat "$WORK/pg.err"; exit 1; }
  echo "   $PG_URL"
  : > "$WORK/store.txt"
  store_run() { # $1: label, $2: schema
    env BATCHTRACK_JDBC_URL="$PG_URL" BATCHTRACK_JDBC_USER=postgres BATCHTRACK_STORE=jdbc BATCHTRACK_SCHEMA="$2" \
      BATCHTRACK_ON_STORE_FAILURE=fail "$JAVA" -Xlog:class+load:file="$WORK/store-classes.log" -cp "$STORE_CP" \
      bench.StoreStart > "$WORK/store-run.out" 2> "$WORK/store-run.err" \
      || { echo "the store run failed:"; cat "$WORK/store-run.err"; exit 1; }
    echo "$1 $(cat "$WORK/store-run.out") flyway_classes=$(grep -c 'org\.flywaydb' "$WORK/store-classes.log")" \
      | tee -a "$WORK/store.txt"
  }
  for i in $(seq 1 "$STORE_RUNS"); do
    store_run new_schema "bench_new_$i"     # the first use migrates (Flyway)
    store_run current_schema bench_new_1   # up to date: a check only
  done
  exec {PG[1]}>&-
  wait "$PG_PID" 2>/dev/null || true
  python3 - "$WORK/store.txt" <<'EOF' | tee "$WORK/store-summary.md"
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, *fields = line.split()
    rows[label].append({k: float(v) for k, v in (f.split("=") for f in fields)})
print("| schema | runs | store start ms, median (min) | first run ms, median | next run ms, median | Flyway classes loaded |")
print("|---|---:|---:|---:|---:|---:|")
for label, rs in rows.items():
    start = [r["engine_ms"] + r["first_run_ms"] - r["second_run_ms"] for r in rs]
    print(f"| {label.replace('_', ' ')} | {len(rs)} | {statistics.median(start):.0f} ({min(start):.0f}) "
          f"| {statistics.median(r['first_run_ms'] for r in rs):.0f} | {statistics.median(r['second_run_ms'] for r in rs):.1f} "
          f"| {statistics.median(r['flyway_classes'] for r in rs):.0f} |")
EOF
fi
