// Package words splits English news text into tokens and content words
// for measuring how much two texts say the same thing.
//
// Its callers are the ones that compare texts by the words they share:
// compare (aligning sentences across outlets, naming terms, matching
// quotes), the extractive summariser (sentence centrality) and the
// grounding checks (how well a key point's words overlap the sentences it
// cites). They must agree on what a word is: "Kim's" and
// "military-technical" are one token each, "1,000" and "3.5" are one
// number, and punctuation stands alone; Terms then drops stopwords, stems
// what is left and marks names and numbers.
//
// Packages that read text for another purpose tokenise it their own way,
// because they need what Each throws away or must split differently:
// internal/entity keeps the full stops of initialisms ("U.S.") and
// records capitals, breaks and possessives to find names; internal/quote
// folds quotation marks and dashes and keeps byte offsets to find a
// quotation in the article, and splits hyphenated names for speakers;
// internal/figure lexes numbers with their units; internal/worddiff keeps
// runs of white space as tokens so a diff gives the text back byte for
// byte; internal/sentence has punkt's own word splitter. Changing any of
// them to this one would change their output.
//
// The functions scan runes directly (no regular expressions) because they
// run over every sentence of every article. The package imports only the
// standard library.
package words

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Each calls f for every token of s, in order, with the byte offset at
// which the token starts: words, numbers and single punctuation marks,
// white space dropped. Apostrophes and hyphens inside a word stay in it
// ("Kim's", "long-range"); commas and points between digits stay in a
// number ("1,000", "3.5"). It allocates nothing itself.
func Each(s string, f func(tok string, start int)) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			end := wordEnd(s, i)
			f(s[i:end], i)
			i = end
		default:
			f(s[i:i+size], i)
			i += size
		}
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordEnd returns the end of the word starting at i. A joiner (apostrophe,
// hyphen, or a digit separator between digits) stays in the word only when
// a word rune follows it.
func wordEnd(s string, i int) int {
	var prev rune
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			prev = r
			i += size
			continue
		}
		if i+size >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		switch {
		case isApostrophe(r) || r == '-' || r == '\u2010' || r == '\u2011':
			if !isWordRune(next) {
				return i
			}
		case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
		default:
			return i
		}
		prev = r
		i += size
	}
	return i
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02bc'
}

// IsWord reports whether tok is a word or number rather than punctuation.
func IsWord(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return isWordRune(r)
}

// IsNumber reports whether tok starts with a digit ("24", "1,000", "3.5",
// "19th").
func IsNumber(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsDigit(r)
}

// IsCapitalized reports whether tok starts with an upper-case letter.
func IsCapitalized(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

// CapitalLetters returns how many letters w has when every letter it has
// is a capital ("NATO", "DRAVNIK", "U.S."), and -1 when one is not.
func CapitalLetters(w string) int {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return -1
			}
			letters++
		}
	}
	return letters
}

// Kind says what sort of content word a Term is.
type Kind uint8

// Kinds of Term. Names and numbers carry more information about which
// event a sentence reports than ordinary words, so callers weight them
// higher.
const (
	Word Kind = iota
	Name
	Number
)

// Term is one content word of a sentence: its stem, its kind and the token
// it came from.
type Term struct {
	Stem  string
	Kind  Kind
	Token string
}

// Terms returns the content words of s in order: stopwords and punctuation
// dropped, stems lowercased. A capitalised word that does not open the
// sentence is a Name, and so is a capitalised first word that is not a
// stopword and appears capitalised again later in s; a token starting
// with a digit is a Number.
func Terms(s string) []Term {
	var out []Term
	first := true
	Each(s, func(tok string, _ int) {
		if !IsWord(tok) {
			if tok != "\"" && tok != "'" && tok != "\u201c" && tok != "\u2018" && tok != "(" {
				first = first || tok == "." || tok == "!" || tok == "?" || tok == ":"
			}
			return
		}
		atStart := first
		first = false
		lower := strings.ToLower(tok)
		if IsStopword(lower) && !isAcronym(tok) {
			return
		}
		t := Term{Stem: Stem(lower), Token: tok}
		switch {
		case IsNumber(tok):
			t.Kind = Number
		case IsCapitalized(tok) && !atStart:
			t.Kind = Name
		}
		out = append(out, t)
	})
	return out
}

// Content returns the lowercased, stemmed content words of s: Terms
// without their kinds.
func Content(s string) []string {
	terms := Terms(s)
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.Stem
	}
	return out
}

// Stem strips common English inflections from a lowercase word so that
// "signed", "signing" and "signs" meet at "sign". It is deliberately light:
// it only needs to be consistent, not to produce dictionary words.
func Stem(w string) string {
	if !isASCIILower(w) {
		return w
	}
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	} else if strings.HasSuffix(w, "s'") {
		w = w[:len(w)-1]
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 6 && strings.HasSuffix(w, "ally"):
		w = w[:n-2] // "politically" meets "political"
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ied"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		w = undouble(w[:n-2])
	case n > 4 && strings.HasSuffix(w, "eed"):
		w = w[:n-1]
	}
	if len(w) > 3 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1]
	}
	return w
}

// undouble turns "stopp" into "stop" but leaves "fall" and "pass" alone.
func undouble(w string) string {
	n := len(w)
	if n > 3 && w[n-1] == w[n-2] {
		switch w[n-1] {
		case 'l', 's', 'z', 'e', 'o':
			return w
		}
		if !strings.ContainsRune("aeiou", rune(w[n-1])) {
			return w[:n-1]
		}
	}
	return w
}

// isAcronym reports whether tok is written in capitals, like "US" or
// "UN", which must not be mistaken for the stopword "us".
func isAcronym(tok string) bool {
	if len(tok) < 2 {
		return false
	}
	for _, r := range tok {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isASCIILower(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c == '\'' || c == '-') {
			return false
		}
	}
	return true
}

// IsStopword reports whether the lowercase word w is a function word or a
// reporting verb that says nothing about which event a sentence reports.
func IsStopword(w string) bool {
	_, ok := stopwords[w]
	return ok
}

var stopwords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(stopwordList) {
		m[w] = struct{}{}
	}
	return m
}()

const stopwordList = `
a about above after again against all also although am an and another any are
around as at be became because been before being below between both but by
can could did do does doing done down during each either else even ever every few
for from further had has have having he her here hers herself him himself his
how however i if in into is it it's its itself just least less let like
made make many may me might more most much must my myself neither no nor not
now of off on once one only onto or other others our ours ourselves out over
own per quite rather said same say saying says she should since so some still
such than that that's the their theirs them themselves then there there's
these they this those though through thus to told too toward towards under
until up upon us very via was we were what when where whether which while who
whom whose why will with within without would yet you your yours
mr mrs ms
`

// Shared counts the members two sets of words have in common, going
// through the smaller; compare and the version diff both score overlap
// with it.
func Shared(a, b map[string]bool) int {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}
