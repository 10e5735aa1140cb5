package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/newslens/newslens/internal/llmtest"
)

// mockBatch runs a batch input file through the mock's scripted replies,
// as a batch engine (OpenAI's, or vLLM's run_batch) would, and writes the
// result file: mock batch IN OUT.
func mockBatch(ts *testscript.TestScript, srv *llmtest.Server, args []string) {
	if len(args) > 0 && args[0] == "plan" {
		srv.PlanBatch(args[1:]...)
		return
	}
	if len(args) == 4 && args[0] == "body" {
		batchBody(ts, args[1:])
		return
	}
	if len(args) != 2 {
		ts.Fatalf("usage: mock batch IN OUT | mock batch body IN I FILE")
	}
	in, err := os.Open(ts.MkAbs(args[0]))
	ts.Check(err)
	defer in.Close()
	lines, err := srv.AnswerBatch(in)
	ts.Check(err)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, l := range lines {
		ts.Check(enc.Encode(l))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), buf.Bytes(), 0o644))
}

// batchBody writes the body of one line of a batch input file, indented
// as "mock request" writes a request's body, so the two can be compared.
func batchBody(ts *testscript.TestScript, args []string) {
	i, err := strconv.Atoi(args[1])
	ts.Check(err)
	lines := strings.Split(strings.TrimSpace(ts.ReadFile(args[0])), "\n")
	if i < 0 || i >= len(lines) {
		ts.Fatalf("line %d: %s has %d lines", i, args[0], len(lines))
	}
	var l struct {
		Body json.RawMessage `json:"body"`
	}
	ts.Check(json.Unmarshal([]byte(lines[i]), &l))
	var buf bytes.Buffer
	ts.Check(json.Indent(&buf, l.Body, "", "  "))
	buf.WriteByte('\n')
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), buf.Bytes(), 0o644))
}
