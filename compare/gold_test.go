package compare

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var goldDetails = flag.Bool("gold.details", false, "TestGold: print every false positive and missed item")

// evalDir holds the annotated evaluation set, one folder per event.
const evalDir = "../testdata/eval"

// goldEvents are the events of the evaluation set. heldout is measured
// like the others but is kept out of tuning (testdata/README.md).
var goldEvents = []string{"summit", "quake", "heldout"}

// goldFloor is the lowest acceptable figure of each measure, set a little
// below what the engine scores today so that a regression fails; raise
// them when the engine improves.
type goldFloor struct {
	uniqueP, omissionP, combinedP            float64
	uniqueR, omissionR, discR, termR, quoteR float64
}

var goldFloors = map[string]goldFloor{
	// unique P, omission P, combined P; recall of uniques, omissions,
	// discrepancies, terms, quote variants.
	"summit":  {0.55, 0, 0.55, 0.75, 0, 0.15, 0.15, 0.70},
	"quake":   {0.45, 0, 0.45, 0.75, 0, 0.15, 0, 0},
	"heldout": {0.50, 0.35, 0.45, 0.75, 0.45, 0.15, 0.05, 0.95},
	"overall": {0.50, 0.25, 0.50, 0.75, 0.05, 0.15, 0.05, 0.50},
}

// TestGold compares each event of the evaluation set offline and
// measures the findings against its gold: run it with -v for the table
// and with -gold.details for every false positive and missed item.
func TestGold(t *testing.T) {
	total := &goldScore{}
	var rows []string
	for _, name := range goldEvents {
		ev, err := loadGold(filepath.Join(evalDir, name))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Sources(t.Context(), ev.arts, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s := ev.score(r)
		total.addAll(s)
		rows = append(rows, s.row(name))
		if *goldDetails {
			t.Logf("%s: false positives and missed items:\n  %s", name, strings.Join(s.details, "\n  "))
		}
		s.checkFloors(t, name, goldFloors[name])
	}
	rows = append(rows, total.row("overall"))
	t.Logf("precision P(reported correct/reported), recall R(gold found/gold)\n%s\n%s", goldHeader, strings.Join(rows, "\n"))
	total.checkFloors(t, "overall", goldFloors["overall"])
}

const goldHeader = "event   | P unique     P omission   P combined   | R unique     R omission   R discrep.   R terms      R quotes     | P discrep.   P terms      P quotes     P quoted     | matrix rows  cells        facts"

func (s *goldScore) row(name string) string {
	sep := ratio{-1, -1}
	cols := []ratio{s.uniqueP, s.omissionP, s.combinedP(), sep, s.uniqueR, s.omissionR, s.discR, s.termR, s.quoteR, sep,
		s.discP, s.termP, s.quoteP, s.quotedP, sep, s.rowP, s.cellAcc, s.factCov}
	var b strings.Builder
	fmt.Fprintf(&b, "%-7s |", name)
	for _, c := range cols {
		if c == sep {
			b.WriteString(" |")
			continue
		}
		fmt.Fprintf(&b, " %-12s", c)
	}
	return strings.TrimRight(b.String(), " |")
}

func (s *goldScore) checkFloors(t *testing.T, name string, f goldFloor) {
	t.Helper()
	for _, c := range []struct {
		what  string
		got   ratio
		floor float64
	}{
		{"precision of unique claims", s.uniqueP, f.uniqueP},
		{"precision of omission claims", s.omissionP, f.omissionP},
		{"precision of unique and omission claims", s.combinedP(), f.combinedP},
		{"recall of uniques", s.uniqueR, f.uniqueR},
		{"recall of omissions", s.omissionR, f.omissionR},
		{"recall of discrepancies", s.discR, f.discR},
		{"recall of terms", s.termR, f.termR},
		{"recall of quote variants", s.quoteR, f.quoteR},
	} {
		if c.got.value() < c.floor {
			t.Errorf("%s: %s is %s, below the floor %.2f", name, c.what, c.got, c.floor)
		}
	}
}

// TestGoldValidation checks that a careless gold is refused with a
// message naming each mistake, so that the figures of TestGold rest on
// annotations that were checked against the articles.
func TestGoldValidation(t *testing.T) {
	const a = "title: A\n\nThe dam burst on Monday. Ten people died. Ten people were hurt.\n"
	const b = "title: B\n\nThe dam failed on Monday, killing 12.\n"
	tests := []struct {
		name, gold, want string
	}{
		{"valid", `{"sources":["a","b"],"facts":[
			{"id":"burst","in":{"a":["The dam burst"],"b":["The dam failed"]}},
			{"id":"dead","in":{"a":["Ten people died."],"b":["killing 12"]}},
			{"id":"hurt","in":{"a":["were hurt"]}}],
			"discrepancies":[{"id":"toll","values":{"a":{"at":"Ten people died.","value":"Ten","class":"10"},"b":{"at":"killing 12","value":"12","class":"12"}}}]}`, ""},
		{"missing substring", `{"sources":["a","b"],"facts":[
			{"id":"burst","in":{"a":["The dam burst on Monday. Ten people died. Ten people were hurt."],"b":["The dam broke"]}}]}`,
			`fact burst, b: "The dam broke" does not occur in the article`},
		{"repeated substring", `{"sources":["a","b"],"facts":[
			{"id":"all","in":{"a":["The dam burst on Monday.", "Ten people"],"b":["The dam failed on Monday, killing 12."]}}]}`,
			`"Ten people" occurs more than once`},
		{"unannotated sentence", `{"sources":["a","b"],"facts":[
			{"id":"burst","in":{"a":["The dam burst", "Ten people died."],"b":["The dam failed on Monday, killing 12."]}}]}`,
			`a sentence 3 holds no annotated fact: "Ten people were hurt."`},
		{"unknown source", `{"sources":["a","b"],"facts":[
			{"id":"x","in":{"a":["The dam burst on Monday. Ten people died. Ten people were hurt."],"b":["The dam failed on Monday, killing 12."],"c":["dam"]}}]}`,
			`fact x: "c" is not a source of the event`},
		{"one class", `{"sources":["a","b"],"facts":[
			{"id":"x","in":{"a":["The dam burst on Monday. Ten people died. Ten people were hurt."],"b":["The dam failed on Monday, killing 12."]}}],
			"discrepancies":[{"id":"day","values":{"a":{"at":"The dam burst on Monday.","value":"Monday","class":"mon"},"b":{"at":"on Monday","value":"Monday","class":"mon"}}}]}`,
			`discrepancy day: needs at least two classes of values`},
		{"unknown field", `{"sources":["a","b"],"fact":[]}`, `unknown field "fact"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range map[string]string{"a.txt": a, "b.txt": b, "gold.json": tt.gold} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := loadGold(dir)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case tt.want != "" && err == nil:
				t.Fatalf("got no error, want one containing %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Fatalf("got error %q, want one containing %q", err, tt.want)
			}
		})
	}
}
