#!/usr/bin/env bash
# Records extra labelled incidents into ml-models/data/reference-shop/ WITHOUT re-recording the
# baseline, load2x or the incidents already there (the fidelity test depends on those):
#   <name>.otlp.jsonl.gz, <name>.loadgen.json   per window of the plan
#   incidents.json                              the new labels are appended (a name already
#                                               labelled there is refused: pick a new name)
#   summary.txt                                 the new windows' summaries are appended
#   provenance.json                             an entry is appended to "additions"
# The plan (default: incidents-plan.txt beside this script) has one window per line, as in
# run.sh --plan: NAME RATE|SCHEDULE DURATION WARMUP KIND TARGET MAGNITUDE ONSET END. The first
# window's warm-up warms the fresh shop session (give it ~60 s). A recording measures CPU
# contention, so nothing else may run meanwhile: hold the build lock, from the repository root:
#   flock /tmp/rehearsal-mvn.lock examples/reference-shop/record-incidents.sh [PLAN]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/ml-models/data/reference-shop}
SEED=${SEED:-11}
PLAN=$(cd "$(dirname "${1:-$HERE/incidents-plan.txt}")" && pwd)/$(basename "${1:-$HERE/incidents-plan.txt}")

for name in $(grep -v '^\s*\(#\|$\)' "$PLAN" | awk '{print $1}'); do
  if [[ -e "$DATA/$name.otlp.jsonl.gz" ]] || jq -e --arg r "$name.otlp.jsonl.gz" \
    'any(.[]; .recording == $r)' "$DATA/incidents.json" >/dev/null; then
    echo "$name is already recorded in $DATA; rename it in $PLAN" >&2
    exit 2
  fi
done

(cd "$ROOT" && ./mvnw -q -B -pl examples/reference-shop -am package -DskipTests)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/reference-shop-incidents.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
"$HERE/run.sh" --no-build --plan "$PLAN" --out "$WORK/out" --seed "$SEED"

mv "$WORK"/out/*.otlp.jsonl.gz "$WORK"/out/*.loadgen.json "$DATA/"
jq -s '.[0] + .[1:]' "$DATA/incidents.json" "$WORK"/out/*.label.json >"$WORK/incidents.json"
jq -c '.[]' "$WORK/incidents.json" | sed -e '1s/^/[\n  /' -e '2,$s/^/  /' -e '$!s/$/,/' \
  -e '$s/$/\n]/' >"$DATA/incidents.json"
for summary in "$WORK"/out/*.summary.txt; do
  echo "== $(basename "$summary" .summary.txt)"
  cat "$summary"
done >>"$DATA/summary.txt"
jq --arg at "$STARTED" --arg commit "$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" \
  --argjson dirty "$([[ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]] && echo true || echo false)" \
  --argjson seed "$SEED" \
  --arg plan "$(grep -v '^\s*\(#\|$\)' "$PLAN" | tr -s ' ' | paste -sd ';' -)" \
  '.additions = (.additions // []) + [{recordedAt: $at,
     script: "examples/reference-shop/record-incidents.sh", gitCommit: $commit, treeDirty: $dirty,
     seed: $seed, warmupSession: "first window warm-up", plan: $plan}]' \
  "$DATA/provenance.json" >"$WORK/provenance.json"
cp "$WORK/provenance.json" "$DATA/provenance.json"
du -ch "$DATA" | tail -1
ls -l "$DATA"
