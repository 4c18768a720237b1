#!/usr/bin/env bash
# Builds the ReefDB command-line tool the way every script that starts nodes runs it (./reefdb, scripts/cluster.sh,
# scripts/bench-cluster.sh and the nodes `reefdb bench failover` starts), and prints the path of its ReefDB.Cli.dll.
#
# The build is a Release publish with ReadyToRun (PublishReadyToRun in ReefDB.Cli.csproj): every ReefDB assembly and
# every package it loads is precompiled to native code, so a freshly started node serves at full speed from its
# first requests instead of after seconds of tier-0 JIT code and background recompilation (docs/PERFORMANCE.md,
# "Warm-up"). It goes to src/ReefDB.Cli/bin/reefdb, apart from the plain builds that tests use, and is redone only
# when a source is newer than the last one. Crossgen2 comes from NuGet like any package; if that publish fails
# (say, offline without the crossgen2 package), the plain Release build is used instead, with a warning: slower to
# warm up, same behaviour. REEFDB_READY_TO_RUN=0 asks for the plain build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/src/ReefDB.Cli/ReefDB.Cli.csproj"
bin="$root/src/ReefDB.Cli/bin"
published="$bin/reefdb/ReefDB.Cli.dll"
plain="$bin/Release/net10.0/ReefDB.Cli.dll"
# The stamp holds the path of the last good build's dll; its time is that build's.
stamp="$bin/.reefdb-built"
ready_to_run="${REEFDB_READY_TO_RUN:-1}"

current() {
  [ -f "$stamp" ] || return 1
  local dll
  dll="$(cat "$stamp")"
  [ -f "$dll" ] || return 1
  if [ "$ready_to_run" = 0 ]; then [ "$dll" = "$plain" ] || return 1; fi
  [ -z "$(find "$root/src" "$root/Directory.Build.props" "$root/Directory.Packages.props" "${BASH_SOURCE[0]}" \
            \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.proto' -o -name '*.sh' \) \
            -newer "$stamp" -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ] || return 1
  echo "$dll"
}

build() {
  local log="$bin/.reefdb-publish.log" started="$bin/.reefdb-building"
  # The stamp gets the time the build started, so that a source saved during the build makes the next run rebuild.
  touch "$started"
  if [ "$ready_to_run" != 0 ]; then
    # --use-current-runtime: ReadyToRun code is for one platform, this machine's; --self-contained false: the
    # installed .NET runs it, as it runs the plain build. --artifacts-path: its restore, intermediate files and
    # builds of every project go to a tree of their own, so it never writes the obj/ folders a `dotnet build` or
    # `dotnet test` running at the same time reads and writes.
    if dotnet publish "$project" -c Release --use-current-runtime --self-contained false -o "$bin/reefdb" \
         --artifacts-path "$bin/reefdb-build" --nologo -v quiet -clp:ErrorsOnly >"$log" 2>&1; then
      finish "$published"
      return
    fi
    echo "reefdb: the ReadyToRun publish failed (see $log); using the plain build, which warms up slower" >&2
  fi
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
  finish "$plain"
}

finish() {
  echo "$1" > "$stamp"
  touch -r "$bin/.reefdb-building" "$stamp"
  echo "$1"
}

mkdir -p "$bin"
# Nodes started together (scripts/cluster.sh) must not build at the same time; flock is absent on some systems.
if command -v flock >/dev/null; then
  exec 9>"$bin/.reefdb-build.lock"
  flock 9
fi
current || build
