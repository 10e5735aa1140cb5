// Package testfixture gives tests of the text-analysis packages the seed
// article, so each package does not carry its own copy. It is imported
// only by tests and imports only the standard library.
//
// SeedSentences splits the seed with a plain regular expression on purpose:
// the packages under test must not depend on internal/sentence's splitter,
// whose changes would otherwise ripple through their golden files.
package testfixture

import (
	_ "embed"
	"regexp"
	"strings"
)

// Seed is the seed article (shared/seed/summit-2024-06-19.txt) verbatim.
//
//go:embed seed.txt
var Seed string

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
