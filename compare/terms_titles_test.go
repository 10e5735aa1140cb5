package compare

import (
	"testing"

	"github.com/newslens/newslens/internal/article"
)

func TestTitleAt(t *testing.T) {
	for _, tc := range []struct {
		s, name, want string // want "" when the name has no title
	}{
		{"Lt Gen Daria Leonti said the fire was contained.", "daria leonti", "Lt Gen Daria Leonti"},
		{"The fire service chief Daria Leonti said so.", "daria leonti", "fire service chief Daria Leonti"},
		{"Skarda Governor Tomas Varelli declared an emergency.", "tomas varelli", "Governor Tomas Varelli"},
		{"Fire Service Chief Lieutenant General Daria Leonti spoke.", "daria leonti", "Fire Service Chief Lieutenant General Daria Leonti"},
		{"Koranth coach Teodor Vasko was pleased.", "teodor vasko", "coach Teodor Vasko"},
		{"The winner came from 19-year-old substitute Luka Petrel.", "luka petrel", "19-year-old substitute Luka Petrel"},
		{"He met Teodor Vasko on Monday.", "teodor vasko", ""},
		{"Its coach, Teodor Vasko, was pleased.", "teodor vasko", ""},
		{"Officials told Teodor Vasko to wait.", "teodor vasko", ""},
	} {
		toks := ntokens(tc.s)
		var got string
		found := false
		for _, r := range nameRuns(tc.s, toks, nil) {
			k, _, titled, ok := titleAt(tc.s, toks, r)
			if k != tc.name {
				continue
			}
			found = true
			if ok {
				got = titled
			}
		}
		if !found {
			t.Errorf("%q: no run names %q", tc.s, tc.name)
			continue
		}
		if got != tc.want {
			t.Errorf("%q: titled %q, want %q", tc.s, got, tc.want)
		}
	}
}

// TestTitleTerms shows the titles outlets give one person when they
// differ, and keeps to the bare name when only one title is written.
func TestTitleTerms(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Fire", "A forest fire forced hundreds from their homes on Tuesday. Lt Gen Daria Leonti said the next day would be decisive. President Marek Sova visited the area."),
		fromText(t, "b", "Blaze", "A forest fire drove hundreds from their homes on Tuesday. Fire chief Daria Leonti said the coming day would be decisive. Marek Sova visited the area."),
		fromText(t, "c", "Wildfire", "A forest fire made hundreds leave their homes on Tuesday. Daria Leonti said the next day would be decisive. President Marek Sova came to the area."),
	}
	r := mustCompare(t, arts)
	var leonti *Term
	for i, tm := range r.Terms {
		if tm.Concept == "Marek Sova" {
			t.Errorf("one title is no difference, got a term %v", tm.BySource)
		}
		if tm.Concept == "Daria Leonti" {
			leonti = &r.Terms[i]
		}
	}
	if leonti == nil {
		t.Fatalf("no term for Daria Leonti; terms %+v", r.Terms)
	}
	want := map[string]string{"a": "Lt Gen Daria Leonti", "b": "Fire chief Daria Leonti", "c": "Daria Leonti"}
	for l, w := range want {
		if got := leonti.BySource[l]; got != w {
			t.Errorf("%s: %q, want %q (all %v)", l, got, w, leonti.BySource)
		}
	}
}
