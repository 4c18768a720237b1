#!/usr/bin/env bash
# A local three-node ReefDB cluster from examples/cluster/node*.yaml (README, "Run a three-node cluster").
#
#   scripts/cluster.sh up       build (./reefdb), start every node that is not running, wait for a leader
#   scripts/cluster.sh status   each node's process, role, term and leader (GET /v1/status)
#   scripts/cluster.sh down     stop every node by its process id: SIGTERM, SIGKILL after 15 s
#
# Each node keeps its data in the data_dir of its config (./data/cluster/nodeN). Process ids and logs go in the
# run directory (./data/cluster: nodeN.pid, nodeN.log). `up` after a node died restarts only that node.
# Overrides (for tests): CLUSTER_CONFIG_DIR (the node*.yaml files), CLUSTER_RUN_DIR (pid files and logs),
# CLUSTER_REEFDB (the command that runs reefdb, e.g. "dotnet /path/ReefDB.Cli.dll"; then nothing is built).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configs="${CLUSTER_CONFIG_DIR:-$root/examples/cluster}"
run="${CLUSTER_RUN_DIR:-$root/data/cluster}"
read -r -a reefdb <<< "${CLUSTER_REEFDB:-$root/reefdb}"
# Relative data_dir paths in the configs are taken from the repository root.
cd "$root"

usage() {
  echo "usage: scripts/cluster.sh up|status|down" >&2
  exit 2
}

nodes() {
  local config
  for config in "$configs"/node*.yaml; do
    [ -e "$config" ] || { echo "no node*.yaml in $configs" >&2; exit 1; }
    basename "$config" .yaml
  done
}

# The value of a top-level "key: value" line of a config (quotes and trailing comments dropped).
config_value() {
  sed -n "s/^$2:[[:space:]]*\"\{0,1\}\([^\"#[:space:]]*\).*/\1/p" "$configs/$1.yaml" | head -n 1
}

# The pid of a running node, or nothing. A pid file whose process is gone (or is something else now) is removed.
node_pid() {
  local file="$run/$1.pid" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null && ps -p "$pid" -o args= | grep -q -- ' serve '; then
    echo "$pid"
  else
    rm -f "$file"
  fi
}

status_json() {
  curl -s --max-time 3 "http://$(config_value "$1" http_addr)/v1/status" || true
}

# The first (top-level) occurrence of a field in /v1/status JSON; the members array repeats some names later.
json_field() {
  { grep -o "\"$2\":\"\{0,1\}[^\",}]*" <<< "$1" || true; } | head -n 1 | sed 's/^[^:]*://; s/"//g'
}

# Succeeds when every running node answers and names the same leader.
agreed_leader() {
  local name id leader=""
  for name in $(nodes); do
    [ -n "$(node_pid "$name")" ] || continue
    id="$(json_field "$(status_json "$name")" leader_id)"
    if [ -z "$id" ] || [ "$id" = 0 ] || { [ -n "$leader" ] && [ "$id" != "$leader" ]; }; then
      return 1
    fi
    leader="$id"
  done
  [ -n "$leader" ]
}

up() {
  mkdir -p "$run"
  if [ -z "${CLUSTER_REEFDB:-}" ]; then
    echo "building reefdb (Release, ReadyToRun) if a source changed..."
    "$root/reefdb" --help > /dev/null
  fi

  local name
  for name in $(nodes); do
    if [ -n "$(node_pid "$name")" ]; then
      echo "$name: already running (pid $(node_pid "$name"))"
      continue
    fi

    # ./reefdb ends in `exec dotnet`, so the background job's pid is the node's.
    nohup "${reefdb[@]}" serve --config "$configs/$name.yaml" >> "$run/$name.log" 2>&1 < /dev/null &
    echo $! > "$run/$name.pid"
    echo "$name: started (pid $!, log $run/$name.log)"
  done

  echo "waiting for a leader..."
  local deadline=$((SECONDS + 90))
  until agreed_leader; do
    if [ $SECONDS -ge $deadline ]; then
      status
      echo "no leader agreed by every running node after 90 s; see the logs in $run" >&2
      return 1
    fi
    sleep 0.5
  done
  status
}

status() {
  local name pid json
  printf '%-8s %-8s %-16s %-10s %-6s %s\n' NODE PID HTTP ROLE TERM LEADER
  for name in $(nodes); do
    pid="$(node_pid "$name")"
    json="$(status_json "$name")"
    if [ -z "$json" ]; then
      printf '%-8s %-8s %-16s %s\n' "$name" "${pid:--}" "$(config_value "$name" http_addr)" "$([ -n "$pid" ] && echo 'not answering' || echo down)"
      continue
    fi

    printf '%-8s %-8s %-16s %-10s %-6s %s\n' "$name" "${pid:--}" "$(config_value "$name" http_addr)" \
      "$(json_field "$json" role)" "$(json_field "$json" term)" \
      "$(json_field "$json" leader_id) ($(json_field "$json" leader_http_addr))"
  done
}

down() {
  local name pid deadline
  for name in $(nodes); do
    pid="$(node_pid "$name")"
    if [ -z "$pid" ]; then
      echo "$name: not running"
      continue
    fi

    kill -TERM "$pid"
    deadline=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid"
      echo "$name: killed (pid $pid did not stop within 15 s)"
    else
      echo "$name: stopped (pid $pid)"
    fi
    rm -f "$run/$name.pid"
  done
}

case "${1:-}" in
  up) up ;;
  status) status ;;
  down) down ;;
  *) usage ;;
esac
