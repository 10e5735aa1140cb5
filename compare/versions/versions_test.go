package versions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/sentence"
)

const summitDir = "../../testdata/articles/summit"

// loadArticle parses the file at path under the name shown: the goldens
// were first made from the compare directory, and naming the files as
// they were keeps the goldens byte-identical.
func loadArticle(t testing.TB, path, shown string) *article.Article {
	t.Helper()
	a, err := article.Load(t.Context(), path, article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.Path = shown
	return a
}

// checkFormats checks v's JSON (indented as the command line writes it),
// text and Markdown against testdata/BASE.json.golden, .txt.golden and
// .md.golden.
func checkFormats(t *testing.T, base string, v *Report) {
	t.Helper()
	tests := []struct {
		name, ext string
		render    func(*bytes.Buffer) error
	}{
		{"json", "json", func(b *bytes.Buffer) error {
			enc := json.NewEncoder(b)
			enc.SetIndent("", "  ")
			return enc.Encode(v)
		}},
		{"text", "txt", func(b *bytes.Buffer) error { return v.WriteText(b, false) }},
		{"markdown", "md", func(b *bytes.Buffer) error { return v.WriteMarkdown(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.render(&b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", base+"."+tt.ext+".golden"), b.Bytes())
		})
	}
}

func TestDiff(t *testing.T) {
	old := loadArticle(t, filepath.Join(summitDir, "wire.txt"), "../testdata/articles/summit/wire.txt")
	nw := loadArticle(t, filepath.Join("testdata", "wire-v2.txt"), "testdata/wire-v2.txt")
	v := Diff(old, nw)
	if v.Identical() {
		t.Fatal("got Identical for two different versions")
	}
	checkFormats(t, "versions", v)
	// Curly quotes in the new version are trivia, not changes.
	for _, c := range v.Changes {
		if strings.Contains(c.Diff, "strongest ever treaty") {
			t.Errorf("got a change for re-typed quotes: %q", c.Diff)
		}
	}
	if want := (Stats{Unchanged: 15, Changed: 1, Added: 1, Removed: 1}); v.Stats != want {
		t.Errorf("got stats %+v, want %+v", v.Stats, want)
	}
}

func TestVersionsIdentical(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"same text", "Kim met Putin. They signed a pact.", "Kim met Putin. They signed a pact."},
		{"typographic trivia", "Kim called it the \"strongest ever treaty\" - twice.", "Kim called it the \u201cstrongest ever treaty\u201d \u2014  twice."},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Label: "old", Text: tt.a, Sentences: sentence.Split(tt.a)}
			b := &article.Article{Label: "new", Text: tt.b, Sentences: sentence.Split(tt.b)}
			v := Diff(a, b)
			if !v.Identical() {
				t.Errorf("got changes %+v, want Identical", v.Changes)
			}
			var buf bytes.Buffer
			if err := v.WriteText(&buf, false); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), "no differences") {
				t.Errorf("got %q, want it to say no differences", buf.String())
			}
		})
	}
}

// TestVersionsAlignsRewrittenPassage checks that a passage where every
// sentence changed reads sentence by sentence: an edit, a sentence split
// in two, two merged into one, and a removal next to an unrelated
// addition.
func TestVersionsAlignsRewrittenPassage(t *testing.T) {
	oldText := "Putin and Kim signed a partnership agreement in Pyongyang on Wednesday. " +
		"The agreement commits both countries to provide immediate military assistance if either is attacked. " +
		"Kim called the document the strongest ever treaty between the two countries, and Putin called it a breakthrough document. " +
		"Crowds lined the avenues of Pyongyang. " +
		"The two leaders exchanged gifts. They also toured a factory. " +
		"Putin left for Vietnam late on Wednesday."
	newText := "Putin and Kim signed a partnership agreement in Pyongyang on Wednesday. " +
		"The agreement commits both countries to give immediate military help if either is attacked. " +
		"Kim called the document the strongest ever treaty between the two countries. Putin called it a breakthrough document. " +
		"Markets in Seoul closed higher on the news. " +
		"The two leaders exchanged gifts and toured a factory. " +
		"Putin left for Vietnam late on Wednesday."
	a := &article.Article{Label: "old", Text: oldText, Sentences: sentence.Split(oldText)}
	b := &article.Article{Label: "new", Text: newText, Sentences: sentence.Split(newText)}
	v := Diff(a, b)
	checkFormats(t, "versions-rewritten", v)
	var got []string
	for _, c := range v.Changes {
		got = append(got, fmt.Sprintf("%s %s -> %s", c.Kind, sentenceRange(c.Old), sentenceRange(c.New)))
	}
	want := []string{
		"changed 2 -> 2",
		"changed 3 -> 3-4",
		"removed 4 -> -",
		"added - -> 5",
		"changed 5-6 -> 6",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got changes\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if want := (Stats{Unchanged: 2, Changed: 5, Added: 1, Removed: 1}); v.Stats != want {
		t.Errorf("got stats %+v, want %+v", v.Stats, want)
	}
}

func TestAlignRun(t *testing.T) {
	old := []string{"Kim met Putin in Pyongyang.", "They signed a treaty."}
	nw := []string{"Kim met Putin in the capital Pyongyang.", "They signed a defence treaty."}
	tests := []struct {
		name string
		run  sentenceRun
		want []piece
	}{
		{"one to one, alike", sentenceRun{del: []int{1}, ins: []int{1}}, []piece{{sentenceRun{del: []int{1}, ins: []int{1}}, true}}},
		{"one to one, unlike", sentenceRun{del: []int{1}, ins: []int{2}}, []piece{{sentenceRun{del: []int{1}, ins: []int{2}}, false}}},
		{"removal", sentenceRun{del: []int{1, 2}}, []piece{{sentenceRun{del: []int{1, 2}}, false}}},
		{"two pairs", sentenceRun{del: []int{1, 2}, ins: []int{1, 2}}, []piece{
			{sentenceRun{del: []int{1}, ins: []int{1}}, true},
			{sentenceRun{del: []int{2}, ins: []int{2}}, true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := alignRun(old, nw, tt.run); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestAlignRunChunks checks that a run over alignLimit is still cut into
// pieces that hold every sentence once, in order, and pairs edits.
func TestAlignRunChunks(t *testing.T) {
	const n = 700
	old, nw := make([]string, n), make([]string, n)
	run := sentenceRun{}
	for i := range n {
		old[i] = fmt.Sprintf("Report %d said talks on item %d went on.", i, i)
		nw[i] = fmt.Sprintf("Report %d said talks on item %d went on late.", i, i)
		run.del = append(run.del, i+1)
		run.ins = append(run.ins, i+1)
	}
	pieces := alignRun(old, nw, run)
	var del, ins []int
	paired := 0
	for _, p := range pieces {
		del, ins = append(del, p.del...), append(ins, p.ins...)
		if p.paired {
			paired++
		}
	}
	if !slices.Equal(del, run.del) || !slices.Equal(ins, run.ins) {
		t.Errorf("pieces do not hold each sentence once, in order: %d old and %d new", len(del), len(ins))
	}
	if paired != n {
		t.Errorf("got %d paired pieces, want %d", paired, n)
	}
}

// TestVersionsLongEditedSentence checks that a long sentence with one
// word changed is word-diffed, not shown as removed and added.
func TestVersionsLongEditedSentence(t *testing.T) {
	var b strings.Builder
	for i := range 760 {
		fmt.Fprintf(&b, "w%d ", i)
	}
	long := strings.TrimSpace(b.String())
	oldText := "Kim met Putin. " + long + ". They parted."
	newText := "Kim met Putin. " + strings.Replace(long, "w380 ", "changed ", 1) + ". They parted."
	a := &article.Article{Label: "old", Text: oldText, Sentences: sentence.Split(oldText)}
	nb := &article.Article{Label: "new", Text: newText, Sentences: sentence.Split(newText)}
	v := Diff(a, nb)
	if want := (Stats{Unchanged: 2, Changed: 1}); v.Stats != want || len(v.Changes) != 1 || !strings.Contains(v.Changes[0].Diff, "[-w380-]{+changed+}") {
		t.Errorf("got stats %+v and %d changes, want %+v and one word diff", v.Stats, len(v.Changes), want)
	}
}

// TestVersionsLongUnrelatedPassage checks that a long passage replaced
// by different text, which no sentence pairing breaks up, is shown as a
// removal and an addition rather than word-diffed as one block.
func TestVersionsLongUnrelatedPassage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 300)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("word%d", i)
	}
	text := func() string {
		var b strings.Builder
		for range 200 {
			for k := range 12 {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(vocab[rng.IntN(len(vocab))])
			}
			b.WriteString(". ")
		}
		return strings.TrimSpace(b.String())
	}
	oldText, newText := "Kim met Putin. "+text()+" They parted.", "Kim met Putin. "+text()+" They parted."
	a := &article.Article{Label: "old", Text: oldText, Sentences: sentence.Split(oldText)}
	b := &article.Article{Label: "new", Text: newText, Sentences: sentence.Split(newText)}
	v := Diff(a, b)
	if v.Stats.Unchanged != 2 || v.Stats.Removed == 0 || v.Stats.Added == 0 {
		t.Errorf("got stats %+v, want the two unchanged ends and removals and additions", v.Stats)
	}
	for _, c := range v.Changes {
		// 1,500 words: maxBlockWords as the package documents it.
		if n := len(strings.Fields(c.OldText)) + len(strings.Fields(c.NewText)); c.Kind == "changed" && n > 1500 {
			t.Errorf("got a word diff of %d words (sentences %v -> %v), want none over 1500", n, c.Old, c.New)
		}
	}
}

// TestDiffHTMLGolden checks the HTML page of the wire-v2 diff.
func TestDiffHTMLGolden(t *testing.T) {
	old := loadArticle(t, filepath.Join(summitDir, "wire.txt"), "../testdata/articles/summit/wire.txt")
	nw := loadArticle(t, filepath.Join("testdata", "wire-v2.txt"), "testdata/wire-v2.txt")
	var b bytes.Buffer
	if err := Diff(old, nw).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "versions.html.golden"), b.Bytes())
}

// TestDiffHTMLEscapes checks that markup in either version is text on the
// page and that only http and https origins become links.
func TestDiffHTMLEscapes(t *testing.T) {
	a := &article.Article{Label: "old", Path: "javascript:alert(1)", Title: "Pact </style><script>x()</script>", Text: "Kim met Putin.", Sentences: []string{"Kim met Putin."}}
	b := &article.Article{Label: "new", URL: "https://example.org/a", Title: "Pact", Text: "Kim met Putin <img src=x onerror=alert(2)>.", Sentences: []string{"Kim met Putin <img src=x onerror=alert(2)>."}}
	var buf bytes.Buffer
	if err := Diff(a, b).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<img", `href="javascript:`} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if !strings.Contains(page, `<a href="https://example.org/a"`) {
		t.Errorf("page lacks the link to the new version")
	}
}
