package versions

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

var pairDir = flag.String("pairdir", "", "write the 20,000-word version pair used by BenchmarkVersions to this directory (for bench/diff.sh)")

// synonyms reword sentences the way an edit does.
var synonyms = map[string]string{
	"said": "stated", "signed": "inked", "pact": "accord", "agreement": "deal",
	"countries": "nations", "pledged": "promised", "capital": "city", "talks": "meeting",
	"Wednesday": "Tuesday", "24": "23", "support": "backing", "military": "armed",
}

// summitPool returns every body sentence of the summit set.
func summitPool(tb testing.TB) []string {
	tb.Helper()
	var pool []string
	for _, l := range []string{"wire", "kcna", "broadsheet", "regional", "rustate"} {
		path := filepath.Join(summitDir, l+".txt")
		pool = append(pool, loadArticle(tb, path, path).Sentences...)
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

// fromText builds an article from a label and body text.
func fromText(t testing.TB, label, title, text string) *article.Article {
	t.Helper()
	body := "title: " + title + "\ndate: 2024-06-19\n\n" + text
	a, err := article.Load(t.Context(), label+"=-", article.Options{Stdin: strings.NewReader(body)})
	if err != nil {
		t.Fatal(err)
	}
	a.Path = "" // text from memory has no path, not standard input's "-"
	return a
}

// versionPair returns two versions of a 20,000-word article: the second
// rewords one sentence in twenty, drops one in fifty and adds one in
// fifty.
func versionPair(tb testing.TB) (old, nw string) {
	tb.Helper()
	pool := summitPool(tb)
	rng := rand.New(rand.NewPCG(7, 19))
	var a, b strings.Builder
	words := 0
	for i := 0; words < 20000; i++ {
		s := pool[rng.IntN(len(pool))]
		s = strings.TrimSuffix(s, ".") + fmt.Sprintf(", report %d said.", i)
		words += len(strings.Fields(s))
		sep := " "
		if i%6 == 5 {
			sep = "\n\n"
		}
		a.WriteString(s + sep)
		switch r := rng.IntN(100); {
		case r < 5:
			b.WriteString(perturb(rng, s) + sep)
		case r < 7:
			b.WriteString(sep)
		case r < 9:
			b.WriteString(s + " " + pool[rng.IntN(len(pool))] + sep)
		default:
			b.WriteString(s + sep)
		}
	}
	return a.String(), b.String()
}

func versionArticles(tb testing.TB) (*article.Article, *article.Article) {
	tb.Helper()
	old, nw := versionPair(tb)
	return fromText(tb, "old", "Version pair", old), fromText(tb, "new", "Version pair", nw)
}

func BenchmarkVersions(b *testing.B) {
	old, nw := versionArticles(b)
	b.ResetTimer()
	for b.Loop() {
		v := Diff(old, nw)
		if v.Identical() {
			b.Fatal("got Identical for different versions")
		}
	}
}

// BenchmarkVersionsFromText includes parsing and sentence splitting,
// which is what `newslens diff` does on two files. Each iteration's pair
// gets a word of its own in every paragraph, so that the splitter's
// paragraph memo cannot serve one iteration from the one before; within
// an iteration the two versions share their unchanged paragraphs, as in
// a real diff.
func BenchmarkVersionsFromText(b *testing.B) {
	basis, basisNew := versionPair(b)
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		mark := fmt.Sprintf(" Run%d.\n\n", i)
		old, nw := strings.ReplaceAll(basis, "\n\n", mark), strings.ReplaceAll(basisNew, "\n\n", mark)
		b.StartTimer()
		a1, err := article.Load(b.Context(), "old=-", article.Options{Stdin: strings.NewReader(old)})
		if err != nil {
			b.Fatal(err)
		}
		a2, err := article.Load(b.Context(), "new=-", article.Options{Stdin: strings.NewReader(nw)})
		if err != nil {
			b.Fatal(err)
		}
		Diff(a1, a2)
	}
}

// TestWriteVersionPair writes the benchmark's version pair when -pairdir
// is set; bench/diff.sh uses it to time git diff on the same files.
func TestWriteVersionPair(t *testing.T) {
	if *pairDir == "" {
		t.Skip("set -pairdir to write the version pair")
	}
	old, nw := versionPair(t)
	for name, text := range map[string]string{"old.txt": old, "new.txt": nw} {
		if err := os.WriteFile(filepath.Join(*pairDir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestVersionPairSize(t *testing.T) {
	old, nw := versionArticles(t)
	if n := len(strings.Fields(old.Text)); n < 20000 {
		t.Errorf("got %d words in the old version, want at least 20000", n)
	}
	v := Diff(old, nw)
	if v.Stats.Changed == 0 || v.Stats.Added == 0 || v.Stats.Removed == 0 {
		t.Errorf("got stats %+v, want changes, additions and removals", v.Stats)
	}
}

// TestVersionsParallel checks that the benchmark pair, whose runs of
// changed sentences are word-diffed in parallel, gives the same diff as
// with one goroutine.
func TestVersionsParallel(t *testing.T) {
	old, nw := versionArticles(t)
	got := Diff(old, nw)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	want := Diff(old, nw)
	if len(want.Changes) < 16 {
		t.Fatalf("only %d changes: the pair no longer exercises the parallel path", len(want.Changes))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parallel diff differs from the serial one: %d changes %+v, serial %d changes %+v",
			len(got.Changes), got.Stats, len(want.Changes), want.Stats)
	}
}
