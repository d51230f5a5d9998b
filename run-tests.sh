#!/usr/bin/env bash
# Runs the whole test suite: ./run-tests.sh  (extra arguments go to Maven, e.g. -pl platform)
#
# The tests talk to real parts: the MongoDB wire protocol (an embedded server, nothing to install), a real
# RabbitMQ on 127.0.0.1:5672 and a real Redis on 127.0.0.1:6379 (the gateway's shared rate-limit store). If
# either is not answering, this script starts the installed server, or installs it from Debian's packages first
# (needs root and apt-get), bound to loopback only. The load generator wrk and the headless browser of the console's
# end-to-end tests (Debian's chromium and chromium-driver, and a Chinese font) are installed the same way if missing.
set -euo pipefail
cd "$(dirname "$0")"

amqp_up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-tests: installing $* from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "run-tests: $* is needed and cannot be installed here (need root + apt-get)." >&2
    exit 1
  fi
}

ensure_redis() {
  if redis_up; then
    echo "run-tests: using the Redis already listening on 127.0.0.1:6379"
    return
  fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  echo "run-tests: starting redis-server on loopback (no persistence)"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do
    redis_up && return
    sleep 1
  done
  echo "run-tests: Redis did not start within 30 s" >&2
  exit 1
}

ensure_rabbitmq() {
  if amqp_up; then
    echo "run-tests: using the RabbitMQ already listening on 127.0.0.1:5672"
    return
  fi
  command -v rabbitmq-server >/dev/null 2>&1 || apt_install rabbitmq-server
  echo "run-tests: starting rabbitmq-server on loopback"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  # the Debian package's init may have started it already, on all interfaces: restart it bound to loopback
  rabbitmqctl stop >/dev/null 2>&1 || true
  rabbitmq-server -detached
  for _ in $(seq 1 60); do
    if rabbitmqctl await_startup >/dev/null 2>&1 && amqp_up; then
      echo "run-tests: RabbitMQ is up"
      return
    fi
    sleep 1
  done
  echo "run-tests: RabbitMQ did not start within 60 s" >&2
  exit 1
}

# the benchmark's smoke test (launcher, issue 10) drives the suite with wrk
ensure_wrk() {
  command -v wrk >/dev/null 2>&1 || apt_install wrk
}

# the console's browser tests (launcher, console package) drive Debian's chromium through its chromedriver, by these
# paths; Selenium never downloads a browser or driver. A Chinese font, so the screenshots they write into
# docs/screenshots show the demo's Chinese names and the 中文 screens instead of empty boxes.
ensure_browser() {
  # unlike the broker, the browser is optional outside CI: where it cannot be installed (no root or no apt-get) the
  # browser tests skip themselves with a message; with CI set they fail, so CI must be able to install it
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
      echo "run-tests: no chromium/chromedriver and no way to install them: the console's browser tests will be skipped"
    fi
    return
  fi
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    apt_install fonts-wqy-microhei
  fi
}

ensure_rabbitmq
ensure_redis
ensure_wrk
ensure_browser
exec ./mvnw -B verify "$@"
