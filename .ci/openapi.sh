#!/usr/bin/env bash
# The reference host's API contract (issue #18), for CI and developers alike:
#   1. lint the checked-in document samples/Aria.Billing.ReferenceHost/openapi/v1.json with Redocly CLI's recommended rules:
#      any error or warning fails (accepted exceptions, each with its reason, are in .redocly.lint-ignore.yaml);
#   2. regenerate the Kiota client of tests/Aria.Billing.ReferenceHost.Kiota.Tests/Generated from it.
# With --check (CI) it also fails when the regenerated client differs from the committed one.
# The document itself is written by the host's tests: after an API change on purpose run
#   ARIA_BILLING_ACCEPT_API=1 dotnet test tests/Aria.Billing.ReferenceHost.Tests --filter FullyQualifiedName~OpenApiContract
# then this script, and commit both.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true

doc=samples/Aria.Billing.ReferenceHost/openapi/v1.json
out=tests/Aria.Billing.ReferenceHost.Kiota.Tests/Generated
redocly="@redocly/cli@2.77.0"

lint="$(mktemp)"
trap 'rm -f "$lint"' EXIT
set +e
npx --yes "$redocly" lint --extends recommended --format stylish "$doc" >"$lint" 2>&1
code=$?
set -e
grep -vE '[║╔╚]' "$lint" | sed '/^[[:space:]]*$/d' | grep -vE '^(Woohoo|run `redocly)' || true
ignored=$(grep -oE '[0-9]+ problems? (is|are) explicitly ignored' "$lint" | grep -oE '^[0-9]+' || echo 0)
if [ "$code" -ne 0 ] || grep -qE 'You have [0-9]+ warnings?' "$lint"; then
  echo "openapi lint ($redocly, recommended): FAILED — errors or warnings above" >&2
  exit 1
fi
echo "openapi lint ($redocly, recommended): 0 errors, 0 warnings, $ignored ignored with reasons (.redocly.lint-ignore.yaml)"

dotnet tool restore >/dev/null
dotnet kiota generate -l CSharp -d "$doc" -c AriaBillingHostClient -n Aria.Billing.ReferenceHost.Kiota.Tests.Generated \
  -o "$out" --clean-output --exclude-backward-compatible --log-level Error
echo "kiota: client regenerated in $out"

if [ "${1:-}" = "--check" ]; then
  if ! git diff --quiet -- "$out" || [ -n "$(git status --porcelain -- "$out")" ]; then
    git status --short -- "$out" | head -n 20 >&2
    echo "kiota: the committed client is stale: run .ci/openapi.sh and commit $out" >&2
    exit 1
  fi
  echo "kiota: the committed client matches the document"
fi
