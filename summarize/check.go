package summarize

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/entity"
	"github.com/newslens/newslens/internal/figure"
	"github.com/newslens/newslens/internal/quote"
	"github.com/newslens/newslens/internal/words"
)

// EvidenceOverlap is the least share of a key point's distinct content
// words that its cited sentences must contain for the point to count as
// supported.
const EvidenceOverlap = 0.2

// Check verifies s against its article and records the outcome in
// s.Checks, in the per-item fields (Quote.Verified, Quote.Match,
// KeyPoint.Supported, Entity.Found) and as warnings appended to
// s.Warnings, ordered quotes, figures, evidence, entities. The rules are
// in the package documentation. Run it once per summary: a second run
// adds the warnings again.
//
// A quote's Sentence, when 0, is filled from where the quote was found.
func Check(s *Summary, a *article.Article) {
	c := &Checks{}
	var warn []string
	warn = checkQuotes(s, a, c, warn)
	warn = checkFigures(s, a, c, warn)
	warn = checkEvidence(s, a, c, warn)
	warn = checkEntities(s, a, c, warn)
	passed := c.Quotes.Verified + c.Figures.Supported + c.Evidence.Valid + c.Entities.Found
	total := c.Quotes.Total + c.Figures.Total + c.Evidence.Total + c.Entities.Total
	c.Score = 1
	if total > 0 {
		c.Score = math.Round(float64(passed)/float64(total)*100) / 100
	}
	s.Checks = c
	if s.Warnings == nil {
		s.Warnings = []string{}
	}
	s.Warnings = append(s.Warnings, warn...)
}

// Failed reports whether any check failed.
func (c *Checks) Failed() bool {
	if c == nil {
		return false
	}
	return c.Quotes.Verified < c.Quotes.Total ||
		c.Figures.Supported < c.Figures.Total ||
		c.Evidence.Valid < c.Evidence.Total ||
		c.Entities.Found < c.Entities.Total
}

// Failed reports whether any grounding check of s failed; a summary that
// was never checked has not failed.
func (s *Summary) Failed() bool { return s.Checks.Failed() }

func checkQuotes(s *Summary, a *article.Article, c *Checks, warn []string) []string {
	var norm []string
	for i := range s.Quotes {
		q := &s.Quotes[i]
		c.Quotes.Total++
		if norm == nil {
			norm = make([]string, len(a.Sentences))
			for k, sent := range a.Sentences {
				norm[k] = quote.Normalize(sent)
			}
		}
		m, ok := verbatimIn(norm, q.Text)
		if !ok {
			m = quote.Find(a.Sentences, q.Text)
		}
		q.Match = string(m.Kind)
		q.Verified = m.Kind == quote.Verbatim
		if strings.TrimSpace(q.Speaker) == "" {
			c.Quotes.Unattributed = append(c.Quotes.Unattributed, q.Text)
			warn = append(warn, fmt.Sprintf("quote %q has no attribution: the article names nobody as saying it", q.Text))
		}
		q.Closest, q.ClosestSentence = "", 0
		if q.Sentence == 0 && m.Kind != quote.Absent {
			q.Sentence = m.Sentence
		}
		switch m.Kind {
		case quote.Verbatim:
			c.Quotes.Verified++
		case quote.Paraphrased:
			q.Closest, q.ClosestSentence = m.Span, m.Sentence
			c.Quotes.Paraphrased = append(c.Quotes.Paraphrased, q.Text)
			warn = append(warn, fmt.Sprintf("quote %q (%s) is paraphrased, not verbatim; closest in sentence %d: %q",
				q.Text, orUnknown(q.Speaker), m.Sentence, m.Span))
		default:
			c.Quotes.NotFound = append(c.Quotes.NotFound, q.Text)
			warn = append(warn, fmt.Sprintf("quote %q (%s) not found in the article", q.Text, orUnknown(q.Speaker)))
		}
	}
	return warn
}

// verbatimIn is a fast path for quote.Find, which splits the whole
// article into normalised words on every call: a quote whose normalised
// text occurs within one normalised sentence, at word boundaries, is
// verbatim there. The span is not needed for a verbatim match.
func verbatimIn(norm []string, text string) (quote.Match, bool) {
	q := quote.Normalize(text)
	if q == "" || strings.Contains(q, "…") {
		return quote.Match{}, false
	}
	for k, sent := range norm {
		if containsAt(sent, q, isQuoteWordRune) {
			return quote.Match{Kind: quote.Verbatim, Sentence: k + 1, Score: 1}, true
		}
	}
	return quote.Match{}, false
}

// isQuoteWordRune reports whether r continues a word as quote.Find splits
// words: letters, digits and apostrophes.
func isQuoteWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// containsAt reports whether s contains sub with no word rune (as
// isWord says) joined to it on either side.
func containsAt(s, sub string, isWord func(rune) bool) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], sub)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(sub)
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (k == 0 || !isWord(before)) && (end == len(s) || !isWord(after)) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[k:])
		i = k + n
	}
}

// figureSource is what a summary's figures are checked against.
type figureSource struct {
	text  string
	index *figure.Index
	figs  []figure.Figure
	date  time.Time
}

func newFigureSource(a *article.Article) *figureSource {
	var b strings.Builder
	for _, part := range []string{a.Title, a.Date, a.Text} {
		if part != "" {
			b.WriteString(part)
			b.WriteString("\n\n")
		}
	}
	src := &figureSource{text: b.String()}
	src.index = figure.NewIndex(src.text)
	src.figs = src.index.Figures()
	if d, err := time.Parse(time.DateOnly, a.Date); err == nil {
		src.date = d
	}
	return src
}

// occurs reports whether f occurs in the article, against the article's
// figures extracted once.
func (src *figureSource) occurs(f figure.Figure) bool {
	if src.index.Occurs(f) {
		return true
	}
	switch f.Kind {
	case "count":
		return src.index.Occurs(figure.Figure{Kind: "number", Value: f.Value, Norm: "number:" + trimFloat(f.Value)})
	case "duration":
		if src.date.IsZero() {
			return false
		}
		for _, g := range src.figs {
			if g.Prep == "since" && figure.SinceEquivalent(g, f, src.date) {
				return true
			}
		}
	}
	return false
}

func trimFloat(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%f", v), "0"), ".")
}

func checkFigures(s *Summary, a *article.Article, c *Checks, warn []string) []string {
	src := newFigureSource(a)
	seen := map[string]bool{}
	check := func(f figure.Figure, text, where string) {
		c.Figures.Total++
		if src.occurs(f) {
			c.Figures.Supported++
			return
		}
		if !seen[text] {
			seen[text] = true
			c.Figures.Unsupported = append(c.Figures.Unsupported, text)
		}
		warn = append(warn, fmt.Sprintf("figure %q in %s does not occur in the article", text, where))
	}
	// checkText checks each distinct figure of one part of the summary.
	checkText := func(text, where string) {
		norms := map[string]bool{}
		for _, f := range figure.Extract(text) {
			if norms[f.Norm] {
				continue
			}
			norms[f.Norm] = true
			check(f, f.Text, where)
		}
	}
	checkText(s.Headline, "the headline")
	checkText(s.Summary, "the summary")
	for i, p := range s.KeyPoints {
		checkText(p.Text, fmt.Sprintf("key point %d", i+1))
	}
	for i := range s.Figures {
		f := &s.Figures[i]
		failed := c.Figures.Total - c.Figures.Supported
		where := fmt.Sprintf("figures item %d", i+1)
		value := strings.TrimSpace(f.Value)
		if figs := figure.Extract(value); len(figs) > 0 {
			checkText(value, where)
			f.Supported = c.Figures.Total-c.Figures.Supported == failed
			continue
		}
		// A value with no recognisable figure ("dozens") must appear as
		// written.
		c.Figures.Total++
		if value != "" && strings.Contains(quote.Normalize(src.text), quote.Normalize(value)) {
			c.Figures.Supported++
			f.Supported = true
			continue
		}
		if !seen[value] {
			seen[value] = true
			c.Figures.Unsupported = append(c.Figures.Unsupported, value)
		}
		warn = append(warn, fmt.Sprintf("figure %q in %s does not occur in the article", value, where))
	}
	return warn
}

func checkEvidence(s *Summary, a *article.Article, c *Checks, warn []string) []string {
	n := len(a.Sentences)
	for i := range s.KeyPoints {
		p := &s.KeyPoints[i]
		c.Evidence.Total++
		var cited []string
		var citedNums []int
		bad := len(p.Evidence) == 0
		if bad {
			warn = append(warn, fmt.Sprintf("key point %d cites no sentence", i+1))
		}
		for _, k := range p.Evidence {
			if k < 1 || k > n {
				bad = true
				warn = append(warn, fmt.Sprintf("key point %d cites sentence %d; the article has %d", i+1, k, n))
				continue
			}
			cited = append(cited, a.Sentences[k-1])
			citedNums = append(citedNums, k)
		}
		if bad {
			c.Evidence.OutOfRange = append(c.Evidence.OutOfRange, i+1)
		}
		weak := false
		if len(cited) > 0 {
			shared, total := overlap(p.Text, cited)
			if shared == 0 || float64(shared) < EvidenceOverlap*float64(total) {
				weak = true
				c.Evidence.Weak = append(c.Evidence.Weak, i+1)
				warn = append(warn, fmt.Sprintf("key point %d is weakly supported by %s (%d of its %d content words)",
					i+1, sentenceList(citedNums), shared, total))
			}
		}
		p.Supported = !bad && !weak
		if p.Supported {
			c.Evidence.Valid++
		}
	}
	return warn
}

// overlap returns how many of text's distinct content words occur in the
// sentences, and how many distinct content words text has.
func overlap(text string, sentences []string) (shared, total int) {
	have := map[string]bool{}
	for _, s := range sentences {
		for _, w := range words.Content(s) {
			have[w] = true
		}
	}
	seen := map[string]bool{}
	for _, w := range words.Content(text) {
		if seen[w] {
			continue
		}
		seen[w] = true
		total++
		if have[w] {
			shared++
		}
	}
	return shared, total
}

// sentenceList names sentence numbers: "sentence 5", "sentences 5 and 6",
// "sentences 4, 5 and 6".
func sentenceList(nums []int) string {
	if len(nums) == 1 {
		return fmt.Sprintf("sentence %d", nums[0])
	}
	parts := make([]string, len(nums))
	for i, k := range nums {
		parts[i] = fmt.Sprint(k)
	}
	return "sentences " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func checkEntities(s *Summary, a *article.Article, c *Checks, warn []string) []string {
	sentences := a.Sentences
	if a.Title != "" {
		sentences = append([]string{a.Title}, a.Sentences...)
	}
	var folded string
	for i := range s.Entities {
		e := &s.Entities[i]
		c.Entities.Total++
		if folded == "" {
			folded = nameFolder.Replace(strings.ToLower(strings.Join(sentences, "\n")))
		}
		// A name written out in full is found without entity.Occurs,
		// which also tries short forms and aliases but re-reads every
		// sentence on each call.
		name := strings.Join(strings.Fields(nameFolder.Replace(strings.ToLower(e.Name))), " ")
		e.Found = name != "" && (containsAt(folded, name, isWordRune) || entity.Occurs(sentences, e.Name))
		if e.Found {
			c.Entities.Found++
			continue
		}
		c.Entities.Missing = append(c.Entities.Missing, e.Name)
		warn = append(warn, fmt.Sprintf("entity %q (%s) does not occur in the article", e.Name, orUnknownType(e.Type)))
	}
	return warn
}

// nameFolder folds names as entity.Occurs compares them.
var nameFolder = strings.NewReplacer("-", " ", "‐", " ", "’", "'", "‘", "'")

func orUnknown(s string) string {
	if s == "" {
		return "speaker unknown"
	}
	return s
}

func orUnknownType(s string) string {
	if s == "" {
		return "type unknown"
	}
	return s
}
