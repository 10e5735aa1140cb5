package summarize

import (
	_ "embed"
	"fmt"
	"io"
	"slices"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/htmlpage"
)

//go:embed summary.html.tmpl
var summaryTemplate string

var summaryHTML = htmlpage.Template("summary", summaryTemplate, nil)

// WriteHTML renders summaries as one self-contained HTML page. Each
// summary stands beside its article: key points, quotes and figures link
// to the sentences they cite, which are highlighted in the article, and
// the grounding checks are shown on each item, so a quote not found in
// the article stands out. arts are the summarised articles, matched to
// the summaries by their SHA-256; a summary without its article is shown
// alone. The page holds no script and fetches nothing (see package
// htmlpage).
func WriteHTML(w io.Writer, sums []*Summary, arts []*article.Article) error {
	return htmlpage.Execute(w, summaryHTML, htmlView(sums, arts))
}

type htmlPage struct {
	Title     string
	Summaries []htmlSummary
}

type htmlSummary struct {
	ID          string
	Headline    string
	Label, Date string
	Link        string
	Origin      string
	Engine      string
	Summary     string
	Checks      []htmlCheck
	Score       string
	Failed      bool
	KeyPoints   []htmlPoint
	Quotes      []htmlQuote
	Figures     []htmlFigure
	Entities    []Entity
	Warnings    []string
	Article     []htmlSentence
	Sep         bool
}

type htmlCheck struct {
	Text string
	OK   bool
}

type htmlRef struct {
	N    int
	Href string
}

type htmlPoint struct {
	Text      string
	Refs      []htmlRef
	Supported bool
	Checked   bool
}

type htmlQuote struct {
	Speaker, Text, Match, Closest string
	Ref, ClosestRef               *htmlRef
	Verified                      bool
}

type htmlFigure struct {
	Value, Context string
	Ref            *htmlRef
	Supported      bool
	Checked        bool
}

type htmlSentence struct {
	ID    string
	N     int
	Text  string
	Cited bool
}

func htmlView(sums []*Summary, arts []*article.Article) htmlPage {
	p := htmlPage{Title: "Summary"}
	if len(sums) == 1 {
		p.Title = "Summary: " + sums[0].Headline
	} else {
		p.Title = fmt.Sprintf("Summaries of %d articles", len(sums))
	}
	for i, s := range sums {
		hs := htmlSummaryOf(i, s, articleFor(s, arts))
		hs.Sep = i > 0
		p.Summaries = append(p.Summaries, hs)
	}
	return p
}

// articleFor finds the article s was made from.
func articleFor(s *Summary, arts []*article.Article) *article.Article {
	for _, a := range arts {
		if a.SHA256 == s.Source.SHA256 && a.Label == s.Source.Label {
			return a
		}
	}
	for _, a := range arts {
		if a.SHA256 == s.Source.SHA256 {
			return a
		}
	}
	return nil
}

func htmlSummaryOf(i int, s *Summary, a *article.Article) htmlSummary {
	id := fmt.Sprintf("a%d", i+1)
	origin := s.Source.URL
	if origin == "" {
		origin = s.Source.Path
	}
	hs := htmlSummary{
		ID: id, Headline: s.Headline, Label: s.Source.Label, Date: s.Source.Date,
		Link: htmlpage.Link(s.Source.URL), Origin: origin, Engine: sourceLine(s),
		Summary: s.Summary, Entities: s.Entities, Warnings: s.Warnings,
	}
	n := 0
	if a != nil {
		n = len(a.Sentences)
	}
	ref := func(k int) *htmlRef {
		if k < 1 || k > n {
			return nil
		}
		return &htmlRef{N: k, Href: fmt.Sprintf("#%s-s%d", id, k)}
	}
	var cited []int
	for _, kp := range s.KeyPoints {
		p := htmlPoint{Text: kp.Text, Supported: kp.Supported, Checked: s.Checks != nil}
		for _, k := range kp.Evidence {
			if r := ref(k); r != nil {
				p.Refs = append(p.Refs, *r)
				cited = append(cited, k)
			}
		}
		hs.KeyPoints = append(hs.KeyPoints, p)
	}
	for _, q := range s.Quotes {
		hq := htmlQuote{Speaker: orUnknown(q.Speaker), Text: q.Text, Match: q.Match, Closest: q.Closest, Verified: q.Verified,
			Ref: ref(q.Sentence), ClosestRef: ref(q.ClosestSentence)}
		if hq.Ref != nil {
			cited = append(cited, q.Sentence)
		}
		hs.Quotes = append(hs.Quotes, hq)
	}
	for _, f := range s.Figures {
		hf := htmlFigure{Value: f.Value, Context: f.Context, Supported: f.Supported, Checked: s.Checks != nil, Ref: ref(f.Sentence)}
		if hf.Ref != nil {
			cited = append(cited, f.Sentence)
		}
		hs.Figures = append(hs.Figures, hf)
	}
	if a != nil {
		for k, text := range a.Sentences {
			hs.Article = append(hs.Article, htmlSentence{ID: fmt.Sprintf("%s-s%d", id, k+1), N: k + 1, Text: text, Cited: slices.Contains(cited, k+1)})
		}
	}
	hs.Checks, hs.Score, hs.Failed = htmlChecks(s.Checks)
	return hs
}

// htmlChecks lists the grounding checks as badges: each kind with its
// count, passed or not.
func htmlChecks(c *Checks) ([]htmlCheck, string, bool) {
	if c == nil {
		return nil, "", false
	}
	var out []htmlCheck
	add := func(name string, ok, total int) {
		if total > 0 {
			out = append(out, htmlCheck{Text: fmt.Sprintf("%s %d/%d", name, ok, total), OK: ok == total})
		}
	}
	add("quotes verified", c.Quotes.Verified, c.Quotes.Total)
	add("figures supported", c.Figures.Supported, c.Figures.Total)
	add("evidence valid", c.Evidence.Valid, c.Evidence.Total)
	add("entities found", c.Entities.Found, c.Entities.Total)
	return out, fmt.Sprint(c.Score), c.Failed()
}
