package compare

import (
	"slices"
	"testing"

	"github.com/newslens/newslens/internal/lexicon"
)

func TestDemonymBases(t *testing.T) {
	tests := []struct {
		word string
		want string // one of the bases
	}{
		{"lestovian", "lestovia"},
		{"lestovians", "lestovia"},
		{"hungarian", "hungary"},
		{"canadian", "canada"},
		{"brazilian", "brazil"},
		{"korean", "korea"},
		{"chilean", "chile"},
		{"nepalese", "nepal"},
		{"nepali", "nepal"},
		{"chinese", "china"},
	}
	for _, tt := range tests {
		if got := demonymBases(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("demonymBases(%q) = %q, want it to hold %q", tt.word, got, tt.want)
		}
	}
	if got := demonymBases("asian"); slices.Contains(got, "as") {
		t.Errorf("demonymBases(asian) = %q: bases under four letters are no places", got)
	}
}

// TestDemonymMeetsPlace: "the Lestovian government" and "Lestovia's
// government" are one government, when the place is named; "Republican"
// is not "republic" when the coverage writes it in lower case too.
func TestDemonymMeetsPlace(t *testing.T) {
	c := &comparison{}
	c.arts = nil
	for i, text := range []string{
		"The Lestovian government froze the funds. The republic voted.",
		"Lestovia's government froze the funds. A Republican senator spoke.",
		"Markets in the Republic of Lestovia fell.",
	} {
		c.arts = append(c.arts, fromText(t, string(rune('a'+i)), "", text))
	}
	c.vectorize()
	key := func(si, n int, tok string) string {
		for _, tm := range c.lex[si][n] {
			if tm.Token == tok {
				return tm.Key
			}
		}
		t.Fatalf("no %q in source %d sentence %d", tok, si, n)
		return ""
	}
	if a, b := key(0, 0, "Lestovian"), key(1, 0, "Lestovia's"); a != b {
		t.Errorf("Lestovian is %q, Lestovia's is %q: want one key", a, b)
	}
	c2 := &comparison{}
	for i, text := range []string{"Julian Vale spoke in July.", "In July, Vale spoke.", "Vale spoke."} {
		c2.arts = append(c2.arts, fromText(t, string(rune('a'+i)), "", text))
	}
	c2.vectorize()
	for _, tm := range c2.lex[0][0] {
		if tm.Token == "Julian" && tm.Key == lexicon.Key("july") {
			t.Error("Julian has the key of July")
		}
	}
	if a, b := key(1, 1, "Republican"), key(2, 0, "Republic"); a == b {
		t.Errorf("Republican and Republic share the key %q", a)
	}
}
