#!/usr/bin/env bash
# Builds the benchmarks (and the agent jar) and runs one of them; results land in benchmarks/target/results/.
#
#   benchmarks/run-jmh.sh hotpath        # item 1: increment vs Micrometer and OpenTelemetry, 1 and 2 threads
#   benchmarks/run-jmh.sh woven          # item 2: agent, ajc, programmatic, plain; store=none
#   benchmarks/run-jmh.sh bookkeeping    # item 3: a run against PostgreSQL vs the floor vs Spring Batch, durable on/off,
#                                        #         then statements, transactions and round trips per run
#   benchmarks/run-jmh.sh listeners      # issue 16: what each run listener (Micrometer, OpenTelemetry) adds to a run
#   benchmarks/run-jmh.sh scale [1000000 10000000]   # item 5: queries and purge on large tables
#   benchmarks/run-jmh.sh agent-run [ROUNDS PER_ROUND]  # a no-op run through the agent (store=jdbc) vs the floor,
#                                        #         interleaved in one forked JVM, durable and synchronous_commit off
#
# Extra arguments go to JMH (e.g. -f 1 -wi 2 -i 3) or, for scale, are the row counts.
# SKIP_BUILD=1 reuses the last build; JAVA_HOME picks the JDK (default: java on the PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
what="${1:?usage: run-jmh.sh hotpath|woven|listeners|bookkeeping|agent-run|scale [args]}"
shift
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # package, not install: the benchmarks are not published; the agent jar is needed by 'woven'
  (cd "$root" && mvn -B -q -pl benchmarks,tracker-agent -am package -DskipTests)
fi
cd "$here"
mkdir -p target/agent target/results
cp "$root"/tracker-agent/target/tracker-agent-*.jar target/agent/tracker-agent.jar
cp="target/classes:$(cat target/classpath.txt)"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="target/results/$what-$stamp"

machine() {
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC')  $(nproc) cpus  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
       " $(free -g | awk '/Mem:/ {print $2 " GiB"}')  $("$java" -version 2>&1 | head -1)"
  echo "# load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

jmh() {  # jmh BASELINE_METHOD PATTERN [JMH args]
  local baseline="$1"
  shift
  machine | tee "$out.txt"
  "$java" -cp "$cp" org.openjdk.jmh.Main "$@" -rf json -rff "$out.json" 2>&1 | tee -a "$out.txt"
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out.txt"
  python3 "$here/jmh-table.py" "$out.json" "$baseline" | tee "$out.md"
}

case "$what" in
  hotpath)     jmh micrometer 'io\.batchtrack\.benchmarks\.HotPath\.' "$@" ;;
  listeners)   jmh withoutListener 'io\.batchtrack\.benchmarks\.ListenerRunCost\.' "$@" ;;
  woven)       jmh plain 'io\.batchtrack\.benchmarks\.WovenCall\.' "$@" ;;
  bookkeeping)
    jmh floor 'io\.batchtrack\.benchmarks\.RunBookkeeping\.' "$@"
    "$java" -cp "$cp" io.batchtrack.benchmarks.RunCosts 2>&1 | tee "$out-costs.txt" ;;
  agent-run)
    machine | tee "$out.txt"
    "$java" -cp "$cp" io.batchtrack.benchmarks.AgentRunCost "$@" 2>&1 | tee -a "$out.txt"
    echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out.txt" ;;
  scale)
    machine | tee "$out.txt"
    "$java" -Xmx2g -cp "$cp" io.batchtrack.benchmarks.TableScale "$@" 2>&1 | tee -a "$out.txt" ;;
  *) echo "unknown benchmark '$what'" >&2; exit 2 ;;
esac
echo "results: benchmarks/$out*"
