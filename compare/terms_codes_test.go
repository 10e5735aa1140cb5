package compare

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/newslens/newslens/internal/article"
)

// TestCodeNameTerms: a code written beside a name ties the names outlets
// use for one drug ("AV-417, or ostrelinib"; "Pulmavex (AV-417)"), and
// the report says how each names it; a bracket that holds no code ties
// nothing.
func TestCodeNameTerms(t *testing.T) {
	r := reportOf(t,
		[]string{"Velor Pharma said its experimental drug AV-417, or ostrelinib, slowed Marren's disease in a large trial.", "Ostrelinib blocks a signalling pathway."},
		[]string{"A new drug, ostrelinib, slowed Marren's disease in a large trial, Velor Pharma said."},
		[]string{"Velor Pharma's lung medicine Pulmavex slowed Marren's disease in a large trial.", "Pulmavex will be made in Rossvik."},
		[]string{"Shares in Velor Pharma rose after its drug Pulmavex (AV-417) slowed Marren's disease in a large trial."},
	)
	tm := findTerm(t, r, "c", "Pulmavex")
	for l, want := range map[string]string{"a": "ostrelinib", "b": "ostrelinib", "d": "AV-417"} {
		if !hasForm(tm.BySource[l], want) {
			t.Errorf("source %s: %q, want %q among its names", l, tm.BySource[l], want)
		}
	}
	if !slices.Contains([]string{"AV-417", "ostrelinib", "Pulmavex"}, tm.Concept) {
		t.Errorf("concept %q is none of the drug's names", tm.Concept)
	}
	r = reportOf(t,
		[]string{"The National Medicines Authority (NMA) will review the drug.", "It said the review (expected soon) would be fast."},
		[]string{"The NMA will review the drug quickly."},
	)
	noTermWith(t, r, "", "expected")
}

// TestBylinesAreNoTerm: the agencies credited in datelines ("(Wire)
// -", "(TNA) -") are outlets, not names of one thing, even when an
// agency names itself again further down; a term with another name
// stays.
func TestBylinesAreNoTerm(t *testing.T) {
	c := &comparison{labels: []string{"wire", "frwire", "state"}, arts: []*article.Article{
		{Sentences: []string{"MAREVO, May 14 (Wire) - Teskavia and Drovnia traded fire.", "Wire could not verify the figures."}},
		{Sentences: []string{"Marevo (Teskavia), May 14 (AFI)- Clashes broke out."}},
		{Sentences: []string{"VEYRA, 14 May (TNA) – Drovnian forces shelled border posts."}},
	}}
	credits := Term{Concept: "AFI", BySource: map[string]string{"wire": "Wire", "frwire": "AFI", "state": "TNA"}}
	named := Term{Concept: "Khalvan", BySource: map[string]string{"wire": "Khalvan", "frwire": "Kalvan", "state": "Khalvan"}}
	got := c.dropBylines([]Term{credits, named})
	if len(got) != 1 || got[0].Concept != "Khalvan" {
		t.Errorf("dropBylines kept %+v, want the Khalvan term alone", got)
	}
}

func TestMayHoldCode(t *testing.T) {
	for s, want := range map[string]bool{
		"its drug AV-417, or ostrelinib":   true,
		"the LY3298176 trial":              true,
		"Pulmavex slowed the disease":      false,
		"It rose 14% to 318 marks":         false,
		"The Su-57 flew over the parade.":  true,
		"In 2024, Kim met Putin in Seoul.": false,
	} {
		if got := mayHoldCode(s); got != want {
			t.Errorf("mayHoldCode(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestConceptNameIsAWord: a concept named by the head its terms share is
// the word as written, not its stem.
func TestConceptNameIsAWord(t *testing.T) {
	if got := conceptName(map[string]int{"teskavian side": 1, "drovnian side": 1, "side": 1}); got != "side" {
		t.Errorf("conceptName = %q, want \"side\"", got)
	}
}

// TestYearAfter: a year after a referent, after "in" or "of", names
// another event of its kind unless it is the article's own year.
func TestYearAfter(t *testing.T) {
	tests := []struct {
		s, ref, year string
		want         bool
	}{
		{"A truce signed in 1994 froze the front line.", "truce", "2025", true},
		{"The floods of 2016 were worse.", "floods", "2025", true},
		{"The truce agreed in 2025 holds.", "truce", "2025", false},
		{"The truce holds, officials said in a statement.", "truce", "2025", false},
	}
	for _, tt := range tests {
		i := strings.Index(tt.s, tt.ref) + len(tt.ref)
		if got := yearAfter(tt.s, i, tt.year); got != tt.want {
			t.Errorf("yearAfter(%q after %q) = %v, want %v", tt.s, tt.ref, got, tt.want)
		}
	}
}

// TestBrokenFormsGoEvenWhenEachSourceKeepsOne: a form that opens with
// a speech verb ("declared Foreign Minister") leaves its term though its
// source names the referent another way too.
func TestBrokenFormsGoEvenWhenEachSourceKeepsOne(t *testing.T) {
	got := dropBrokenForms([]Term{{Concept: "Ruslan Abenov", BySource: map[string]string{
		"a": "declared Foreign Minister / Ruslan Abenov",
		"b": "Foreign Minister Ruslan Abenov",
		"c": "Drovnia's foreign minister",
	}}})
	if len(got) != 1 || got[0].BySource["a"] != "Ruslan Abenov" {
		t.Errorf("dropBrokenForms = %+v, want a's form alone kept", got)
	}
	got = dropBrokenForms([]Term{{Concept: "declared Foreign Minister", BySource: map[string]string{
		"a": "declared Foreign Minister / Ruslan Abenov",
		"b": "Ruslan Abenov",
		"c": "Drovnia's foreign minister",
	}}})
	if len(got) != 1 || got[0].Concept != "Ruslan Abenov" {
		t.Errorf("dropBrokenForms = %+v, want the concept named as written", got)
	}
}

// TestConceptsAreWrittenAsSourcesWriteThem: on the border clash, a
// concept that is one of its term's names is spelt as a source spells
// it ("Foreign Minister Ruslan Abenov", not in lower case).
func TestConceptsAreWrittenAsSourcesWriteThem(t *testing.T) {
	var arts []*article.Article
	for _, l := range []string{"wire", "ukbc", "stateagency", "otherstate", "usnet", "frwire"} {
		arts = append(arts, loadArticle(t, filepath.Join("..", "testdata", "eval", "border", l+".txt")))
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		for _, v := range tm.BySource {
			for _, name := range strings.Split(v, " / ") {
				if strings.EqualFold(name, tm.Concept) && name != tm.Concept && strings.ContainsFunc(name[1:], unicode.IsUpper) {
					t.Errorf("concept %q is written %q by its sources", tm.Concept, name)
				}
			}
		}
	}
}
