#!/usr/bin/env bash
# The README's test command: installs what the tests drive for real (nginx with the stream module,
# logrotate, Neovim; systemd-analyze, openssl and Node.js/npm are expected on the machine), then runs
# every test project. Arguments are passed to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v nginx >/dev/null || missing+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_stream_module.so ] || missing+=(libnginx-mod-stream)
command -v logrotate >/dev/null || missing+=(logrotate)
command -v nvim >/dev/null || missing+=(neovim)
command -v openssl >/dev/null || missing+=(openssl)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}" >&2
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for tool in systemd-analyze npm; do
  command -v "$tool" >/dev/null || echo "test.sh: $tool is not installed; the tests that need it will fail and say so" >&2
done

dotnet test Sora.Config.sln "$@"
# The typed fast path scans comment lines with 256-bit vectors where the processor has them; ARM64 and older x64 run its
# 128-bit branch, which the run above never reaches on an AVX2 machine. With no arguments (a full run), the readers'
# agreement tests run again on that branch.
if [ "$#" -eq 0 ]; then
  DOTNET_EnableAVX2=0 dotnet test tests/Sora.Config.Tests --filter "FullyQualifiedName~Differential"
fi
