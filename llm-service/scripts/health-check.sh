#!/usr/bin/env bash
# Is the Ollama server up, and does it have the model careerforge will ask for?
#
#   health-check.sh [MODEL]     exit 0: server answers and MODEL is pulled
#                               exit 1: it does not; one line on stderr says why
#   health-check.sh --print-url print the base URL resolved from OLLAMA_HOST and exit
#
# MODEL defaults to $CAREERFORGE_MODEL, then to mistral:7b-instruct-v0.3-q4_K_M.
# OLLAMA_HOST is read the way Ollama itself reads it: "host" or "host:port" means http with
# port 11434, "http://host" port 80, "https://host" port 443; empty means 127.0.0.1:11434.
# HEALTH_CHECK_TIMEOUT (seconds, default 5) bounds each HTTP request.
set -euo pipefail

readonly default_model='mistral:7b-instruct-v0.3-q4_K_M'
timeout_s="${HEALTH_CHECK_TIMEOUT:-5}"

fail() {
  printf 'health-check: %s\n' "$1" >&2
  exit 1
}

# Mirrors envconfig.Host() in Ollama: trim spaces and quotes, split off the scheme and any path,
# then host and port; a missing or invalid port falls back to the scheme's default.
ollama_base_url() {
  local raw="${OLLAMA_HOST:-}" scheme hostport path='' host='' port='' default_port=11434
  raw="${raw#"${raw%%[![:space:]]*}"}"
  raw="${raw%"${raw##*[![:space:]]}"}"
  while [[ $raw == [\"\']* ]]; do raw="${raw:1}"; done
  while [[ $raw == *[\"\'] ]]; do raw="${raw%?}"; done

  if [[ $raw == *://* ]]; then
    scheme="${raw%%://*}"
    hostport="${raw#*://}"
    case "$scheme" in
      http) default_port=80 ;;
      https) default_port=443 ;;
      *) ;; # other schemes keep 11434, as in Ollama
    esac
  else
    scheme=http
    hostport="$raw"
  fi

  if [[ $hostport == */* ]]; then
    path="/${hostport#*/}"
    hostport="${hostport%%/*}"
    while [[ $path == */ ]]; do path="${path%/}"; done
  fi

  # Go's net.SplitHostPort: "[v6]:port" or "name:port" with exactly one colon.
  if [[ $hostport =~ ^\[([^]]*)\]:([^:]*)$ ]]; then
    host="${BASH_REMATCH[1]}"
    port="${BASH_REMATCH[2]}"
  elif [[ $hostport =~ ^([^:]*):([^:]*)$ ]]; then
    host="${BASH_REMATCH[1]}"
    port="${BASH_REMATCH[2]}"
  else
    host="${hostport#[}"
    host="${host%]}"
    [[ -n $host ]] || host=127.0.0.1
    port="$default_port"
  fi
  [[ -n $host ]] || host=127.0.0.1
  if ! [[ $port =~ ^[0-9]{1,5}$ ]] || ((10#$port > 65535)); then
    port="$default_port"
  fi
  if [[ $host == *:* ]]; then host="[$host]"; fi
  printf '%s://%s:%s%s\n' "$scheme" "$host" "$((10#$port))" "$path"
}

case "${1:-}" in
  -h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  --print-url)
    ollama_base_url
    exit 0
    ;;
  *) ;;
esac

model="${1:-${CAREERFORGE_MODEL:-$default_model}}"
# Ollama lists untagged names with ":latest", so compare against that form.
[[ ${model##*/} == *:* ]] || model="${model}:latest"
base="$(ollama_base_url)"

if ! version_json="$(curl --silent --show-error --fail --max-time "$timeout_s" "$base/api/version" 2>&1)"; then
  fail "no Ollama server at $base (GET /api/version: ${version_json//$'\n'/ })"
fi
version="$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$version_json" | head -n 1)"
[[ -n $version ]] || fail "$base/api/version did not return an Ollama version: ${version_json:0:120}"

if ! tags_json="$(curl --silent --show-error --fail --max-time "$timeout_s" "$base/api/tags" 2>&1)"; then
  fail "Ollama $version at $base answered /api/version but not /api/tags (${tags_json//$'\n'/ })"
fi
# No jq in the image or on most VPSes: drop whitespace (model names contain none), then look
# for the exact "name" or "model" field.
compact="$(tr -d '[:space:]' <<<"$tags_json")"
[[ $compact == *'"models":'* ]] || fail "unexpected /api/tags response from $base: ${tags_json:0:120}"
if [[ $compact != *"\"name\":\"$model\""* && $compact != *"\"model\":\"$model\""* ]]; then
  fail "Ollama $version at $base is up, but model $model is not pulled (ollama pull $model)"
fi

printf 'ok: Ollama %s at %s has %s\n' "$version" "$base" "$model"
