package summarize

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/golden"
)

// articlesDir holds the test articles shared by the whole module.
const articlesDir = "../testdata/articles/summit"

// loadArticle parses one of the test articles by file name.
func loadArticle(t testing.TB, name string) *article.Article {
	t.Helper()
	a, err := article.Load(t.Context(), filepath.Join(articlesDir, name), article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.Path = "testdata/articles/summit/" + name // as the goldens name it, from the repository root
	return a
}

// testArticles lists the file names of the test articles.
func testArticles(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(articlesDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no test articles in %s", articlesDir)
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return names
}

// extractive summarises a with the extractive engine and the checks, at
// a fixed clock.
func extractive(t *testing.T, a *article.Article) *Summary {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", "1718755200")
	s, err := Article(t.Context(), a, Extractive{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExtractiveGolden(t *testing.T) {
	for _, name := range testArticles(t) {
		t.Run(name, func(t *testing.T) {
			s := extractive(t, loadArticle(t, name))
			var buf bytes.Buffer
			if err := WriteJSON(&buf, []*Summary{s}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "extractive", strings.TrimSuffix(name, ".txt")+".golden")
			golden.Check(t, path, buf.Bytes())

			// An extractive summary copies the article, so it must pass
			// every check of its own.
			if s.Checks == nil || s.Checks.Score != 1 || s.Failed() {
				t.Errorf("checks: got %+v, want score 1 and nothing failed", s.Checks)
			}
			if len(s.Warnings) != 0 {
				t.Errorf("warnings: got %q, want none", s.Warnings)
			}
		})
	}
}

func TestExtractiveShape(t *testing.T) {
	for _, name := range testArticles(t) {
		t.Run(name, func(t *testing.T) {
			a := loadArticle(t, name)
			s := extractive(t, a)
			if got := s.Provenance.Engine; got != "extractive" {
				t.Errorf("engine: got %q, want %q", got, "extractive")
			}
			if n := len(s.KeyPoints); n < 4 || n > 6 {
				t.Errorf("got %d key points, want 4 to 6", n)
			}
			var nums []int
			for i, p := range s.KeyPoints {
				if len(p.Evidence) != 1 {
					t.Fatalf("key point %d: got evidence %v, want one sentence", i+1, p.Evidence)
				}
				if got, want := p.Text, a.Sentence(p.Evidence[0]); got != want {
					t.Errorf("key point %d: got %q, want its sentence %q", i+1, got, want)
				}
				nums = append(nums, p.Evidence[0])
			}
			if slices.IsSorted(nums) && nums[len(nums)-1] == len(nums) {
				t.Errorf("key points are sentences %v: the first N, not a ranking", nums)
			}
			if nums[0] > 3 {
				t.Errorf("top key point is sentence %d; the lead prior should keep an opening sentence on top", nums[0])
			}
			// The summary is the top sentences in article order.
			top := slices.Clone(nums[:3])
			slices.Sort(top)
			var want []string
			for _, k := range top {
				want = append(want, a.Sentence(k))
			}
			if got := s.Summary; got != strings.Join(want, " ") {
				t.Errorf("summary: got %q, want %q", got, strings.Join(want, " "))
			}
			if a.Title != "" && s.Headline != a.Title {
				t.Errorf("headline: got %q, want the title %q", s.Headline, a.Title)
			}
			if len(s.Quotes) == 0 || len(s.Entities) == 0 || len(s.Figures) == 0 {
				t.Errorf("got %d quotes, %d entities, %d figures; want some of each", len(s.Quotes), len(s.Entities), len(s.Figures))
			}
			for _, f := range s.Figures {
				if !strings.Contains(a.Sentence(f.Sentence), f.Value) {
					t.Errorf("figure %q: not in its sentence %d", f.Value, f.Sentence)
				}
			}
		})
	}
}

func TestExtractiveSeed(t *testing.T) {
	s := extractive(t, loadArticle(t, "seed.txt"))
	// The seed has no title line: the headline comes from the top
	// sentence, without its introductory phrase, cut at a word.
	want := "Russian President Vladimir Putin and North Korean leader Kim Jong Un formalised a new partnership…"
	if s.Headline != want {
		t.Errorf("headline: got %q, want %q", s.Headline, want)
	}
	var quotes []string
	for _, q := range s.Quotes {
		quotes = append(quotes, q.Speaker+": "+q.Text)
	}
	wantQuotes := []string{"Kim: strongest ever treaty", "Putin: breakthrough document", "Putin: imperialist hegemonistic policies"}
	if !slices.Equal(quotes, wantQuotes) {
		t.Errorf("quotes: got %q, want %q", quotes, wantQuotes)
	}
}

func TestExtractiveDeterministic(t *testing.T) {
	a := loadArticle(t, "wire.txt")
	var outs []string
	for range 3 {
		var buf bytes.Buffer
		if err := WriteJSON(&buf, []*Summary{extractive(t, a)}); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, buf.String())
	}
	if outs[1] != outs[0] || outs[2] != outs[0] {
		t.Errorf("three runs gave different summaries:\n%s\n%s\n%s", outs[0], outs[1], outs[2])
	}
}

func TestExtractiveSmall(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		wantPoints int
	}{
		{name: "one sentence", text: "Putin met Kim in Pyongyang on Wednesday.", wantPoints: 1},
		{name: "three sentences", text: "Putin met Kim in Pyongyang. They signed a pact. It covers mutual defence.", wantPoints: 3},
		{name: "identical sentences", text: "The leaders met.\n\nThe leaders met.\n\nThe leaders met.\n\nThe leaders met.\n\nThe leaders met.", wantPoints: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := article.Load(t.Context(), "test=-", article.Options{Stdin: strings.NewReader(tt.text)})
			if err != nil {
				t.Fatal(err)
			}
			s := extractive(t, a)
			if got := len(s.KeyPoints); got != tt.wantPoints {
				t.Errorf("got %d key points, want %d", got, tt.wantPoints)
			}
			if s.Headline == "" || s.Summary == "" {
				t.Errorf("got headline %q and summary %q, want both", s.Headline, s.Summary)
			}
			if s.Failed() {
				t.Errorf("checks failed: %q", s.Warnings)
			}
		})
	}
}

func TestExtractiveNoSentences(t *testing.T) {
	s, err := Extractive{}.Summarize(t.Context(), &article.Article{Label: "empty"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.KeyPoints) != 0 || s.Summary != "" || s.Headline != "" {
		t.Errorf("got %+v, want an empty summary", s)
	}
}

func TestExtractiveKeyPointsOption(t *testing.T) {
	a := loadArticle(t, "seed.txt")
	s, err := Extractive{KeyPoints: 2}.Summarize(t.Context(), a)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.KeyPoints); got != 2 {
		t.Errorf("got %d key points, want 2", got)
	}
}

func TestExtractiveCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := Extractive{}.Summarize(ctx, loadArticle(t, "seed.txt"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got error %v, want context.Canceled", err)
	}
}

func TestPointsFor(t *testing.T) {
	tests := []struct {
		name      string
		sentences int
		want      int
	}{
		{name: "short", sentences: 8, want: 4},
		{name: "medium", sentences: 15, want: 5},
		{name: "long", sentences: 60, want: 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pointsFor(tt.sentences); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestHeadlineFrom(t *testing.T) {
	tests := []struct {
		name, sentence, want string
	}{
		{
			name:     "short sentence whole",
			sentence: "Putin and Kim sign a mutual defence pact.",
			want:     "Putin and Kim sign a mutual defence pact",
		},
		{
			name:     "intro phrase dropped",
			sentence: "On Wednesday, Putin and Kim signed a mutual defence pact in Pyongyang.",
			want:     "Putin and Kim signed a mutual defence pact in Pyongyang",
		},
		{
			name:     "subject before a comma kept",
			sentence: "The pact, signed in Pyongyang, commits both sides to mutual defence.",
			want:     "The pact, signed in Pyongyang, commits both sides to mutual defence",
		},
		{
			name:     "long sentence cut without a dangling word",
			sentence: "Russian President Vladimir Putin and North Korean leader Kim Jong Un formalised a new partnership agreement during a high-profile summit held on a Wednesday.",
			want:     "Russian President Vladimir Putin and North Korean leader Kim Jong Un formalised a new partnership…",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := headlineFrom(tt.sentence); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContextAround(t *testing.T) {
	tests := []struct {
		name, sentence, figure, want string
	}{
		{
			name:     "whole sentence",
			sentence: "It was his first trip in 24 years.",
			figure:   "24 years",
			want:     "It was his first trip in 24 years.",
		},
		{
			name:     "cut both sides",
			sentence: "The signing ceremony, which took place during Putin's first visit to North Korea in 24 years, could potentially strengthen the strongest bond between Moscow and Pyongyang.",
			figure:   "24 years",
			want:     "…first visit to North Korea in 24 years, could potentially strengthen the strongest…",
		},
		{
			name:     "glued curly quotes",
			sentence: "He said “2006” was the year.",
			figure:   "2006",
			want:     "He said “2006” was the year.",
		},
		{
			name:     "glued punctuation",
			sentence: "Sanctions (since 2006) were renewed.",
			figure:   "2006",
			want:     "Sanctions (since 2006) were renewed.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.sentence, tt.figure)
			got := contextAround(tt.sentence, start, start+len(tt.figure))
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// thousandWords is one article of about 1,000 words, made of three test
// articles' bodies.
func thousandWords(b *testing.B) *article.Article {
	b.Helper()
	var body []string
	for _, name := range []string{"seed.txt", "broadsheet.txt", "regional.txt"} {
		body = append(body, loadArticle(b, name).Text)
	}
	a, err := article.Load(b.Context(), "bench=-", article.Options{Stdin: strings.NewReader(strings.Join(body, "\n\n"))})
	if err != nil {
		b.Fatal(err)
	}
	if n := len(strings.Fields(a.Text)); n < 900 || n > 1200 {
		b.Fatalf("benchmark article has %d words, want about 1,000", n)
	}
	return a
}

func BenchmarkExtractive(b *testing.B) {
	a := thousandWords(b)
	e := Extractive{}
	for b.Loop() {
		if _, err := e.Summarize(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractiveChecked(b *testing.B) {
	a := thousandWords(b)
	for b.Loop() {
		if _, err := Article(b.Context(), a, Extractive{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestExtractiveSkipsFurniture(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Port reopens</title></head><body><article>
<figure><img src="a.jpg"><figcaption>Dock workers clear sand from the old quay of Port Emma harbour on Monday. <span class="credit">Photo: Ana Lobo for The Courier</span></figcaption></figure>
<p>The harbour of Port Emma reopened on Tuesday, three days after the storm closed it to shipping and flooded the old quay.</p>
<p>Harbour master Jon Pell said forty ships had waited offshore and that the first of them would dock before nightfall.</p>
<p>Insurers put the damage to the quay of Port Emma at about 2 million euros, and the council said repairs would take until spring.</p>
<p>In a statement, the council also said:</p>
<p>Pell said the dredgers had worked through the night to clear the harbour channel, which the storm had filled with sand.</p>
<p>Sam Roe contributed to this report.</p>
</article></body></html>`
	a, err := article.Load(t.Context(), "courier=-", article.Options{Stdin: strings.NewReader(page)})
	if err != nil {
		t.Fatal(err)
	}
	s := extractive(t, a)
	for _, kp := range s.KeyPoints {
		if a.Kind(kp.Evidence[0]) != article.Body || strings.HasSuffix(kp.Text, ":") {
			t.Errorf("key point %q is %v text or a lead-in", kp.Text, a.Kind(kp.Evidence[0]))
		}
	}
	for _, bad := range []string{"Dock workers", "Ana Lobo", "contributed", "also said:"} {
		if strings.Contains(s.Summary, bad) {
			t.Errorf("summary %q holds %q", s.Summary, bad)
		}
	}
	for _, f := range s.Figures {
		if f.Value == "Monday" {
			t.Errorf("figure %q taken from a caption", f.Value)
		}
	}
	for _, en := range s.Entities {
		if en.Name == "Ana Lobo" || en.Name == "Sam Roe" {
			t.Errorf("credit %q listed as an entity", en.Name)
		}
	}
}
