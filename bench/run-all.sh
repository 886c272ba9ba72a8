#!/usr/bin/env bash
# Every benchmark suite of docs/benchmarks.md, back to back, each into its own log (the "one go" of issue 10):
# reader/writer and cluster bundle, generator + typed parse + binding, analyzers (telemetry), language server (time and
# memory), CLI start-up. Load averages and times are logged between suites. Run on an otherwise idle machine.
#
#   bench/run-all.sh <log-dir>      # about 16 minutes on 2 cores
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
logs="${1:?usage: bench/run-all.sh <log-dir>}"
mkdir -p "$logs"
mark() { echo "$(date -u +%H:%M:%S) $1 load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$logs/times.log"; }

cd "$root"
for p in bench/Sora.Config.Benchmarks bench/Sora.Config.Generator.Bench bench/Sora.Config.Analyzers.Bench bench/Sora.Config.LanguageServer.Bench; do
  dotnet build -c Release "$p" -v quiet -nologo > "$logs/build.log" 2>&1 || { cat "$logs/build.log"; exit 1; }
done
mark start
dotnet run -c Release --no-build --project bench/Sora.Config.Benchmarks -- --filter '*' > "$logs/readwrite.log" 2>&1; mark readwrite
dotnet run -c Release --no-build --project bench/Sora.Config.Generator.Bench -- --filter '*' > "$logs/generator.log" 2>&1; mark generator
dotnet run -c Release --no-build --project bench/Sora.Config.Analyzers.Bench -- --telemetry 15 --warmup 15 > "$logs/analyzers.log" 2>&1; mark analyzers
ls=bench/Sora.Config.LanguageServer.Bench/bin/Release/net10.0/Sora.Config.LanguageServer.Bench.dll
dotnet "$ls" --filter '*' --inProcess --warmupCount 5 --iterationCount 30 > "$logs/ls.log" 2>&1; mark ls
dotnet "$ls" memory > "$logs/ls-memory.log" 2>&1; mark ls-memory
bench/cli-lint.sh 20 > "$logs/cli.log" 2>&1; mark cli
