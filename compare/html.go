package compare

import (
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/newslens/newslens/internal/htmlpage"
	"github.com/newslens/newslens/internal/worddiff"
)

//go:embed report.html.tmpl
var reportTemplate string

var reportHTML = htmlpage.Template("compare", reportTemplate, nil)

// WriteHTML renders the report as one self-contained HTML page, in the
// order of WriteTextView: the sources with their titles, dates and
// links; the matrix as a colour-coded table whose cells also carry the
// symbols ✓ – ≠, each claim's evidence (sentences, match scores, word
// diffs as <del> and <ins>) in a <details> element; the conflicting
// figures; the names table; who is quoted and the renderings of shared
// quotations; the facts only one source has. The page holds no script
// and fetches nothing (see package htmlpage).
func (r *Report) WriteHTML(w io.Writer) error {
	return htmlpage.Execute(w, reportHTML, r.htmlView())
}

// htmlReport is what the template renders: every string in it is data.
type htmlReport struct {
	Title       string
	Sources     []htmlSource
	Labels      []string
	Claims      []htmlClaim
	OneSource   int
	Figures     []htmlFigure
	Terms       []htmlTerm
	Quoted      []htmlQuoted
	Quotes      []htmlQuote
	Unique      []htmlUnique
	Rejected    []htmlRejected
	Warnings    []string
	Engine      string
	LLM         string
	RefHeadline string
}

type htmlSource struct {
	Label, Date, Link, Origin string
	Headline                  []htmlpage.Seg
	Sentences                 int
}

type htmlClaim struct {
	ID       string
	Text     string
	LLM      bool
	Verified bool
	Stated   int
	Cells    []htmlCell
	Evidence []htmlEvidence
}

type htmlCell struct {
	Label, Class, Mark, Words string
}

type htmlEvidence struct {
	Label, Sentences, Score string
	Conflicts               bool
	Diff                    []htmlpage.Seg
}

type htmlFigure struct {
	Topic, Kind   string
	LLM, Verified bool
	Rows          []htmlFigureRow
}

type htmlFigureRow struct{ Says, Who string }

type htmlTerm struct {
	Concept string
	LLM     bool
	Names   []string
}

type htmlQuoted struct {
	Speaker, Counts string
	Total, Sources  int
}

type htmlQuote struct {
	Speaker  string
	LLM      bool
	Variants []htmlVariant
}

type htmlVariant struct {
	Text     string
	Diff     []htmlpage.Seg
	Sources  string
	Evidence string
}

type htmlUnique struct {
	Label string
	Facts []oneSourceFact
}

// htmlRejected is a rejected claim: Short in the summary, the rest
// inside <details>.
type htmlRejected struct {
	rejectedClaim
	Short string
}

// htmlView derives the page's data from the report's fields alone.
func (r *Report) htmlView() htmlReport {
	v := htmlReport{
		Title:       fmt.Sprintf("Coverage of %d sources", len(r.Sources)),
		Labels:      r.labels(),
		OneSource:   len(r.Matrix) - len(r.sharedClaims()),
		Warnings:    r.Warnings,
		RefHeadline: r.referenceHeadline(),
		Engine: fmt.Sprintf("Engine %s, alignment threshold %g, %d sentences in %d groups.",
			r.Provenance.Engine, r.Provenance.Threshold, r.Provenance.Sentences, r.Provenance.Groups),
	}
	if l := r.Provenance.LLM; l != nil {
		v.LLM = fmt.Sprintf("LLM findings by %s at %s, prompt %s.", l.Model, l.Endpoint, l.Prompt)
	}
	v.Sources = r.htmlSources()
	verified, omitted := r.verifiedOmissions(), r.omittedBy()
	for i, c := range r.sharedClaims() {
		v.Claims = append(v.Claims, r.htmlClaim(i, c, verified[c.Text], omitted[c.Text]))
	}
	v.Figures = r.htmlFigures()
	for _, tm := range r.Terms {
		t := htmlTerm{Concept: r.conceptLabel(tm), LLM: tm.By == LLMEngine}
		for _, l := range v.Labels {
			t.Names = append(t.Names, tm.BySource[l])
		}
		v.Terms = append(v.Terms, t)
	}
	for _, q := range r.Quoted {
		v.Quoted = append(v.Quoted, htmlQuoted{Speaker: q.Speaker, Counts: r.quotedCounts(q), Total: q.Total, Sources: len(q.Sources)})
	}
	v.Quotes = r.htmlQuotes()
	facts := r.uniqueFacts()
	for _, l := range keys(r, facts) {
		v.Unique = append(v.Unique, htmlUnique{Label: l, Facts: facts[l]})
	}
	for _, rj := range r.rejectedClaims() {
		v.Rejected = append(v.Rejected, htmlRejected{rejectedClaim: rj, Short: ellipsize(rj.Text, maxRejectedClaim)})
	}
	return v
}

func (r *Report) htmlSources() []htmlSource {
	heads := make(map[string]Headline)
	for _, h := range r.Headlines {
		heads[h.Source] = h
	}
	var out []htmlSource
	for _, s := range r.Sources {
		hs := htmlSource{Label: s.Label, Date: s.Date, Sentences: s.Sentences, Link: htmlpage.Link(s.URL), Origin: s.URL}
		hs.Headline = []htmlpage.Seg{{Text: s.Title}}
		if h, ok := heads[s.Label]; ok {
			hs.Headline = []htmlpage.Seg{{Text: h.Text}}
			if r.showHeadlineDiff(h) {
				hs.Headline = htmlDiff(h.ops, h.Diff)
			}
		}
		out = append(out, hs)
	}
	return out
}

// htmlDiff gives a finding's word diff as runs: from its operations when
// it has them, else from the stored notation.
func htmlDiff(ops []worddiff.Op, stored string) []htmlpage.Seg {
	if ops != nil {
		return htmlpage.Ops(ops)
	}
	return htmlpage.ParseDiff(stored)
}

// cellWords says a cell's state in words, for its title and for readers
// of the page who cannot tell the colours apart.
func cellWords(label, state string) string {
	switch state {
	case Stated:
		return label + " states it"
	case Conflicts:
		return label + " states it with a figure the others contradict"
	}
	return label + " does not report it"
}

// htmlClaim builds a matrix row; omitted names the sources the report
// says leave the claim out, verified those a model confirmed do.
func (r *Report) htmlClaim(i int, c Claim, verified, omitted map[string]bool) htmlClaim {
	hc := htmlClaim{ID: fmt.Sprintf("claim-%d", i+1), Text: c.Text, LLM: c.By == LLMEngine, Verified: len(verified) > 0, Stated: c.Stated}
	classes := map[string]string{Stated: "st", Absent: "ab", Conflicts: "cf"}
	wording := make(map[string]Wording)
	if sh := r.sharedFor(c); sh != nil {
		for _, wd := range sh.Wording {
			wording[wd.Source] = wd
		}
	}
	for _, l := range r.labels() {
		cell := c.Cells[l]
		state := cell.State
		if state == "" {
			state = Absent
		}
		words, class, mk := cellWords(l, state), classes[state], mark(state)
		if state == Absent && omitted[l] {
			words, class, mk = l+" leaves it out, though most sources report it", "ab om", markOmits
		}
		if verified[l] {
			words += " (confirmed by a language model)"
		}
		hc.Cells = append(hc.Cells, htmlCell{Label: l, Class: class, Mark: mk, Words: words})
		if state == Absent {
			continue
		}
		ev := htmlEvidence{Label: l, Sentences: cellSentences(Cell{Sentences: cell.Sentences}), Conflicts: state == Conflicts}
		if cell.Score > 0 && cell.Score < 1 {
			ev.Score = fmt.Sprintf("%.2f", cell.Score)
		}
		if wd, ok := wording[l]; ok {
			ev.Diff = htmlDiff(wd.ops, wd.Diff)
		}
		hc.Evidence = append(hc.Evidence, ev)
	}
	return hc
}

func (r *Report) htmlFigures() []htmlFigure {
	var out []htmlFigure
	for _, d := range r.Discrepancies {
		f := htmlFigure{Topic: d.Topic, Kind: d.Kind, LLM: d.By == LLMEngine, Verified: d.VerifiedBy == LLMEngine}
		for _, cl := range valueClasses(d.Values) {
			if cl.label == "" {
				v := cl.values[0]
				f.Rows = append(f.Rows, htmlFigureRow{Says: v.Text, Who: fmt.Sprintf("%s [%d]", v.Source, v.Sentence)})
				continue
			}
			who := cl.count() + ": " + strings.Join(cl.members(func(s string) string { return "“" + s + "”" }), ", ")
			f.Rows = append(f.Rows, htmlFigureRow{Says: cl.label, Who: who})
		}
		out = append(out, f)
	}
	return out
}

func (r *Report) htmlQuotes() []htmlQuote {
	var out []htmlQuote
	order := r.labels()
	for _, q := range r.Quotes {
		hq := htmlQuote{Speaker: orDash(q.Speaker), LLM: q.By == LLMEngine}
		for i, va := range q.Variants {
			hv := htmlVariant{Text: va.Text, Sources: strings.Join(va.Sources, ", "), Evidence: evidence(va.Evidence, order)}
			if i > 0 {
				hv.Diff = htmlDiff(va.ops, va.Diff)
			}
			hq.Variants = append(hq.Variants, hv)
		}
		out = append(out, hq)
	}
	return out
}
