package compare

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteText renders the default text report for a terminal; see
// WriteTextView.
func (r *Report) WriteText(w io.Writer, color bool) error {
	return r.WriteTextView(w, View{Color: color})
}

// WriteTextView renders the report for a terminal, in the order a reader
// wants it: the sources and their headlines; the matrix of claims by
// source; conflicting figures; what each source calls things; who is
// quoted and how the renderings differ; the facts only one source has.
// With v.Details it adds the evidence of every claim: sentence numbers,
// match scores and each source's wording as a word diff, in
// [-del-]{+ins+} notation or, with v.Color, in red and green.
func (r *Report) WriteTextView(w io.Writer, v View) error {
	t := &textWriter{w: bufio.NewWriter(w), color: v.Color}
	r.textSources(t)
	r.textMatrix(t, v)
	r.textDiscrepancies(t)
	r.textTerms(t, v)
	r.textQuotes(t, v)
	r.textUnique(t, v)
	if v.Details {
		r.textEvidence(t, v)
	}
	r.textRejected(t, v)
	r.textFooter(t)
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("write comparison: %w", err)
	}
	return nil
}

// textSources lists the sources with their dates, lengths and headlines
// side by side; a headline that shares most of its words with the
// reference headline is shown as a word diff against it.
func (r *Report) textSources(t *textWriter) {
	t.heading("Sources")
	labels := r.labels()
	short := shortLabels(labels, textWidth)
	width := 0
	for i, l := range labels {
		name := l
		if short[i] != l {
			name += " [" + short[i] + "]"
		}
		width = max(width, utf8.RuneCountInString(name))
	}
	heads := make(map[string]Headline)
	for _, h := range r.Headlines {
		heads[h.Source] = h
	}
	for i, s := range r.Sources {
		name := s.Label
		if short[i] != s.Label {
			name += " [" + short[i] + "]"
		}
		head := s.Title
		if h, ok := heads[s.Label]; ok {
			head = h.Text
			if r.showHeadlineDiff(h) {
				head = diffText(h.ops, h.Diff, t.color)
			}
		}
		line := fmt.Sprintf("  %s  %-10s  %3d sentences  %s", pad(name, width), orDash(s.Date), s.Sentences, head)
		t.printf("%s\n", strings.TrimRight(line, " "))
	}
}

// pad right-pads s with spaces to width runes.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// center centres s in width runes.
func center(s string, width int) string {
	n := utf8.RuneCountInString(s)
	if n >= width {
		return s
	}
	left := (width - n) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", width-n-left)
}

// textMatrix prints the claims carried by two or more sources, one line
// each: a mark per source under its (possibly shortened) label, then the
// claim, cut with an ellipsis to fit textWidth.
func (r *Report) textMatrix(t *textWriter, v View) {
	t.printf("\n")
	t.heading("What each source reports")
	claims := r.sharedClaims()
	if len(claims) == 0 {
		t.printf("  no claim is carried by more than one source\n")
	} else {
		t.printf("  %s\n\n", legend)
		labels := r.labels()
		short := shortLabels(labels, textWidth)
		used := 2
		t.printf("  ")
		for _, s := range short {
			t.printf("%s ", s)
			used += utf8.RuneCountInString(s) + 1
		}
		t.printf(" claim\n")
		room := textWidth - used - 1
		verified, omitted := r.verifiedOmissions(), r.omittedBy()
		shown := claims
		if !v.Details && len(shown) > maxMatrixRows {
			shown = shown[:maxMatrixRows]
		}
		for _, c := range shown {
			t.printf("  ")
			for i, l := range labels {
				t.printf("%s ", t.colorMark(c.Cells[l].State, center(cellMark(c, l, omitted), utf8.RuneCountInString(short[i]))))
			}
			mk := llmMark(c.By) + omissionMark(verified, c)
			t.printf(" %s%s\n", ellipsize(c.Text, room-utf8.RuneCountInString(mk)), mk)
		}
		if n := len(claims) - len(shown); n > 0 {
			t.printf("  … %s more (--details shows all)\n", plural(n, "claim", "claims"))
		}
	}
	if n := len(r.Matrix) - len(claims); n > 0 {
		t.printf("  and %s reported by one source only (below)\n", plural(n, "fact", "facts"))
	}
}

// colorMark colours a matrix cell on a terminal: green for stated, red
// for a conflict; the symbol alone says the same without colour.
func (t *textWriter) colorMark(state, cell string) string {
	if !t.color {
		return cell
	}
	switch state {
	case Stated:
		return "\x1b[32m" + cell + reset
	case Conflicts:
		return "\x1b[1;31m" + cell + reset
	}
	return cell
}

// textDiscrepancies prints the figures sources disagree on, grouped by
// the values that agree.
func (r *Report) textDiscrepancies(t *textWriter) {
	t.printf("\n")
	t.heading("Conflicting figures")
	if len(r.Discrepancies) == 0 {
		t.printf("  none found\n")
	}
	for _, d := range r.Discrepancies {
		t.printf("  %s (%s, by %s)%s:\n", d.Topic, orDash(d.Kind), d.By, verifiedMark(d.VerifiedBy))
		for _, cl := range valueClasses(d.Values) {
			if cl.label == "" {
				v := cl.values[0]
				t.printf("    %s [%d]: %s\n", v.Source, v.Sentence, v.Text)
				continue
			}
			t.printf("    %s (%s): %s\n", cl.label, cl.count(), strings.Join(cl.members(strconv.Quote), ", "))
		}
	}
}

// textTerms prints, for each referent sources name differently, each
// name and the sources that use it.
func (r *Report) textTerms(t *textWriter, v View) {
	t.printf("\n")
	t.heading("Names")
	if len(r.Terms) == 0 {
		t.printf("  no differences in naming found\n")
	}
	for _, tm := range r.Terms {
		t.printf("  %s%s:\n", r.conceptLabel(tm), llmMark(tm.By))
		for _, g := range r.termGroups(tm) {
			who := strings.Join(g.Sources, ", ")
			if v.Details {
				who = evidence(tm.Evidence, g.Sources)
			}
			t.printf("    %s: %s\n", g.Term, who)
		}
	}
}

// textQuotes prints who is quoted by how many sources, then each
// quotation two or more sources render, one line per rendering; with
// details, renderings are word diffs against the first, with sentences.
func (r *Report) textQuotes(t *textWriter, v View) {
	t.printf("\n")
	t.heading("Who is quoted")
	if len(r.Quoted) == 0 {
		t.printf("  no one is quoted by name\n")
	}
	for _, q := range r.Quoted {
		t.printf("  %s: %s in %s (%s)\n", q.Speaker, plural(q.Total, "quotation", "quotations"),
			plural(len(q.Sources), "source", "sources"), r.quotedCounts(q))
	}
	if len(r.Quotes) == 0 {
		return
	}
	t.printf("\n  Renderings of quotations carried by more than one source:\n")
	order := r.labels()
	for _, q := range r.Quotes {
		t.printf("  %s%s:\n", orDash(q.Speaker), llmMark(q.By))
		for i, va := range q.Variants {
			text := strconv.Quote(va.Text)
			who := strings.Join(va.Sources, ", ")
			if v.Details {
				if i > 0 {
					text = "\"" + diffText(va.ops, va.Diff, t.color) + "\""
				}
				who = evidence(va.Evidence, order)
			}
			t.printf("    %s  (%s)\n", text, who)
		}
	}
}

// textUnique prints, per source, the facts no other source has, ranked
// by how much they add and cut to their unique part; with details, every
// fact in full.
func (r *Report) textUnique(t *textWriter, v View) {
	t.printf("\n")
	t.heading("Only in one source")
	facts := r.uniqueFacts()
	if len(facts) == 0 {
		t.printf("  none found\n")
	}
	for _, l := range keys(r, facts) {
		fs := facts[l]
		shown := fs
		if q := uniqueQuota(len(r.Sources)); !v.Details && len(shown) > q {
			shown = shown[:q]
		}
		t.printf("  %s (%s", l, plural(len(fs), "fact", "facts"))
		if len(shown) < len(fs) {
			t.printf(", %d shown", len(shown))
		}
		t.printf("):\n")
		for _, f := range shown {
			text := f.Cut
			if v.Details {
				text = f.Text
			}
			t.printf("    [%d] %s%s%s\n", f.Sentence, text, llmMark(f.By), verifiedMark(f.Verified))
		}
	}
}

// textEvidence prints every claim two or more sources carry with the
// sentences and match scores behind each cell, and each source's wording
// as a word diff against the claim.
func (r *Report) textEvidence(t *textWriter, v View) {
	t.printf("\n")
	t.heading("Evidence")
	for _, c := range r.sharedClaims() {
		t.printf("  - %s%s\n    %s\n", c.Text, llmMark(c.By), r.claimEvidence(c))
		if sh := r.sharedFor(c); sh != nil {
			for _, wd := range sh.Wording {
				t.printf("    %s [%d]: %s\n", wd.Source, wd.Sentence, diffText(wd.ops, wd.Diff, v.Color))
			}
		}
	}
	var heads []Headline
	for _, h := range r.Headlines {
		if h.Diff != "" {
			heads = append(heads, h)
		}
	}
	if len(heads) > 0 {
		t.printf("\n  Headlines against %q:\n", r.referenceHeadline())
		for _, h := range heads {
			t.printf("    %s: %s\n", h.Source, diffText(h.ops, h.Diff, v.Color))
		}
	}
}

// textRejected prints the claims a model rejected on verification, one
// line each, the claim cut to fit textWidth; with details, each claim
// whole and the sentence the model cited.
func (r *Report) textRejected(t *textWriter, v View) {
	if len(r.Rejected) == 0 {
		return
	}
	t.printf("\n")
	t.heading("Rejected by the model")
	for _, rj := range r.rejectedClaims() {
		head := fmt.Sprintf("  %s: \"", rj.What)
		tail := fmt.Sprintf("\" — %s (%s)", rj.Reason, rj.Cite)
		text := rj.Text
		if !v.Details {
			room := textWidth - utf8.RuneCountInString(head) - utf8.RuneCountInString(tail)
			text = ellipsize(text, max(room, minRejectedRoom))
		}
		t.printf("%s%s%s\n", head, text, tail)
		if v.Details && rj.CiteText != "" {
			t.printf("    %s: %s\n", rj.Cite, rj.CiteText)
		}
	}
}

// minRejectedRoom is the fewest runes of a rejected claim a line shows,
// however long the model's reason.
const minRejectedRoom = 60

// textFooter prints the warnings and how the report was made.
func (r *Report) textFooter(t *textWriter) {
	if len(r.Warnings) > 0 {
		t.printf("\n")
		t.heading("Warnings")
		for _, wn := range r.Warnings {
			t.printf("  %s\n", wn)
		}
	}
	t.printf("\n(engine %s, alignment threshold %g, %d sentences in %d groups)\n",
		r.Provenance.Engine, r.Provenance.Threshold, r.Provenance.Sentences, r.Provenance.Groups)
	if l := r.Provenance.LLM; l != nil {
		t.printf("(llm findings by %s at %s, prompt %s)\n", l.Model, l.Endpoint, l.Prompt)
	}
	if r.anyVerified() {
		t.printf("(%s)\n", verifiedLegend)
	}
}
