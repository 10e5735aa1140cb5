package compare

import (
	"strings"
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
		{"Civic Union leader Ingrid Maas called it a warning.", "ingrid maas", "Civic Union leader Ingrid Maas"},
		{"The winner came from 19-year-old substitute Luka Petrel.", "luka petrel", "19-year-old substitute Luka Petrel"},
		{"Managing director Anton Vasq said sorry.", "anton vasq", "Managing director Anton Vasq"},
		{"He met Teodor Vasko on Monday.", "teodor vasko", ""},
		{"Its coach, Teodor Vasko, was pleased.", "teodor vasko", "coach, Teodor Vasko"},
		{"The mines minister, Petar Anvel, described the outcome.", "petar anvel", "mines minister, Petar Anvel"},
		{"They met the minister, Petar Anvel and his deputy.", "petar anvel", ""},
		{"A minister, Petar Anvel, spoke.", "petar anvel", "minister, Petar Anvel"},
		{"Mining Minister Petar Anvel called it a victory.", "petar anvel", "Mining Minister Petar Anvel"},
		{"Minister of Mines and Energy Petar Anvel said so.", "petar anvel", "Minister of Mines and Energy Petar Anvel"},
		{"Officials told Teodor Vasko to wait.", "teodor vasko", ""},
		{"On Tuesday President of the Republic Marcos Ibarra spoke.", "marcos ibarra", "President of the Republic Marcos Ibarra"},
		{"The agency's country representative Paolo Reinholt said so.", "paolo reinholt", "country representative Paolo Reinholt"},
		{"A top official, Paolo Reinholt, said so.", "paolo reinholt", "top official, Paolo Reinholt"},
		{"Legal adviser Ines Kaar declined to comment.", "ines kaar", "Legal adviser Ines Kaar"},
	} {
		toks := ntokens(tc.s)
		var got string
		found := false
		for _, r := range nameRuns(tc.s, toks, nil) {
			k, _, titled, ok := titleAt(tc.s, toks, r, map[string]bool{"leonti": true})
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

// TestNoPersonInAName: a title word inside a name does not cut a person
// out of it.
func TestNoPersonInAName(t *testing.T) {
	s := "Officials of Major League Baseball met on Monday."
	toks := ntokens(s)
	for _, r := range nameRuns(s, toks, nil) {
		if k, _, _, _ := titleAt(s, toks, r, map[string]bool{"baseball": false}); k != "" {
			t.Errorf("%q: person %q in run %q", s, k, r.form)
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
	if leonti.Concept != "Daria Leonti" {
		t.Errorf("term named %q, want %q", leonti.Concept, "Daria Leonti")
	}
	want := map[string]string{"a": "Lt Gen Daria Leonti", "b": "Fire chief Daria Leonti", "c": "Daria Leonti"}
	for l, w := range want {
		if got := leonti.BySource[l]; got != w {
			t.Errorf("%s: %q, want %q (all %v)", l, got, w, leonti.BySource)
		}
	}
}

// TestTitlesOfOneOutlet: one outlet that gives a person a second title
// the others do not use makes no term; every outlet agrees on the first.
func TestTitlesOfOneOutlet(t *testing.T) {
	lead := "Floods cut off the valley of Arn on Sunday. "
	arts := []*article.Article{
		fromText(t, "a", "Floods", lead+"Interior Minister Marek Sova visited the valley. Deputy Prime Minister Marek Sova promised aid."),
		fromText(t, "b", "Floods", lead+"Interior Minister Marek Sova visited the valley."),
		fromText(t, "c", "Floods", lead+"Interior Minister Marek Sova toured the valley."),
	}
	for _, tm := range mustCompare(t, arts).Terms {
		if strings.Contains(tm.Concept, "Sova") {
			t.Errorf("a term for Sova, whom every outlet calls interior minister: %v", tm.BySource)
		}
	}
}

// TestTitledShortName: "Lt Gen Daria Leonti" at the start of a sentence
// is Daria Leonti, whom "Ms Leonti" and "Leonti" shorten: one person,
// whose names differ.
func TestTitledShortName(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Fire", "Lt Gen Daria Leonti said the fire was contained. Leonti said crews would stay."),
		fromText(t, "b", "Fire", "Lt Gen Daria Leonti said the fire was contained. Ms Leonti said crews would stay."),
		fromText(t, "c", "Fire", "Lt Gen Daria Leonti said the fire was contained. Leonti said crews would stay."),
	}
	for _, tm := range mustCompare(t, arts).Terms {
		if strings.Contains(tm.BySource["b"], "Ms Leonti") {
			return
		}
	}
	t.Error("no term shows b's \"Ms Leonti\" beside the others' \"Leonti\"")
}

// TestPremierIsThePrimeMinister: "the premier" names the one prime
// minister of the coverage.
func TestPremierIsThePrimeMinister(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Vote", "Prime Minister Anton Keller lost a no-confidence vote on Wednesday. Keller said the voters would decide."),
		fromText(t, "b", "Vote", "Prime Minister Anton Keller lost a no-confidence vote on Wednesday. The premier said the voters would decide."),
		fromText(t, "c", "Vote", "Anton Keller lost a vote of no confidence on Wednesday. Mr Keller said the voters would decide."),
	}
	tm := findTerm(t, mustCompare(t, arts), "a", "Anton Keller")
	if !hasForm(tm.BySource["b"], "the premier") {
		t.Errorf("b names him %q, want the premier among the names (all: %v)", tm.BySource["b"], tm.BySource)
	}
}
