package summarize

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// checksLine sums up the grounding checks on one line for the text and
// Markdown formats, naming what failed:
//
//	quotes 3/4 verified — 1 not found: "..."; figures 5/6 supported — "14 years" not in article; evidence 7/7; entities 9/9; score 0.93
//
// Kinds with nothing to check are left out. It returns "" for a summary
// that was not checked.
func checksLine(c *Checks) string {
	if c == nil {
		return ""
	}
	var parts []string
	if q := c.Quotes; q.Total > 0 {
		line := fmt.Sprintf("quotes %d/%d verified", q.Verified, q.Total)
		var bad []string
		if len(q.NotFound) > 0 {
			bad = append(bad, fmt.Sprintf("%d not found: %s", len(q.NotFound), quoteList(q.NotFound)))
		}
		if len(q.Paraphrased) > 0 {
			bad = append(bad, fmt.Sprintf("%d paraphrased: %s", len(q.Paraphrased), quoteList(q.Paraphrased)))
		}
		parts = append(parts, withProblems(line, bad))
	}
	if f := c.Figures; f.Total > 0 {
		line := fmt.Sprintf("figures %d/%d supported", f.Supported, f.Total)
		var bad []string
		if len(f.Unsupported) > 0 {
			bad = append(bad, quoteList(f.Unsupported)+" not in article")
		}
		parts = append(parts, withProblems(line, bad))
	}
	if e := c.Evidence; e.Total > 0 {
		line := fmt.Sprintf("evidence %d/%d", e.Valid, e.Total)
		var bad []string
		if len(e.OutOfRange) > 0 {
			bad = append(bad, pointList(e.OutOfRange)+" out of range")
		}
		if len(e.Weak) > 0 {
			bad = append(bad, pointList(e.Weak)+" weakly supported")
		}
		parts = append(parts, withProblems(line, bad))
	}
	if e := c.Entities; e.Total > 0 {
		line := fmt.Sprintf("entities %d/%d", e.Found, e.Total)
		var bad []string
		if len(e.Missing) > 0 {
			bad = append(bad, quoteList(e.Missing)+" not in article")
		}
		parts = append(parts, withProblems(line, bad))
	}
	if len(parts) == 0 {
		parts = append(parts, "nothing to check")
	}
	parts = append(parts, "score "+fmt.Sprint(c.Score))
	return strings.Join(parts, "; ")
}

func withProblems(line string, problems []string) string {
	if len(problems) == 0 {
		return line
	}
	return line + " — " + strings.Join(problems, ", ")
}

// lineItemRunes is how much of a quote or name the line shows.
const lineItemRunes = 40

// quoteList quotes each item, shortening long ones, so the line stays
// compact; the warnings carry the full text.
func quoteList(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		s = strings.Join(strings.Fields(s), " ")
		if utf8.RuneCountInString(s) > lineItemRunes {
			r := []rune(s)[:lineItemRunes]
			s = strings.TrimRight(string(r), " ,;:") + "…"
		}
		parts[i] = `"` + s + `"`
	}
	return strings.Join(parts, ", ")
}

// pointList names key points: "key point 3", "key points 2, 5".
func pointList(nums []int) string {
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = fmt.Sprint(n)
	}
	if len(nums) == 1 {
		return "key point " + parts[0]
	}
	return "key points " + strings.Join(parts, ", ")
}
