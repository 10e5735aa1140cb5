package summarize

import (
	"fmt"
	"strings"

	"github.com/newslens/newslens/internal/article"
)

// Check verifies s against its article: each quote must occur in the
// article, and warnings name those that do not.
func Check(s *Summary, a *article.Article) {
	text := normalizeQuote(a.Text)
	for i := range s.Quotes {
		q := &s.Quotes[i]
		q.Verified = q.Text != "" && strings.Contains(text, normalizeQuote(q.Text))
		if !q.Verified {
			s.Warnings = append(s.Warnings, fmt.Sprintf("quote not found in the article: %q (%s)", q.Text, orUnknown(q.Speaker)))
		}
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "speaker unknown"
	}
	return s
}

var quoteFolder = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "\u00ab", `"`, "\u00bb", `"`)

func normalizeQuote(s string) string {
	s = quoteFolder.Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}
