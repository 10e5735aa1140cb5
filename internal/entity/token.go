package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/words"
)

// token is one word of a sentence.
type token struct {
	text    string
	lower   string
	index   int
	capital bool // starts with an upper-case letter
	allCaps bool // two or more letters, all upper case: "NATO", "U.S."
	// initial marks a word capitalised by position: the first of the
	// sentence or of a quotation, or the one after a colon.
	initial bool
	// breakBefore marks punctuation between this word and the previous
	// one, which ends any name.
	breakBefore bool
	// possessive marks a word written with "'s", which ends a name:
	// "Putin's first visit".
	possessive bool
}

// tokenize splits s into words. Apostrophes, hyphens and full stops stay
// inside a word when a letter follows ("O'Brien", "Jong-un", "U.S.").
func tokenize(s string) []token {
	var toks []token
	brk, initial := false, true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '&' && i > 0 && i+1 < len(s) && s[i-1] == ' ' && s[i+1] == ' ' {
			// "Draven & Holt": an ampersand between words is a word of
			// the name (runEnd joins it), not punctuation that ends it.
			toks = append(toks, token{text: "&", lower: "&", index: len(toks), breakBefore: brk})
			brk, initial = false, false
			i += n
			continue
		}
		if !isWordRune(r) {
			if !unicode.IsSpace(r) {
				brk = true
				switch r {
				case '"', '“', '‘', '«', ':', '(', '[':
					initial = true
				case '\'':
					if i == 0 || !isWordRuneAt(s, i-1) {
						initial = true
					}
				}
			}
			i += n
			continue
		}
		j := wordEnd(s, i, i+n)
		// An initial or a title's abbreviation keeps its full stop and
		// does not end the name: "Donald J. Trump", "Mr. Reeves".
		dotted := false
		if j+1 < len(s) && s[j] == '.' && s[j+1] == ' ' && nameAbbrev(s[i:j]) {
			j++
			dotted = true
		}
		// A plural possessive inside a name keeps its apostrophe and
		// does not end the name: "Workers' Party of Korea".
		text := s[i:j]
		if j < len(s) && pluralPossessiveInName(s, j) {
			_, n2 := utf8.DecodeRuneInString(s[j:])
			j += n2
			text += "'" // the same name whichever apostrophe it was written with
		}
		poss := false
		for _, suf := range []string{"'s", "’s", "'S", "’S"} {
			if strings.HasSuffix(text, suf) && len(text) > len(suf) {
				text = text[:len(text)-len(suf)]
				poss = true
			}
		}
		first, _ := utf8.DecodeRuneInString(text)
		if namePrefixed(text) {
			first = 'A' // "al-Bashir" is capitalised for a name
		}
		lw := strings.ToLower(text)
		if dotted {
			lw = strings.TrimSuffix(lw, ".")
		}
		t := token{
			text:        text,
			lower:       lw,
			index:       len(toks),
			capital:     unicode.IsUpper(first),
			initial:     initial,
			breakBefore: brk,
			possessive:  poss,
		}
		t.allCaps = isAllCaps(text)
		toks = append(toks, t)
		brk, initial = false, false
		i = j
	}
	return toks
}

// wordEnd returns where the word that starts at i ends, scanning from j.
// Apostrophes, hyphens and full stops stay inside a word when a letter
// follows; an initialism keeps its last full stop ("U.S.").
func wordEnd(s string, i, j int) int {
	for j < len(s) {
		r2, n2 := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r2) {
			j += n2
			continue
		}
		if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' {
			r3, _ := utf8.DecodeRuneInString(s[j+n2:])
			if j+n2 < len(s) && unicode.IsLetter(r3) {
				j += n2
				continue
			}
			if r2 == '.' && isInitialism(s[i:j]) {
				j += n2
			}
		}
		break
	}
	return j
}

// namePrefixes open an Arabic or Dutch surname written in lower case
// before a hyphen: "al-Bashir", "el-Sisi", "bin-Salman".
var namePrefixes = []string{"al-", "el-", "ad-", "as-", "bin-", "ibn-", "abu-"}

// namePrefixed reports whether w is a lower-case prefix, a hyphen and a
// capitalised name: "al-Bashir".
func namePrefixed(w string) bool {
	for _, p := range namePrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsUpper(r)
		}
	}
	return false
}

// abbrevs are the abbreviations written with a full stop inside or before
// a name.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true,
	"capt": true, "rev": true, "st": true, "jr": true, "sr": true,
}

// nameAbbrev reports whether w, before a full stop and a space, is an
// initial ("J") or a title's abbreviation ("Mr").
func nameAbbrev(w string) bool {
	if abbrevs[strings.ToLower(w)] {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// pluralPossessiveInName reports whether s[j:] is an apostrophe closing a
// plural possessive (the word before j ends in "s") that an organisation
// word such as Party or Union follows after one space: the "'" of
// "Workers' Party". Before other words it is a possessive or a closing
// quote, which ends the name: "the Americans' Ukraine policy".
func pluralPossessiveInName(s string, j int) bool {
	if s[j-1] != 's' && s[j-1] != 'S' {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[j:])
	if r != '\'' && r != '’' {
		return false
	}
	rest := s[j+n:]
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	word := rest[1:]
	if k := strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		word = word[:k]
	}
	next, _ := utf8.DecodeRuneInString(word)
	w := strings.ToLower(word)
	return unicode.IsUpper(next) && (orgWords[w] || headWords[w])
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isInitialism reports whether w is a dotted abbreviation such as "U.S"
// (whose final full stop belongs to it).
func isInitialism(w string) bool {
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func isAllCaps(w string) bool {
	return words.CapitalLetters(w) >= 2
}
