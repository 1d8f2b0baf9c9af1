#!/usr/bin/env bash
# Records the decision arms (decisions-plan.txt): per incident, "do nothing" and each candidate
# remediation applied FOR REAL in the running shop while the same fault is active, with the same
# arrival seed and the same fault timing, so that `rehearsal sandbox decision-eval` can check the
# twin's ranking against what really happened. Every arm runs on a fresh shop (run.sh with one
# window: same cold start, warm-up and state for every arm), and lands in
#   DATA/<incident>/<arm>.otlp.jsonl.gz   the window's telemetry: traces sampled by trace id
#                                          (--sample-ratio), every metric point
#   DATA/<incident>/<arm>.label.json      fault, onset/decision/end epoch ms, the steps carried out
#   DATA/<incident>/<arm>.loadgen.json    what the load generator saw (requests that reached no server)
#   DATA/<incident>/<arm>.requests.csv.gz every measured request as the client saw it (decision-eval
#                                          --view client)
#   DATA/<incident>/candidates.yaml       the candidate file the arms come from (SLOs, objectives)
#   DATA/<incident>/manifest.json         incident, fault, times, seed, sample ratio, arms, what ran
# (DATA defaults to ml-models/data/reference-shop/decisions). A recording measures CPU contention,
# so nothing else may run meanwhile: hold the build lock, from the repository root:
#   flock /tmp/rehearsal-mvn.lock examples/reference-shop/record-decisions.sh
# About 2.5 minutes per arm (fresh shop, 20 s warm-up, 104 s window): 40 arms take ~100 minutes and
# about 15 MB. Options: [--plan FILE] [--out DIR] [--rate 30] [--warmup 20] [--sample-ratio 0.25]
#   [--only INCIDENT] [--arms N (first N arms of each incident)] [--base-port 9100] [--no-build]
# An incident's arms are rewritten only when it is recorded again; the manifest lists the arms
# recorded so far, so a run cut short leaves usable incidents behind.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PLAN_FILE="$HERE/decisions-plan.txt" DATA="$ROOT/ml-models/data/reference-shop/decisions"
RATE=30 WARMUP=20 SAMPLE=0.25 ONLY="" MAX_ARMS=1000 BASE_PORT=9100 BUILD=1 METRIC_MS=2000
while (($#)); do
  case "$1" in
    --plan) PLAN_FILE=$2 ;; --out) DATA=$2 ;; --rate) RATE=$2 ;; --warmup) WARMUP=$2 ;;
    --sample-ratio) SAMPLE=$2 ;; --only) ONLY=$2 ;; --arms) MAX_ARMS=$2 ;;
    --base-port) BASE_PORT=$2 ;;
    --no-build) BUILD=0; shift; continue ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift 2
done

if ((BUILD)); then
  (cd "$ROOT" && ./mvnw -q -B -pl examples/reference-shop -am package -DskipTests)
fi
CP="$HERE/target/rehearsal-reference-shop-0.1.0-SNAPSHOT.jar:$HERE/target/lib/*"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/reference-shop-decisions.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)

slug() { tr 'A-Z' 'a-z' <<<"$1" | sed -e 's/%/pct/g' -e 's/[^a-z0-9]\{1,\}/-/g' -e 's/^-//' -e 's/-$//'; }
json_string() { local s=${1//\\/\\\\}; printf '"%s"' "${s//\"/\\\"}"; }

write_manifest() { # incident kind target magnitude onset decision end seed
  local dir="$DATA/$1" arms="" arm name
  while IFS=$'\t' read -r arm name; do
    arms+="    {\"arm\": $(json_string "$arm"), \"candidate\": $([[ "$name" == - ]] && echo null || json_string "$name"),"
    arms+=" \"recording\": \"$arm.otlp.jsonl.gz\", \"loadgen\": \"$arm.loadgen.json\","
    arms+=" \"requests\": \"$arm.requests.csv.gz\","
    arms+=" \"label\": $(cat "$dir/$arm.label.json")},"$'\n'
  done <"$dir/arms.tsv"
  cat >"$dir/manifest.json" <<JSON
{
  "incident": "$1",
  "fault": {"kind": "$2", "target": "$3", "magnitude": $4},
  "onsetSeconds": $5,
  "decisionSeconds": $6,
  "endSeconds": $7,
  "ratePerSecond": $RATE,
  "warmupSeconds": $WARMUP,
  "seed": $8,
  "sampleRatio": $SAMPLE,
  "metricIntervalMs": $METRIC_MS,
  "candidates": "candidates.yaml",
  "script": "examples/reference-shop/record-decisions.sh",
  "recordedAt": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "gitCommit": "$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)",
  "java": $(json_string "$(java -version 2>&1 | head -1)"),
  "cores": $(nproc),
  "arms": [
${arms%,$'\n'}
  ]
}
JSON
}

declare -A DONE=() COUNT=()
while read -r incident kind target magnitude onset decision end seed candidate <&4; do
  [[ -z "$incident" || "$incident" == \#* ]] && continue
  [[ -z "$ONLY" || "$ONLY" == "$incident" ]] || continue
  COUNT[$incident]=$((${COUNT[$incident]:-0} + 1))
  ((COUNT[$incident] <= MAX_ARMS)) || continue
  dir="$DATA/$incident"
  if [[ -z "${DONE[$incident]:-}" ]]; then # first arm of this incident in this run: start afresh
    rm -rf "$dir" && mkdir -p "$dir"
    cp "$HERE/candidates/$incident.yaml" "$dir/candidates.yaml"
    : >"$dir/arms.tsv"
    DONE[$incident]=1
  fi
  actions="$WORK/actions.txt"
  : >"$actions"
  arm=do-nothing
  if [[ "$candidate" != - ]]; then
    arm=$(slug "$candidate")
    java -cp "$CP" io.rehearsal.shop.decision.DecisionMain actions "$dir/candidates.yaml" "$candidate" \
      </dev/null >"$actions"
  fi
  echo "== $incident / $arm: $kind on $target ($magnitude) from +${onset}s, decision at +${decision}s: $(paste -sd ';' "$actions")"
  "$HERE/run.sh" --no-build --rate "$RATE" --duration "$end" --warmup "$WARMUP" --seed "$seed" \
    --fault "$kind" --target "$target" --magnitude "$magnitude" --onset "$onset" --end "$end" \
    --decision "$decision" --actions "$actions" --sample-ratio "$SAMPLE" --name "$arm" \
    --base-port "$BASE_PORT" --metric-interval-ms "$METRIC_MS" --out "$WORK/out" </dev/null ||
    { cp -r "$WORK/out/logs" "$dir/logs-$arm" 2>/dev/null; echo "arm $arm failed; logs in $dir/logs-$arm" >&2; exit 1; }
  mv "$WORK/out/$arm.otlp.jsonl.gz" "$WORK/out/$arm.label.json" "$WORK/out/$arm.loadgen.json" \
    "$WORK/out/$arm.requests.csv.gz" "$dir/"
  mv "$WORK/out/$arm.summary.txt" "$dir/" 2>/dev/null || true
  printf '%s\t%s\n' "$arm" "$candidate" >>"$dir/arms.tsv"
  write_manifest "$incident" "$kind" "$target" "$magnitude" "$onset" "$decision" "$end" "$seed"
done 4<"$PLAN_FILE"
# run.sh --seed S gives its one window the seed S (window 0): every arm of an incident shares it.
du -sh "$DATA"
