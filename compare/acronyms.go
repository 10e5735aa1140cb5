package compare

import (
	"slices"
	"strings"

	"github.com/newslens/newslens/internal/entity"
	"github.com/newslens/newslens/internal/lexicon"
)

// acronymAliases links an acronym to the one name of the coverage whose
// initials it spells ("MPC", "Monetary Policy Council"; "NBM", "National
// Bank of Marevia"), so that "The MPC was split" states "The Monetary
// Policy Council was split" and back: every sentence that writes the
// name out also holds the acronym's key (its document frequency, df, is
// counted again), and a clause's slot that holds all of the name's
// words also takes the acronym (withAliases). One word of the name
// alone ("national") never stands for it. An acronym two names could
// spell links to neither. It returns, for each acronym's id, the ids of
// the name's words.
func (c *comparison) acronymAliases(df []int) map[int32][]int32 {
	acrs := make(map[string]bool)
	for si := range c.lex {
		for _, ts := range c.lex[si] {
			for _, t := range ts {
				if isAcronymTok(t.Token) {
					acrs[t.Token] = true
				}
			}
		}
	}
	if len(acrs) == 0 {
		return nil
	}
	spelled := make(map[string][]string) // acronym -> names (lower case) it spells
	for _, es := range c.entities() {
		for _, e := range es {
			if len(strings.Fields(e.Name)) < 2 {
				continue
			}
			bare, _ := initials(e.Name)
			if !acrs[bare] {
				continue
			}
			if n := strings.ToLower(e.Name); !slices.Contains(spelled[bare], n) {
				spelled[bare] = append(spelled[bare], n)
			}
		}
	}
	out := make(map[int32][]int32)
	var lower [][]string // each sentence in lower case, read once
	for acr, names := range spelled {
		aid, ok := c.ids[lexicon.Key(strings.ToLower(acr))]
		if len(names) != 1 || !ok {
			continue
		}
		var ws []int32
		for _, t := range lexicon.Terms(names[0]) {
			if id, ok := c.ids[t.Key]; ok && id != aid && !slices.Contains(ws, id) {
				ws = append(ws, id)
			}
		}
		if len(ws) < 2 {
			continue
		}
		out[aid] = ws
		if lower == nil {
			lower = make([][]string, len(c.arts))
			for si, a := range c.arts {
				for _, s := range a.Sentences {
					lower[si] = append(lower[si], strings.ToLower(s))
				}
			}
		}
		for si := range c.arts {
			for n, s := range lower[si] {
				st := &c.sents[si][n]
				if k, found := slices.BinarySearch(st.ids, aid); !found && strings.Contains(s, names[0]) {
					st.ids = slices.Insert(st.ids, k, aid)
					df[aid]++
				}
			}
		}
	}
	return out
}

// withAliases returns the ids of a clause's slot with the acronym of a
// name whose words are all among them.
func (c *comparison) withAliases(ids []int32) []int32 {
	for aid, ws := range c.alias {
		if !slices.Contains(ids, aid) && !slices.ContainsFunc(ws, func(w int32) bool { return !slices.Contains(ids, w) }) {
			ids = append(ids, aid)
		}
	}
	return ids
}

// entities returns the names of each source's article (internal/entity),
// read once for the acronyms and the names section.
func (c *comparison) entities() [][]entity.Entity {
	if c.ents == nil {
		c.ents = make([][]entity.Entity, len(c.arts))
		for si, a := range c.arts {
			c.ents[si] = entity.Extract(a.Sentences)
		}
	}
	return c.ents
}
