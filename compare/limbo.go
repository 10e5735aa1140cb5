package compare

import "sort"

// limboClaims makes claims of the clauses that are neither in a claim nor
// unique: a clause another source states below the threshold, but by
// less than uniqueMargin, or one that dropNearWorded kept from being
// unique. Two such clauses of different sources that match each other,
// neither sentence in a claim or holding a unique clause, are one fact
// two sources state in their own words; left alone, the fact would be in
// no part of the report.
func (c *comparison) limboClaims() {
	uniq := make(map[[2]int]bool)
	for _, ui := range c.unique {
		u := &c.units[ui]
		uniq[[2]int{u.src, u.n}] = true
	}
	free := func(src, n int) bool { return c.groupOf[src][n] < 0 && !uniq[[2]int{src, n}] }
	type pair struct {
		ui int
		h  hit
	}
	var pairs []pair
	for ui := range c.units {
		u := &c.units[ui]
		if !free(u.src, u.n) {
			continue
		}
		for h := range c.hitsOf(ui) {
			if h.n2 < 0 && h.score >= c.th(ui)-uniqueMargin && free(h.src, h.n) {
				pairs = append(pairs, pair{ui, h})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].h.score > pairs[j].h.score })
	for _, p := range pairs {
		u := &c.units[p.ui]
		if c.groupOf[u.src][u.n] >= 0 || c.groupOf[p.h.src][p.h.n] >= 0 {
			continue
		}
		g := &group{minSim: p.h.score, limbo: true}
		g.members = []member{{src: u.src, n: u.n, n2: -1, sim: 1, unit: p.ui}, {src: p.h.src, n: p.h.n, n2: -1, sim: p.h.score, unit: -1}}
		g.sortMembers()
		for i, m := range g.members {
			if m.unit == p.ui {
				g.rep = i
			}
		}
		c.groups = append(c.groups, g)
		c.groupOf[u.src][u.n], c.groupOf[p.h.src][p.h.n] = len(c.groups)-1, len(c.groups)-1
	}
}
