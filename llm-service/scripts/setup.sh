#!/usr/bin/env bash
# One-shot deployment: start Ollama with Docker Compose, wait until it answers, pull the base
# model and create the `careerforge` model from the repo's Modelfile. Safe to re-run: pulling an
# up-to-date model and re-creating `careerforge` are both cheap.
#
#   setup.sh [--cpu | --gpu]
#
#   --cpu   no NVIDIA GPU: add docker-compose.cpu.yml (drops the GPU reservation)
#   --gpu   keep the GPU reservation (needs nvidia-container-toolkit)
#   default: --gpu when `nvidia-smi` works, otherwise --cpu
#
# Environment: CAREERFORGE_BASE_MODEL (default mistral:7b-instruct-v0.3-q4_K_M),
# CAREERFORGE_MODEL_NAME (default careerforge), SETUP_WAIT_SECONDS (default 120).
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
service_dir="$(dirname "$script_dir")"
repo_root="$(dirname "$service_dir")"
modelfile="$repo_root/Modelfile"
base_model="${CAREERFORGE_BASE_MODEL:-mistral:7b-instruct-v0.3-q4_K_M}"
model_name="${CAREERFORGE_MODEL_NAME:-careerforge}"
wait_s="${SETUP_WAIT_SECONDS:-120}"
# docker-compose.yml publishes the port on the host's loopback only.
readonly api='http://127.0.0.1:11434'

log() { printf 'setup: %s\n' "$*"; }
die() {
  printf 'setup: %s\n' "$*" >&2
  exit 1
}

mode=auto
case "${1:-}" in
  --cpu) mode=cpu ;;
  --gpu) mode=gpu ;;
  '') ;;
  -h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *) die "unknown option: $1 (try --help)" ;;
esac

command -v docker >/dev/null || die "docker is not installed"
docker compose version >/dev/null 2>&1 || die "the Docker Compose v2 plugin is missing (docker compose version)"
command -v curl >/dev/null || die "curl is not installed"
[[ -f $modelfile ]] || die "no Modelfile at $modelfile"

if [[ $mode == auto ]]; then
  if command -v nvidia-smi >/dev/null && nvidia-smi >/dev/null 2>&1; then mode=gpu; else mode=cpu; fi
fi
compose_files=(-f "$service_dir/docker-compose.yml")
if [[ $mode == cpu ]]; then
  compose_files+=(-f "$service_dir/docker-compose.cpu.yml")
  log "CPU mode: expect a few tokens per second; see README.md"
else
  log "GPU mode: the container reserves all NVIDIA GPUs"
fi
compose() { docker compose "${compose_files[@]}" "$@"; }

log "starting the ollama service"
compose up -d ollama

log "waiting up to ${wait_s}s for $api/api/version"
deadline=$((SECONDS + wait_s))
until curl --silent --fail --max-time 3 --output /dev/null "$api/api/version"; do
  if ((SECONDS >= deadline)); then
    compose logs --tail 30 ollama >&2 || true
    die "Ollama did not answer within ${wait_s}s (logs above)"
  fi
  sleep 2
done
version_json="$(curl --silent --fail --max-time 5 "$api/api/version")"
log "Ollama is up: $version_json"

# The CLI in the container shows pull progress and resumes an interrupted download.
log "pulling $base_model (about 4.4 GB the first time)"
compose exec -T ollama ollama pull "$base_model"

# The Modelfile lives on the host; stream it into the container instead of mounting the repo.
log "creating $model_name from $modelfile"
compose exec -T ollama bash -c 'cat > /tmp/careerforge.Modelfile' <"$modelfile"
compose exec -T ollama ollama create "$model_name" -f /tmp/careerforge.Modelfile

OLLAMA_HOST=127.0.0.1:11434 "$script_dir/health-check.sh" "$base_model"
OLLAMA_HOST=127.0.0.1:11434 "$script_dir/health-check.sh" "$model_name"
log "done. Try: $script_dir/benchmark.sh   (or: careerforge health)"
