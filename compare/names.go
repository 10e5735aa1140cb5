package compare

import (
	"slices"
	"strings"

	"github.com/newslens/newslens/internal/entity"
	"github.com/newslens/newslens/internal/quote"
	"github.com/newslens/newslens/internal/words"
	"github.com/newslens/newslens/internal/wordvec"
)

// nameTerms finds the people, organisations and places that two or more
// sources name under different names: a person's full name and the
// surname alone ("K.P. Sharma Oli", "Oli"; a middle name more or less is
// not a naming habit worth showing), "Home Ministry" and
// "Ministry of Home Affairs", and one-word place names spelt within two
// letters of each other ("Kolti", "Koltee") by different sources.
func (c *comparison) nameTerms() []Term {
	per := c.entities()
	keyOf := c.nameKeys(per)
	uses := make(map[string]map[int][]aliasUse)
	var keys []string
	written := make(map[string]string) // lowercase name -> as written in mixed case
	for _, es := range per {
		for _, e := range es {
			if l := strings.ToLower(e.Name); written[l] == "" && !allCapitals(e.Name) {
				written[l] = e.Name
			}
		}
	}
	for si, a := range c.arts {
		for _, e := range per[si] {
			k, ok := keyOf[strings.ToLower(e.Name)]
			if !ok {
				continue
			}
			if uses[k] == nil {
				uses[k] = make(map[int][]aliasUse)
				keys = append(keys, k)
			}
			form := e.Name
			if w := written[strings.ToLower(form)]; w != "" && allCapitals(form) {
				form = w // a dateline's "DRAVNIK" is the "Dravnik" the text writes
			}
			for n, s := range a.Sentences {
				if strings.Contains(s, e.Name) {
					uses[k][si] = append(uses[k][si], aliasUse{form: form, n: n})
				}
			}
		}
	}
	var out []Term
	for _, k := range keys {
		t, ok := c.aliasTerm(uses[k])
		if !ok {
			continue
		}
		if strings.HasPrefix(k, "person:") {
			// the surname every source writes names the person
			ws := strings.Fields(t.Concept)
			t.Concept = ws[len(ws)-1]
		}
		out = append(out, t)
	}
	return out
}

// allCapitals reports whether name is written in capitals only, as a
// dateline writes a city ("DRAVNIK"), with at least four letters: an
// acronym of three or fewer ("UN", "BBC") is kept as written, and a
// longer one that another outlet writes otherwise ("NATO", "Nato") is
// shown as that outlet writes it.
func allCapitals(name string) bool {
	return words.CapitalLetters(name) >= 4
}

// nameKeys maps each lowercase entity name that has an alias in another
// source to the key the aliases share.
func (c *comparison) nameKeys(per [][]entity.Entity) map[string]string {
	lowered := c.lowerWords() // words the sources also write in lowercase
	keyOf := make(map[string]string)
	srcs := make(map[string]map[int]bool) // key -> sources
	short := make(map[string]bool)        // person keys some source names by surname alone
	add := func(name, key string, si int) {
		keyOf[strings.ToLower(name)] = key
		if srcs[key] == nil {
			srcs[key] = make(map[int]bool)
		}
		srcs[key][si] = true
	}
	surnames := fullNameSurnames(per)
	for si, es := range per {
		for _, e := range es {
			ws := strings.Fields(e.Name)
			last := strings.ToLower(ws[len(ws)-1])
			switch {
			case e.Type == "organisation" && ministryKey(ws) != "":
				add(e.Name, "org:"+ministryKey(ws), si)
			case surnames[foldLetters(last)] && !lowered[last] && (e.Type == "person" || len(ws) > 1):
				// accents folded: "Vasić" and "Vasic" are one person
				k := "person:" + foldLetters(last)
				add(e.Name, k, si)
				short[k] = short[k] || len(ws) == 1
			}
		}
	}
	spellingKeys(per, lowered, add)
	for name, k := range keyOf {
		if len(srcs[k]) < 2 || strings.HasPrefix(k, "person:") && !short[k] {
			delete(keyOf, name)
		}
	}
	return keyOf
}

// fullNameSurnames returns the last words of the people some source
// names with two or more words.
func fullNameSurnames(per [][]entity.Entity) map[string]bool {
	out := make(map[string]bool)
	for _, es := range per {
		for _, e := range es {
			ws := strings.Fields(e.Name)
			if e.Type == "person" && len(ws) > 1 {
				out[foldLetters(ws[len(ws)-1])] = true
			}
		}
	}
	return out
}

// ministryKey returns the subject of a ministry's name, the same for
// "Home Ministry" and "Ministry of Home Affairs", or "".
func ministryKey(ws []string) string {
	lw := make([]string, len(ws))
	for i, w := range ws {
		lw[i] = strings.ToLower(w)
	}
	switch {
	case len(lw) >= 3 && lw[0] == "ministry" && lw[1] == "of":
		lw = lw[2:]
		if len(lw) > 1 && lw[len(lw)-1] == "affairs" {
			lw = lw[:len(lw)-1]
		}
	case len(lw) >= 2 && lw[len(lw)-1] == "ministry":
		lw = lw[:len(lw)-1]
	default:
		return ""
	}
	return strings.Join(lw, " ") + " ministry"
}

// spellingKeys gives one key to one-word names of five or more letters,
// starting with the same letter and within two edits of each other, that
// different sources use and no source uses both of, as names of any
// kind ("Nordpay" the bank and "Norway" in one report are two).
func spellingKeys(per [][]entity.Entity, lowered map[string]bool, add func(name, key string, si int)) {
	type use struct {
		name string
		si   int
	}
	var us []use
	bySrc := make(map[int]map[string]bool)
	for si, es := range per {
		bySrc[si] = make(map[string]bool)
		for _, e := range es {
			l := strings.ToLower(e.Name)
			bySrc[si][l] = true // a source that writes both, as whatever kind of name, means two
			if e.Type != "person" && e.Type != "organisation" && !strings.Contains(l, " ") && len(l) >= 5 && !lowered[l] {
				us = append(us, use{e.Name, si})
			}
		}
	}
	for i, a := range us {
		for _, b := range us[i+1:] {
			la, lb := strings.ToLower(a.name), strings.ToLower(b.name)
			if la == lb || la[0] != lb[0] || a.si == b.si || bySrc[a.si][lb] || bySrc[b.si][la] || editDistance(la, lb) > 2 || demonym(la, lb) {
				continue
			}
			k := "place:" + min(la, lb)
			add(a.name, k, a.si)
			add(b.name, k, b.si)
		}
	}
}

// demonymEnds are the endings that make a place's adjective or people
// of its name within two letters (longer ones, "Japanese", are too far
// apart to be taken for a spelling anyway): "Nepal", "Nepali"; "Kenya",
// "Kenyan", "Kenyans"; "Chile", "Chilean"; "Israel", "Israelis".
var demonymEnds = []string{"n", "an", "i", "ns", "is"}

// demonym reports whether one of two lowercase one-word names is the
// other with a demonym's ending: an adjective, not another spelling.
func demonym(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	rest, ok := strings.CutPrefix(b, a)
	return ok && slices.Contains(demonymEnds, rest)
}

// editDistance is the Levenshtein distance between a and b, by bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// dropSpellingOnly removes the referents whose names differ only in
// case and full stops ("US" / "U.S."), or, in lower case, only in the
// endings of their words ("floods" / "flooding") or a word that says
// when ("the recent floods", whenWords): typography and grammar, not a
// choice of words.
func dropSpellingOnly(terms []Term) []Term {
	out := terms[:0]
	for _, t := range terms {
		forms := make(map[string]bool)
		for _, v := range t.BySource {
			for _, name := range strings.Split(v, " / ") {
				forms[stemmedForm(withoutWhen(strings.ReplaceAll(name, ".", "")))] = true
			}
		}
		if len(forms) > 1 {
			out = append(out, t)
		}
	}
	return out
}

// dropBrokenForms removes from each term the names that end in a word
// no noun phrase ends in: an adverb or preposition ("freight train
// near", "the former deputy mayor ahead", "island of Orsa late") or a
// past form ("net profit slid"), read past the phrase's end from an
// aligned sentence, or that open with a verb ("dissolve parliament"). A term left with fewer than two sources or one name
// goes.
func dropBrokenForms(terms []Term) []Term {
	out := terms[:0]
	for _, t := range terms {
		by := make(map[string]string, len(t.BySource))
		forms := make(map[string]bool)
		dropped := false
		for l, v := range t.BySource {
			var kept []string
			for _, name := range strings.Split(v, " / ") {
				if !brokenEnd(name) {
					kept = append(kept, name)
					forms[strings.ToLower(name)] = true
				} else {
					dropped = true
				}
			}
			if len(kept) > 0 {
				by[l] = strings.Join(kept, " / ")
			}
		}
		if !dropped {
			out = append(out, t)
			continue
		}
		if len(by) < 2 || len(forms) < 2 {
			continue
		}
		for l := range t.Evidence {
			if _, ok := by[l]; !ok {
				delete(t.Evidence, l)
			}
		}
		t.BySource = by
		if brokenEnd(t.Concept) {
			counts := make(map[string]int)
			written := make(map[string]string)
			for _, v := range by {
				for _, name := range strings.Split(v, " / ") {
					k := strings.ToLower(name)
					counts[k]++
					if w, ok := written[k]; !ok || name < w {
						written[k] = name
					}
				}
			}
			t.Concept = written[preferredTerm(counts)] // as a source writes it, not in lower case
		}
		out = append(out, t)
	}
	return out
}

// brokenEnd reports whether name ends in a word no noun phrase ends in.
func brokenEnd(name string) bool {
	last := lowerLast(name)
	fs := strings.Fields(name)
	return placeWords[last] || notHeads[last] || pastForms[last] || len(fs) > 1 && (baseVerbs[fs[0]] || actVerbs[fs[0]] || saidBefore(fs[0]))
}

// saidBefore reports whether w is a speech verb in the past, written in
// lower case: it credits the words before it to the name after it
// ("...," declared Foreign Minister Ilina Dvoretska) and opens no name.
func saidBefore(w string) bool {
	return quote.SpeechVerb(w) && (strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "wrote")
}

// actVerbs open a verb phrase, never a name, written in lower case
// before a noun: "dissolve parliament" is what a president may do, not
// a name of parliament.
var actVerbs = map[string]bool{
	"dissolve": true, "appoint": true, "approve": true, "reject": true, "elect": true, "abolish": true,
	"impose": true, "suspend": true, "oust": true, "topple": true,
}

// notHeads are words that may follow a noun phrase without ending it:
// adverbs of place and time, and past forms pastForms does not hold.
var notHeads = map[string]bool{
	"ahead": true, "late": true, "early": true, "later": true, "earlier": true, "again": true, "away": true,
	"back": true, "down": true, "up": true, "out": true, "off": true, "overnight": true, "abroad": true,
	"too": true, "also": true, "still": true, "then": true, "now": true, "soon": true, "already": true,
	"yet": true, "there": true, "here": true, "today": true, "tonight": true, "yesterday": true, "tomorrow": true,
	"slid": true, "slipped": true, "dipped": true, "soared": true, "plunged": true,
}

// dropSelfNames drops the terms in which every source names only
// itself: "told Reuters" in Reuters' report and "told AFP" in AFP's are
// two outlets crediting their own reporting, not two names of one
// thing.
func dropSelfNames(terms []Term) []Term {
	return slices.DeleteFunc(terms, func(t Term) bool {
		for l, v := range t.BySource {
			if !strings.EqualFold(v, l) {
				return false
			}
		}
		return true
	})
}

// dropBylines drops the terms in which every source's name is its
// agency's credit in a dateline: "MAREVO, May 14 (Wire) -" and "VEYRA,
// 14 May (TNA) -" credit two agencies, not two names of one thing.
func (c *comparison) dropBylines(terms []Term) []Term {
	return slices.DeleteFunc(terms, func(t Term) bool {
		for si, l := range c.labels {
			if v, ok := t.BySource[l]; ok && (strings.Contains(v, " / ") || !c.byline(si, v)) {
				return false
			}
		}
		return len(t.BySource) > 0
	})
}

// byline reports whether source si writes name as a dateline's credit:
// in brackets followed by a dash ("(Wire) -"). The agency may name
// itself elsewhere too ("Wire could not verify the figures").
func (c *comparison) byline(si int, name string) bool {
	for _, s := range c.arts[si].Sentences {
		for _, dash := range []string{"-", "–", "—"} {
			if strings.Contains(s, "("+name+") "+dash) || strings.Contains(s, "("+name+")"+dash) {
				return true
			}
		}
	}
	return false
}

// whenWords say when a thing was, not which or what it is: "the recent
// floods" are the floods.
var whenWords = map[string]bool{"recent": true, "latest": true, "current": true, "ongoing": true, "past": true}

// withoutWhen returns phrase p without its words that say when
// (whenWords): "recent floods" is "floods".
func withoutWhen(p string) string {
	fs := strings.Fields(p)
	return strings.Join(slices.DeleteFunc(fs, func(w string) bool { return whenWords[strings.ToLower(w)] }), " ")
}

// stemmedForm is a name in lower case, its words stemmed when it is
// written in lower case or is one common word: "flooding" and "Floods"
// (opening a sentence) are "flood", "Floods Act" stays. A people's name
// is its adjective: "Dravenians" and "Dravenian" are one word in two
// roles, not two names.
func stemmedForm(name string) string {
	name = strings.ReplaceAll(name, "’", "'") // "Putin’s" is "Putin's"
	if low := strings.ToLower(name); name != low && (strings.Contains(name, " ") || wordvec.ID(low) < 0) {
		if one, ok := strings.CutSuffix(low, "ans"); ok && !strings.Contains(low, " ") {
			return one + "an"
		}
		return low // a name; a common word opening a sentence ("Floods") is stemmed
	}
	fs := strings.Fields(strings.ToLower(name))
	for i, f := range fs {
		fs[i] = words.Stem(f)
	}
	return strings.Join(fs, " ")
}
