package compare

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/words"
)

// This file derives, from a Report's fields alone, what the text,
// Markdown and HTML renderers share: the matrix rows, the facts only one
// source has cut to their unique part, the names grouped by wording, and
// which headlines are alike enough to diff. Renderers never reach back
// into the articles, so a report decoded from JSON renders the same.

// View selects what a rendering holds.
type View struct {
	// Color renders word diffs and headings with ANSI escapes (text only).
	Color bool
	// Details adds the sentence-level evidence and the word diffs.
	Details bool
}

// Cell marks in the matrix, with the words the legend gives them.
const (
	markStated    = "✓"
	markAbsent    = "–"
	markConflicts = "≠"
	// markOmits marks a source the report says leaves the claim out
	// (Report.Omissions), where most sources state it: a finding, where
	// markAbsent is only a fact the source does not carry.
	markOmits = "✗"
)

// legend explains the matrix marks in words, so it needs no colour.
const legend = "✓ states it   ✗ leaves out what most report   – does not   ≠ states it with a figure the others contradict"

// cellMark is the matrix symbol for source l's cell of claim c: mark,
// or markOmits for a source omitted (omittedBy) says leaves it out.
func cellMark(c Claim, l string, omitted map[string]map[string]bool) string {
	if st := c.Cells[l].State; st != Stated && st != Conflicts && omitted[c.Text][l] {
		return markOmits
	}
	return mark(c.Cells[l].State)
}

// omittedBy returns, by claim text, the sources the report says leave
// the claim out. A quantity's omission whose clause is a shared claim's
// text with the figure in brackets is that claim's (omissionRows).
func (r *Report) omittedBy() map[string]map[string]bool {
	out := make(map[string]map[string]bool)
	for l, os := range r.Omissions {
		for _, o := range os {
			for _, t := range []string{o.Text, unbracket(o.Text)} {
				if out[t] == nil {
					out[t] = make(map[string]bool)
				}
				out[t][l] = true
			}
		}
	}
	return out
}

// mark is the matrix symbol for a cell state.
func mark(state string) string {
	switch state {
	case Stated:
		return markStated
	case Conflicts:
		return markConflicts
	}
	return markAbsent
}

// textWidth is the width, in columns, the text report is laid out for:
// the matrix fits a 120-column terminal without wrapping.
const textWidth = 120

// maxMatrixRows bounds the matrix rows a default text or Markdown report
// shows, so that the table fits one screen; --details shows them all.
const maxMatrixRows = 30

// maxUniquePerSource bounds the facts listed for each source in a default
// report, and maxUniqueListed all of them together, so that the section
// grows more slowly than the number of outlets (four each for five
// outlets, three for seven or eight, two from nine); --details lists
// every one.
const (
	maxUniquePerSource = 4
	maxUniqueListed    = 24
)

// uniqueQuota is how many facts of each source a default report lists
// when n sources are compared.
func uniqueQuota(n int) int {
	if n <= 0 {
		return maxUniquePerSource
	}
	return max(2, min(maxUniquePerSource, maxUniqueListed/n))
}

// sharedClaims returns the matrix rows carried by two or more sources, in
// matrix order (most widely carried first).
func (r *Report) sharedClaims() []Claim {
	var out []Claim
	for _, c := range r.Matrix {
		if c.Stated >= 2 {
			out = append(out, c)
		}
	}
	return out
}

// cellSentences renders where a source states a claim: "3" or "3,4"
// with the match score when it is below 1.
func cellSentences(c Cell) string {
	s := make([]string, len(c.Sentences))
	for i, n := range c.Sentences {
		s[i] = fmt.Sprint(n)
	}
	out := strings.Join(s, ",")
	if c.Score > 0 && c.Score < 1 {
		out += fmt.Sprintf(" (%.2f)", c.Score)
	}
	return out
}

// claimEvidence lists each stating source's sentences, in source order.
func (r *Report) claimEvidence(c Claim) string {
	var parts []string
	for _, l := range r.labels() {
		cell, ok := c.Cells[l]
		if !ok || cell.State == Absent {
			continue
		}
		p := l + " " + cellSentences(cell)
		if cell.State == Conflicts {
			p += " " + markConflicts
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

// sharedFor returns the shared finding a matrix claim was built from.
func (r *Report) sharedFor(c Claim) *Shared {
	for i := range r.Shared {
		if r.Shared[i].Text == c.Text && r.Shared[i].TextFrom == c.From {
			return &r.Shared[i]
		}
	}
	return nil
}

// shortLabels returns column headers for the text matrix: the labels
// themselves when they fit beside a claim of at least minClaim columns,
// else each cut to the longest length that fits (and at least 3), with a
// digit added where two cut labels would read the same.
func shortLabels(labels []string, width int) []string {
	const minClaim = 50
	fits := func(n int) bool {
		total := 0
		for _, l := range labels {
			total += min(utf8.RuneCountInString(l), n) + 1
		}
		return total+2+minClaim <= width
	}
	n := 0
	for _, l := range labels {
		n = max(n, utf8.RuneCountInString(l))
	}
	for n > 3 && !fits(n) {
		n--
	}
	out := make([]string, len(labels))
	seen := make(map[string]int)
	for i, l := range labels {
		s := cut(l, n)
		seen[s]++
		if k := seen[s]; k > 1 {
			s = cut(l, n-1) + fmt.Sprint(k)
		}
		out[i] = s
	}
	return out
}

// cut returns s's first n runes.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// ellipsize shortens s to at most n runes, ending in "…" when cut, at a
// word boundary where one is near.
func ellipsize(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(rs), ' '); i > len(string(rs))*3/4 {
		return strings.TrimRight(string(rs)[:i], " ,;:") + "…"
	}
	return strings.TrimRight(string(rs), " ") + "…"
}

// oneSourceFact is a fact only one source carries, cut to the clauses no
// other source reports.
type oneSourceFact struct {
	Sentence int
	Text     string // the whole sentence
	Cut      string // its unique part, "…" marking what was left out
	novel    int    // content words no other source uses
	By       string
	// Verified is "llm" when a model confirmed that only this source
	// has the fact.
	Verified string
}

// uniqueFacts returns, for each source in order, its facts ranked by how
// many content words they hold that no other source uses (ties in
// sentence order). The other sources' words are gathered from the
// report itself: every sentence is in a shared group or among the unique
// facts, and a shared group's wording per source is its Text or Wording.
func (r *Report) uniqueFacts() map[string][]oneSourceFact {
	out := make(map[string][]oneSourceFact)
	for _, l := range keys(r, r.Unique) {
		others := r.wordsExcept(l)
		var facts []oneSourceFact
		for _, s := range r.Unique[l] {
			f := oneSourceFact{Sentence: s.Sentence, Text: s.Text, By: s.By, Verified: s.VerifiedBy}
			f.Cut, f.novel = uniquePart(s.Text, others)
			facts = append(facts, f)
		}
		slices.SortStableFunc(facts, func(a, b oneSourceFact) int { return b.novel - a.novel })
		out[l] = facts
	}
	return out
}

// wordsExcept returns the content words of every source but label.
func (r *Report) wordsExcept(label string) map[string]bool {
	set := make(map[string]bool)
	add := func(s string) {
		for _, w := range words.Content(s) {
			set[w] = true
		}
	}
	for _, sh := range r.Shared {
		byWording := make(map[string]string)
		for _, wd := range sh.Wording {
			byWording[wd.Source] = wd.Text
		}
		for _, l := range sh.Sources {
			if l == label {
				continue
			}
			if t, ok := byWording[l]; ok {
				add(t)
			} else {
				add(sh.Text)
			}
		}
	}
	for l, us := range r.Unique {
		if l == label {
			continue
		}
		for _, u := range us {
			add(u.Text)
		}
	}
	return set
}

// uniquePart keeps the clauses of s that hold two or more content words
// new to the other sources, or of which at least half the content words
// are new (a short clause naming one new thing); a clause of fewer than
// three content words is kept, being too short to matter and often the
// sentence's subject. It marks a gap with "…"; a sentence none of whose
// clauses is new by those measures is kept whole. It also returns how many of
// s's distinct content words are new.
func uniquePart(s string, others map[string]bool) (string, int) {
	clauses := clauses(s)
	keep := make([]bool, len(clauses))
	kept, found, novel := 0, 0, 0
	seen := make(map[string]bool)
	for i, c := range clauses {
		ws := words.Content(c)
		n := 0
		for _, w := range ws {
			if !others[w] {
				n++
				if !seen[w] {
					seen[w] = true
					novel++
				}
			}
		}
		newish := n >= 2 || n > 0 && 2*n >= len(ws)
		if newish || len(ws) < 3 {
			keep[i] = true
			kept++
		}
		if newish {
			found++
		}
	}
	if found == 0 || kept == len(clauses) {
		return s, novel
	}
	var b strings.Builder
	gap := false
	for i, c := range clauses {
		if !keep[i] {
			gap = true
			continue
		}
		switch {
		case b.Len() == 0 && i > 0:
			b.WriteString("… ")
		case gap:
			prev := strings.TrimRight(b.String(), " ,;:—–")
			b.Reset()
			b.WriteString(prev + " … ")
		}
		gap = false
		b.WriteString(strings.TrimSpace(c))
		b.WriteByte(' ')
	}
	out := strings.TrimRight(strings.TrimSpace(b.String()), ",;:—–")
	if gap {
		out = strings.TrimRight(out, ".") + " …"
	}
	return out, novel
}

// clauses cuts a sentence after each comma, semicolon, colon or dash
// that is followed by a space, keeping the marks with the clause before.
func clauses(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i := 0; i+1 < len(rs); i++ {
		switch rs[i] {
		case ',', ';', ':', '—', '–':
			if rs[i+1] == ' ' {
				out = append(out, string(rs[start:i+1]))
				start = i + 1
			}
		}
	}
	return append(out, string(rs[start:]))
}

// termGroup is one name for a concept and the sources that use it.
type termGroup struct {
	Term    string
	Sources []string
}

// termGroups groups a term's sources by the name they use, names in the
// order of the first source that uses each.
func (r *Report) termGroups(tm Term) []termGroup {
	var out []termGroup
	at := make(map[string]int)
	for _, l := range keys(r, tm.BySource) {
		name := tm.BySource[l]
		k, ok := at[name]
		if !ok {
			k = len(out)
			at[name] = k
			out = append(out, termGroup{Term: name})
		}
		out[k].Sources = append(out[k].Sources, l)
	}
	return out
}

// conceptLabel is a term's concept as the rows of the Names section head
// it. Concepts are named by lowercased terms ("conflict in ukraine"), so
// the label takes the capitalisation the sources write the concept with
// most often, as a whole name or as words within one ("conflict in
// Ukraine"), ties going to the first source, or, when no source writes
// it, a capital first letter.
func (r *Report) conceptLabel(tm Term) string {
	c := tm.Concept
	if c == "" || c != strings.ToLower(c) {
		return c
	}
	want := strings.Fields(c)
	count := make(map[string]int)
	var order []string
	for _, l := range keys(r, tm.BySource) {
		for _, form := range strings.Split(tm.BySource[l], " / ") {
			fs := strings.Fields(form)
			for i := 0; i+len(want) <= len(fs); i++ {
				w := strings.Join(fs[i:i+len(want)], " ")
				if strings.ToLower(w) != c {
					continue
				}
				if count[w] == 0 {
					order = append(order, w)
				}
				count[w]++
			}
		}
	}
	best := ""
	for _, w := range order {
		if best == "" || count[w] > count[best] {
			best = w
		}
	}
	if best != "" {
		return best
	}
	first, n := utf8.DecodeRuneInString(c)
	return string(unicode.ToUpper(first)) + c[n:]
}

// quotedCounts renders a speaker's quotations per source, in source
// order: "kcna 2, wire 1".
func (r *Report) quotedCounts(q Quoted) string {
	var parts []string
	for _, l := range keys(r, q.Sources) {
		parts = append(parts, fmt.Sprintf("%s %d", l, q.Sources[l]))
	}
	return strings.Join(parts, ", ")
}

// plural returns "1 source" or "n sources".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// referenceHeadline is the headline the others were diffed against: the
// first whose diff is empty.
func (r *Report) referenceHeadline() string {
	for _, h := range r.Headlines {
		if h.Diff == "" {
			return h.Text
		}
	}
	return ""
}

// alikeHeadlines reports whether two headlines share most of their
// words (more than half of the longer one's distinct words), the point
// at which a word diff between them is easier to read than the two.
func alikeHeadlines(a, b string) bool {
	wa, wb := headlineWords(a), headlineWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	n := 0
	for w := range wa {
		if wb[w] {
			n++
		}
	}
	return 2*n > max(len(wa), len(wb))
}

func headlineWords(s string) map[string]bool {
	set := make(map[string]bool)
	words.Each(s, func(tok string, _ int) {
		if words.IsWord(tok) || words.IsNumber(tok) {
			set[strings.ToLower(tok)] = true
		}
	})
	return set
}

// showHeadlineDiff reports whether h is shown as a word diff against the
// reference headline rather than as text.
func (r *Report) showHeadlineDiff(h Headline) bool {
	return h.Diff != "" && alikeHeadlines(h.Text, r.referenceHeadline())
}

// verifiedMark marks a finding a model confirmed on verification, as
// llmMark marks one a model found.
func verifiedMark(by string) string {
	if by == LLMEngine {
		return " ✓llm"
	}
	return ""
}

// verifiedLegend says what verifiedMark means.
const verifiedLegend = "✓llm: a language model confirmed the finding; on a matrix row, that the sources marked – leave it out"

// anyVerified reports whether a model confirmed any finding.
func (r *Report) anyVerified() bool {
	for _, us := range r.Unique {
		for _, u := range us {
			if u.VerifiedBy == LLMEngine {
				return true
			}
		}
	}
	for _, d := range r.Discrepancies {
		if d.VerifiedBy == LLMEngine {
			return true
		}
	}
	return len(r.verifiedOmissions()) > 0
}

// verifiedOmissions returns, by claim text, the sources a model
// confirmed leave the claim out.
func (r *Report) verifiedOmissions() map[string]map[string]bool {
	out := make(map[string]map[string]bool)
	for l, os := range r.Omissions {
		for _, o := range os {
			if o.VerifiedBy != LLMEngine {
				continue
			}
			if out[o.Text] == nil {
				out[o.Text] = make(map[string]bool)
			}
			out[o.Text][l] = true
		}
	}
	return out
}

// omissionMark is verifiedMark for a matrix row: set when a model
// confirmed that a source leaves the claim out.
func omissionMark(verified map[string]map[string]bool, c Claim) string {
	if len(verified[c.Text]) > 0 {
		return verifiedMark(LLMEngine)
	}
	return ""
}

// rejectedClaim is a claim the model rejected, as the renderers show it.
type rejectedClaim struct {
	What     string // "only in wire", "missing from wire", "conflicting figure"
	Text     string
	Reason   string
	Cite     string // "wire [10]"
	CiteText string // the cited sentence
}

// rejectedClaims says what each rejected claim was and where the model
// found it stated.
func (r *Report) rejectedClaims() []rejectedClaim {
	var out []rejectedClaim
	for _, rj := range r.Rejected {
		what := rj.Kind
		switch rj.Kind {
		case "unique":
			what = "only in " + rj.Source
		case "omission":
			what = "missing from " + rj.Source
		case "discrepancy":
			what = "conflicting figure"
		default:
			if rj.Source != "" {
				what += ", " + rj.Source
			}
		}
		out = append(out, rejectedClaim{What: what, Text: rj.Text, Reason: orDash(rj.Reason),
			Cite: fmt.Sprintf("%s [%d]", rj.Citation.Source, rj.Citation.Sentence), CiteText: rj.Citation.Text})
	}
	return out
}
