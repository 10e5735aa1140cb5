package compare

import (
	"slices"
	"sort"
	"strings"

	"github.com/newslens/newslens/internal/words"
)

// headPhrase is a noun phrase of a sentence: its head noun's stem, the
// stems of the words before the head that qualify it, and the phrase as
// written.
type headPhrase struct {
	head string
	mods []string
	text string
}

// maxMods is the most qualifying words read before a head noun.
const maxMods = 3

// headPhrases returns the noun phrases of s whose head is a lower-case
// noun qualified by one to maxMods lower-case words: "benchmark
// one-week repo rate", "key policy rate", "construction company". A
// determiner, a possessive, a name, a figure or punctuation ends the
// qualifiers.
func headPhrases(s string) []headPhrase {
	type tok struct {
		text  string
		start int
	}
	var toks []tok
	words.Each(s, func(t string, start int) { toks = append(toks, tok{t, start}) })
	var out, all []headPhrase // all: every qualified head, read or not
	for i, t := range toks {
		lw := strings.ToLower(t.text)
		if !headWord(t.text) {
			continue
		}
		if i+1 < len(toks) && headWord(toks[i+1].text) && !strings.HasSuffix(lw, "s") {
			continue // "interest" in "interest rate" qualifies the head after it
		}
		j := i
		for j > 0 && i-j < maxMods && qualifier(toks[j-1].text) {
			j--
		}
		if j == i {
			continue
		}
		hp := headPhrase{head: words.Stem(lw), text: s[toks[j].start : t.start+len(t.text)]}
		for _, m := range toks[j:i] {
			hp.mods = append(hp.mods, words.Stem(strings.ToLower(m.text)))
		}
		all = append(all, hp)
		if i+1 < len(toks) && (determiners[strings.ToLower(toks[i+1].text)] || pronouns[strings.ToLower(toks[i+1].text)]) {
			continue // a verb and its object: "the bank cut its rate"
		}
		if j > 0 && (!opensPhrase(toks[j-1].text) || pluralAfterThat(toks[j-1].text, lw)) || insideQuote(s, toks[j].start) {
			continue // a quotation's words are the speaker's (quotedIn)
		}
		out = append(out, hp)
	}
	// Two phrases with one head and different qualifiers in one
	// sentence name two things ("an electric arc furnace that would
	// replace that blast furnace"): neither is a name for the other
	// elsewhere. Every qualified head counts here, those not read as a
	// phrase too ("a 2.5 Mt/y electric arc furnace"), when the two are
	// both singular or both plural: "cut interest rates, bringing its
	// main rate down" speaks of rates in general, then of the one.
	contrast := make(map[string]bool)
	for x := range all {
		for y := x + 1; y < len(all); y++ {
			if all[x].head == all[y].head && !slices.Equal(all[x].mods, all[y].mods) && pluralPhrase(all[x].text) == pluralPhrase(all[y].text) {
				contrast[all[x].head] = true
			}
		}
	}
	kept := out[:0]
	for _, hp := range out {
		if !contrast[hp.head] {
			kept = append(kept, hp)
		}
	}
	return kept
}

// pluralPhrase reports whether phrase p ends in a plural noun: a word its
// stem shortens by a final "s".
func pluralPhrase(p string) bool {
	w := lowerLast(p)
	return strings.HasSuffix(w, "s") && words.Stem(w) != w
}

// pluralAfterThat reports whether opener, before the qualifiers of head, is
// "that" or "this" where the head is plural: a relative pronoun and its
// verb ("a law that puts journalists"), not a determiner.
func pluralAfterThat(opener, head string) bool {
	o := strings.ToLower(opener)
	return (o == "that" || o == "this") && words.Stem(head) != head && strings.HasSuffix(head, "s") // not "virus", "crisis"
}

// headWord reports whether tok may head a noun phrase: a lower-case
// content word that is not a verb, an adverb, a participle or a figure
// word, and not a noun too general to name anything.
func headWord(tok string) bool {
	if !isModifier(tok) || !words.IsWord(tok) {
		return false
	}
	lw := strings.ToLower(tok)
	if strings.ContainsAny(lw, "0123456789") || compassWords[lw] {
		return false
	}
	for _, suf := range []string{"ed", "ing", "ly"} {
		if strings.HasSuffix(lw, suf) {
			return false
		}
	}
	if pastForms[lw] {
		return false
	}
	st := words.Stem(lw)
	return !isFigureWord(st) && !genericHeads[st] && !numberWords[lw] && !genericHeads[lw]
}

// qualifier reports whether tok may qualify a head noun after it.
func qualifier(tok string) bool {
	lw := strings.ToLower(tok)
	if !isModifier(tok) || !words.IsWord(tok) || numberWords[lw] || determiners[lw] {
		return false
	}
	if strings.ContainsAny(lw, "0123456789") || compassWords[lw] {
		return false
	}
	for _, suf := range []string{"'s", "\u2019s", "ly", "ed", "ing"} {
		if strings.HasSuffix(lw, suf) {
			return false
		}
	}
	return !isFigureWord(words.Stem(lw)) && !baseVerbs[lw] && !pastForms[lw] // "caught fire" is no kind of fire
}

// baseVerbs are verbs that news writes in their base form before a
// noun phrase they govern and that qualify no noun: "and keep public
// finances sound" names no kind of public finances.
var baseVerbs = map[string]bool{
	"keep": true, "make": true, "take": true, "give": true, "get": true, "put": true, "let": true,
	"bring": true, "send": true, "ensure": true, "allow": true, "become": true, "remain": true,
	"seem": true, "leave": true, "provide": true, "protect": true, "reduce": true, "strengthen": true,
	"maintain": true, "improve": true, "create": true, "meet": true, "find": true, "show": true,
	"avoid": true, "prevent": true, "restore": true, "secure": true, "deliver": true, "raise": true,
}

// headUse is one outlet's phrase for a head noun's concept.
type headUse struct {
	text   string
	src, n int
}

// headTerms finds the names outlets give one thing by qualifying one
// head noun differently in sentences of the same claim: "benchmark
// one-week repo rate", "key policy rate" and "main interest rate" in
// the sentences reporting a rate cut. Each qualified phrase of a member
// is set against the phrases with the same head in the members of other
// sources; when their qualifiers differ, both are names of the head's
// concept. A concept is kept when three or more sources name it in two
// or more ways, so that one outlet's rewording is not taken for a
// naming habit; its name is its commonest phrase.
func (c *comparison) headTerms() []Term {
	uses := c.headUses()
	heads := make([]string, 0, len(uses))
	for h := range uses {
		heads = append(heads, h)
	}
	sort.Strings(heads)
	var out []Term
	for _, h := range heads {
		if t, sources, names := c.termOfUses(uses[h]); sources >= 3 && names >= 2 {
			out = append(out, t)
		}
	}
	return out
}

// termOfUses makes a term of uses, each source's names joined by " / ",
// named by its commonest phrase, and returns with it how many sources
// and how many different names it holds.
func (c *comparison) termOfUses(uses []headUse) (t Term, sources, names int) {
	t = Term{BySource: map[string]string{}, Evidence: map[string][]int{}, By: Engine}
	counts := make(map[string]int)
	forms := make(map[int][]string)
	for _, u := range uses {
		l := c.labels[u.src]
		if !containsFold(forms[u.src], u.text) {
			forms[u.src] = append(forms[u.src], u.text)
			counts[strings.ToLower(u.text)]++
		}
		if !slices.Contains(t.Evidence[l], u.n+1) {
			t.Evidence[l] = append(t.Evidence[l], u.n+1)
		}
	}
	for src, fs := range forms {
		t.BySource[c.labels[src]] = strings.Join(fs, " / ")
	}
	for _, ns := range t.Evidence {
		slices.Sort(ns)
	}
	t.Concept = preferredTerm(counts)
	return t, len(forms), len(counts)
}

// headUses sets the qualified phrases of the members of each claim
// against each other, and returns by head noun the phrases whose
// qualifiers differ from those of another source's phrase with that
// head in the same claim. Phrases are read once per wording, so a wire
// story many outlets run costs one reading.
func (c *comparison) headUses() map[string][]headUse {
	uses := make(map[string][]headUse)
	phrases := make(map[string][]headPhrase)
	type entry struct {
		hp     headPhrase
		src, n int
	}
	for _, g := range c.groups {
		byHead := make(map[string][]entry)
		for _, m := range g.members {
			s := c.arts[m.src].Sentences[m.n]
			ps, ok := phrases[s]
			if !ok {
				ps = headPhrases(s)
				phrases[s] = ps
			}
			for _, hp := range ps {
				byHead[hp.head] = append(byHead[hp.head], entry{hp, m.src, m.n})
			}
		}
		for h, es := range byHead {
			for _, e := range es {
				if slices.ContainsFunc(es, func(o entry) bool { return o.src != e.src && !slices.Equal(o.hp.mods, e.hp.mods) }) {
					uses[h] = append(uses[h], headUse{e.hp.text, e.src, e.n})
				}
			}
		}
	}
	return uses
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// opensPhrase reports whether tok, written just before a run of
// qualifiers, lets the run start a noun phrase: an opening mark, a
// determiner, a possessive or a preposition. After a content word, a
// name or a pronoun the run is the end of a verb phrase ("Kim held
// talks", "when he held talks"), after a number the unit of a figure
// ("25 basis points"), after "to" or an auxiliary a verb ("to provide
// immediate assistance").
func opensPhrase(tok string) bool {
	lw := strings.ToLower(tok)
	if strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "\u2019s") || determiners[lw] {
		return true
	}
	if !words.IsWord(tok) {
		// An opening quote, bracket, dash or colon; after a comma or a
		// slash the run ends what comes before ("Korea, held talks").
		return strings.ContainsAny(tok, "\"'“‘([:—–-")
	}
	if strings.ContainsAny(lw, "0123456789") || numberWords[lw] || lw == "to" || auxiliaries[lw] || verbBefore[lw] || pronouns[lw] {
		return false
	}
	return words.IsStopword(lw)
}

// pronouns stand as the subject of a verb that follows them.
var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true, "who": true}

// verbBefore are the auxiliaries that auxiliaries (units.go) leaves out.
var verbBefore = map[string]bool{"be": true, "been": true, "being": true, "do": true, "does": true, "must": true, "shall": true, "should": true}

// pastForms are irregular past tenses that news reports put after a
// noun ("the rate fell", "the storm hit"); a suffix gives the regular
// ones away.
var pastForms = map[string]bool{
	"fell": true, "rose": true, "hit": true, "held": true, "made": true, "took": true, "gave": true,
	"said": true, "met": true, "won": true, "lost": true, "sent": true, "told": true, "led": true,
	"kept": true, "left": true, "paid": true, "sold": true, "built": true, "began": true, "came": true,
	"went": true, "saw": true, "grew": true, "drew": true, "struck": true, "stood": true, "ran": true,
	"broke": true, "spoke": true, "wrote": true, "bought": true, "brought": true, "sought": true,
	"fought": true, "caught": true, "felt": true, "found": true, "heard": true, "meant": true,
	"spent": true, "became": true, "chose": true, "flew": true, "knew": true, "shook": true, "shot": true,
	"sank": true, "spread": true, "swept": true, "tore": true, "woke": true, "wore": true, "quit": true, "put": true,
}
