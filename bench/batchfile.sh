#!/usr/bin/env bash
# batchfile.sh measures `newslens batch file` over N synthetic articles
# (default 10,000): wall time and peak resident memory, against a baseline
# measured in the same run, `newslens sentences -f jsonl` over the same
# articles (loading and splitting them, which batch file also does).
# Nothing is sent: batch file makes no request.
#
# Usage: bash bench/batchfile.sh [N]   (from anywhere; builds into a temp dir)
set -euo pipefail

n=${1:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
go build -o "$work/newslens" ./cmd/newslens

# Each article is a seed-like report of 15 sentences with a line of its
# own, so every digest, and every request, differs.
mkdir "$work/a"
base=$(cat testdata/articles/summit/seed.txt)
for ((i = 0; i < n; i++)); do
	printf '%s\nThis is synthetic article number %d of the benchmark.\n' "$base" "$i" >"$work/a/$i.txt"
done
args=()
for ((i = 0; i < n; i++)); do args+=("$work/a/$i.txt"); done

measure() { # name, command...
	local name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
	read -r secs kb <"$work/time"
	printf '%-28s %8s s %8d MB\n' "$name" "$secs" $((kb / 1024))
	echo "$secs $kb" >"$work/$name.m"
}

export OPENAI_API_KEY=unused NO_COLOR=1
echo "articles: $n   cores: $(nproc)"
measure baseline-sentences "$work/newslens" sentences -q -f jsonl "${args[@]}"
measure batch-file "$work/newslens" batch file -q --cache-dir "$work/cache" -o "$work/requests.jsonl" "${args[@]}"
measure batch-file-no-cache "$work/newslens" batch file -q --no-cache -o "$work/requests2.jsonl" "${args[@]}"
lines=$(wc -l <"$work/requests.jsonl")
size=$(du -m "$work/requests.jsonl" | cut -f1)
echo "requests written: $lines ($size MB)"
read -r b _ <"$work/baseline-sentences.m"
read -r f _ <"$work/batch-file.m"
awk -v b="$b" -v f="$f" 'BEGIN { if (b > 0) printf "batch file / baseline time: %.2f\n", f / b }'
