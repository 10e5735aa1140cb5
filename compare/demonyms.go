package compare

import (
	"iter"
	"strings"

	"github.com/newslens/newslens/internal/words"
)

// Outlets name a country's government, people and firms by the country
// ("Hungary's government", "Lestovia's voters") or by its adjective
// ("the Hungarian government", "Lestovian voters"). The lexicon's place
// table knows a few countries; for any other, a capitalised word that is
// a place's adjective by its ending takes the place's key when the place
// itself is named, capitalised and never in lower case, somewhere in the
// coverage ("Lestovian" and "Lestovia", "Hungarian" and "Hungary",
// "Nepali" and "Nepalese" and "Nepal"). The place must be named: an
// adjective alone is left as it is, and "Republican" never meets
// "republic", which the coverage writes in lower case too.

// demonymBases lists, for a lower-case word, the places it may be the
// adjective or people of: "-ian" on a place in -ia, -y, -a or nothing,
// "-an" and "-n" on a place as it is, "-ese" on a place or a place in -a,
// "-i" on a place. Plurals are read as their singular.
func demonymBases(w string) []string {
	w = strings.TrimSuffix(w, "s")
	var out []string
	add := func(c string) {
		if len(c) >= 4 {
			out = append(out, c)
		}
	}
	switch {
	case strings.HasSuffix(w, "ian"):
		b := w[:len(w)-3]
		add(b + "ia")
		add(b + "y")
		add(b + "a")
		add(b)
	case strings.HasSuffix(w, "ean"), strings.HasSuffix(w, "an"):
		add(w[:len(w)-1]) // "korean", "american"
		add(w[:len(w)-2]) // "chilean"
	case strings.HasSuffix(w, "ese"):
		b := w[:len(w)-3]
		add(b)
		add(b + "a")
	case strings.HasSuffix(w, "i"):
		add(w[:len(w)-1])
	}
	return out
}

// linkDemonyms gives each place adjective of the coverage the key of the
// place it is made from (see above), in c.lex.
func (c *comparison) linkDemonyms() {
	proper := make(map[string]string) // lower-case folded name -> its key; "" when also written in lower case
	for _, sents := range c.lex {
		for _, ts := range sents {
			for _, t := range ts {
				if strings.ContainsRune(t.Token, ' ') {
					continue
				}
				w := bareName(t.Token)
				k, seen := proper[w]
				switch {
				case !words.IsCapitalized(t.Token):
					proper[w] = ""
				case !seen:
					proper[w] = t.Key
				case k != "" && k != t.Key:
					proper[w] = ""
				}
			}
		}
	}
	for _, sents := range c.lex {
		for _, ts := range sents {
			for i, t := range ts {
				if !words.IsCapitalized(t.Token) || strings.ContainsRune(t.Token, ' ') {
					continue
				}
				for _, b := range demonymBases(bareName(t.Token)) {
					if calendarWords[b] {
						continue // "Julian" is no one from July
					}
					if k := proper[b]; k != "" && k != t.Key {
						ts[i].Key = k
						break
					}
				}
			}
		}
	}
}

// bareName is a word in lower case without accents or a possessive.
func bareName(tok string) string {
	w := words.FoldAccents(strings.ToLower(tok))
	for _, p := range []string{"'s", "’s"} {
		w = strings.TrimSuffix(w, p)
	}
	return w
}

// adjectivePlaces returns the lower-case words that a capitalised word
// of the coverage is the adjective or people of, by its ending
// (demonymBases): "kerevia" when the coverage writes "Kerevian".
func (c *comparison) adjectivePlaces() map[string]bool {
	out := make(map[string]bool)
	for w := range c.capitalTokens() {
		for _, b := range demonymBases(bareName(w)) {
			out[b] = true
		}
	}
	return out
}

// capitalTokens yields each capitalised word of the coverage, one word
// only, as often as it is written.
func (c *comparison) capitalTokens() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, sents := range c.lex {
			for _, ts := range sents {
				for _, t := range ts {
					if words.IsCapitalized(t.Token) && !strings.ContainsRune(t.Token, ' ') && !yield(t.Token) {
						return
					}
				}
			}
		}
	}
}
