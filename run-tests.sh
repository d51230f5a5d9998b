#!/usr/bin/env bash
# Runs the whole test suite: ./run-tests.sh  (extra arguments go to Maven, e.g. -pl platform)
#
# The tests talk to real parts: the MongoDB wire protocol (an embedded server, nothing to install), a real
# RabbitMQ on 127.0.0.1:5672 and a real Redis on 127.0.0.1:6379 (the gateway's shared rate-limit store). If
# either is not answering, this script starts the installed server, or installs it from Debian's packages first
# (needs root and apt-get), bound to loopback only. The load generator wrk is installed the same way if missing.
set -euo pipefail
cd "$(dirname "$0")"

amqp_up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-tests: installing $1 from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "run-tests: $1 is needed on loopback and cannot be installed here (need root + apt-get)." >&2
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

ensure_rabbitmq
ensure_redis
ensure_wrk
exec ./mvnw -B verify "$@"
