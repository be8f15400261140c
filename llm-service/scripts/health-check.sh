#!/usr/bin/env bash
# Is the Ollama server up, and does it have the model careerforge will ask for?
#
#   health-check.sh [MODEL]     exit 0: server answers and MODEL is pulled
#                               exit 1: it does not; one line on stderr says why
#   health-check.sh --print-url print the base URL resolved from OLLAMA_HOST and exit
#
# MODEL defaults to $CAREERFORGE_MODEL, then to mistral:7b-instruct-v0.3-q4_K_M.
# OLLAMA_HOST is read the way Ollama itself reads it: "host" or "host:port" means http with
# port 11434, "http://host" port 80, "https://host" port 443; empty means 127.0.0.1:11434. A host
# careerforge would refuse (bad port, a path with /api, stray colons) exits 2, with its message.
# HEALTH_CHECK_TIMEOUT (seconds, default 5) bounds each HTTP request.
set -euo pipefail

readonly default_model='mistral:7b-instruct-v0.3-q4_K_M'
timeout_s="${HEALTH_CHECK_TIMEOUT:-5}"

fail() {
  printf 'health-check: %s\n' "$1" >&2
  exit 1
}

# OLLAMA_HOST the way careerforge reads it (src/core/llm/host.ts; test/deploy.test.ts runs both on
# the same list): Ollama's envconfig.Host() rules (trim spaces and quotes, split off the scheme and
# any path, then host and port), but what Ollama would quietly turn into an unusable URL is refused
# with exit 2 and the CLI's message: another scheme, a bad port, stray colons, a path with /api in
# it (the API lives under /api already), ?query or spaces. user:password@ is kept (curl sends it).
usage_error() {
  printf 'health-check: %s\n' "$1" >&2
  exit 2
}

# An IPv6 address as Node's net.isIPv6 accepts it: hex groups of 1-4, at most one "::", an
# optional dotted IPv4 tail and %zone (refused later all the same: a URL cannot carry one).
is_ipv6() {
  local a="${1%%\%*}" groups=0 part
  [[ $a == *:* && $a =~ ^[0-9A-Fa-f:.]+$ ]] || return 1
  [[ $a != *:::* ]] || return 1
  local rest="${a//::/}"
  (( ${#a} - ${#rest} <= 2 )) || return 1
  if [[ $a != *::* ]]; then
    [[ $a != :* && $a != *: ]] || return 1
  fi
  [[ $a != *.* || $a =~ :([0-9]{1,3}\.){3}[0-9]{1,3}$ ]] || return 1
  [[ $a != *.* ]] || groups=1
  local IFS=:
  for part in $a; do
    [[ -z $part ]] && continue
    if [[ $part == *.* ]]; then continue; fi
    [[ $part =~ ^[0-9A-Fa-f]{1,4}$ ]] || return 1
    groups=$((groups + 1))
  done
  if [[ $a == *::* ]]; then ((groups < 8)); else ((groups == 8)); fi
}

ollama_base_url() {
  local orig="${OLLAMA_HOST:-}" raw value scheme hostport path='' host='' port='' default_port=11434 userinfo=''
  raw="${orig#"${orig%%[![:space:]]*}"}"
  raw="${raw%"${raw##*[![:space:]]}"}"
  value="$raw"
  [[ $value == [\"\']* ]] && value="${value:1}"
  [[ $value == *[\"\'] ]] && value="${value%?}"
  if [[ -z $value ]]; then
    printf 'http://127.0.0.1:11434\n'
    return
  fi

  if [[ $value == *://* ]]; then
    scheme="${value%%://*}"
    scheme="${scheme,,}"
    hostport="${value#*://}"
    case "$scheme" in
      http) default_port=80 ;;
      https) default_port=443 ;;
      *) usage_error "OLLAMA_HOST has an unsupported scheme \"$scheme\": use http:// or https://" ;;
    esac
  else
    scheme=http
    hostport="$value"
  fi
  if [[ $hostport =~ [?#[:space:]] ]]; then
    usage_error "OLLAMA_HOST must be host:port with no spaces, ?query or #fragment (in \"$orig\")"
  fi

  if [[ $hostport == */* ]]; then
    path="/${hostport#*/}"
    hostport="${hostport%%/*}"
    while [[ $path == */ ]]; do path="${path%/}"; done
  fi
  if [[ $hostport == *@* ]]; then
    userinfo="${hostport%@*}"
    hostport="${hostport##*@}"
    [[ -n $userinfo && $userinfo != :* ]] || usage_error "OLLAMA_HOST has \"@\" but no user name before it (in \"$orig\")"
  fi

  port="$default_port"
  if [[ $hostport =~ ^\[([^]]+)\](:(.*))?$ ]]; then
    host="${BASH_REMATCH[1]}"
    [[ -n ${BASH_REMATCH[2]} ]] && port="${BASH_REMATCH[3]}"
    is_ipv6 "$host" || usage_error "OLLAMA_HOST has \"[$host]\", which is not an IPv6 address (in \"$orig\")"
  elif [[ $hostport =~ ^([^:]*):([^:]*)$ ]]; then
    host="${BASH_REMATCH[1]}"
    port="${BASH_REMATCH[2]}"
  elif [[ $hostport == *:* ]]; then
    is_ipv6 "$hostport" || usage_error "OLLAMA_HOST has too many colons in \"$hostport\": use host:port, or [ipv6]:port"
    host="$hostport"
  else
    host="$hostport"
  fi
  [[ -n $host ]] || host=127.0.0.1
  local digits="${port#"${port%%[!0]*}"}"
  if ! [[ $port =~ ^[0-9]+$ ]] || ((${#digits} > 5)) || ((10#${digits:-0} > 65535)); then
    usage_error "OLLAMA_HOST has an invalid port \"$port\" (in \"$orig\")"
  fi
  port="$((10#${digits:-0}))"
  local bare="$host"
  if [[ $host == *:* ]]; then host="[$host]"; fi
  if [[ $path =~ (^|/)[Aa][Pp][Ii](/|$) ]]; then
    usage_error "OLLAMA_HOST has a path ($path): use $scheme://$host:$port (careerforge adds /api itself)"
  fi
  # What a URL cannot hold in its host part (WHATWG forbidden host code points).
  if [[ $bare =~ [\<\>\\^|%] ]]; then
    usage_error "OLLAMA_HOST is not a valid host: \"$orig\" (expected host:port or http://host:port)"
  fi
  printf '%s://%s%s:%s%s\n' "$scheme" "${userinfo:+$userinfo@}" "$host" "$port" "$path"
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
