#!/usr/bin/env bash
# Starts a Redis server on loopback port 6390 for the cluster tests and exports ENTENTE_TEST_REDIS (host:port).
# Source it BEFORE building: the cluster tests (tests/Entente.Cluster.Tests) are compiled only when both
# ENTENTE_TEST_POSTGRES and ENTENTE_TEST_REDIS are set at build time.   Usage in .ci/run:   source tools/ci-redis.sh || true
# Installs Debian's redis-server when missing (root). Leaves ENTENTE_TEST_REDIS unset when anything fails.
ci_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || return 1
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null 2>&1 || return 1
  fi
  if ! redis-cli -p 6390 ping 2>/dev/null | grep -q PONG; then
    redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null 2>&1 || return 1
  fi
  for _ in $(seq 1 20); do
    redis-cli -p 6390 ping 2>/dev/null | grep -q PONG && break
    sleep 0.5
  done
  redis-cli -p 6390 ping 2>/dev/null | grep -q PONG || return 1
  export ENTENTE_TEST_REDIS="127.0.0.1:6390"
  echo "ci: Redis started on 127.0.0.1:6390; ENTENTE_TEST_REDIS set"
}
ci_redis || echo "ci: no Redis (the cluster tests are not built)"
