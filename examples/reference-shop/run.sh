#!/usr/bin/env bash
# Runs the reference shop: builds it, starts Redis and every service process, drives open-loop
# Poisson load for one or more measured windows, injects and clears faults, stops everything
# (nothing is left behind, even on Ctrl-C) and writes, per window NAME:
#   OUT/NAME.otlp.jsonl.gz   telemetry of the window (OTLP JSON lines, gzipped)
#   OUT/NAME.label.json      the fault label (kind, target, onset/end epoch ms), if a fault ran
#   OUT/NAME.loadgen.json    what the load generator saw
#   OUT/NAME.requests.csv.gz every measured request as the client saw it (load/RequestLog)
#
# One window:  run.sh [--rate 40 | --schedule 0:40,30:80] [--duration 60] [--warmup 30]
#                     [--fault KIND --target T --magnitude M --onset 20 --end 40] [--name run]
# Many windows on one warm shop:  run.sh --plan FILE, one window per line:
#   NAME RATE|SCHEDULE DURATION WARMUP [KIND TARGET MAGNITUDE ONSET END]
# (window i, counted from 0, draws its arrivals with seed SEED + i)
# Common: [--out DIR] [--seed 1] [--base-port 9100] [--otlp-endpoint http://127.0.0.1:4317]
#         [--metric-interval-ms 2000] [--sample-ratio 1] [--no-build]
# A remediation applied for real (record-decisions.sh): [--decision S --actions FILE], one step a
#   line, "AT VERB ARG..." (AT: seconds after the decision; DecisionMain actions writes them):
#   scale SERVICE N                 fresh JVMs on ports from --base-port + 50; every caller gets the
#                                   new replica list (POST /admin/replicas), the load generator too
#   restart SERVICE                 each replica in turn: SIGTERM, a fresh JVM on its port, healthy
#                                   before the next (a restart keeps the version: an error fault
#                                   comes back on the fresh JVM)
#   rollback SERVICE                each replica in turn to the previous version: DELETE /admin/fault
#                                   (a dead replica is started)
#   call-policy CALLER CALLEE [timeoutMs=N] [retries=N] [backoffMs=N] [retryOn=any|unavailable]
#                                   POST /admin/call-policy
#   shed SERVICE SHARE [METHOD PATH] POST /admin/shed (no route: all routes)
#   rate-limit SERVICE RATE         POST /admin/rate-limit, RATE split over the replicas
#   Steps run in order at their times (a restart waits for health); the label records each step's
#   start and end. New replicas of a faulty service carry its latency, error or workers fault, and
#   the service's earlier call-policy, shed and rate-limit steps.
# --sample-ratio R keeps the traces whose id's random part is below R (whole; all metrics kept).
# Fault kinds: latency (target service, magnitude = added ms), error (service, rate 0..1),
#   fewer-workers (service, workers per replica), slow-dependency (payment-gateway, added ms),
#   kill-replica (instance such as catalog-2: SIGKILL at onset, restarted at end; magnitude 0),
#   surge (entry service such as frontend; magnitude = rate multiplier; injects nothing: the
#   window's SCHEDULE must raise the rate from ONSET to END, the line only labels the window).
# Onset and end are seconds after the window starts; warm-up traffic is never recorded.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RATE=40 SCHEDULE="" DURATION=60 WARMUP=30 SEED=1 NAME=run OUT="$HERE/target/recordings"
BASE_PORT=9100 OTLP="" METRIC_MS=2000 BUILD=1 PLAN_FILE=""
FAULT="" TARGET="" MAGNITUDE="" ONSET=20 END=40 DECISION="" ACTIONS_FILE="" SAMPLE=1

while (($#)); do
  case "$1" in
    --rate) RATE=$2 ;; --schedule) SCHEDULE=$2 ;; --duration) DURATION=$2 ;;
    --warmup) WARMUP=$2 ;; --seed) SEED=$2 ;; --name) NAME=$2 ;; --out) OUT=$2 ;;
    --base-port) BASE_PORT=$2 ;; --otlp-endpoint) OTLP=$2 ;; --metric-interval-ms) METRIC_MS=$2 ;;
    --fault) FAULT=$2 ;; --target) TARGET=$2 ;; --magnitude) MAGNITUDE=$2 ;;
    --onset) ONSET=$2 ;; --end) END=$2 ;; --plan) PLAN_FILE=$2 ;;
    --decision) DECISION=$2 ;; --actions) ACTIONS_FILE=$2 ;; --sample-ratio) SAMPLE=$2 ;;
    --no-build) BUILD=0; shift; continue ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
WINDOWS=()
if [[ -n "$PLAN_FILE" ]]; then
  mapfile -t WINDOWS < <(grep -v '^\s*\(#\|$\)' "$PLAN_FILE")
else
  [[ "$FAULT" == kill-replica ]] && MAGNITUDE=${MAGNITUDE:-0}
  if [[ -n "$FAULT" && ( -z "$TARGET" || -z "$MAGNITUDE" ) ]]; then
    echo "--fault needs --target and --magnitude" >&2; exit 2
  fi
  WINDOWS=("$NAME ${SCHEDULE:-$RATE} $DURATION $WARMUP${FAULT:+ $FAULT $TARGET $MAGNITUDE $ONSET $END}")
fi

if ((BUILD)); then
  (cd "$ROOT" && ./mvnw -q -B -pl examples/reference-shop -am package -DskipTests)
fi
CP="$HERE/target/rehearsal-reference-shop-0.1.0-SNAPSHOT.jar:$HERE/target/lib/*"
JVM=(java -XX:+UseSerialGC -Xms64m -Xmx256m -cp "$CP")
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/reference-shop.XXXXXX")
TELEMETRY="$WORK/telemetry"
REDIS_PORT=$((BASE_PORT + 90))
TARGETS="$WORK/targets.txt"
declare -A PIDS=() EXTRA=()
LOADGEN_PID=""
RECORDED=()
NEXT_PORT=$((BASE_PORT + 50))
ACTIVE_KIND="" ACTIVE_TARGET="" ACTIVE_MAGNITUDE=""
CONFIG=() REPLAY=0 # the call-policy, shed and rate-limit steps carried out, replayed on new replicas

now_ms() { date +%s%3N; }
sleep_until() { local d=$(($1 - $(now_ms))); ((d > 0)) && sleep "$((d / 1000)).$(printf %03d $((d % 1000)))"; return 0; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
any_alive() { local pid; for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
stop_pids() { # SIGTERM lets each service flush its telemetry; SIGKILL whatever is left after 15 s
  local pids=("$@") deadline=$(($(date +%s) + 15))
  ((${#pids[@]})) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  while any_alive "${pids[@]}" && (($(date +%s) < deadline)); do sleep 0.2; done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
stop_shop() {
  local pids=() inst
  for inst in "${!PIDS[@]}"; do [[ "$inst" != redis ]] && pids+=("${PIDS[$inst]}"); done
  stop_pids "${pids[@]}"
  if [[ -n "${PIDS[redis]:-}" ]]; then stop_pids "${PIDS[redis]}"; fi
  PIDS=()
}
cleanup() {
  local status=$?
  if [[ -n "$LOADGEN_PID" ]]; then stop_pids "$LOADGEN_PID"; fi
  stop_shop
  if ((status != 0)); then
    mkdir -p "$OUT/logs" && cp "$WORK"/*.log "$OUT/logs/" 2>/dev/null || true
    echo "run.sh failed ($status); process logs in $OUT/logs" >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mapfile -t PLAN < <("${JVM[@]}" io.rehearsal.shop.PlanMain "$HERE/overlay.yaml" "$BASE_PORT")
mapfile -t CALLS < <("${JVM[@]}" io.rehearsal.shop.decision.DecisionMain calls "$HERE/overlay.yaml")
callers_of() { printf '%s\n' "${CALLS[@]}" | awk -v t="$1" '$2 == t {print $1}' | sort -u; }
port_of() { printf '%s\n' "${PLAN[@]}" | awk -v i="$1" '$2 == i {print $3}'; }
instances_of() { printf '%s\n' "${PLAN[@]}" | awk -v t="$1" '$1 == t || $2 == t {print $2}'; }
service_of() { printf '%s\n' "${PLAN[@]}" | awk -v t="$1" '$1 == t || $2 == t {print $1; exit}'; }
for port in "$REDIS_PORT" $(printf '%s\n' "${PLAN[@]}" | awk '{print $3}'); do
  if listening "$port"; then echo "port $port is in use; pick another --base-port" >&2; exit 1; fi
done

await_port() { # port name
  local deadline=$(($(date +%s) + 30))
  until listening "$1"; do
    kill -0 "${PIDS[$2]}" 2>/dev/null || { echo "$2 exited; see its log" >&2; exit 1; }
    (($(date +%s) < deadline)) || { echo "$2 is not listening on $1" >&2; exit 1; }
    sleep 0.2
  done
}
await_health() { # instance
  local port deadline=$(($(date +%s) + 90))
  port=$(port_of "$1")
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
    kill -0 "${PIDS[$1]}" 2>/dev/null || { echo "$1 exited; see its log" >&2; exit 1; }
    (($(date +%s) < deadline)) || { echo "$1 did not become healthy" >&2; exit 1; }
    sleep 0.3
  done
}
start_redis() {
  local bin
  bin=$(command -v redis-server || true)
  if [[ -z "$bin" ]]; then
    bin="$HERE/target/redis-server"
    [[ -x "$bin" ]] || "${JVM[@]}" io.rehearsal.shop.RedisBinaryMain "$bin" >/dev/null
  fi
  "$bin" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
  PIDS[redis]=$!
  await_port "$REDIS_PORT" redis
}
start_instance() {
  local inst=$1
  "${JVM[@]}" io.rehearsal.shop.ShopMain --instance "$inst" --base-port "$BASE_PORT" \
    --overlay "$HERE/overlay.yaml" --costs "$HERE/costs.yaml" \
    --redis "redis://127.0.0.1:$REDIS_PORT" --telemetry-dir "$TELEMETRY" \
    --metric-interval-ms "$METRIC_MS" ${OTLP:+--otlp-endpoint "$OTLP"} \
    ${EXTRA[$inst]:+--port "$(port_of "$inst")"} </dev/null >>"$WORK/$inst.log" 2>&1 &
  PIDS[$inst]=$!
}
admin() { # target method [json]
  local inst
  for inst in $(instances_of "$1"); do
    curl -fsS -X "$2" -H 'Content-Type: application/json' ${3:+-d "$3"} \
      "http://127.0.0.1:$(port_of "$inst")/admin/fault" >/dev/null
  done
}
admin_at() { # instance method path [json]: one replica's admin surface; a dead replica is reported
  curl -fsS -X "$2" -H 'Content-Type: application/json' ${4:+-d "$4"} \
    "http://127.0.0.1:$(port_of "$1")$3" >/dev/null || echo "warning: $1 refused $2 $3" >&2
}
inject() { # kind target magnitude
  ACTIVE_KIND=$1 ACTIVE_TARGET=$2 ACTIVE_MAGNITUDE=$3
  case "$1" in
    latency | slow-dependency) admin "$2" POST "{\"kind\":\"latency\",\"addedMs\":$3}" ;;
    error) admin "$2" POST "{\"kind\":\"error\",\"rate\":$3}" ;;
    fewer-workers) admin "$2" POST "{\"kind\":\"workers\",\"workers\":$3}" ;;
    kill-replica) kill -KILL "${PIDS[$2]}"; wait "${PIDS[$2]}" 2>/dev/null || true ;;
    surge) ;; # the window's rate schedule raises the load; the line only labels it
    *) echo "unknown fault kind $1" >&2; exit 2 ;;
  esac
}
clear_fault() { # kind target
  ACTIVE_KIND=""
  case "$1" in
    kill-replica) kill -0 "${PIDS[$2]}" 2>/dev/null || start_instance "$2" ;;
    surge) ;;
    *) admin "$2" DELETE ;;
  esac
}

fault_json() { # kind magnitude: the switch a fault kind sets on a replica, if any
  case "$1" in
    latency) echo "{\"kind\":\"latency\",\"addedMs\":$2}" ;;
    error) echo "{\"kind\":\"error\",\"rate\":$2}" ;;
    fewer-workers) echo "{\"kind\":\"workers\",\"workers\":$2}" ;;
  esac
}
carry_fault() { # instance kinds...: a fresh replica of the faulty service gets the active fault
  local inst=$1 json
  shift
  [[ -n "$ACTIVE_KIND" && " $* " == *" $ACTIVE_KIND "* ]] || return 0
  [[ "$(service_of "$ACTIVE_TARGET")" == "$(service_of "$inst")" ]] || return 0
  json=$(fault_json "$ACTIVE_KIND" "$ACTIVE_MAGNITUDE")
  [[ -z "$json" ]] || admin_at "$inst" POST /admin/fault "$json"
}
set_replicas() { # service: its callers (and, for the entry service, the load generator) learn its replicas
  local svc=$1 inst caller list=""
  for inst in $(instances_of "$svc"); do list+="\"http://127.0.0.1:$(port_of "$inst")\","; done
  if [[ "$svc" == "$(service_of frontend-1)" ]]; then
    for inst in $(instances_of "$svc"); do echo "http://127.0.0.1:$(port_of "$inst")"; done >"$TARGETS.new"
    mv "$TARGETS.new" "$TARGETS"
  fi
  for caller in $(callers_of "$svc"); do
    for inst in $(instances_of "$caller"); do
      admin_at "$inst" POST /admin/replicas "{\"to\":\"$svc\",\"replicas\":[${list%,}]}"
    done
  done
}
alive_of() { # service: its replicas whose process runs
  local inst
  for inst in $(instances_of "$1"); do
    if [[ -n "${PIDS[$inst]:-}" ]] && kill -0 "${PIDS[$inst]}" 2>/dev/null; then echo "$inst"; fi
  done
}
act() { # verb args...: one remediation step on the running shop
  local verb=$1 inst n=0 have new=() route json kv step
  shift
  case "$verb" in call-policy | shed | rate-limit) ((REPLAY)) || CONFIG+=("$verb $* ") ;; esac
  case "$verb" in
    scale) # to N live replicas (a killed one does not count); new ones are numbered on
      have=$(alive_of "$1" | wc -l) n=$(instances_of "$1" | wc -l)
      while ((have < $2)); do
        have=$((have + 1)) n=$((n + 1)) inst="$1-$n"
        PLAN+=("$1 $inst $NEXT_PORT") EXTRA[$inst]=1 NEXT_PORT=$((NEXT_PORT + 1))
        start_instance "$inst"
        new+=("$inst")
      done
      for inst in "${new[@]}"; do await_health "$inst"; carry_fault "$inst" latency error fewer-workers; done
      set_replicas "$1"
      for step in "${CONFIG[@]}"; do # the new replicas take the service's earlier settings
        # shellcheck disable=SC2086 # a step is split into its words on purpose
        [[ "$step" != *" $1 "* ]] || { REPLAY=1; act $step; REPLAY=0; }
      done ;;
    restart)
      for inst in $(instances_of "$1"); do
        stop_pids "${PIDS[$inst]}"
        start_instance "$inst"
        await_health "$inst"
        carry_fault "$inst" error
      done ;;
    rollback)
      for inst in $(instances_of "$1"); do
        if kill -0 "${PIDS[$inst]}" 2>/dev/null; then
          admin_at "$inst" DELETE /admin/fault
        else
          start_instance "$inst" && await_health "$inst"
        fi
      done
      [[ "$(service_of "${ACTIVE_TARGET:-none}")" != "$1" ]] || ACTIVE_KIND="" ;;
    call-policy)
      json="{\"to\":\"$2\""
      for kv in "${@:3}"; do # numbers as they are, words (retryOn=any) quoted
        if [[ "${kv#*=}" =~ ^[0-9.]+$ ]]; then json+=",\"${kv%%=*}\":${kv#*=}"; else json+=",\"${kv%%=*}\":\"${kv#*=}\""; fi
      done
      for inst in $(instances_of "$1"); do admin_at "$inst" POST /admin/call-policy "$json}"; done ;;
    shed)
      route="*"
      (($# < 4)) || route="$3 $4"
      for inst in $(instances_of "$1"); do
        admin_at "$inst" POST /admin/shed "{\"route\":\"$route\",\"share\":$2}"
      done ;;
    rate-limit) # the service's rate, split over its live replicas
      n=$(alive_of "$1" | wc -l)
      for inst in $(alive_of "$1"); do
        admin_at "$inst" POST /admin/rate-limit "{\"ratePerSecond\":$(awk -v r="$2" -v n="$n" 'BEGIN {print r / n}')}"
      done ;;
    *) echo "unknown remediation step $verb" >&2; exit 2 ;;
  esac
}
remediate() { # decision_epoch_ms: runs the --actions steps at their times (in this shell, so that
  # the processes they start are stopped on exit); their JSON log goes to $WORK/steps.json
  local at verb rest started log=""
  echo "[]" >"$WORK/steps.json"
  [[ -n "$ACTIONS_FILE" ]] || return 0
  while read -r at verb rest <&3; do
    [[ -z "$at" || "$at" == \#* ]] && continue
    sleep_until $(($1 + $(awk -v a="$at" 'BEGIN {printf "%d", a * 1000}')))
    started=$(now_ms)
    # shellcheck disable=SC2086 # the step's arguments are split on purpose
    act "$verb" $rest >&2
    log+="{\"at\":$at,\"step\":\"$verb $rest\",\"startedEpochMs\":$started,\"doneEpochMs\":$(now_ms)},"
  done 3<"$ACTIONS_FILE"
  echo "[${log%,}]" >"$WORK/steps.json"
}

run_window() { # seed name rate|schedule duration warmup [kind target magnitude onset end]
  local seed=$1 name=$2 schedule=$3 duration=$4 warmup=$5 kind=${6:-} target=${7:-}
  local magnitude=${8:-} onset=${9:-0} end=${10:-0} t0 t1 onset_ms end_ms decision_ms="" steps="[]"
  [[ "$schedule" == *:* ]] || schedule="0:$schedule"
  t0=$(($(now_ms) + 1500 + warmup * 1000))
  t1=$((t0 + duration * 1000))
  echo "window $name: warm-up ${warmup}s, then ${duration}s at $schedule/s${kind:+, $kind on $target ($magnitude) at +${onset}s..+${end}s}"
  "${JVM[@]/-Xmx256m/-Xmx512m}" io.rehearsal.shop.load.LoadMain \
    --target "http://127.0.0.1:$(port_of frontend-1)" --schedule "$schedule" \
    --duration "$duration" --warmup "$warmup" --start-at-epoch-ms "$t0" --seed "$seed" \
    --targets-file "$TARGETS" --requests-out "$OUT/$name.requests.csv.gz" \
    --out "$OUT/$name.loadgen.json" >>"$WORK/loadgen.log" 2>&1 &
  LOADGEN_PID=$!
  if [[ -n "$kind" ]]; then
    sleep_until $((t0 + onset * 1000)); onset_ms=$(now_ms); inject "$kind" "$target" "$magnitude"
    if [[ -n "$DECISION" ]]; then
      decision_ms=$((t0 + DECISION * 1000))
      sleep_until "$decision_ms"
      remediate "$decision_ms"
      steps=$(cat "$WORK/steps.json")
    fi
    sleep_until $((t0 + end * 1000)); end_ms=$(now_ms); clear_fault "$kind" "$target"
    printf '{"kind":"%s","target":"%s","service":"%s","magnitude":%s,"onsetEpochMs":%s,"endEpochMs":%s,"recording":"%s","windowStartEpochMs":%s,"windowEndEpochMs":%s%s}\n' \
      "$kind" "$target" "$(service_of "$target")" "$magnitude" "$onset_ms" "$end_ms" \
      "$name.otlp.jsonl.gz" "$t0" "$t1" \
      "${decision_ms:+,\"decisionEpochMs\":$decision_ms,\"sampleRatio\":$SAMPLE,\"steps\":$steps}" \
      >"$OUT/$name.label.json"
  fi
  wait "$LOADGEN_PID"
  LOADGEN_PID=""
  RECORDED+=("$name $t0 $t1")
}

start_redis
echo "http://127.0.0.1:$(port_of frontend-1)" >"$TARGETS"
for line in "${PLAN[@]}"; do start_instance "$(awk '{print $2}' <<<"$line")"; done
for line in "${PLAN[@]}"; do await_health "$(awk '{print $2}' <<<"$line")"; done
echo "shop up: ${#PLAN[@]} processes + redis on $REDIS_PORT"
for i in "${!WINDOWS[@]}"; do
  # shellcheck disable=SC2086 # the window line is split into its fields on purpose
  run_window $((SEED + i)) ${WINDOWS[$i]}
done
sleep $((METRIC_MS / 1000 + 3)) # let the last span batches and metric exports land
stop_shop

for rec in "${RECORDED[@]}"; do
  read -r name t0 t1 <<<"$rec"
  "${JVM[@]/-Xmx256m/-Xmx1g}" io.rehearsal.shop.record.RecordingMain merge --dir "$TELEMETRY" \
    --from-epoch-ms "$t0" --to-epoch-ms "$t1" --sample-ratio "$SAMPLE" --out "$OUT/$name.otlp.jsonl.gz"
  "${JVM[@]}" io.rehearsal.shop.record.RecordingMain summary --file "$OUT/$name.otlp.jsonl.gz" \
    | tee "$OUT/$name.summary.txt"
  echo "wrote $OUT/$name.otlp.jsonl.gz ($(du -h "$OUT/$name.otlp.jsonl.gz" | cut -f1))"
done
