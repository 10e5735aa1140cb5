package article

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

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

// checkGolden compares got with testdata/name, or rewrites the file under
// -update. Any byte difference fails.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("update golden: %v", err)
		}
		return
	}
	wantb, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update to create it): %v", err)
	}
	want := string(wantb)
	if got == want {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("%s line %d: got %q, want %q", path, i+1, g, w)
			return
		}
	}
	t.Errorf("%s: got %q, want %q", path, got, want)
}

func TestSeedGolden(t *testing.T) {
	a, err := Load(t.Context(), "testdata/summit-2024-06-19.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "seed.golden", render(a))
}
