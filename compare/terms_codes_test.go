package compare

import (
	"slices"
	"testing"
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
