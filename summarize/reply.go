package summarize

import (
	"fmt"
	"strings"

	"github.com/newslens/newslens/internal/structured"
)

// checkReply judges a summary reply for an article of n sentences.
// Structural problems (no JSON, schema violations, an empty headline or
// summary) make the reply unusable; range problems (a sentence number the
// article does not have) leave it usable, to be flagged by the grounding
// checks if a repair request does not fix them.
func checkReply(n int) structured.Check[modelOutput] {
	return func(reply string) (*modelOutput, []string) {
		out, problems := structured.Decode[modelOutput](reply, summarySchema().Validate)
		if out == nil {
			return nil, problems
		}
		ranges := rangeProblems(out, n)
		var structural []string
		if strings.TrimSpace(out.Headline) == "" {
			structural = append(structural, "$.headline: empty")
		}
		if strings.TrimSpace(out.Summary) == "" {
			structural = append(structural, "$.summary: empty")
		}
		if len(structural) > 0 {
			return nil, append(structural, ranges...)
		}
		return out, ranges
	}
}

// rangeProblems lists the sentence numbers in out that an article of n
// sentences does not have.
func rangeProblems(out *modelOutput, n int) []string {
	var problems []string
	inRange := func(path string, k int, zeroOK bool) {
		if (k == 0 && zeroOK) || (k >= 1 && k <= n) {
			return
		}
		problems = append(problems, fmt.Sprintf("%s: sentence %d does not exist (the article has sentences 1 to %d)", path, k, n))
	}
	for i, p := range out.KeyPoints {
		for j, k := range p.Evidence {
			inRange(fmt.Sprintf("$.key_points[%d].evidence[%d]", i, j), k, false)
		}
	}
	for i, q := range out.Quotes {
		inRange(fmt.Sprintf("$.quotes[%d].sentence", i), q.Sentence, true)
	}
	for i, f := range out.Figures {
		inRange(fmt.Sprintf("$.figures[%d].sentence", i), f.Sentence, true)
	}
	return problems
}
