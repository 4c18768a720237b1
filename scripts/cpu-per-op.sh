#!/usr/bin/env bash
# CPU per acknowledged write, per process, for ReefDB and etcd in the same bench run (issue 5, docs/PERFORMANCE.md
# "CPU per write (cpushare)").
#
#   scripts/cpu-per-op.sh [bench-cluster.sh ARGS...]     e.g. --workloads insert --clients 16,64 --duration 5s
#
# Runs scripts/bench-cluster.sh (ROUNDS, REEFDB_CLI_DLL and the rest of its environment apply) and, while it runs,
# samples every SAMPLE_SECONDS (default 0.5): the machine's CPU (/proc/stat), each server's and the bench client's
# CPU time (/proc/PID/stat utime+stime), ReefDB's applied index (node 1's /v1/status) and etcd's revision (a
# serializable range on member 1). Each counter moves only while its target is loaded, because the bench runs one
# target at a time; the samples are cut into segments where exactly one of them moves, and each segment is
# reported as one line: its target, length, writes, writes/s, the machine's idle share, and CPU-µs per write of
# each process and in all. A segment is a bench cell (or a warm-up), in the order the bench ran them; samples where
# both or neither moved are left out, so the figures are per write inside the cells, not per second of the run.
# Only writes move the counters: run insert workloads (gets show as gaps). The raw samples stay in OUT (default
# /tmp/cpu-per-op-<time>.tsv) and the report is printed at the end; `scripts/cpu-per-op.sh --report OUT` prints it
# again from the samples.
# COUNT=sleeps counts, instead of CPU, each process's voluntary context switches per write (summed over its threads:
# each one a thread that blocked and was woken again), the thread hand-offs that a write's latency pays for at low
# load, where CPU is not the limit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
interval="${SAMPLE_SECONDS:-0.5}"

report() {
  # Columns of the samples: t, machine busy and idle jiffies, applied index, etcd revision, then name=jiffies pairs.
  awk -F'\t' -v hz="$(getconf CLK_TCK)" '
    function flush(   i, n, line, total) {
      if (seg == "" || writes <= 0) { seg = ""; return }
      n = split(names, order, " ")
      line = sprintf("%-6s %6.1f s %7d writes %7.0f /s  idle %4.1f%%", seg, secs, writes, writes / secs, 100 * idle / (idle + busy))
      total = 0
      for (i = 1; i <= n; i++) {
        line = line sprintf("  %s " fmt, order[i], scale * cpu[order[i]] / writes)
        # Summed: the servers of this target and the bench client; the other (idle) servers are shown only.
        if (substr(order[i], 1, 4) == substr(seg, 1, 4) || order[i] == "bench") total += cpu[order[i]]
      }
      printf "%s  | %s+bench " fmt " %s, machine CPU %.0f µs/write\n", line, seg, scale * total / writes, unit, 1e6 * busy / hz / writes
      seg = ""
    }
    # The header names what the process columns count: CPU jiffies, or sleeps (voluntary context switches).
    NR == 1 { if ($6 == "sleeps") { scale = 1; fmt = "%.1f"; unit = "sleeps/write" } else { scale = 1e6 / hz; fmt = "%.0f"; unit = "µs/write" }; next }
    {
      t = $1; b = $2; id = $3; ri = $4; er = $5
      delete now
      for (i = 6; i <= NF; i++) { split($i, kv, "="); now[kv[1]] = kv[2]; col[i] = kv[1] }
      if (have) {
        target = (ri > pri && er == per) ? "reefdb" : (er > per && ri == pri) ? "etcd" : ""
        if (target != seg) { flush() }
        if (target != "") {
          if (seg == "") { seg = target; secs = 0; writes = 0; busy = 0; idle = 0; delete cpu; names = "" }
          secs += t - pt; writes += (target == "reefdb") ? ri - pri : er - per
          busy += b - pb; idle += id - pid
          for (i = 6; i <= NF; i++) {
            k = col[i]
            if (!(k in cpu)) { cpu[k] = 0; names = names " " k }
            if ((k in prev) && now[k] >= prev[k]) cpu[k] += now[k] - prev[k] # a process gone reads 0
          }
        }
      }
      pt = t; pb = b; pid = id; pri = ri; per = er; have = 1
      delete prev; for (k in now) prev[k] = now[k]
    }
    END { flush() }
  ' "$1"
}

if [ "${1:-}" = --report ]; then
  report "$2"
  exit 0
fi

out="${OUT:-/tmp/cpu-per-op-$(date -u +%Y%m%dT%H%M%S).tsv}"
work="$(mktemp -d /tmp/reefdb-cpu-XXXXXX)"
log="$out.bench.log"
BENCH_DIR="$work" "$root/scripts/bench-cluster.sh" "$@" >"$log" 2>&1 &
bench=$!
trap 'kill "$bench" 2>/dev/null || true' INT TERM

# The processes of this run: their command lines name its data folder (nodes, etcd members) or its endpoints (bench).
cmdline_of() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }
find_pid() { # PATTERN: the pid whose command line contains it
  local p
  for p in /proc/[0-9]*; do
    case "$(cmdline_of "${p#/proc/}")" in *"$1"*) echo "${p#/proc/}"; return 0 ;; esac
  done
  return 1
}
jiffies() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Voluntary context switches of all the process's threads: each is a thread that blocked and had to be woken again,
# the hand-offs between threads that a write's latency pays for at low load.
sleeps() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {n += $2} END {print n + 0}'; }
count="${COUNT:-cpu}"
case "$count" in cpu) counter=jiffies ;; sleeps) counter=sleeps ;; *) echo "COUNT is cpu or sleeps, not $count" >&2; exit 2 ;; esac

until grep -q "etcd on" "$log" 2>/dev/null; do
  kill -0 "$bench" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
declare -A pids=()
for i in 1 2 3; do
  pids[reef$i]=$(find_pid "--data-dir $work/reefdb$i ")
  pids[etcd$i]=$(find_pid "--data-dir $work/etcd$i ")
done
http1=$(cmdline_of "${pids[reef1]}" | sed -n 's/.*--http-addr \([^ ]*\).*/\1/p')
rpc1=$(cmdline_of "${pids[reef1]}" | sed -n 's/.*--rpc-addr \([^ ]*\).*/\1/p')
etcd1=$(cmdline_of "${pids[etcd1]}" | sed -n 's/.*--listen-client-urls \([^ ]*\).*/\1/p')
for _ in $(seq 100); do
  if bench_pid=$(find_pid "bench --target both --endpoints $rpc1"); then pids[bench]=$bench_pid; break; fi
  sleep 0.2
done
for i in 1 2 3; do
  role=$(curl -sf "http://$(cmdline_of "${pids[reef$i]}" | sed -n 's/.*--http-addr \([^ ]*\).*/\1/p')/v1/status" | jq -r .role || echo '?')
  echo "reef$i pid ${pids[reef$i]} ($role at start); etcd$i pid ${pids[etcd$i]}" >&2
done
echo "bench pid ${pids[bench]:-?}; samples in $out" >&2

printf 't\tbusy\tidle\treef_applied\tetcd_revision\t%s\n' "$count" >"$out"
while kill -0 "$bench" 2>/dev/null; do
  applied=$(curl -sf --max-time 1 "http://$http1/v1/status" | jq -r .applied_index 2>/dev/null || true)
  revision=$(curl -sf --max-time 1 -X POST -d '{"key":"AA==","serializable":true,"count_only":true}' "$etcd1/v3/kv/range" \
               | jq -r .header.revision 2>/dev/null || true)
  line="$(date +%s.%N)"
  # /proc/stat cpu line: user nice system idle iowait irq softirq steal; idle and iowait count as idle.
  line+="$(awk '/^cpu /{printf "\t%d\t%d", $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat)"
  line+=$'\t'"${applied:-0}"$'\t'"${revision:-0}"
  for name in reef1 reef2 reef3 etcd1 etcd2 etcd3 bench; do
    [ -n "${pids[$name]:-}" ] && line+=$'\t'"$name=$($counter "${pids[$name]}")"
  done
  # A failed probe (0) would split a segment: repeat the last sample's counter instead.
  if [ -z "$applied" ] || [ -z "$revision" ]; then sleep "$interval"; continue; fi
  echo "$line" >>"$out"
  sleep "$interval"
done
wait "$bench" || echo "bench-cluster.sh failed: see $log" >&2
grep -v '^bench-cluster:' "$log" || true
echo
report "$out"
