package sentence

import (
	"strings"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
)

// The punkt algorithm decides sentence ends in passes over the words of a
// paragraph. typePass and tokenPass are the library's first two passes,
// sentences.TypeBasedAnnotation and sentences.TokenBasedAnnotation with
// its orthographic heuristic, written against punktModel instead of
// sentences.Storage: the library's passes read its maps directly, and
// building the map of orthographic contexts was most of the cost of
// loading the model. The decisions, and their order, are the library's;
// TestPunktWordMatchesLibrary and FuzzPunktWord compare every annotation
// with the library's English tokenizer.

// Orthographic context flags, as the training data records them: where a
// word was seen (at the beginning of a sentence, in the middle, or
// unknown) and with which case.
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6

	orthoUc = orthoBegUc | orthoMidUc | orthoUnkUc
	orthoLc = orthoBegLc | orthoMidLc | orthoUnkLc
)

// isAbbrev reports whether the model lists any of words as an abbreviation.
func (m *punktModel) isAbbrev(words ...string) bool {
	for _, w := range words {
		if m.abbrevs[w] != 0 {
			return true
		}
	}
	return false
}

// isCollocation reports whether the model lists the two word types, as
// "first,second", as a collocation.
func (m *punktModel) isCollocation(first, second string) bool {
	if len(m.collocations) == 0 {
		return false
	}
	var buf [64]byte
	key := append(append(append(buf[:0], first...), ','), second...)
	return m.collocations[string(key)] != 0
}

// orthoHeuristic says whether t starts a sentence by how its word was
// seen in training: 1 if it does, 0 if it does not, -1 if the model
// cannot tell.
func (m *punktModel) orthoHeuristic(w *punktWord, t *sentences.Token) int {
	if t == nil || isPunktPunctuation(t.Tok) {
		return 0
	}
	ctx := m.orthoFlags(w.TypeNoSentPeriod(t))
	// Capitalised, seen in lower case, never capitalised mid-sentence:
	// a sentence starter.
	if w.FirstUpper(t) && ctx&orthoLc != 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	// Lower case, and either seen capitalised or never seen starting a
	// sentence in lower case: not a starter.
	if w.FirstLower(t) && (ctx&orthoUc != 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

// isPunktPunctuation reports whether s is exactly one of the marks in
// sentences.DefaultPunctStrings.Punctuation.
func isPunktPunctuation(s string) bool {
	if s == "" || len(s) > utf8.UTFMax {
		return false
	}
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && r != utf8.RuneError && strings.ContainsRune(";:,.!?；：，。！？", r)
}

// plainWord reports whether s is ASCII without ".", "?" or "!": no pass
// marks such a word as ending a sentence or as an abbreviation, and most
// words are like that.
func plainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !plainByte[s[i]] {
			return false
		}
	}
	return true
}

// plainByte holds the ASCII bytes but ".", "?" and "!".
var plainByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c != '.' && c != '?' && c != '!'
	}
	return t
}()

// typePass is the first pass: end punctuation breaks a sentence, and so
// does a final period unless the word is a known abbreviation.
type typePass struct {
	m    *punktModel
	word *punktWord
}

func (a *typePass) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for _, t := range tokens {
		switch {
		case plainWord(t.Tok):
			// Neither end punctuation nor a final period: nothing to mark.
		case a.word.HasSentEndChars(t):
			t.SentBreak = true
		case a.word.HasPeriodFinal(t) && !strings.HasSuffix(t.Tok, ".."):
			// The library drops the last character by cutting the word at
			// its length in runes, which for a word with non-ASCII letters
			// cuts it elsewhere; the splits must stay the library's.
			noPeriod := strings.ToLower(t.Tok[:utf8.RuneCountInString(t.Tok)-1])
			lastPart := noPeriod[strings.LastIndexByte(noPeriod, '-')+1:]
			if a.m.isAbbrev(noPeriod, lastPart) {
				t.Abbr = true
			} else {
				t.SentBreak = true
			}
		}
	}
	return tokens
}

// tokenPass is the second pass, over each word and the one after it: the
// collocation, orthographic and frequent-starter heuristics, and initials
// and ordinals.
type tokenPass struct {
	m    *punktModel
	word *punktWord
}

func (a *tokenPass) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for i := 0; i+1 < len(tokens); i++ {
		a.annotate(tokens[i], tokens[i+1])
	}
	return tokens
}

func (a *tokenPass) annotate(one, two *sentences.Token) {
	w := a.word
	if !w.HasPeriodFinal(one) {
		return
	}
	typ := w.TypeNoPeriod(one)
	nextTyp := w.TypeNoSentPeriod(two)
	initial := w.IsInitial(one)

	// A collocation across the period ("st. louis"): an abbreviation.
	if a.m.isCollocation(typ, nextTyp) {
		one.SentBreak = false
		one.Abbr = true
		return
	}
	// An abbreviation or ellipsis may still end a sentence, if the next
	// word looks like a sentence starter.
	if (one.Abbr || w.IsEllipsis(one)) && !initial {
		if a.m.orthoHeuristic(w, two) == 1 {
			one.SentBreak = true
			return
		}
		if w.FirstUpper(two) && a.m.starters[nextTyp] != 0 {
			one.SentBreak = true
			return
		}
	}
	// Two lone periods are part of a spaced ellipsis.
	if one.Tok == "." && two.Tok == "." {
		one.SentBreak = false
		two.SentBreak = false
		return
	}
	// An initial or an ordinal is an abbreviation unless the next word
	// starts a sentence.
	if initial || typ == "##number##" {
		h := a.m.orthoHeuristic(w, two)
		if h == 0 {
			one.SentBreak = false
			one.Abbr = true
			return
		}
		// An initial before a word never seen in lower case: "J. Bach".
		if h == -1 && initial && w.FirstUpper(two) && a.m.orthoFlags(nextTyp)&orthoLc == 0 {
			one.SentBreak = false
			one.Abbr = true
		}
	}
}
