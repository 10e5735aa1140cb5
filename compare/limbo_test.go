package compare

import "testing"

// TestLimboClaims: two clauses of different sources that match just
// below the threshold, neither in a claim nor unique, make a claim of
// their own that grounds no omission; a clause whose partner is reported
// unique stays out.
func TestLimboClaims(t *testing.T) {
	arts := linesArticles(t,
		[]string{"The leader left for Hanoi late on Wednesday.", "Crowds lined the streets."},
		[]string{"The leader left the capital for Hanoi early on Thursday."},
		[]string{"Talks lasted nine hours."},
	)
	c := &comparison{arts: arts, labels: []string{"a", "b", "c"}, threshold: DefaultThreshold}
	c.vectorize() // words and weights; the clauses and matches are set below
	c.units, c.hits = make([]unit, 4), make([][]hit, 4)
	c.groupOf = [][]int{{-1, -1}, {-1}, {-1}}
	for i, sn := range [][2]int{{0, 0}, {1, 0}, {2, 0}, {0, 1}} {
		c.units[i] = unit{src: sn[0], n: sn[1], slots: make([]slot, shortSlots)}
	}
	near := DefaultThreshold - uniqueMargin/2
	c.hits[0] = []hit{{src: 1, n: 0, n2: -1, score: near}}
	c.hits[1] = []hit{{src: 0, n: 0, n2: -1, score: near}}
	c.hits[3] = []hit{{src: 2, n: 0, n2: -1, score: near}} // source 2's sentence is its own fact
	c.unique = []int{2}
	c.limboClaims()
	if len(c.groups) != 1 {
		t.Fatalf("got %d claims, want the one of sources 0 and 1", len(c.groups))
	}
	g := c.groups[0]
	if !g.limbo || len(g.members) != 2 || !inGroup(g, 0) || !inGroup(g, 1) {
		t.Errorf("got claim %+v, want a limbo claim of sources 0 and 1", g)
	}
	if c.groupOf[2][0] >= 0 || c.groupOf[0][1] >= 0 {
		t.Errorf("a unique fact's sentence joined a claim: %v", c.groupOf)
	}
	r := &Report{Omissions: map[string][]Omission{}}
	c.omissions(r, g, Shared{Text: "x"})
	if len(r.Omissions) > 0 {
		t.Errorf("a limbo claim grounds omissions: %v", r.Omissions)
	}
}
