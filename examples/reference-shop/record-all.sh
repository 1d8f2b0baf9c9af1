#!/usr/bin/env bash
# Records the reference-shop dataset (issue 4, part 5) into ml-models/data/reference-shop/:
#   baseline.otlp.jsonl.gz                 steady Poisson load at RATE (default 30 requests/s)
#   load2x.otlp.jsonl.gz                   the same system at 2 x RATE
#   incident-<kind>.otlp.jsonl.gz          one per fault kind, fault from +20 s to +45 s
#   incidents.json                         the fault labels (kind, target, onset, end in epoch ms)
#   <name>.loadgen.json, summary.txt       what the load generator saw; per-endpoint figures
#   overlay.yaml, costs.yaml, provenance.json   what ran, and where/when
# All windows run on one shop session (one JVM warm-up) in the order below, each with its own
# arrival seed. A recording measures CPU contention, so nothing else may run meanwhile: hold the
# build lock, from the repository root:
#   flock /tmp/rehearsal-mvn.lock examples/reference-shop/record-all.sh
# Takes about 14 minutes; the dataset is about 10 MB.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/ml-models/data/reference-shop}
RATE=${RATE:-30}
SEED=${SEED:-1}

(cd "$ROOT" && ./mvnw -q -B -pl examples/reference-shop -am package -DskipTests)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/reference-shop-record.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/plan.txt" <<PLAN
# name                    rate          duration warmup kind            target          magnitude onset end
baseline                  $RATE         150      60
load2x                    $((2 * RATE)) 120      10
incident-latency          $RATE         70       8      latency         catalog         50        20    45
incident-error            $RATE         70       8      error           cart            0.3       20    45
incident-fewer-workers    $RATE         70       8      fewer-workers   frontend        1         20    45
incident-slow-dependency  $RATE         70       8      slow-dependency payment-gateway 400       20    45
incident-kill-replica     $RATE         70       8      kill-replica    catalog-2       0         20    45
PLAN

STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
"$HERE/run.sh" --no-build --plan "$WORK/plan.txt" --out "$WORK/out" --seed "$SEED"

mkdir -p "$DATA"
rm -f "$DATA"/*.otlp.jsonl.gz "$DATA"/*.loadgen.json
mv "$WORK"/out/*.otlp.jsonl.gz "$WORK"/out/*.loadgen.json "$DATA/"
{
  echo "["
  first=1
  for label in "$WORK"/out/incident-*.label.json; do
    ((first)) || echo ","
    first=0
    printf '  %s' "$(cat "$label")"
  done
  echo
  echo "]"
} >"$DATA/incidents.json"
for summary in "$WORK"/out/*.summary.txt; do
  echo "== $(basename "$summary" .summary.txt)"
  cat "$summary"
done >"$DATA/summary.txt"
cp "$HERE/overlay.yaml" "$HERE/costs.yaml" "$DATA/"
cat >"$DATA/provenance.json" <<JSON
{
  "recordedAt": "$STARTED",
  "script": "examples/reference-shop/record-all.sh",
  "gitCommit": "$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)",
  "treeDirty": $( [[ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] && echo true || echo false),
  "java": "$(java -version 2>&1 | head -1 | sed 's/"/\\"/g')",
  "cores": $(nproc),
  "rate": $RATE,
  "seed": $SEED,
  "plan": "$(grep -v '^#' "$WORK/plan.txt" | tr -s ' ' | paste -sd ';' -)"
}
JSON
du -ch "$DATA"/*.gz | tail -1
ls -l "$DATA"
