#!/usr/bin/env bash
# Starts the AppHost (no Docker: local redis-server), sends a few requests through the gateway, and saves
# screenshots of the Aspire dashboard's resources page and of one request's trace into docs/.
# Needs: apt-get install -y chromium redis-server; npm install (in this folder).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/docs"
log="$(mktemp)"

[ -d "$here/node_modules/puppeteer-core" ] || (cd "$here" && npm install --no-audit --no-fund --silent)

export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
# Lets the script read the dashboard's telemetry API and pages without the login token (local use only).
export ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true
dotnet run --project "$root/AppHost" -- --Cache:Mode=executable >"$log" 2>&1 &
apphost=$!
trap 'kill $apphost 2>/dev/null || true; wait $apphost 2>/dev/null || true' EXIT

dashboard=""
for _ in $(seq 1 120); do
  dashboard="$(grep -o 'Now listening on: http://localhost:[0-9]*' "$log" | head -1 | sed 's/Now listening on: //' || true)"
  [ -n "$dashboard" ] && curl -fs "http://localhost:5401/health" >/dev/null 2>&1 && break
  sleep 2
done
[ -n "$dashboard" ] || { echo "AppHost did not come up; see $log"; exit 1; }
echo "dashboard: $dashboard"

for prompt in "Once upon a time there was a little cat" "Summarise: the meeting moved to Tuesday." "Once upon a time there was a little cat"; do
  curl -fs http://localhost:5401/v1/chat/completions -H 'content-type: application/json' \
    -d "{\"model\":\"auto\",\"max_tokens\":32,\"messages\":[{\"role\":\"user\",\"content\":\"$prompt\"}]}" >/dev/null
done
sleep 8  # let the OTLP exporters flush (5 s batch interval)

# The request trace that spans the most services (gateway -> classifier -> local-inference), not a warm-up.
trace_id="$(curl -fs "$dashboard/api/telemetry/traces?limit=200" | python3 -c '
import json,sys,collections
d=json.load(sys.stdin)
services=collections.defaultdict(set)
for rs in d["data"]["resourceSpans"]:
    name=[a["value"].get("stringValue") for a in rs.get("resource",{}).get("attributes",[]) if a["key"]=="service.name"]
    for ss in rs["scopeSpans"]:
        for sp in ss["spans"]:
            services[sp["traceId"]].add(name[0] if name else "?")
print(max(services, key=lambda t: len(services[t])))')"
echo "trace: $trace_id"
node "$here/capture.mjs" "$dashboard" "$trace_id" "$out"
