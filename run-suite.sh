#!/usr/bin/env bash
# Runs the whole suite locally: ./run-suite.sh [--random-ports]   (docs/operations.md)
# (./run-suite.sh --build-only only brings the runnable jars up to date)
#
# Needs only a JDK 17+. Builds the runnable jars first when one is missing or older than its sources (Maven comes
# through the wrapper), then hands over to the launcher: embedded MongoDB (data in ./data of the current folder)
# and AMQP broker, discovery, the services and the gateway. Ctrl-C stops everything it started.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
LAUNCHER_JAR="$ROOT/launcher/target/launcher-0.1.0-SNAPSHOT-exec.jar"

if ! command -v java >/dev/null 2>&1; then
  echo "run-suite: no 'java' on the PATH; install a JDK 17 or newer" >&2
  exit 1
fi
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${java_major%%.*}" -lt 17 ] 2>/dev/null; then
  echo "run-suite: Java $java_major found; the suite needs Java 17 or newer" >&2
  exit 1
fi

# The reactor's modules (root pom.xml). A module with the Spring Boot plugin has a runnable jar; the others
# (platform, ...) are libraries, and a change in one makes stale every runnable jar that depends on it
# (test-scoped dependencies do not count).
modules() { sed -n 's:^ *<module>\(.*\)</module>.*:\1:p' "$ROOT/pom.xml"; }
is_runnable() { grep -q 'spring-boot-maven-plugin' "$ROOT/$1/pom.xml" 2>/dev/null; }
depends_on() { # $1 module, $2 library
  tr -d '\r\n' < "$ROOT/$1/pom.xml" | sed 's:</dependency>:</dependency>\n:g' \
    | grep "<artifactId>$2</artifactId>" | grep -qv '<scope>test</scope>'
}

# Prints why the jars must be built; nothing when every runnable jar is newer than what it is built from.
stale_reason() {
  local module library jar sources
  for module in $(modules); do
    is_runnable "$module" || continue
    jar="$(ls -t "$ROOT/$module/target/$module"-*-exec.jar 2>/dev/null | head -n 1 || true)"
    if [ -z "$jar" ]; then
      echo "$module has no runnable jar yet"
      return
    fi
    sources=("$ROOT/pom.xml" "$ROOT/$module/pom.xml" "$ROOT/$module/src/main")
    for library in $(modules); do
      if [ -d "$ROOT/$library/src/main" ] && ! is_runnable "$library" && depends_on "$module" "$library"; then
        sources+=("$ROOT/$library/pom.xml" "$ROOT/$library/src/main")
      fi
    done
    if [ -n "$(find "${sources[@]}" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      echo "$module's jar is older than its sources"
      return
    fi
  done
}

reason="$(stale_reason)"
if [ -n "$reason" ]; then
  echo "run-suite: building the jars ($reason): ./mvnw -B -DskipTests package"
  (cd "$ROOT" && ./mvnw -B -DskipTests package)
fi

if [ "${1:-}" = "--build-only" ]; then
  exit 0 # run-benchmark.sh: the jars are fresh now
fi

# The launcher hosts the embedded MongoDB and broker that every service uses: a modest heap, and the optimising JIT
# (unlike the modules' C1-only flags) because the suite benchmark found the embedded MongoDB to be the busiest JVM
# under load (docs/benchmarks.md). CRM_LAUNCHER_JVM_OPTS overrides.
# shellcheck disable=SC2086
exec java ${CRM_LAUNCHER_JVM_OPTS:--XX:+UseSerialGC -Xmx384m -Xss512k} \
  -jar "$LAUNCHER_JAR" "$@"
