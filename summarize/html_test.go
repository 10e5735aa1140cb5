package summarize

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/golden"
)

// checkedWire is the extractive summary of the summit wire article with
// two quotes added, one the article does not hold and one it words
// differently, checked again so the page has failures to show.
func checkedWire(t *testing.T) (*Summary, *article.Article) {
	t.Helper()
	a := loadArticle(t, "wire.txt")
	s := extractive(t, a)
	s.Quotes = append(s.Quotes,
		Quote{Speaker: "Kim Jong Un", Text: "we shall stand together until the end of time", Sentence: 4},
		Quote{Speaker: "Putin", Text: "a breakthrough document reflecting a shared wish", Sentence: 5},
	)
	Check(s, a)
	return s, a
}

// TestHTMLGolden checks the HTML page of a checked summary beside its
// article.
func TestHTMLGolden(t *testing.T) {
	s, a := checkedWire(t)
	var b bytes.Buffer
	if err := WriteHTML(&b, []*Summary{s}, []*article.Article{a}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "wire.html.golden"), b.Bytes())
	page := b.String()
	for _, want := range []string{
		`class="quote-bad"`,             // the invented quote stands out
		"not found in the article",      // in words, not only colour
		`<li id="a1-s1" class="cited">`, // cited sentences are highlighted
		`href="#a1-s1"`,                 // and linked from the key points
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestHTMLEscapesArticle checks that markup in an article and its summary
// reaches the page as text, and that a javascript: URL is no link.
func TestHTMLEscapesArticle(t *testing.T) {
	text := "title: Pact </style><script>alert(1)</script>\nurl: javascript:alert(2)\n\n" +
		"Kim met Putin in Pyongyang. <img src=x onerror=alert(3)> The pact was signed. <a href=\"javascript:alert(4)\">more</a>"
	a, err := article.Load(t.Context(), "evil=-", article.Options{Stdin: strings.NewReader(text)})
	if err != nil {
		t.Fatal(err)
	}
	s := extractive(t, a)
	var b bytes.Buffer
	if err := WriteHTML(&b, []*Summary{s}, []*article.Article{a}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<img", `href="javascript:`, "</style><"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;img src=x onerror=alert(3)&gt;") {
		t.Errorf("page lacks the article's markup as text")
	}
}
