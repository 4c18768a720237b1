#!/usr/bin/env bash
# Benchmarks a three-node ReefDB cluster against a three-member etcd 3.4 cluster on this machine (issue 5).
#
#   scripts/bench-cluster.sh [ARGS...]          both clusters, then `reefdb bench --target both ARGS...`
#   scripts/bench-cluster.sh failover [ARGS...] `reefdb bench failover ARGS...` (it starts its own cluster)
#
# Both clusters listen on loopback ports chosen now, keep their data under one folder of the same disk
# (BENCH_DIR, default a new folder under /tmp) and sync to disk before acknowledging (etcd's default; ReefDB
# fsync: always). The bench interleaves the two in every round, since this disk's fsync latency swings widely.
# Everything runs under `nice -n 19`: the machine is shared. Every process started here is killed by its PID on
# exit, pass or fail. The nodes and the bench run the build `./reefdb serve` runs (scripts/build-cli.sh: ReadyToRun).
# Environment: ROUNDS (default 3), KEEP=1 keeps the data folder, REEFDB_CLI_DLL runs that ReefDB.Cli.dll instead of
# building this tree's (to compare builds back to back), NODE_ENV="NAME=VALUE ..." sets variables for the ReefDB nodes
# only (runtime knobs such as DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=20, without touching etcd or the bench).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-$(mktemp -d /tmp/reefdb-bench-XXXXXX)}"
mkdir -p "$work"
pids=()

cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # The .NET runtime removes its debugger pipes and diagnostics socket on a clean exit only: those of the processes
  # killed here would stay in the temporary folder.
  for pid in "${pids[@]}"; do rm -f "${TMPDIR:-/tmp}/clr-debug-pipe-$pid-"* "${TMPDIR:-/tmp}/dotnet-diagnostic-$pid-"*; done
  if [ "$status" != 0 ] && [ "$status" != 130 ] && [ "$status" != 143 ]; then
    # A failed start (a member that never became healthy) is only explained by its log, which goes with the folder.
    for log in "$work"/*.log; do
      [ -f "$log" ] && { echo "bench-cluster: last lines of $log:" >&2; tail -n 15 "$log" >&2; }
    done
  fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "data and logs kept in $work" >&2; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() { echo "bench-cluster: $*" >&2; }

# A port nobody listens on now (a connection to it is refused); random, so two runs rarely race for it.
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [[ " ${used_ports:-} " != *" $port "* ]]; then
      used_ports="${used_ports:-} $port"
      echo "$port"
      return
    fi
  done
}

# Waits until "$@" succeeds, for up to a minute of wall clock: each try is itself cut at 5 s, since a probe of a
# member that never came up (a probe against a port another process took) can wait its own long timeout, and a
# count of tries then stretched the minute to a quarter of an hour.
wait_for() {
  local what=$1; shift
  local deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if timeout 5 "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  say "gave up waiting for $what"; return 1
}

if [ -n "${REEFDB_CLI_DLL:-}" ]; then
  dll="$REEFDB_CLI_DLL"
else
  say "building ReefDB (Release, ReadyToRun) if a source changed"
  dll="$("$root/scripts/build-cli.sh")"
fi
say "ReefDB: $dll"

if [ "${1:-}" = failover ]; then
  shift
  # In the background and waited for: a TERM or INT to this script then runs its trap at once (bash defers traps
  # until a foreground child ends) and the trap stops the bench, and the nodes it started, by PID.
  nice -n 19 dotnet "$dll" bench failover --work-dir "$work/failover" "$@" &
  pids+=($!)
  wait $!
  exit 0
fi

if ! command -v etcd >/dev/null; then
  say "installing etcd-server (Debian package, etcd 3.4)"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server >&2
fi
say "$(etcd --version | head -1)"

etcd_cluster=""; etcd_endpoints=""; etcd_client=(); etcd_peer=()
for i in 1 2 3; do
  etcd_client[i]=$(free_port); etcd_peer[i]=$(free_port)
  etcd_cluster+="${etcd_cluster:+,}e$i=http://127.0.0.1:${etcd_peer[i]}"
  etcd_endpoints+="${etcd_endpoints:+,}127.0.0.1:${etcd_client[i]}"
done
for i in 1 2 3; do
  nice -n 19 etcd --name "e$i" --data-dir "$work/etcd$i" \
    --listen-client-urls "http://127.0.0.1:${etcd_client[i]}" --advertise-client-urls "http://127.0.0.1:${etcd_client[i]}" \
    --listen-peer-urls "http://127.0.0.1:${etcd_peer[i]}" --initial-advertise-peer-urls "http://127.0.0.1:${etcd_peer[i]}" \
    --initial-cluster "$etcd_cluster" --initial-cluster-state new --initial-cluster-token reefdb-bench \
    >"$work/etcd$i.log" 2>&1 &
  pids+=($!)
done

reef_peers=""; reef_endpoints=""; reef_rpc=(); reef_http=()
for i in 1 2 3; do
  reef_rpc[i]=$(free_port); reef_http[i]=$(free_port)
  reef_peers+="${reef_peers:+,}$i=127.0.0.1:${reef_rpc[i]}/127.0.0.1:${reef_http[i]}"
  reef_endpoints+="${reef_endpoints:+,}127.0.0.1:${reef_rpc[i]}"
done
for i in 1 2 3; do
  # shellcheck disable=SC2086 # NODE_ENV is a list of NAME=VALUE words.
  env ${NODE_ENV:-} nice -n 19 dotnet "$dll" serve --node-id "$i" --data-dir "$work/reefdb$i" \
    --rpc-addr "127.0.0.1:${reef_rpc[i]}" --http-addr "127.0.0.1:${reef_http[i]}" --peers "$reef_peers" \
    --fsync always --log-level warning >"$work/reefdb$i.log" 2>&1 &
  pids+=($!)
done

# Each member's /health over its client URL (etcd answers {"health":"true"} once the cluster has a leader): curl rather
# than etcdctl, which the Debian etcd-server package does not ship.
for i in 1 2 3; do
  wait_for "etcd member $i to be healthy" sh -c "curl -sf 'http://127.0.0.1:${etcd_client[i]}/health' | grep -q '\"health\":\"true\"'"
done
for i in 1 2 3; do
  wait_for "ReefDB node $i to be ready" curl -sf "http://127.0.0.1:${reef_http[i]}/health/ready"
done
say "etcd on $etcd_endpoints; ReefDB on $reef_endpoints; data in $work"

nice -n 19 dotnet "$dll" bench --target both --endpoints "$reef_endpoints" --etcd-endpoints "$etcd_endpoints" \
  --rounds "${ROUNDS:-3}" "$@" &
pids+=($!)
wait $! # see the failover branch: a signal to this script stops everything at once
