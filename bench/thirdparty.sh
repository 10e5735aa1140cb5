#!/usr/bin/env bash
# thirdparty.sh checks newslens's OpenAI client against an
# OpenAI-compatible server nobody on this project wrote: @dwmkerr/mock-llm
# from npm, on 127.0.0.1. It answers by model name: a valid summary, a
# reply that is no JSON, a 429 and a 500. Each case must give the exit
# code and message the README promises, write no output file when it
# fails, and never show the API key.
#
# Usage: bash bench/thirdparty.sh   (needs node and npm; installs
# mock-llm into a temp dir, so it is not part of `go test`)
#
# Exits non-zero when a case does not behave as expected.
set -euo pipefail

version=0.1.29
port=6556
# A key made up for this run: the server ignores it, and the checks
# below look for it in every output.
key="testkey-thirdparty-$$-$RANDOM"

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server_pid=
keep=

cleanup() {
	if [[ -n $server_pid ]]; then
		kill -TERM "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	[[ -n $keep ]] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "installing @dwmkerr/mock-llm@$version into $work" >&2
(cd "$work" && npm install --silent "@dwmkerr/mock-llm@$version" >/dev/null)
(cd "$root" && go build -o "$work/newslens" ./cmd/newslens)

# The server's rules: a response body per model name. The summary is the
# one the project's own mock gives for the seed article.
python3 - "$root/testdata/replies/seed-summarize@2.json" "$work/mock-llm.yaml" <<'EOF'
import json, sys
summary = open(sys.argv[1]).read()
def reply(model, content):
    return json.dumps({"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150}})
cases = [
    ("valid", 200, reply("valid", summary)),
    ("nojson", 200, reply("nojson", "I cannot help with that.")),
    ("busy", 429, json.dumps({"error": {"message": "Rate limit reached", "type": "rate_limit_error"}})),
    ("broken", 500, json.dumps({"error": {"message": "internal error", "type": "server_error"}})),
]
with open(sys.argv[2], "w") as f:
    f.write("rules:\n")
    for model, status, body in cases:
        f.write(f'  - path: "/v1/chat/completions"\n    method: "POST"\n    match: "body.model == \'{model}\'"\n')
        f.write(f"    response:\n      status: {status}\n      content: |\n        {body}\n")
EOF

(cd "$work" && HOST=127.0.0.1 PORT=$port node node_modules/@dwmkerr/mock-llm/dist/main.js >server.log 2>&1) &
server_pid=$!
for _ in $(seq 50); do
	curl -s -o /dev/null "http://127.0.0.1:$port/health" && break
	sleep 0.2
done

failures=0
# check NAME MODEL WANT_EXIT WANT_STDERR_REGEX ("" for no check)
check() {
	local name=$1 model=$2 want=$3 pattern=$4 code=0
	OPENAI_API_KEY=$key NEWSLENS_CACHE_DIR="$work/cache" "$work/newslens" summarize \
		--base-url "http://127.0.0.1:$port/v1" --model "$model" --retries 1 \
		-o "$work/$name.json" -f json "$root/testdata/articles/summit/seed.txt" \
		2>"$work/$name.err" || code=$?
	local ok=yes why=
	[[ $code == "$want" ]] || { ok=no; why="exit $code, want $want"; }
	if [[ -n $pattern ]] && ! grep -Eq "$pattern" "$work/$name.err"; then ok=no; why="$why; stderr lacks /$pattern/"; fi
	if grep -q "$key" "$work/$name.err" "$work/$name.json" 2>/dev/null; then ok=no; why="$why; the API key is shown"; fi
	if [[ $want != 0 && -e $work/$name.json ]]; then ok=no; why="$why; an output file was written"; fi
	if [[ $want == 0 ]] && ! grep -q '"headline"' "$work/$name.json"; then ok=no; why="$why; no summary written"; fi
	printf '%-8s exit %-2s %s %s\n' "$name" "$code" "$ok" "$why"
	[[ $ok == yes ]] || failures=$((failures + 1))
}

check valid valid 0 ''
check nojson nojson 1 'not a valid summary .*raw reply saved to'
check busy busy 1 'rate limited by the endpoint \(429\)'
check broken broken 1 'failed with 500'

if ((failures > 0)); then
	echo "$failures case(s) failed; the server's log and each case's stderr are in $work" >&2
	keep=1
	exit 1
fi
