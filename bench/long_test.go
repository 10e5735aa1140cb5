package bench

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/llm"
	"github.com/newslens/newslens/internal/llmtest"
	"github.com/newslens/newslens/internal/tokens"
	"github.com/newslens/newslens/prompts"
	"github.com/newslens/newslens/summarize"
)

// The long-article case of issue 13: an article that needs 58 parts at
// the default reply room, and the mock answering each request after a
// fixed latency.
const (
	longSentences = 232 // four to a part
	longWindow    = 2440
	longModel     = "mock-model" // the token estimate: no BPE to load
	// partReply is a short valid summary, as a model would write for one
	// part; merges answer with it too.
	partReply = `{"headline":"Flood crews work through the night","summary":"Crews pumped water from streets across the valley.","key_points":[{"text":"Crews pumped water from streets.","evidence":[1]}],"entities":[],"quotes":[],"figures":[]}`
)

// longArticle is a flood report of longSentences distinct sentences.
func longArticle(tb testing.TB) *article.Article {
	tb.Helper()
	var b strings.Builder
	b.WriteString("title: Valley flood, street by street\nsource: bench\n\n")
	for i := range longSentences {
		fmt.Fprintf(&b, "On street %d the water stood %d centimetres deep at dawn, and a crew of %d pumped it into the storm drains before noon.", i+1, 10+i%40, 2+i%7)
		if i%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	a, err := article.Load(tb.Context(), "long=-", article.Options{Stdin: strings.NewReader(b.String())})
	if err != nil {
		tb.Fatal(err)
	}
	if len(a.Sentences) != longSentences {
		tb.Fatalf("got %d sentences, want %d", len(a.Sentences), longSentences)
	}
	return a
}

// longEngine returns the LLM engine the CLI builds for
// `summarize -j parallel --context-tokens longWindow --no-cache`, pointed
// at a mock that answers after latency.
func longEngine(tb testing.TB, latency time.Duration, parallel int) (*llmtest.Server, *summarize.LLM) {
	tb.Helper()
	srv := llmtest.NewServer(tb)
	srv.Add(llmtest.Reply{Content: partReply, Delay: latency})
	client, err := llm.New(llm.Config{BaseURL: srv.URL, APIKey: "bench", Model: longModel})
	if err != nil {
		tb.Fatal(err)
	}
	p, err := prompts.Embedded().Lookup("summarize")
	if err != nil {
		tb.Fatal(err)
	}
	merge, err := prompts.Embedded().Get("merge", 0)
	if err != nil {
		tb.Fatal(err)
	}
	return srv, &summarize.LLM{
		Client:        client,
		Prompt:        p,
		Merge:         merge,
		ContextTokens: longWindow,
		Tokens:        func(text string) int { return tokens.Count(longModel, text) },
		Parallel:      parallel,
	}
}

var (
	partsRE  = regexp.MustCompile(`summarised in (\d+) parts`)
	levelsRE = regexp.MustCompile(`merged with \S+ in (\d+) levels`)
)

// shape reads the parts and merge levels from a long summary's warning.
func shape(tb testing.TB, s *summarize.Summary) (parts, levels int) {
	tb.Helper()
	for _, w := range s.Warnings {
		if m := partsRE.FindStringSubmatch(w); m != nil {
			parts, _ = strconv.Atoi(m[1])
			levels = 1
			if m := levelsRE.FindStringSubmatch(w); m != nil {
				levels, _ = strconv.Atoi(m[1])
			}
		}
	}
	if parts == 0 {
		tb.Fatalf("the article was not summarised in parts: warnings %q", s.Warnings)
	}
	return parts, levels
}

// requestRounds is how many rounds of j concurrent requests the parts
// and then each merge level need at least: the parts first, then each
// level's merges (tagged Newslens-Merge: level.group), then the last.
func requestRounds(reqs []llmtest.Request, j int) int {
	perLevel := map[string]int{}
	parts, final := 0, 0
	for _, r := range reqs {
		switch tag := r.Header.Get("Newslens-Merge"); {
		case r.Prompt != "merge@1":
			parts++
		case tag == "":
			final++
		default:
			level, _, _ := strings.Cut(tag, ".")
			perLevel[level]++
		}
	}
	rounds := (parts+j-1)/j + final
	for _, n := range perLevel {
		rounds += (n + j - 1) / j
	}
	return rounds
}

// TestLong checks what BenchmarkLongArticle relies on: 58 parts, every
// reply valid (one request each, no repairs), merged in at least one level.
func TestLong(t *testing.T) {
	srv, e := longEngine(t, 0, 8)
	s, err := summarize.Article(t.Context(), longArticle(t), e)
	if err != nil {
		t.Fatal(err)
	}
	parts, levels := shape(t, s)
	if parts != 58 {
		t.Errorf("got %d parts, want 58", parts)
	}
	merges := 0
	for _, r := range srv.Requests() {
		if r.Header.Get("Newslens-Repair") != "" {
			t.Errorf("a repair request was sent")
		}
		if r.Prompt == "merge@1" {
			merges++
		}
	}
	if merges < levels {
		t.Errorf("got %d merge requests for %d levels", merges, levels)
	}
}

// BenchmarkLongArticle summarises one 58-part article with the mock
// answering after a fixed latency (100ms, or NEWSLENS_BENCH_LATENCY), one
// request at a time and eight at a time. It reports the parts, the merge
// levels, the bound -- the rounds of at most j requests that the parts and
// then each merge level need, each one latency long -- and wall time over
// that bound.
func BenchmarkLongArticle(b *testing.B) {
	latency := 100 * time.Millisecond
	if v := os.Getenv("NEWSLENS_BENCH_LATENCY"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			b.Fatalf("NEWSLENS_BENCH_LATENCY: %v", err)
		}
		latency = d
	}
	a := longArticle(b)
	for _, j := range []int{1, 8} {
		b.Run(fmt.Sprintf("j=%d", j), func(b *testing.B) {
			var parts, levels, rounds int
			start := time.Now()
			for b.Loop() {
				srv, e := longEngine(b, latency, j)
				s, err := summarize.Article(b.Context(), a, e)
				if err != nil {
					b.Fatal(err)
				}
				parts, levels = shape(b, s)
				rounds = requestRounds(srv.Requests(), j)
			}
			wall := time.Since(start) / time.Duration(b.N)
			bound := time.Duration(rounds) * latency
			b.ReportMetric(float64(parts), "parts")
			b.ReportMetric(float64(levels), "levels")
			b.ReportMetric(bound.Seconds(), "bound-s")
			b.ReportMetric(wall.Seconds()/bound.Seconds(), "x-bound")
		})
	}
}
