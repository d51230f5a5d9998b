#!/usr/bin/env bash
# The suite benchmark: ./run-benchmark.sh [--smoke] [--duration SECONDS] [--docs docs/benchmarks.md]
#
# Starts the whole suite with the launcher (random ports, a fresh data folder under /tmp), logs in as demo staff and
# measures with wrk (Debian's package 'wrk'): gateway overhead, complaint intake, a domain mix at rising
# concurrency, one vs two customer-service instances, cold start and memory. Prints a markdown table; with --docs
# it also writes it into that file between the suite-benchmark markers. See docs/benchmarks.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-benchmark: installing wrk from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "run-benchmark: needs wrk (apt-get install wrk)" >&2
    exit 1
  fi
fi

"$ROOT/run-suite.sh" --build-only
CLASSPATH_FILE="$ROOT/launcher/target/launcher.classpath"
if [ ! -f "$CLASSPATH_FILE" ]; then
  (cd "$ROOT" && ./mvnw -B -pl launcher -DskipTests package)
fi
cd "$ROOT"
exec java -XX:+UseSerialGC -Xmx256m -cp "$ROOT/launcher/target/classes:$(cat "$CLASSPATH_FILE")" \
  org.crmsuite.launcher.bench.SuiteBenchmark "$@"
