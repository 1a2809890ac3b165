#!/usr/bin/env bash
# Starts a local PostgreSQL for the store tests and exports ENTENTE_TEST_POSTGRES (a connection string).
# Source it BEFORE building: the PostgreSQL contract tests (tests/Entente.Storage.Tests) are compiled only when the
# variable is set at build time.   Usage in .ci/run:   source tools/ci-postgres.sh || true
# Installs Debian's postgresql when missing (root). Leaves ENTENTE_TEST_POSTGRES unset when anything fails.
ci_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || return 1
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || return 1
  fi
  local version
  version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >/dev/null 2>&1 || return 1
  fi
  pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_lsclusters -h | grep -q "^$version *main .* online" || return 1
  for _ in $(seq 1 30); do
    su postgres -c "psql -qAtc 'SELECT 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1 || return 1
  su postgres -c "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'entente_test'\"" 2>/dev/null | grep -q 1 \
    || su postgres -c "psql -qc 'CREATE DATABASE entente_test'" >/dev/null 2>&1 || return 1
  export ENTENTE_TEST_POSTGRES="Host=localhost;Port=5432;Username=postgres;Password=postgres;Database=entente_test"
  echo "ci: PostgreSQL $version started; ENTENTE_TEST_POSTGRES set"
}
ci_postgres || echo "ci: no PostgreSQL (the PostgreSQL store tests are not built)"
