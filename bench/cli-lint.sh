#!/usr/bin/env bash
# Wall time of `sora-conf lint` on a 60-key sora.conf: the whole process, start-up included.
# Median of N runs (default 30) after 3 warm-up runs, for the framework-dependent build
# (`dotnet sora-conf.dll`, i.e. what `dotnet tool install` gives), the same with ReadyToRun code, and, when the ILCompiler
# packages restore, for a NativeAOT binary. Uses hyperfine when installed, else a date +%s%N loop.
#
#   bench/cli-lint.sh [runs]        # results go to stdout; copy them to docs/benchmarks.md
set -euo pipefail
runs="${1:-30}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

dotnet build "$root/src/Sora.Config.Cli" -c Release -o "$out/fdd" -v quiet -nologo > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
fdd=(dotnet "$out/fdd/sora-conf.dll")

# 60 distinct keys of Sora 2024.1 (the newest release has fewer than 60 keys), each with its default or example value (or a plausible one).
"${fdd[@]}" keys --sora-version 2024.1 --format json > "$out/keys.json"
python3 - "$out/keys.json" "$out/sora.conf" <<'PY'
import json, sys
keys = json.load(open(sys.argv[1]))["keys"]
fallback = {"bool": "false", "int": "5", "port": None, "float": "1.0", "string": "edge-1", "enum": None,
            "interval": "5 s", "ipv4": "10.0.0.10", "ipv6": "fd00::10", "url": "https://hooks.sora.internal.jp/sora",
            "fqdn": "turn.sora.internal.jp", "path": "etc/file.pem"}
lines, port = [], 40000
for k in keys:
    # Legacy switches are included too (they add SORA2002 warnings): 60 keys need nearly all of them.
    value = k["default"] or fallback.get(k["type"].split(" ")[-1])
    if k["type"] == "port" and value is None: port += 1; value = str(port)
    if k["type"] == "enum": value = k["candidates"][0]
    if value is None: continue
    lines.append(f"{k['name']} = {value}")
    if len(lines) == 60: break
assert len(lines) == 60, len(lines)
open(sys.argv[2], "w").write("# 60-key benchmark input\n" + "\n".join(lines) + "\n")
PY

median_ms() {  # runs "$@" $runs times, prints the median wall time in ms
  local times=()
  for _ in 1 2 3; do "$@" > /dev/null 2>&1 || true; done
  for _ in $(seq "$runs"); do
    local t0 t1; t0=$(date +%s%N); "$@" > /dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f ms (min %.1f, max %.1f, n=%d)\n", m/1000, a[1]/1000, a[NR]/1000, NR}'
}

measure() {  # label, command...
  local label="$1"; shift
  if command -v hyperfine > /dev/null; then
    hyperfine -N -w 3 -r "$runs" -i --export-json "$out/h.json" "$(printf '%q ' "$@")" > /dev/null
    python3 -c "import json;r=json.load(open('$out/h.json'))['results'][0];print('%s: %.1f ms median (min %.1f, max %.1f, n=%d) [hyperfine]'%('$label',r['median']*1000,r['min']*1000,r['max']*1000,len(r['times'])))"
  else
    echo "$label: $(median_ms "$@") [date loop]"
  fi
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version) SDK"
"${fdd[@]}" lint --sora-version 2024.1 "$out/sora.conf" | tail -1 || true
measure "framework-dependent (dotnet sora-conf.dll lint, 60 keys)" "${fdd[@]}" lint --sora-version 2024.1 "$out/sora.conf"
measure "framework-dependent (dotnet sora-conf.dll --version)" "${fdd[@]}" --version

# ReadyToRun: still framework-dependent (`dotnet sora-conf.dll`), with precompiled code for one RID.
rid="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
if dotnet publish "$root/src/Sora.Config.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" -v quiet -nologo > "$out/r2r.log" 2>&1; then
  measure "framework-dependent ReadyToRun $rid (dotnet sora-conf.dll lint, 60 keys)" dotnet "$out/r2r/sora-conf.dll" lint --sora-version 2024.1 "$out/sora.conf"
  measure "framework-dependent ReadyToRun $rid (dotnet sora-conf.dll --version)" dotnet "$out/r2r/sora-conf.dll" --version
else
  echo "ReadyToRun publish failed:"; grep -E "error" "$out/r2r.log" | sort -u | head -5
fi

if dotnet publish "$root/src/Sora.Config.Cli" -c Release -r linux-x64 -p:SoraConfAot=true -o "$out/aot" -v quiet -nologo > "$out/aot.log" 2>&1; then
  "$out/aot/sora-conf" lint --sora-version 2024.1 "$out/sora.conf" | tail -1 || true
  measure "NativeAOT (sora-conf lint, 60 keys)" "$out/aot/sora-conf" lint --sora-version 2024.1 "$out/sora.conf"
  echo "NativeAOT binary: $(du -h "$out/aot/sora-conf" | cut -f1)"
else
  echo "NativeAOT publish failed:"; grep -E "error" "$out/aot.log" | sort -u | head -5
fi
