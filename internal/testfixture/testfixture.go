// Package testfixture gives tests of the text-analysis packages the seed
// article and golden-file checking, so each package does not carry its own
// copy. It registers the -update flag; a test package that imports it must
// not register one of its own.
//
// SeedSentences splits the seed with a plain regular expression on purpose:
// the packages under test must not depend on internal/sentence's splitter,
// whose changes would otherwise ripple through their golden files.
package testfixture

import (
	"bytes"
	_ "embed"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Seed is the seed article (shared/seed/summit-2024-06-19.txt) verbatim.
//
//go:embed seed.txt
var Seed string

var update = flag.Bool("update", false, "rewrite golden files")

var sentenceRE = regexp.MustCompile(`[^.!?]+[.!?]+["”’]?`)

// SeedSentences splits Seed into sentences the simple way.
func SeedSentences() []string {
	var out []string
	for _, s := range sentenceRE.FindAllString(Seed, -1) {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// ThousandWords repeats the seed's sentences until they hold at least
// 1,000 words, for benchmarks sized like a long article.
func ThousandWords() []string {
	seed := SeedSentences()
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

// Golden compares got with testdata/NAME of the calling package, byte for
// byte; with -update it rewrites the file first.
func Golden(t *testing.T, name string, got []byte) {
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
