package article

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/golden"
)

// render prints an article's metadata and numbered sentences, one per
// line, in the form kept in golden files.
func render(a *Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "label: %s\npath: %s\nurl: %s\ntitle: %s\ndate: %s\nsha256: %s\nsentences: %d\n",
		a.Label, a.Path, a.URL, a.Title, a.Date, a.SHA256, len(a.Sentences))
	for i, s := range a.Sentences {
		fmt.Fprintf(&b, "[%d] %s\n", i+1, s)
	}
	return b.String()
}

func TestSeedGolden(t *testing.T) {
	a, err := Load(t.Context(), "testdata/summit-2024-06-19.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/seed.golden", []byte(render(a)))
}
