package compare

import (
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/lexicon"
)

// TestAcronymStandsForItsName gives one fact with a council's full name
// in two outlets and its acronym in the third: the acronym's sentence
// states it too.
func TestAcronymStandsForItsName(t *testing.T) {
	common := "The central bank cut its main interest rate to 4.5% on Thursday. Inflation slowed to 3.1% in October, the statistics office said. "
	arts := []*article.Article{
		fromText(t, "a", "Rates cut", common+"The Monetary Policy Council was split over the cut."),
		fromText(t, "b", "MPC cuts", common+"The MPC was split over the cut."),
		fromText(t, "c", "Bank eases", common+"The Monetary Policy Council was split over the cut."),
	}
	r := mustCompare(t, arts)
	for _, u := range r.Unique["b"] {
		if u.Sentence == 3 {
			t.Errorf("b: %q is reported as found only there; a and c state it with the full name", u.Text)
		}
	}
	for _, sh := range r.Shared {
		if len(sh.Sources) == 3 {
			return
		}
	}
	t.Errorf("no claim shared by all three; shared %+v", r.Shared)
}

// TestAcronymNeedsTheWholeName: one word of the name ("national") does
// not stand for the acronym, so "The NBM governor resigned" does not
// state "The national football team coach resigned".
func TestAcronymNeedsTheWholeName(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Rates held", "The National Bank of Marevia kept its main rate at 4% on Thursday. The NBM governor resigned."),
		fromText(t, "b", "Coach quits", "The National Bank of Marevia held its main rate at 4% on Thursday. The national football team coach resigned."),
		fromText(t, "c", "Bank holds", "The National Bank of Marevia left its main rate at 4% on Thursday."),
	}
	r := mustCompare(t, arts)
	found := false
	for _, u := range r.Unique["b"] {
		found = found || strings.Contains(u.Text, "coach")
	}
	if !found {
		t.Errorf("b: the coach's resignation is not reported as unique; uniques %+v", r.Unique)
	}
}

// TestWiden: a referent's phrase takes the modifiers before it and, for a
// war, the place after "in" or "on", not a day; a comparative or a
// hyphened superlative before it grades it and stays out.
func TestWiden(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"Kim backed the war in Ukraine.", "war in Ukraine"},
		{"They swapped prisoners of war on Tuesday.", "war"},
		{"Soldiers returned from the long war.", "long war"},
		{"If no better offer emerges, drivers stop work again.", "offer"},
		{"It is the highest-profile corruption case in years.", "corruption"},
		{"It is the most-watched war in years.", "war"},
	} {
		refs := lexicon.Referents(tc.s)
		if len(refs) != 1 {
			t.Fatalf("%q: got referents %+v, want one", tc.s, refs)
		}
		if got := widen(tc.s, refs[0]); got != tc.want {
			t.Errorf("widen(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}
