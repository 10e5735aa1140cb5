#!/usr/bin/env bash
# diff.sh times `newslens diff` against `git diff --no-index --word-diff`
# on the same pair of 20,000-word article versions, the pair that
# BenchmarkVersions in package compare/versions uses.
#
# Usage: bash bench/diff.sh [RUNS]   (from the module root; RUNS defaults to 5)
set -euo pipefail

runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
go test ./compare/versions -run '^TestWriteVersionPair$' -count=1 -args -pairdir "$work" >/dev/null
go build -o "$work/newslens" ./cmd/newslens
# The static build the README offers for a quicker start.
CGO_ENABLED=0 go build -tags urfave_cli_no_docs -o "$work/newslens-static" ./cmd/newslens
echo "pair: $(wc -w <"$work/old.txt") and $(wc -w <"$work/new.txt") words"

# best prints the fastest of $runs runs of the given command, in ms.
best() {
	local best_ms=
	for _ in $(seq "$runs"); do
		local start end ms
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true # both tools exit 1 when the files differ
		end=$(date +%s%N)
		ms=$(((end - start) / 1000000))
		if [[ -z $best_ms || $ms -lt $best_ms ]]; then best_ms=$ms; fi
	done
	echo "$best_ms"
}

git_ms=$(best git diff --no-index --word-diff "$work/old.txt" "$work/new.txt")
echo "git diff --no-index --word-diff: ${git_ms} ms (best of $runs)"
# The help is read whole first: grep -q stops at the first match, and under
# pipefail the writer's broken pipe would fail the test.
help=$("$work/newslens" --help 2>/dev/null || true)
if grep -qE '^[[:space:]]+diff\b' <<<"$help"; then
	nl_ms=$(best "$work/newslens" diff "$work/old.txt" "$work/new.txt")
	echo "newslens diff:                   ${nl_ms} ms (best of $runs)"
	static_ms=$(best "$work/newslens-static" diff "$work/old.txt" "$work/new.txt")
	echo "newslens diff, static build:     ${static_ms} ms (best of $runs)"
else
	echo "newslens diff:                   not available in this build (no diff command)"
fi
echo
go test ./compare/versions -run '^$' -bench '^BenchmarkVersions' -benchtime 20x -count=1 | grep '^Benchmark'
