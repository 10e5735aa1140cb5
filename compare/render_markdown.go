package compare

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newslens/newslens/internal/worddiff"
)

// WriteMarkdown renders the default Markdown report; see
// WriteMarkdownView.
func (r *Report) WriteMarkdown(w io.Writer) error {
	return r.WriteMarkdownView(w, View{})
}

// WriteMarkdownView renders the report as GitHub-flavoured Markdown, in
// the order of WriteTextView, with GitHub tables for the sources, the
// matrix, the figures, the names and the quotations. With v.Details it
// adds the evidence of every claim, word diffs as ~~deleted~~
// **inserted**.
func (r *Report) WriteMarkdownView(w io.Writer, v View) error {
	t := &textWriter{w: bufio.NewWriter(w)}
	r.mdSources(t)
	r.mdMatrix(t, v)
	r.mdDiscrepancies(t)
	r.mdTerms(t)
	r.mdQuotes(t, v)
	r.mdUnique(t, v)
	if v.Details {
		r.mdEvidence(t)
	}
	r.mdRejected(t, v)
	r.mdFooter(t)
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("write comparison: %w", err)
	}
	return nil
}

// mdSources writes the sources table, headlines side by side.
func (r *Report) mdSources(t *textWriter) {
	esc := worddiff.Escape
	t.printf("# Comparison of %d sources\n\n", len(r.Sources))
	heads := make(map[string]Headline)
	for _, h := range r.Headlines {
		heads[h.Source] = h
	}
	t.printf("| Source | Date | Sentences | Headline |\n|---|---|---:|---|\n")
	for _, s := range r.Sources {
		head := esc(s.Title)
		if h, ok := heads[s.Label]; ok {
			head = esc(h.Text)
			if r.showHeadlineDiff(h) {
				head = diffMarkdown(h.ops, h.Diff)
			}
		}
		t.printf("| %s | %s | %d | %s |\n", esc(s.Label), esc(orDash(s.Date)), s.Sentences, head)
	}
}

// mdMatrix writes the claims carried by two or more sources as a table,
// one column per source.
func (r *Report) mdMatrix(t *textWriter, v View) {
	esc := worddiff.Escape
	t.printf("\n## What each source reports\n\n")
	claims := r.sharedClaims()
	if len(claims) == 0 {
		t.printf("No claim is carried by more than one source.\n")
	} else {
		t.printf("%s\n\n| Claim |", esc(legend))
		labels := r.labels()
		for _, l := range labels {
			t.printf(" %s |", esc(l))
		}
		t.printf("\n|---|%s\n", strings.Repeat(":-:|", len(labels)))
		shown := claims
		if !v.Details && len(shown) > maxMatrixRows {
			shown = shown[:maxMatrixRows]
		}
		verified, omitted := r.verifiedOmissions(), r.omittedBy()
		for _, c := range shown {
			t.printf("| %s |", esc(c.Text)+llmMark(c.By)+omissionMark(verified, c))
			for _, l := range labels {
				t.printf(" %s |", cellMark(c, l, omitted))
			}
			t.printf("\n")
		}
		if n := len(claims) - len(shown); n > 0 {
			t.printf("\n_%s more; `--details` shows all._\n", plural(n, "claim", "claims"))
		}
	}
	if n := len(r.Matrix) - len(claims); n > 0 {
		t.printf("\nAnd %s reported by one source only (below).\n", plural(n, "fact", "facts"))
	}
}

// mdDiscrepancies writes the conflicting figures as a table.
func (r *Report) mdDiscrepancies(t *textWriter) {
	esc := worddiff.Escape
	t.printf("\n## Conflicting figures\n\n")
	if len(r.Discrepancies) == 0 {
		t.printf("None found.\n")
		return
	}
	t.printf("| Topic | Says | Sources |\n|---|---|---|\n")
	for _, d := range r.Discrepancies {
		for i, cl := range valueClasses(d.Values) {
			topic := ""
			if i == 0 {
				topic = esc(d.Topic) + llmMark(d.By) + verifiedMark(d.VerifiedBy)
			}
			says, who := cl.label, ""
			if says == "" {
				v := cl.values[0]
				says, who = v.Text, fmt.Sprintf("%s [%d]", v.Source, v.Sentence)
			} else {
				who = fmt.Sprintf("%s: %s", cl.count(), strings.Join(cl.members(func(s string) string { return "“" + s + "”" }), ", "))
			}
			t.printf("| %s | %s | %s |\n", topic, esc(says), esc(who))
		}
	}
}

// mdTerms writes the names table: one row per referent, one column per
// source.
func (r *Report) mdTerms(t *textWriter) {
	esc := worddiff.Escape
	t.printf("\n## Names\n\n")
	if len(r.Terms) == 0 {
		t.printf("No differences in naming found.\n")
		return
	}
	order := r.labels()
	t.printf("| Referent |")
	for _, l := range order {
		t.printf(" %s |", esc(l))
	}
	t.printf("\n|---|%s\n", strings.Repeat("---|", len(order)))
	for _, tm := range r.Terms {
		t.printf("| %s |", esc(r.conceptLabel(tm))+llmMark(tm.By))
		for _, l := range order {
			t.printf(" %s |", esc(tm.BySource[l]))
		}
		t.printf("\n")
	}
}

// mdQuotes writes who is quoted and the renderings of shared quotations.
func (r *Report) mdQuotes(t *textWriter, v View) {
	esc := worddiff.Escape
	t.printf("\n## Who is quoted\n\n")
	if len(r.Quoted) == 0 {
		t.printf("No one is quoted by name.\n")
	} else {
		t.printf("| Speaker | Quotations | Sources |\n|---|---:|---|\n")
		for _, q := range r.Quoted {
			t.printf("| %s | %d | %s |\n", esc(q.Speaker), q.Total, esc(r.quotedCounts(q)))
		}
	}
	if len(r.Quotes) == 0 {
		return
	}
	order := r.labels()
	t.printf("\n| Speaker | Rendering | Sources |\n|---|---|---|\n")
	for _, q := range r.Quotes {
		for i, va := range q.Variants {
			sp, text := "", "\""+esc(va.Text)+"\""
			if i == 0 {
				sp = esc(orDash(q.Speaker)) + llmMark(q.By)
			}
			who := strings.Join(va.Sources, ", ")
			if v.Details {
				if i > 0 {
					text = "\"" + diffMarkdown(va.ops, va.Diff) + "\""
				}
				who = evidence(va.Evidence, order)
			}
			t.printf("| %s | %s | %s |\n", sp, text, esc(who))
		}
	}
}

// mdUnique writes, per source, its facts no other source has.
func (r *Report) mdUnique(t *textWriter, v View) {
	esc := worddiff.Escape
	t.printf("\n## Only in one source\n\n")
	facts := r.uniqueFacts()
	if len(facts) == 0 {
		t.printf("None found.\n")
	}
	for i, l := range keys(r, facts) {
		fs := facts[l]
		shown := fs
		if q := uniqueQuota(len(r.Sources)); !v.Details && len(shown) > q {
			shown = shown[:q]
		}
		if i > 0 {
			t.printf("\n")
		}
		t.printf("**%s** (%s", esc(l), plural(len(fs), "fact", "facts"))
		if len(shown) < len(fs) {
			t.printf(", %d shown", len(shown))
		}
		t.printf("):\n\n")
		for _, f := range shown {
			text := f.Cut
			if v.Details {
				text = f.Text
			}
			t.printf("- [%d] %s%s%s\n", f.Sentence, esc(text), llmMark(f.By), verifiedMark(f.Verified))
		}
	}
}

// mdEvidence writes each shared claim's sentences and wordings.
func (r *Report) mdEvidence(t *textWriter) {
	esc := worddiff.Escape
	t.printf("\n## Evidence\n\n")
	for _, c := range r.sharedClaims() {
		t.printf("- %s%s  \n  _%s_\n", esc(c.Text), llmMark(c.By), esc(r.claimEvidence(c)))
		if sh := r.sharedFor(c); sh != nil {
			for _, wd := range sh.Wording {
				t.printf("  - %s [%d]: %s\n", esc(wd.Source), wd.Sentence, diffMarkdown(wd.ops, wd.Diff))
			}
		}
	}
	first := true
	for _, h := range r.Headlines {
		if h.Diff == "" {
			continue
		}
		if first {
			t.printf("\nHeadlines against “%s”:\n\n", esc(r.referenceHeadline()))
			first = false
		}
		t.printf("- %s: %s\n", esc(h.Source), diffMarkdown(h.ops, h.Diff))
	}
}

// mdRejected writes the claims a model rejected on verification, one
// item each, the claim cut to maxRejectedClaim runes; with details, each
// claim whole and the sentence the model cited.
func (r *Report) mdRejected(t *textWriter, v View) {
	esc := worddiff.Escape
	if len(r.Rejected) == 0 {
		return
	}
	t.printf("\n## Rejected by the model\n\n")
	for _, rj := range r.rejectedClaims() {
		text := rj.Text
		if !v.Details {
			text = ellipsize(text, maxRejectedClaim)
		}
		t.printf("- %s: “%s” — %s (%s)\n", esc(rj.What), esc(text), esc(rj.Reason), esc(rj.Cite))
		if v.Details && rj.CiteText != "" {
			t.printf("  - %s: %s\n", esc(rj.Cite), esc(rj.CiteText))
		}
	}
}

// maxRejectedClaim is how many runes of a rejected claim the Markdown
// and HTML reports show before the reader asks for more.
const maxRejectedClaim = 90

// mdFooter writes the warnings and how the report was made.
func (r *Report) mdFooter(t *textWriter) {
	esc := worddiff.Escape
	if len(r.Warnings) > 0 {
		t.printf("\n## Warnings\n\n")
		for _, wn := range r.Warnings {
			t.printf("- %s\n", esc(wn))
		}
	}
	t.printf("\n_Engine %s, alignment threshold %g, %d sentences in %d groups._\n",
		esc(r.Provenance.Engine), r.Provenance.Threshold, r.Provenance.Sentences, r.Provenance.Groups)
	if l := r.Provenance.LLM; l != nil {
		t.printf("_LLM findings by %s at %s, prompt %s._\n", esc(l.Model), esc(l.Endpoint), esc(l.Prompt))
	}
	if r.anyVerified() {
		t.printf("_%s._\n", esc(verifiedLegend))
	}
}
