package compare

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/worddiff"
)

// TestNamedKinds: a name followed by nouns of one meaning names one
// thing ("Dorvan province", "Dorvan region"; "Canadair planes",
// "Canadair water bombers"); a country's adjective before any noun
// ("Kelvian firm", "Kelvian company" beside "Kelvia") and a source that writes both
// nouns itself make no such term.
func TestNamedKinds(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "wire", "Fire in Dorvan", "Crews in Dorvan province fought the fire through the night near the town of Ulm. "+
			"Two Canadair planes fly in from a neighbour on Sunday. The Kelvia office said the forest belongs to a Kelvian firm. Gale winds hit Tesca district."),
		fromText(t, "radio", "Dorvan fire", "Crews in the Dorvan region fought the fire through the night near the town of Ulm. "+
			"Two Canadair water bombers from a neighbour fly in on Sunday. The forest belongs to a Kelvian company. Gale winds hit Tesca district and Tesca region."),
		fromText(t, "daily", "Dorvan blaze", "Firefighters battled the fire overnight near Ulm. Gale winds hit Tesca district."),
	}
	r := mustCompare(t, arts)
	for _, want := range [][2]string{{"Dorvan province", "Dorvan region"}, {"Canadair planes", "Canadair water bombers"}} {
		if tm := findTerm(t, r, "wire", want[0]); !hasForm(tm.BySource["radio"], want[1]) {
			t.Errorf("term %q: radio says %q, want %q", tm.Concept, tm.BySource["radio"], want[1])
		}
	}
	for _, tm := range r.Terms {
		for _, f := range tm.BySource {
			if strings.Contains(f, "Kelvian") || strings.Contains(f, "Tesca") {
				t.Errorf("term %q %v: want none of Kelvian or Tesca", tm.Concept, tm.BySource)
			}
		}
	}
}

// TestNameKindPhrases: the phrase ends at its noun; a plural noun ends
// it before a word that may be a verb ("planes circle"), and a longer
// run of nouns is not read.
func TestNameKindPhrases(t *testing.T) {
	none := func(string) bool { return false }
	for _, tt := range []struct{ s, want string }{
		{"Two Canadair water bombers from Dalvona joined them.", "[Canadair water bombers]"},
		{"Two Canadair planes circle over the ridge.", "[]"},
		{"Crews in Skarda province fought on.", "[Skarda province]"},
		{"Gale winds hit the Skarda province border guards.", "[]"},
		{"Talks with Ms Vane ended.", "[]"},
	} {
		var got []string
		for _, k := range nameKindPhrases(tt.s, none) {
			got = append(got, k.text)
		}
		if fmt.Sprint(got) != tt.want && !(tt.want == "[]" && len(got) == 0) {
			t.Errorf("%q: got %v, want %s", tt.s, got, tt.want)
		}
	}
}

// TestNameChangedInside: a name changed inside ("Dravik Lines",
// "Dravik Shipping Lines") is read whole, not as "Dravik" and "Dravik
// Shipping".
func TestNameChangedInside(t *testing.T) {
	it := items(worddiff.Minimal("The ship of Dravik Lines sank.", "The boat of Dravik Shipping Lines sank."))
	at := slices.IndexFunc(it, func(x item) bool { return x.tok == "Shipping" })
	lo, hi := wholeName(it, at, at+1)
	var got []string
	for _, x := range it[lo:hi] {
		got = append(got, x.tok)
	}
	if strings.Join(got, " ") != "Dravik Shipping Lines" {
		t.Errorf("got %q, want the whole name", got)
	}
	if lo, hi := wholeName(it, 1, 2); lo != 1 || hi != 2 { // "ship" / "boat": no name
		t.Errorf("a change of a lower-case word widened to [%d, %d)", lo, hi)
	}
}
