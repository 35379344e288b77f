#!/usr/bin/env bash
# The chaos test (issue #15 item 10): the reference host as a real process, SIGKILL during ingest, a bulk reprocess and a
# job run, SIGTERM during a job, restart, then a check of the database (.ci/chaos: nothing lost, nothing handled twice
# beyond a dead worker's batch, nothing PENDING or Running, jobs in order). SQLite always; PostgreSQL when
# ARIA_BILLING_TEST_POSTGRES is set (.ci/run starts a server). Prints its figures; non-zero on any violation.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build samples/Aria.Billing.ReferenceHost -v q -nologo >/dev/null
dotnet build .ci/chaos -v q -nologo >/dev/null
host_dll="$PWD/artifacts/bin/Aria.Billing.ReferenceHost/debug/Aria.Billing.ReferenceHost.dll"
chaos_dll="$PWD/artifacts/bin/Aria.Billing.Chaos/debug/Aria.Billing.Chaos.dll"
status=0
timeout 240 dotnet "$chaos_dll" "$host_dll" sqlite || status=1
if [ -n "${ARIA_BILLING_TEST_POSTGRES:-}" ]; then
  timeout 240 dotnet "$chaos_dll" "$host_dll" postgres "$ARIA_BILLING_TEST_POSTGRES" || status=1
else
  echo "chaos[postgres]: skipped (ARIA_BILLING_TEST_POSTGRES not set)"
fi
exit "$status"
