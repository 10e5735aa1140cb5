package entity

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

var sentenceRE = regexp.MustCompile(`[^.!?]+[.!?]+["”’]?`)

// seedSentences splits the seed article into sentences the simple way;
// the real splitter lives in package article.
func seedSentences(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "summit-2024-06-19.txt"))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	var out []string
	for _, s := range sentenceRE.FindAllString(string(data), -1) {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// thousandWords repeats the seed until it holds at least 1,000 words.
func thousandWords(t testing.TB) []string {
	t.Helper()
	seed := seedSentences(t)
	var out []string
	words := 0
	for words < 1000 {
		for _, s := range seed {
			out = append(out, s)
			words += len(strings.Fields(s))
		}
	}
	return out
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s changed:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
