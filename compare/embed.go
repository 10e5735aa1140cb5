package compare

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/newslens/newslens/internal/llm"
)

// Embedder returns one embedding vector per text; *llm.Client is one,
// and so is the response cache's wrapper around it, which keeps each
// vector keyed by endpoint, model and text.
type Embedder interface {
	Embed(ctx context.Context, model string, texts []string) (*llm.Embeddings, error)
}

// Semantic matching, when Options.Embedder is set. Only a pair the
// lexical matcher found close but not close enough (coverage at least
// embedMinLexical and under the clause's threshold) is embedded: pairs
// above the threshold are already matched, and pairs with almost no
// shared content word are left alone because every sentence about one
// event is near every other in embedding space, so a cosine alone would
// merge different facts of the same story.
//
// The combined score is
//
//	max(lexical, (lexical + semantic) / 2)
//	semantic = clamp((cosine - embedFloor) / (1 - embedFloor), 0, 1)
//
// It never lowers a lexical score (word coverage is direct evidence),
// and it lifts a pair over the threshold t only when the two agree:
// semantic must reach 2t - lexical, so at t = 0.5 a pair with a lexical
// coverage of 0.3 needs a semantic score of 0.7 (a cosine of 0.85).
// embedFloor is where cosines of unrelated sentences of one news story
// typically lie for general-purpose embedding models; it is a starting
// point, not measured on the evaluation set.
const (
	embedMinLexical = 0.2
	embedFloor      = 0.5
)

// Matchers named in Cell.Matcher.
const (
	MatcherLexical   = "lexical"
	MatcherEmbedding = "embedding"
	// MatcherFigure marks the cells of a quantity that sources give in
	// sentences no claim joins (figureOmissions): the figures were tied,
	// not the wordings.
	MatcherFigure = "figure"
)

// EmbedProvenance says how embeddings were used in a comparison.
type EmbedProvenance struct {
	Model string `json:"model"`
	// Pairs counts the candidate pairs scored, Lifted those the
	// embedding raised.
	Pairs  int `json:"pairs"`
	Lifted int `json:"lifted"`
	// Texts counts the distinct texts embedded, Requests the embeddings
	// requests sent and Cached the vectors the cache answered.
	Texts        int `json:"texts"`
	Requests     int `json:"requests"`
	Cached       int `json:"cached"`
	PromptTokens int `json:"prompt_tokens"`
}

// liftKey names a pair of sentences an embedding matched: the clause's
// source and sentence, the other source and sentence.
type liftKey [4]int

// embedScores rescores the grey-zone hits of every clause with the
// embedding model, in one Embed call for all the texts.
func (c *comparison) embedScores(ctx context.Context) error {
	if c.embedder == nil {
		return nil
	}
	type pair struct{ i, k, a, b int }
	var pairs []pair
	var texts []string
	at := map[string]int{}
	add := func(s string) int {
		if j, ok := at[s]; ok {
			return j
		}
		at[s] = len(texts)
		texts = append(texts, s)
		return len(texts) - 1
	}
	for i := range c.units {
		t := c.th(i)
		for k, h := range c.hits[i] {
			if h.src == c.units[i].src || h.score < embedMinLexical || h.score >= t {
				continue
			}
			other := c.arts[h.src].Sentences[h.n]
			if h.n2 >= 0 {
				other += " " + c.arts[h.src].Sentences[h.n2]
			}
			pairs = append(pairs, pair{i, k, add(c.unitText(i)), add(other)})
		}
	}
	c.embedProv = &EmbedProvenance{Model: c.embedModel, Pairs: len(pairs), Texts: len(texts)}
	if len(pairs) == 0 {
		return nil
	}
	e, err := c.embedder.Embed(ctx, c.embedModel, texts)
	if err != nil {
		return fmt.Errorf("embed clauses: %w", err)
	}
	if len(e.Vectors) != len(texts) {
		return fmt.Errorf("embed clauses: got %d vectors for %d texts", len(e.Vectors), len(texts))
	}
	c.embedProv.Requests, c.embedProv.Cached, c.embedProv.PromptTokens = e.Requests, e.Cached, e.PromptTokens
	c.lifted = map[liftKey]bool{}
	cloned := map[int]bool{}
	for _, p := range pairs {
		h := c.hits[p.i][p.k]
		s := combine(h.score, cosine(e.Vectors[p.a], e.Vectors[p.b]))
		if s <= h.score {
			continue
		}
		if !cloned[p.i] {
			// Copies of one clause share their hits; this score is the
			// clause's own.
			c.hits[p.i] = slices.Clone(c.hits[p.i])
			cloned[p.i] = true
		}
		c.hits[p.i][p.k].score = s
		u := c.units[p.i]
		c.lifted[liftKey{u.src, u.n, h.src, h.n}] = true
		c.embedProv.Lifted++
	}
	return nil
}

// combine is the documented combined score of a lexical coverage and a
// cosine similarity.
func combine(lexical, cos float64) float64 {
	sem := min(1, max(0, (cos-embedFloor)/(1-embedFloor)))
	return max(lexical, (lexical+sem)/2)
}

func cosine(a, b []float32) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// matcherFor names the matcher that put source label's sentences into a
// rules claim: the embedding when it lifted the pair, else the lexical.
func (c *comparison) matcherFor(rep, m member) string {
	if c.lifted[liftKey{rep.src, rep.n, m.src, m.n}] || c.lifted[liftKey{m.src, m.n, rep.src, rep.n}] {
		return MatcherEmbedding
	}
	return MatcherLexical
}
