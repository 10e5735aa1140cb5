package compare

import (
	"github.com/newslens/newslens/internal/lexicon"
	"strings"

	"github.com/newslens/newslens/internal/worddiff"
	"github.com/newslens/newslens/internal/words"
)

// nameSpan is where a sentence names a referent: its key and byte span.
type nameSpan struct {
	key        string
	start, end int
}

// posItem is one token of a minimal diff with its byte offset in the
// first sentence (a) and in the second (b), -1 where it has none.
type posItem struct {
	kind   worddiff.Kind
	tok    string
	aStart int
	bStart int
}

func posItems(a, b string) []posItem {
	out := make([]posItem, 0, (len(a)+len(b))/5)
	offA, offB := 0, 0
	for _, op := range worddiff.Minimal(a, b) {
		oa, ob := offA, offB
		words.Each(op.Text, func(tok string, start int) {
			p := posItem{kind: op.Kind, tok: tok, aStart: -1, bStart: -1}
			if op.Kind != worddiff.Insert {
				p.aStart = oa + start
			}
			if op.Kind != worddiff.Delete {
				p.bStart = ob + start
			}
			out = append(out, p)
		})
		if op.Kind != worddiff.Insert {
			offA += len(op.Text)
		}
		if op.Kind != worddiff.Delete {
			offB += len(op.Text)
		}
	}
	return out
}

// alignedSubstitutes reads how each outlet names a referent that an
// aligned sentence of another outlet names: where sentence a names
// referent K and its partner b names no form of K, the words b writes in
// place of a's name, in the same slot of the same claim, are b's name
// for K ("Russia's fight in Ukraine" for "the war in Ukraine"). The slot
// must be anchored: a content word kept on either side, or "in", "of" or
// "on" and a name after it. Each member lacking K is read against at
// most one member naming K next to an anchor it shares (mayName), so
// that the cost grows with the members, not their pairs; add receives
// each name found once.
func (c *comparison) alignedSubstitutes(spans func(si, n int) []nameSpan, add func(key string, si, n int, form string)) {
	type found struct {
		key, form string
		src, n    int
	}
	seen := make(map[found]bool)
	type pair struct{ a, b string }
	diffs := make(map[pair][]posItem)           // outlets repeat wire copy word for word
	stemsOf := make(map[string]map[string]bool) // referent key -> formStems
	for _, g := range c.groups {
		ss := make([][]nameSpan, len(g.members))
		var anchors [][]anchor
		for i, m := range g.members {
			ss[i] = spans(m.src, m.n)
		}
		for bi, b := range g.members {
			tried := 0
			for ai, a := range g.members {
				if tried == 1 || a.src == b.src || !lacks(ss[ai], ss[bi]) {
					continue
				}
				if anchors == nil {
					anchors = make([][]anchor, len(g.members))
				}
				if anchors[ai] == nil {
					anchors[ai] = anchorsOf(c.text(a), ss[ai])
				}
				if !mayName(c.text(b), ss[ai], ss[bi], anchors[ai]) {
					continue
				}
				tried++
				p := pair{c.text(a), c.text(b)}
				it, ok := diffs[p]
				if !ok {
					it = posItems(p.a, p.b)
					diffs[p] = it
				}
				for _, sp := range ss[ai] {
					if stemsOf[sp.key] == nil {
						stemsOf[sp.key] = formStems(sp.key)
					}
					if hasKey(ss[bi], sp.key) || writesForm(p.b, stemsOf[sp.key]) || hyphenRef(p.b, sp.key) {
						continue
					}
					form, ok := substitute(p.a, p.b, it, sp, ss[bi])
					if id := (found{sp.key, form, b.src, b.n}); ok && !seen[id] {
						seen[id] = true
						add(sp.key, b.src, b.n, form)
					}
				}
			}
		}
	}
}

// hyphenRef reports whether sentence b writes referent key inside a
// hyphenated word ("forest-fire prevention spending", "quake-hit",
// hyphenJoined), which the referent table, written with spaces, does
// not read: it
// writes the word, as a modifier, so no other words of it stand for the
// referent.
func hyphenRef(b, key string) bool {
	if !strings.Contains(b, "-") {
		return false
	}
	for _, r := range lexicon.Referents(strings.ReplaceAll(b, "-", " ")) {
		if r.Key == key && hyphenJoined(b, r) {
			return true
		}
	}
	return false
}

// hyphenJoined reports whether referent r of s is written as part of a
// hyphenated word ("forest-fire prevention", "anti-war", "quake-hit",
// "post-election"): a modifier of another thing, not a name of the
// referent.
func hyphenJoined(s string, r lexicon.Ref) bool {
	return strings.Contains(s[r.Start:r.End], "-") && !strings.HasPrefix(r.Key, "person:") ||
		r.Start > 0 && s[r.Start-1] == '-' || r.End < len(s) && s[r.End] == '-'
}

// otherBefore reports whether a word just before s[i:], or one word
// further back, says the referent there is another one than the event's:
// "the previous election", "the last major accident".
func otherBefore(s string, i int) bool {
	before := strings.Fields(strings.ToLower(s[:i]))
	for k := len(before) - 1; k >= 0 && k >= len(before)-2; k-- {
		if otherInstance[strings.Trim(before[k], ",;:\"'“”")] {
			return true
		}
	}
	return false
}

// otherInstance words mark another instance of a kind of event, or a
// rival one ("beat a rival offer").
var otherInstance = map[string]bool{"previous": true, "last": true, "former": true, "earlier": true, "prior": true, "rival": true, "competing": true}

// formStems returns the stems of the one-word names the referent table
// gives referent key (not "us" for the United States).
func formStems(key string) map[string]bool {
	stems := make(map[string]bool)
	for _, f := range lexicon.ReferentForms(key) {
		if !strings.Contains(f, " ") && len(f) > 3 && !words.IsStopword(f) {
			stems[words.Stem(f)] = true
		}
	}
	return stems
}

// writesForm reports whether sentence b writes a word with one of the
// stems of a referent's one-word names (formStems), if not as the
// referent itself: "a rebel arms depot" names the rebels ("terrorist
// groups") it is compared with.
func writesForm(b string, stems map[string]bool) bool {
	found := false
	words.Each(b, func(tok string, _ int) {
		found = found || stems[words.Stem(strings.ToLower(tok))]
	})
	return found
}

// lacks reports whether b lacks a referent a names.
func lacks(a, b []nameSpan) bool {
	for _, sp := range a {
		if !hasKey(b, sp.key) {
			return true
		}
	}
	return false
}

// anchor holds the words that may anchor a name's slot: the content word
// before it, the one after it, and "in Ukraine" after it.
type anchor struct {
	before, after, prep string
}

func anchorsOf(a string, sa []nameSpan) []anchor {
	out := make([]anchor, len(sa))
	const cut = ".,;:!?\"'()"
	for i, sp := range sa {
		before := strings.Fields(a[:sp.start])
		for len(before) > 0 && determiners[strings.ToLower(before[len(before)-1])] {
			before = before[:len(before)-1]
		}
		if len(before) > 0 {
			if w := strings.Trim(before[len(before)-1], cut); isContent(w) {
				out[i].before = w
			}
		}
		after := strings.Fields(a[sp.end:])
		if len(after) > 0 {
			w := strings.Trim(after[0], cut)
			if isContent(w) && !verbs[strings.ToLower(w)] {
				out[i].after = w
			}
			if len(after) > 1 && (w == "in" || w == "of" || w == "on") && words.IsCapitalized(after[1]) {
				out[i].prep = w + " " + strings.Trim(after[1], cut)
			}
		}
	}
	return out
}

// mayName reports, before any diff, whether b may name in its own words
// a referent a names: b lacks it and holds an anchor a has next to it
// (anchored).
func mayName(b string, sa, sb []nameSpan, an []anchor) bool {
	for i, sp := range sa {
		if hasKey(sb, sp.key) {
			continue
		}
		for _, w := range []string{an[i].before, an[i].after, an[i].prep} {
			if w != "" && containsPhrase(b, w) {
				return true
			}
		}
	}
	return false
}

func hasKey(spans []nameSpan, key string) bool {
	for _, s := range spans {
		if s.key == key {
			return true
		}
	}
	return false
}

// substitute returns the noun phrase b writes where a names sp, or false.
func substitute(a, b string, it []posItem, sp nameSpan, sb []nameSpan) (string, bool) {
	lo, hi := -1, -1
	for k, x := range it {
		if x.aStart >= sp.start && x.aStart < sp.end {
			if x.kind == worddiff.Equal {
				return "", false // b keeps part of the name
			}
			if lo < 0 {
				lo = k
			}
			hi = k + 1
		}
	}
	if lo < 0 {
		return "", false
	}
	for lo > 0 && it[lo-1].kind != worddiff.Equal {
		lo--
	}
	for hi < len(it) && it[hi].kind != worddiff.Equal {
		hi++
	}
	var ins []posItem
	dels := 0
	for _, x := range it[lo:hi] {
		switch {
		case x.kind == worddiff.Insert:
			ins = append(ins, x)
		case x.aStart >= sp.end:
			return "", false // the slot runs on past the name, into its verb
		default:
			dels++
		}
	}
	if len(ins) == 0 || len(ins) > 6 || dels > len(words.Content(a[sp.start:sp.end]))+4 || !anchored(it, lo, hi) {
		return "", false
	}
	start, end := ins[0].bStart, ins[len(ins)-1].bStart+len(ins[len(ins)-1].tok)
	for _, s := range sb {
		if s.start < end && s.end > start {
			return "", false // b names another referent there
		}
	}
	return substituteForm(b[start:end], it, hi)
}

// anchored reports whether the slot it[lo:hi] has a content word kept
// beside it, or "in", "of" or "on" and a name kept after it.
func anchored(it []posItem, lo, hi int) bool {
	if lo > 0 && isContent(it[lo-1].tok) {
		return true
	}
	if hi < len(it) && isContent(it[hi].tok) && !verbs[strings.ToLower(it[hi].tok)] {
		return true
	}
	return hi+1 < len(it) && (it[hi].tok == "in" || it[hi].tok == "of" || it[hi].tok == "on") &&
		it[hi+1].kind == worddiff.Equal && words.IsCapitalized(it[hi+1].tok)
}

// substituteForm trims the words b writes in a name's slot to a noun
// phrase that describes it: determiners and a possessor dropped
// ("Russia's fight" is "fight"), "in Ukraine" after it kept, a
// capitalised name (a capital standing for a government) refused.
func substituteForm(s string, it []posItem, hi int) (string, bool) {
	fs := strings.Fields(s)
	for len(fs) > 0 && (determiners[strings.ToLower(fs[0])] || strings.HasSuffix(fs[0], "'s") || strings.HasSuffix(fs[0], "\u2019s")) {
		fs = fs[1:]
	}
	if len(fs) == 0 || words.IsCapitalized(fs[0]) {
		return "", false
	}
	np, ok := nounPhrase(strings.Join(fs, " "))
	if !ok || !nounLike(strings.ToLower(lastWord(np))) || genericHeads[strings.ToLower(lastWord(np))] {
		return "", false
	}
	if hi+1 < len(it) && (it[hi].tok == "in" || it[hi].tok == "on") && it[hi+1].kind == worddiff.Equal && words.IsCapitalized(it[hi+1].tok) {
		np += " " + it[hi].tok + " " + it[hi+1].tok
	}
	return np, true
}

func lastWord(s string) string {
	fs := strings.Fields(s)
	return fs[len(fs)-1]
}

// disasterKeys are the referents (internal/lexicon.Referents) that are
// disasters; disasterWords are the nouns that stand for the disaster a
// report is about once it has been named ("The disaster revived memories
// of the 2015 quake").
var (
	disasterKeys  = map[string]bool{"quake": true, "flood": true, "fire": true, "landslide": true, "crash": true}
	disasterWords = []string{"disaster", "tragedy", "catastrophe", "calamity"}
)

// addDisasterNames records "the disaster" and its like as names of the
// one disaster the coverage reports, when it reports one only.
func (c *comparison) addDisasterNames(uses map[string]map[int][]aliasUse) {
	key := ""
	for k := range uses {
		if disasterKeys[k] {
			if key != "" {
				return
			}
			key = k
		}
	}
	if key == "" {
		return
	}
	for si, a := range c.arts {
		for n, s := range a.Sentences {
			for _, w := range disasterWords {
				if !strings.Contains(s, w) {
					continue
				}
				if at := phraseIndex(s, "the "+w); at >= 0 && !usedAt(uses[key][si], w, n) {
					uses[key][si] = append(uses[key][si], aliasUse{form: s[at+4 : at+4+len(w)], n: n})
				}
			}
		}
	}
}

func usedAt(us []aliasUse, form string, n int) bool {
	for _, u := range us {
		if u.n == n && strings.EqualFold(u.form, form) {
			return true
		}
	}
	return false
}
