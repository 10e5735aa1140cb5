package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/llm"
)

// fakeEmbedder gives texts containing same one shared vector and every
// other text a vector of its own, orthogonal to all the rest.
type fakeEmbedder struct {
	same  string
	calls int
}

func (f *fakeEmbedder) Embed(_ context.Context, model string, texts []string) (*llm.Embeddings, error) {
	f.calls++
	out := &llm.Embeddings{Model: model, Requests: 1}
	for i, t := range texts {
		v := make([]float32, len(texts)+1)
		if strings.Contains(t, f.same) {
			v[0] = 1
		} else {
			v[i+1] = 1
		}
		out.Vectors = append(out.Vectors, v)
	}
	return out, nil
}

func TestCombine(t *testing.T) {
	tests := []struct {
		name         string
		lexical, cos float64
		want         float64
	}{
		{name: "identical meaning lifts halfway to 1", lexical: 0.3, cos: 1, want: 0.65},
		{name: "unrelated leaves the lexical score", lexical: 0.3, cos: 0.2, want: 0.3},
		{name: "never lowers", lexical: 0.45, cos: 0.6, want: 0.45},
		{name: "floor", lexical: 0.3, cos: 0.5, want: 0.3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := combine(tt.lexical, tt.cos); got < tt.want-1e-9 || got > tt.want+1e-9 {
				t.Errorf("combine(%g, %g): got %g, want %g", tt.lexical, tt.cos, got, tt.want)
			}
		})
	}
}

// TestEmbeddingMatch checks, with an embedder that calls every pair
// identical, that the grey-zone pairs are scored in one Embed call,
// lifted to the combined score and marked as the embedding's matches,
// and that the offline comparison has no embedding matches.
func TestEmbeddingMatch(t *testing.T) {
	arts := summit(t)
	off, err := Sources(t.Context(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeEmbedder{same: ""}
	on, err := Sources(t.Context(), arts, Options{Embedder: f, EmbedModel: "m"})
	if err != nil {
		t.Fatal(err)
	}
	if f.calls != 1 {
		t.Errorf("Embed calls: got %d, want 1", f.calls)
	}
	if off.Provenance.Embeddings != nil {
		t.Errorf("offline provenance: got %+v, want no embeddings", off.Provenance.Embeddings)
	}
	p := on.Provenance.Embeddings
	if p == nil || p.Model != "m" || p.Pairs == 0 || p.Lifted != p.Pairs || p.Requests != 1 {
		t.Fatalf("provenance: got %+v, want model m, every pair lifted, 1 request", p)
	}
	count := func(r *Report, matcher string) (n int) {
		for _, c := range r.Matrix {
			for l, cell := range c.Cells {
				if cell.Matcher != matcher || l == c.From {
					continue
				}
				n++
				if matcher == MatcherEmbedding && cell.Score < DefaultThreshold {
					t.Errorf("embedding match %s in %q: score %g, want at least %g", l, c.Text, cell.Score, DefaultThreshold)
				}
			}
		}
		return n
	}
	if n := count(off, MatcherEmbedding); n != 0 {
		t.Errorf("offline: got %d embedding matches, want 0", n)
	}
	if n := count(on, MatcherEmbedding); n == 0 {
		t.Error("with embeddings: no match is marked as the embedding's")
	}
	uniques := func(r *Report) (n int) {
		for _, us := range r.Unique {
			n += len(us)
		}
		return n
	}
	if a, b := uniques(off), uniques(on); b >= a {
		t.Errorf("unique claims: got %d with embeddings, %d without; want fewer with", b, a)
	}
}
