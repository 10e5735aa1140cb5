package compare

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// summitLabels are the outlets of the summit test set, in the order the
// goldens compare them.
var summitLabels = []string{"wire", "kcna", "broadsheet", "regional", "rustate"}

const summitDir = "../testdata/articles/summit"

func loadArticle(t testing.TB, path string) *article.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse("", path, "", data)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
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
	a, err := article.Parse(label, "", "", []byte("title: "+title+"\ndate: 2024-06-19\n\n"+text))
	if err != nil {
		t.Fatalf("parse %s: %v", label, err)
	}
	return a
}
