#!/usr/bin/env bash
# The reference host under load (issue 19 item 4; it used to run inside every `dotnet test`): 50 concurrent clients for
# ARIA_BILLING_LOAD_SECONDS (default 30) seconds against the host on Kestrel, on SQLite, and on PostgreSQL when
# ARIA_BILLING_TEST_POSTGRES names a server (`source .ci/postgres.sh && pg_start`). Each client loops: ingest a message
# (every 7th repeats an event id; some go as a two-message batch), search the log, read the summary. The run fails on any
# 5xx or on a message lost or stored twice; its requests/s and latencies are printed (copy them to
# benchmarks/results/host-load.md with the date and the machine).
#   benchmarks/load/host-load.sh            # 30 s per store
#   ARIA_BILLING_LOAD_SECONDS=10 benchmarks/load/host-load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export ARIA_BILLING_LOAD_SECONDS="${ARIA_BILLING_LOAD_SECONDS:-30}"
dotnet test benchmarks/load/Aria.Billing.HostLoad -c Release --logger "console;verbosity=detailed" \
  | grep -E "load on|Passed!|Failed!|Error Message|Assert" || true
