package compare

import (
	"slices"
	"strings"

	"github.com/newslens/newslens/internal/entity"
	"github.com/newslens/newslens/internal/lexicon"
)

// acronymAliases links an acronym to the one name of the coverage whose
// initials it spells ("MPC", "Monetary Policy Council"; "NBM", "National
// Bank of Marevia"): the acronym's key stands for the name's words, and
// each of them for the acronym, so that "The MPC vote was 7-2" can state
// "The Monetary Policy Council voted 7-2". An acronym two names could
// spell links to neither.
func (c *comparison) acronymAliases() map[int32][]int32 {
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
	for acr, names := range spelled {
		aid, ok := c.ids[lexicon.Key(strings.ToLower(acr))]
		if len(names) != 1 || !ok {
			continue
		}
		for _, t := range lexicon.Terms(names[0]) {
			id, ok := c.ids[t.Key]
			if !ok || id == aid {
				continue
			}
			out[aid] = append(out[aid], id)
			out[id] = append(out[id], aid)
		}
	}
	return out
}

// withAliases returns ids with the aliases of each added.
func (c *comparison) withAliases(ids []int32) []int32 {
	if len(c.alias) == 0 {
		return ids
	}
	for _, id := range ids {
		for _, a := range c.alias[id] {
			if !slices.Contains(ids, a) {
				ids = append(ids, a)
			}
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
