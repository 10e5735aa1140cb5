package compare

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// summitLabels are the outlets of the summit test set, in the order the
// goldens compare them.
var summitLabels = []string{"wire", "kcna", "broadsheet", "regional", "rustate"}

const summitDir = "../testdata/articles/summit"

func loadArticle(t testing.TB, path string) *article.Article {
	t.Helper()
	a, err := article.Load(t.Context(), path, article.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func summit(t testing.TB) []*article.Article {
	t.Helper()
	var arts []*article.Article
	for _, l := range summitLabels {
		arts = append(arts, loadArticle(t, filepath.Join(summitDir, l+".txt")))
	}
	return arts
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

// mustCompare compares arts with the default options, failing the test
// on an error.
func mustCompare(t testing.TB, arts []*article.Article) *Report {
	t.Helper()
	r, err := Sources(t.Context(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// omits reports whether the report says source l leaves out a claim
// whose text holds sub.
func omits(r *Report, l, sub string) bool {
	for _, o := range r.Omissions[l] {
		if strings.Contains(o.Text, sub) {
			return true
		}
	}
	return false
}

// goldArticles returns the articles of evaluation event name.
func goldArticles(t *testing.T, name string) []*article.Article {
	t.Helper()
	ev, err := loadGold(t.Context(), filepath.Join(evalDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return ev.arts
}
