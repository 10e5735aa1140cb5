package compare

import (
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestNearWordingIsNotUnique gives two of three sources one fact in
// different words: a's "needs approval from competition regulators" is
// not reported as found in a only, since b's "requires clearance by
// competition officials" says it in near words, while a fact that only
// the third carries still is unique.
func TestNearWordingIsNotUnique(t *testing.T) {
	shared := "The carmaker agreed on Monday to buy the battery maker for four billion dollars. The battery maker employs about two thousand workers at its plant near the river port."
	arts := []*article.Article{
		fromText(t, "a", "Carmaker buys battery maker", shared+" The purchase still needs approval from competition regulators in Brussels."),
		fromText(t, "b", "Battery deal", shared+" The takeover requires clearance by competition officials in Brussels."),
		fromText(t, "c", "Deal agreed", shared+" Shares in the carmaker fell sharply after the announcement."),
	}
	r := mustCompare(t, arts)
	for _, u := range r.Unique["a"] {
		if strings.Contains(u.Text, "approval") {
			t.Errorf("a: %q is reported as found only there; b states it in other words", u.Text)
		}
	}
	found := false
	for _, u := range r.Unique["c"] {
		found = found || strings.Contains(u.Text, "Shares")
	}
	if !found {
		t.Errorf("c: the fall in shares is not reported as unique; got %+v", r.Unique["c"])
	}
}

func TestContrastGroup(t *testing.T) {
	tests := []struct{ a, b string }{
		{"killed", "injured"},
		{"Monday", "Tuesday"},
		{"northern", "southern"},
		{"missing", "rescued"},
	}
	for _, tt := range tests {
		ga, gb := contrastGroup(tt.a), contrastGroup(tt.b)
		if ga == "" || gb == "" || ga == gb {
			t.Errorf("contrastGroup(%q) = %q, contrastGroup(%q) = %q: want two different groups", tt.a, ga, tt.b, gb)
		}
	}
	if g, h := contrastGroup("killed"), contrastGroup("died"); g != h {
		t.Errorf("contrastGroup(killed) = %q, contrastGroup(died) = %q: want one group", g, h)
	}
	if g := contrastGroup("approval"); g != "" {
		t.Errorf("contrastGroup(approval) = %q, want none", g)
	}
}
