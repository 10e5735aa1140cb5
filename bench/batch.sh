#!/usr/bin/env bash
# batch.sh measures `newslens summarize` over a batch of 16 distinct
# articles against bench/mockllm, a mock endpoint on 127.0.0.1 with a fixed
# latency: serial versus concurrent wall time, cold versus warm response
# cache, and the CPU time newslens spends per article.
#
# Usage: bash bench/batch.sh   (from anywhere; builds into a temp dir)
#
# Exits non-zero only when a build or a run fails. A ratio that misses its
# target is marked MISSED in the table.
set -euo pipefail

latency_ms=300
articles=16
jobs=8

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
mock_pid=

cleanup() {
	if [[ -n $mock_pid ]]; then
		kill -TERM "$mock_pid" 2>/dev/null || true
		wait "$mock_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$root"
echo "building newslens and mockllm ..."
go build -o "$work/newslens" ./cmd/newslens
go build -o "$work/mockllm" ./bench/mockllm

# Articles: the summit set, cycled to $articles files, each with a closing
# line of its own so that every body (and so every sha256, the cache key's
# article part) differs. A line at the end leaves the sentence numbers the
# mock reply cites unchanged.
mkdir "$work/articles"
sources=(testdata/articles/summit/*.txt)
args=()
for i in $(seq 1 "$articles"); do
	src=${sources[$(((i - 1) % ${#sources[@]}))]}
	name=$(printf 'copy%02d-%s' "$i" "$(basename "$src" .txt)")
	{
		cat "$src"
		printf '\n\nThis is benchmark copy %d of the report.\n' "$i"
	} >"$work/articles/$name.txt"
	args+=("$name=$work/articles/$name.txt")
done
reply=testdata/replies/seed-summarize@2.json

# start_mock LATENCY starts mockllm and sets mock_pid, base and port.
start_mock() {
	"$work/mockllm" -latency "$1" -reply "$reply" -lifetime 5m >"$work/mock.out" 2>"$work/mock.err" &
	mock_pid=$!
	for _ in $(seq 100); do
		if [[ -s $work/mock.out ]]; then break; fi
		sleep 0.05
	done
	base=$(head -n 1 "$work/mock.out")
	if [[ $base != http://127.0.0.1:*/v1 ]]; then
		echo "batch.sh: mockllm did not start:" >&2
		cat "$work/mock.err" >&2
		exit 1
	fi
	port=${base#http://127.0.0.1:}
	port=${port%/v1}
}

stop_mock() {
	kill -TERM "$mock_pid"
	wait "$mock_pid" || true
	mock_pid=
}

# requests prints the mock's chat-completion count from GET /stats.
requests() {
	local resp
	exec 3<>"/dev/tcp/127.0.0.1/$port"
	printf 'GET /stats HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
	resp=$(cat <&3)
	exec 3<&-
	[[ $resp =~ \"requests\":([0-9]+) ]]
	echo "${BASH_REMATCH[1]}"
}

# measure NAME FLAGS... runs newslens summarize over the articles in args,
# checks that each was summarised, and sets real, user and sys (seconds)
# and reqs (requests the mock received).
measure() {
	local name=$1
	shift
	local want=${#args[@]}
	local before
	before=$(requests)
	local TIMEFORMAT='%R %U %S'
	if ! { time OPENAI_BASE_URL=$base OPENAI_API_KEY=bench \
		"$work/newslens" summarize -q -f json "$@" -- "${args[@]}" \
		>"$work/$name.json" 2>"$work/$name.err"; } 2>"$work/$name.time"; then
		echo "batch.sh: run $name failed:" >&2
		cat "$work/$name.err" >&2
		exit 1
	fi
	read -r real user sys <"$work/$name.time"
	reqs=$(($(requests) - before))
	local got
	got=$(grep -Eo '"sha256": *"[0-9a-f]{64}"' "$work/$name.json" | sort -u | wc -l)
	if ((got != want)); then
		echo "batch.sh: run $name: $got distinct articles summarised, want $want" >&2
		exit 1
	fi
}

# ratio A B prints A/B with three decimals; verdicts compare that, so a
# miss cannot round into a pass.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

# verdict A B prints "ok" if A <= B, else "MISSED".
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "ok" : "MISSED") }'; }

rows=()
row() { rows+=("$(printf '%-28s %8s %8s %8s %5s   %s' "$@")"); }

start_mock "${latency_ms}ms"
ideal_serial=$(awk -v n="$articles" -v l="$latency_ms" 'BEGIN { printf "%.2f", n * l / 1000 }')
ideal_conc=$(awk -v n="$articles" -v j="$jobs" -v l="$latency_ms" 'BEGIN { printf "%.2f", int((n + j - 1) / j) * l / 1000 }')

echo "a) serial, -j 1 --no-cache"
measure serial -j 1 --no-cache
r=$(ratio "$real" "$ideal_serial")
row "a) serial -j 1" "$real" "$user" "$sys" "$reqs" "${r}x ideal ${ideal_serial}s (target <= 1.15x: $(verdict "$r" 1.15))"

echo "b) concurrent, -j $jobs --no-cache"
measure concurrent -j "$jobs" --no-cache
r=$(ratio "$real" "$ideal_conc")
row "b) concurrent -j $jobs" "$real" "$user" "$sys" "$reqs" "${r}x ideal ${ideal_conc}s (target <= 1.15x: $(verdict "$r" 1.15))"
speedup=$(ratio "$(awk '{print $1}' "$work/serial.time")" "$real")

echo "c) cold then warm cache, -j $jobs --cache-dir"
measure cold -j "$jobs" --cache-dir "$work/cache"
cold_real=$real
row "c) cold cache -j $jobs" "$real" "$user" "$sys" "$reqs" "$(ratio "$real" "$ideal_conc")x ideal ${ideal_conc}s"
# The warm run is repeated and the median taken: it is short enough for
# one stray scheduling delay to double it. Every repeat must make no
# request.
warm_runs=()
zero=ok
for i in 1 2 3 4 5; do
	measure warm -j "$jobs" --cache-dir "$work/cache"
	warm_runs+=("$real $user $sys")
	if ((reqs != 0)); then zero=MISSED; fi
done
read -r real user sys < <(printf '%s\n' "${warm_runs[@]}" | sort -n | sed -n 3p)
r=$(ratio "$real" "$cold_real")
row "c) warm cache -j $jobs" "$real" "$user" "$sys" "$reqs" "${r}x cold, median of 5 (target <= 0.05x: $(verdict "$r" 0.05)); zero requests: $zero"
stop_mock

echo "d) per-article overhead, zero latency, -j 1 --no-cache"
start_mock 0s
measure overhead -j 1 --no-cache
cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
per=$(awk -v c="$cpu" -v n="$articles" 'BEGIN { printf "%.1f", c / n * 1000 }')
row "d) zero latency -j 1" "$real" "$user" "$sys" "$reqs" "user+sys ${cpu}s / $articles = ${per} ms CPU per article"
# The same with one article shows the fixed start-up cost inside every
# run above; the difference is the marginal CPU time per article.
all=("${args[@]}")
args=("${all[0]}")
measure startup -j 1 --no-cache
args=("${all[@]}")
cpu1=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
marginal=$(awk -v c="$cpu" -v c1="$cpu1" -v n="$articles" 'BEGIN { printf "%.1f", (c - c1) / (n - 1) * 1000 }')
row "d) zero latency, 1 article" "$real" "$user" "$sys" "$reqs" "start-up + 1 article: ${cpu1}s CPU; marginal $marginal ms CPU per article"
stop_mock

echo
printf '%-28s %8s %8s %8s %5s   %s\n' "run ($articles articles)" "real s" "user s" "sys s" "reqs" "ratio"
printf '%s\n' "${rows[@]}"
echo
echo "mock latency ${latency_ms} ms; concurrent speed-up over serial: ${speedup}x"
echo "Go benchmark of the same path in-process: go test ./bench -run '^\$' -bench SummarizeOverhead"
