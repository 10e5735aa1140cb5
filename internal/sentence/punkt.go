package sentence

import (
	_ "embed"
	"errors"
	"strings"

	"github.com/neurosnap/sentences"
)

// englishModel is the splitter's English punkt model: the training data
// the sentences module ships (data/english.json), written out as sorted
// text by TestModelFile, which also checks that it still says exactly
// what the module's data says. The module's copy is gzipped JSON; decoding
// it and building a map of twenty thousand words took about 9 ms of every
// run before its first sentence, more than the rest of a short run. This
// copy needs no decoding: the small sets are read into maps on first use
// and the orthographic contexts are looked up in place, by bisection.
//
//go:embed english.punkt
var englishModel string

// punktModel is the English punkt model: the abbreviations, collocations
// and frequent sentence starters, small sets kept as maps, and the
// orthographic context of some twenty thousand words. Only the annotation
// passes in punktpass.go read it, after loading.
type punktModel struct {
	abbrevs      sentences.SetString
	collocations sentences.SetString
	starters     sentences.SetString
	ortho        sortedWords
}

// orthoFlags is the orthographic context recorded for a word type, or 0.
func (m *punktModel) orthoFlags(typ string) int {
	return m.ortho.get(typ)
}

// Sections of a model file, in the order they appear. Each starts with a
// line holding its name in brackets; each line after it is a word, a tab
// and a number. Lines starting with # come first and are comments.
var modelSections = []string{"AbbrevTypes", "Collocations", "SentStarters", "OrthoContext"}

// parseModel reads a model file. The first three sections become maps;
// the last must be sorted by word and stays as text, for sortedWords to
// search. Words hold no tab or line break, and no model word starts with
// "[", so a section line cannot be mistaken for a word.
func parseModel(file string) (*punktModel, error) {
	m := &punktModel{}
	sets := []*sentences.SetString{&m.abbrevs, &m.collocations, &m.starters}
	rest := file
	for strings.HasPrefix(rest, "#") {
		_, rest, _ = strings.Cut(rest, "\n")
	}
	for i, name := range modelSections {
		header := "[" + name + "]\n"
		if !strings.HasPrefix(rest, header) {
			return nil, errors.New("model: missing section " + name)
		}
		rest = rest[len(header):]
		if i == len(sets) {
			break
		}
		set := sentences.SetString{}
		for rest != "" && rest[0] != '[' {
			line, after, ok := strings.Cut(rest, "\n")
			word, n, err := modelLine(line)
			if !ok || err != nil {
				return nil, errors.New("model: bad line in " + name + ": " + line)
			}
			set[word] = n
			rest = after
		}
		*sets[i] = set
	}
	if rest != "" && !strings.HasSuffix(rest, "\n") {
		return nil, errors.New("model: the last line does not end")
	}
	m.ortho = sortedWords(rest)
	return m, nil
}

// modelLine splits a "word\tnumber" line.
func modelLine(line string) (string, int, error) {
	word, num, ok := strings.Cut(line, "\t")
	n, numOK := smallInt(num)
	if !ok || !numOK {
		return "", 0, errors.New("not a word, a tab and a number")
	}
	return word, n, nil
}

// smallInt parses a non-negative decimal of up to nine digits.
func smallInt(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// sortedWords is a block of "word\tnumber\n" lines sorted by word (as
// byte strings), searched in place: no index, no copy.
type sortedWords string

// get returns the number on word's line, or 0 if there is none. Each step
// takes the line around the middle of the range still in question.
func (s sortedWords) get(word string) int {
	lo, hi := 0, len(s) // both at line starts
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(string(s[lo:mid]), '\n') + 1
		end := start + strings.IndexByte(string(s[start:hi]), '\n')
		if end < start {
			return 0 // a block that does not end its last line: none
		}
		w, num, _ := strings.Cut(string(s[start:end]), "\t")
		switch {
		case word < w:
			hi = start
		case word > w:
			lo = end + 1
		default:
			n, _ := smallInt(num)
			return n
		}
	}
	return 0
}
