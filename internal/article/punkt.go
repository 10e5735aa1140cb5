package article

import (
	"errors"
	"strconv"

	"github.com/neurosnap/sentences"
)

// loadTraining decodes the splitter's training data, an object of four
// objects mapping words to small integers. encoding/json spends about
// 25 ms on it, a cost every run pays before its first sentence; this
// decoder reads the same shape directly in a few milliseconds. Anything
// it does not expect makes it fail, and the caller falls back to
// sentences.LoadTraining, so it can only be faster, never different
// (TestLoadTrainingMatchesLibrary compares the two).
func loadTraining(b []byte) (*sentences.Storage, error) {
	type entry struct {
		key string
		n   int
	}
	// Entries are gathered first so each map is made at its final size:
	// growing maps of tens of thousands of words was half the cost.
	got := map[string][]entry{}
	// One conversion for the whole input: unescaped keys are substrings of
	// it, so tens of thousands of words cost no allocation each.
	p := &punktParser{b: b, s: string(b)}
	if !p.byte('{') {
		return nil, errPunkt
	}
	for first := true; ; first = false {
		if p.byte('}') {
			break
		}
		if !first && !p.byte(',') {
			return nil, errPunkt
		}
		name, ok := p.str()
		if !ok || !p.byte(':') || !p.byte('{') {
			return nil, errPunkt
		}
		var list []entry
		for inner := true; ; inner = false {
			if p.byte('}') {
				break
			}
			if !inner && !p.byte(',') {
				return nil, errPunkt
			}
			key, ok := p.str()
			if !ok || !p.byte(':') {
				return nil, errPunkt
			}
			n, ok := p.int()
			if !ok {
				return nil, errPunkt
			}
			list = append(list, entry{key, n})
		}
		got[name] = list
	}
	p.space()
	if p.i != len(p.b) {
		return nil, errPunkt
	}
	set := func(name string) sentences.SetString {
		list := got[name]
		delete(got, name)
		m := make(sentences.SetString, len(list))
		for _, e := range list {
			m[e.key] = e.n
		}
		return m
	}
	st := &sentences.Storage{
		AbbrevTypes:  set("AbbrevTypes"),
		Collocations: set("Collocations"),
		SentStarters: set("SentStarters"),
		OrthoContext: set("OrthoContext"),
	}
	if len(got) > 0 {
		return nil, errPunkt // a set this decoder does not know
	}
	return st, nil
}

var errPunkt = errors.New("unexpected training data layout")

type punktParser struct {
	b []byte
	s string // b as a string
	i int
}

func (p *punktParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\n', '\r', '\t':
			p.i++
		default:
			return
		}
	}
}

// byte consumes c after optional white space.
func (p *punktParser) byte(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str reads a JSON string; escaped ones go through strconv.Unquote, which
// agrees with JSON for the escapes such data holds.
func (p *punktParser) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	escaped := false
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case '\\':
			escaped = true
			p.i += 2
			continue
		case '"':
			s := p.s[start:p.i]
			p.i++
			if !escaped {
				return s, true
			}
			u, err := strconv.Unquote(`"` + s + `"`)
			return u, err == nil
		}
		p.i++
	}
	return "", false
}

func (p *punktParser) int() (int, bool) {
	p.space()
	n, digits := 0, 0
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' && digits < 18 {
		n = n*10 + int(p.b[p.i]-'0')
		p.i++
		digits++
	}
	return n, digits > 0 && (p.i == len(p.b) || p.b[p.i] < '0' || p.b[p.i] > '9')
}
