# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh && pg_start`): a throw-away PostgreSQL 15 cluster on a
# loopback port, owned by the postgres user (initdb refuses root), exported to the tests as ARIA_BILLING_TEST_POSTGRES.
pg_bin=/usr/lib/postgresql/15/bin

pg_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  if [ ! -x "$pg_bin/initdb" ]; then
    echo "postgres: $pg_bin not found; the PostgreSQL tests will report themselves skipped" >&2
    return 0
  fi
  pg_dir="$(mktemp -d /tmp/aria-billing-pg.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  pg_port=$(( 20000 + RANDOM % 20000 ))
  while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$(( pg_port + 1 )); done
  pg_as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log"
  pg_as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  export ARIA_BILLING_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=20"
  echo "postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port ($pg_dir)"
}

pg_stop() {
  if [ -n "${pg_dir:-}" ] && [ -d "$pg_dir/data" ]; then
    pg_as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
