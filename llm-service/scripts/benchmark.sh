#!/usr/bin/env bash
# Measure the deployed model through the real client: runs `careerforge bench` with all
# arguments passed through (see `careerforge bench --help`).
#
# Uses this checkout's CLI (npx careerforge, from the repo root) when run from a clone, otherwise
# a `careerforge` found on PATH. OLLAMA_HOST and the other careerforge settings apply as usual;
# with an SSH tunnel to a remote box the default 127.0.0.1:11434 is already right.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"

# Use npx only inside a careerforge checkout: elsewhere it would look for (and, without
# --no-install, download) whatever package of that name the registry has.
if [[ -f $repo_root/package.json ]] && grep -q '"name":[[:space:]]*"careerforge"' "$repo_root/package.json" &&
  command -v npx >/dev/null; then
  cd "$repo_root"
  # The bin script loads the compiled CLI; without it npx fails with an unhelpful npm error.
  if [[ ! -d dist ]]; then
    printf 'benchmark: %s/dist is missing; run npm install && npm run build first\n' "$repo_root" >&2
  fi
  exec npx --no-install careerforge bench "$@"
fi
if command -v careerforge >/dev/null; then
  exec careerforge bench "$@"
fi
printf 'benchmark: careerforge not found: run npm install && npm run build in %s, or install the CLI globally\n' \
  "$repo_root" >&2
exit 127
