package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadAllKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	var args []string
	for i, body := range []string{"First one. Done.", "", "Third text here.", "Fourth. And more."} {
		p := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	args = append(args, "in=-")
	opt := Options{Stdin: strings.NewReader("From stdin. Two sentences.")}
	arts, errs := LoadAll(t.Context(), args, opt, 2)
	wantLabels := []string{"a", "", "c", "d", "in"}
	for i, want := range wantLabels {
		if want == "" {
			if errs[i] == nil || arts[i] != nil {
				t.Errorf("arg %d: got article %v, error %v; want only an error", i, arts[i], errs[i])
			}
			continue
		}
		if errs[i] != nil {
			t.Fatalf("arg %d: %v", i, errs[i])
		}
		if got := arts[i].Label; got != want {
			t.Errorf("arg %d: got label %q, want %q", i, got, want)
		}
	}
	if got, want := len(arts[4].Sentences), 2; got != want {
		t.Errorf("stdin article: got %d sentences, want %d", got, want)
	}
}
