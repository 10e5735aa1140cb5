package compare

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// synonyms perturb synthetic outlets the way rewrites do.
var synonyms = map[string]string{
	"said": "stated", "signed": "inked", "pact": "accord", "agreement": "deal",
	"countries": "nations", "pledged": "promised", "capital": "city", "talks": "meeting",
	"Wednesday": "Tuesday", "24": "23", "support": "backing", "military": "armed",
}

// summitPool returns every body sentence of the summit set.
func summitPool(tb testing.TB) []string {
	tb.Helper()
	var pool []string
	for _, a := range summit(tb) {
		pool = append(pool, a.Sentences...)
	}
	return pool
}

// perturb rewrites about one word in eight of s, deterministically.
func perturb(rng *rand.Rand, s string) string {
	fs := strings.Fields(s)
	for i, w := range fs {
		if r, ok := synonyms[w]; ok && rng.IntN(3) == 0 {
			fs[i] = r
		} else if rng.IntN(40) == 0 && i > 0 && i < len(fs)-1 {
			fs[i] = ""
		}
	}
	return strings.Join(strings.Fields(strings.Join(fs, " ")), " ")
}

// syntheticOutlets builds n outlets of about 800 words each from the
// summit set: each draws sentences from the pool in a shuffled order and
// rewrites some of their words.
func syntheticOutlets(tb testing.TB, n int) []*article.Article {
	tb.Helper()
	pool := summitPool(tb)
	arts := make([]*article.Article, n)
	for k := range n {
		rng := rand.New(rand.NewPCG(uint64(k), 2024))
		var b strings.Builder
		words := 0
		for _, i := range rng.Perm(len(pool)) {
			if words >= 800 {
				break
			}
			s := perturb(rng, pool[i])
			b.WriteString(s)
			b.WriteString(" ")
			words += len(strings.Fields(s))
		}
		arts[k] = fromText(tb, fmt.Sprintf("outlet%03d", k), fmt.Sprintf("Outlet %d on the summit", k), b.String())
	}
	return arts
}

func benchmarkSources(b *testing.B, n int) {
	arts := syntheticOutlets(b, n)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Sources(b.Context(), arts, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSources50(b *testing.B)  { benchmarkSources(b, 50) }
func BenchmarkSources100(b *testing.B) { benchmarkSources(b, 100) }

func TestSyntheticScale(t *testing.T) {
	arts := syntheticOutlets(t, 3)
	for _, a := range arts {
		if n := len(strings.Fields(a.Text)); n < 800 || n > 900 {
			t.Errorf("%s: got %d words, want about 800", a.Label, n)
		}
	}
	r := mustCompare(t, arts)
	if len(r.Shared) == 0 {
		t.Errorf("got no shared content between synthetic outlets")
	}
}

// BenchmarkSourcesThreeEvents compares the 23 articles of the three dev
// events of the evaluation set at once: most clauses are then found in
// one source only, the case where checking unmatched clauses for near
// wordings (near.go) costs most.
func BenchmarkSourcesThreeEvents(b *testing.B) {
	var arts []*article.Article
	for _, ev := range []string{"summit", "quake", "steel"} {
		g, err := loadGold(b.Context(), filepath.Join(evalDir, ev))
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, g.arts...)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Sources(b.Context(), arts, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// distinctOutlets builds n outlets of 30 sentences each whose words are
// drawn at random from the summit set's vocabulary: almost nothing is
// shared, so almost every clause is unmatched, the worst case for the
// near-wording rule (near.go).
func distinctOutlets(tb testing.TB, n int) []*article.Article {
	tb.Helper()
	var vocab []string
	for _, s := range summitPool(tb) {
		for _, w := range strings.Fields(s) {
			if w = strings.Trim(w, `.,;:"'()`); len(w) > 3 {
				vocab = append(vocab, strings.ToLower(w))
			}
		}
	}
	arts := make([]*article.Article, n)
	for k := range n {
		rng := rand.New(rand.NewPCG(uint64(k), 7))
		var b strings.Builder
		for range 30 {
			ws := make([]string, 12)
			for i := range ws {
				ws[i] = vocab[rng.IntN(len(vocab))]
			}
			b.WriteString("The " + strings.Join(ws, " ") + ". ")
		}
		arts[k] = fromText(tb, fmt.Sprintf("outlet%03d", k), fmt.Sprintf("Outlet %d", k), b.String())
	}
	return arts
}

func BenchmarkSourcesDistinct100(b *testing.B) {
	arts := distinctOutlets(b, 100)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Sources(b.Context(), arts, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
