package compare

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/schema"
	"github.com/newslens/newslens/internal/structured"
)

// VerifiedSchemaName is the schema of a compare prompt that, in the same
// one request as the synthesis, verifies the rules' candidate claims
// (compare@2). Folding the check into the synthesis keeps a comparison
// of N sources at N+1 requests.
const VerifiedSchemaName = "verified-synthesis"

// Verdicts a model gives a candidate claim.
const (
	VerdictConfirmed = "confirmed"
	VerdictRejected  = "rejected"
)

// maxNeighbours is how many of the other sources' sentences go with a
// candidate claim: enough to show where a paraphrase is, few enough that
// the prompt grows with the claims, not with the articles.
const maxNeighbours = 3

// Neighbour is one sentence of another source and its matcher score
// against a sentence of the claim's source.
type Neighbour struct {
	Source   string  `json:"source"`
	Sentence int     `json:"sentence"`
	Text     string  `json:"text"`
	Score    float64 `json:"score"`
}

// Rejected is a candidate claim of the rules that a model showed to be
// shared, with the sentence that shows it.
type Rejected struct {
	// Kind is "unique", "omission" or "discrepancy".
	Kind string `json:"kind"`
	// Source is the claim's source: the one it is "only in", or the one
	// that "leaves it out"; empty for a discrepancy.
	Source string `json:"source,omitempty"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
	// Citation is the sentence the model cited as stating the claim.
	Citation Citation `json:"citation"`
}

// Citation is one numbered sentence of one source.
type Citation struct {
	Source   string `json:"source"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
}

// nearest lists, best first, the other sources' sentences that cover
// the clauses of sentence n (1-based) of source label best, one per
// source, with the coverage the matcher computed.
func (c *comparison) nearest(label string, n int) []Neighbour {
	src := slices.Index(c.labels, label)
	if src < 0 || n < 1 || n > len(c.sents[src]) {
		return nil
	}
	best := map[int]hit{}
	for _, ui := range c.sents[src][n-1].units {
		for h := range c.hitsOf(ui) {
			if b, ok := best[h.src]; !ok || h.score > b.score {
				best[h.src] = h
			}
		}
	}
	var out []Neighbour
	for s, h := range best {
		if h.score <= 0 {
			continue
		}
		out = append(out, Neighbour{Source: c.labels[s], Sentence: h.n + 1, Text: c.arts[s].Sentences[h.n], Score: round3(h.score)})
	}
	slices.SortFunc(out, func(a, b Neighbour) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Source, b.Source))
	})
	return out
}

// candidate is one rules claim as the model sees it.
type candidate struct {
	ID       string      `json:"id"`
	Kind     string      `json:"kind"`
	Source   string      `json:"source,omitempty"`
	Text     string      `json:"text"`
	RestsOn  []Citation  `json:"rests_on"`
	Similar  []Neighbour `json:"similar"`
	kind     string      // Rejected.Kind
	label    string      // key in Unique or Omissions
	index    int         // index in that list, or in Discrepancies
	verified *string
}

// candidates lists the rule-based unique, omission and discrepancy
// claims of r with the sentences they rest on and their neighbours.
func candidates(r *Report, arts []*article.Article) []*candidate {
	text := sentenceText(r, arts)
	near := func(l string, n int) []Neighbour {
		if r.near == nil {
			return []Neighbour{}
		}
		return r.near(l, n)
	}
	var out []*candidate
	for _, l := range keys(r, r.Unique) {
		for i := range r.Unique[l] {
			u := &r.Unique[l][i]
			if u.By == LLMEngine {
				continue
			}
			sim := near(l, u.Sentence)
			out = append(out, &candidate{ID: fmt.Sprintf("u%d", len(out)+1), Kind: "only_in", Source: l, Text: u.Text,
				RestsOn: []Citation{{l, u.Sentence, text(l, u.Sentence)}}, Similar: top(sim),
				kind: "unique", label: l, index: i, verified: &u.VerifiedBy})
		}
	}
	for _, l := range keys(r, r.Omissions) {
		for i := range r.Omissions[l] {
			o := &r.Omissions[l][i]
			if o.By == LLMEngine {
				continue
			}
			c := &candidate{ID: fmt.Sprintf("o%d", len(out)+1), Kind: "leaves_out", Source: l, Text: o.Text,
				RestsOn: []Citation{}, Similar: []Neighbour{}, kind: "omission", label: l, index: i, verified: &o.VerifiedBy}
			for _, p := range o.PresentIn {
				if ns := o.Evidence[p]; len(ns) > 0 {
					c.RestsOn = append(c.RestsOn, Citation{p, ns[0], text(p, ns[0])})
					for _, nb := range near(p, ns[0]) {
						if nb.Source == l && !slices.ContainsFunc(c.Similar, func(x Neighbour) bool { return x.Sentence == nb.Sentence }) {
							c.Similar = append(c.Similar, nb)
						}
					}
				}
			}
			c.Similar = top(c.Similar)
			out = append(out, c)
		}
	}
	for i := range r.Discrepancies {
		d := &r.Discrepancies[i]
		if d.By == LLMEngine {
			continue
		}
		c := &candidate{ID: fmt.Sprintf("d%d", len(out)+1), Kind: "discrepancy", Text: d.Topic,
			RestsOn: []Citation{}, Similar: []Neighbour{}, kind: "discrepancy", index: i, verified: &d.VerifiedBy}
		for _, v := range d.Values {
			c.RestsOn = append(c.RestsOn, Citation{v.Source, v.Sentence, text(v.Source, v.Sentence)})
		}
		out = append(out, c)
	}
	return out
}

func top(ns []Neighbour) []Neighbour {
	slices.SortStableFunc(ns, func(a, b Neighbour) int { return cmp.Compare(b.Score, a.Score) })
	if len(ns) > maxNeighbours {
		ns = ns[:maxNeighbours]
	}
	if ns == nil {
		ns = []Neighbour{}
	}
	return ns
}

// sentenceText returns sentence n (1-based) of the source labelled l.
func sentenceText(r *Report, arts []*article.Article) func(l string, n int) string {
	return func(l string, n int) string {
		i := slices.IndexFunc(r.Sources, func(s Source) bool { return s.Label == l })
		if i < 0 || n < 1 || n > len(arts[i].Sentences) {
			return ""
		}
		return arts[i].Sentences[n-1]
	}
}

// verifiedOutput is what a compare@2 model writes: the synthesis and
// one verdict per candidate claim.
type verifiedOutput struct {
	Shared         []sharedFact    `json:"shared" desc:"Facts that two or more outlets report and agree on."`
	Unique         []uniqueFact    `json:"unique" desc:"Facts that only one outlet reports."`
	Contradictions []contradiction `json:"contradictions" desc:"Checkable points on which outlets disagree, each side with its outlet."`
	Framing        []framing       `json:"framing" desc:"Differences in emphasis, voices quoted, tone and terms used for the same thing."`
	Verdicts       []verdict       `json:"verdicts" desc:"One verdict for each candidate claim, by its id."`
}

type verdict struct {
	Claim    string `json:"claim" desc:"The candidate claim's id."`
	Verdict  string `json:"verdict" enum:"confirmed,rejected" desc:"confirmed if the claim holds; rejected if a sentence shows it wrong."`
	Reason   string `json:"reason" desc:"Why, in one sentence; for a rejection, what the cited sentence says."`
	Source   string `json:"source" desc:"For a rejection: the outlet whose sentence shows the claim wrong; empty when confirmed."`
	Sentence int    `json:"sentence" desc:"For a rejection: that sentence's number; 0 when confirmed."`
}

var verifiedSchema = sync.OnceValue(func() *schema.Schema { return schema.MustFor(verifiedOutput{}) })

// synthesizeVerified is Synthesize for a VerifiedSchemaName prompt: the
// same synthesis, plus a verdict on each candidate claim, in one request.
func (s *Synthesizer) synthesizeVerified(ctx context.Context, r *Report, arts []*article.Article, vars map[string]string) error {
	cands := candidates(r, arts)
	b, err := marshal(cands)
	if err != nil {
		return fmt.Errorf("synthesize comparison: encode claims: %w", err)
	}
	vars["claims"] = string(b)
	vars["schema"] = string(verifiedSchema().JSON())
	system, user, err := s.Prompt.Render(vars)
	if err != nil {
		return fmt.Errorf("synthesize comparison: render prompt %s: %w", s.Prompt.ID(), err)
	}
	res, err := structured.Complete(ctx, s.Client, structured.Spec[verifiedOutput]{
		Request: llm.Request{
			Messages:    []llm.Message{{Role: "system", Content: system}, {Role: "user", Content: user}},
			Temperature: structured.Temperature(s.Temperature, s.Prompt.Temperature),
			MaxTokens:   s.MaxTokens,
			Schema:      &llm.Schema{Name: VerifiedSchemaName, JSON: verifiedSchema().JSON()},
			Tags:        map[string]string{"Prompt": s.Prompt.ID(), "Article": sourcesHash(r.Sources)},
		},
		Check: func(reply string) (*verifiedOutput, []string) {
			return structured.Decode[verifiedOutput](reply, verifiedSchema().Validate)
		},
		What: "synthesis",
		Noun: "synthesis reply",
		Raw:  &structured.RawStore{Dir: s.RawDir},
	})
	if err != nil {
		return fmt.Errorf("synthesize comparison: %w", err)
	}
	m := newMerger(r)
	applyVerdicts(r, m, cands, res.Value.Verdicts, sentenceText(r, arts))
	m.merge(&synthesisOutput{Shared: res.Value.Shared, Unique: res.Value.Unique, Contradictions: res.Value.Contradictions, Framing: res.Value.Framing})
	m.apply(r)
	r.Warnings = append(r.Warnings, res.Warnings...)
	r.Provenance.LLM = s.provenance(res.Model, res.Usage.PromptTokens, res.Usage.CompletionTokens, res.Cached)
	return nil
}

// applyVerdicts marks confirmed claims and moves rejected ones into
// r.Rejected. A rejection must cite an existing sentence of a source
// other than the one the claim is "only in" (for an omission: of the
// source said to leave it out); one that does not is dropped with a
// warning and its claim stays, unverified.
func applyVerdicts(r *Report, m *merger, cands []*candidate, vs []verdict, text func(string, int) string) {
	byID := make(map[string]*candidate, len(cands))
	for _, c := range cands {
		byID[c.ID] = c
	}
	drop := map[candKey]bool{}
	for _, v := range vs {
		c := byID[v.Claim]
		switch {
		case c == nil:
			m.warnf("dropped verdict on unknown claim %q", v.Claim)
		case v.Verdict == VerdictConfirmed:
			*c.verified = LLMEngine
		case !citesFor(m, c, v):
			m.warnf("dropped rejection of claim %s %q: citation %s does not show it", c.ID, c.Text, citeText(v.Source, []int{v.Sentence}))
		default:
			drop[candKey{c.kind, c.label, c.index}] = true
			r.Rejected = append(r.Rejected, Rejected{Kind: c.kind, Source: c.Source, Text: c.Text, Reason: strings.TrimSpace(v.Reason),
				Citation: Citation{v.Source, v.Sentence, text(v.Source, v.Sentence)}})
		}
	}
	for _, l := range keys(r, r.Unique) {
		r.Unique[l] = keep(r.Unique[l], drop, "unique", l)
		if len(r.Unique[l]) == 0 {
			delete(r.Unique, l)
		}
	}
	for _, l := range keys(r, r.Omissions) {
		r.Omissions[l] = keep(r.Omissions[l], drop, "omission", l)
		if len(r.Omissions[l]) == 0 {
			delete(r.Omissions, l)
		}
	}
	r.Discrepancies = keep(r.Discrepancies, drop, "discrepancy", "")
}

// candKey is where a candidate's finding sits in the report.
type candKey struct {
	kind, label string
	index       int
}

// keep returns list without the elements drop names.
func keep[T any](list []T, drop map[candKey]bool, kind, label string) []T {
	out := make([]T, 0, len(list))
	for i, e := range list {
		if !drop[candKey{kind, label, i}] {
			out = append(out, e)
		}
	}
	return out
}

func citesFor(m *merger, c *candidate, v verdict) bool {
	n, ok := m.sentences[v.Source]
	if !ok || v.Sentence < 1 || v.Sentence > n {
		return false
	}
	switch c.Kind {
	case "only_in":
		return v.Source != c.Source
	case "leaves_out":
		return v.Source == c.Source
	}
	return true
}
