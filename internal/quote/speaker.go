package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/entity"
)

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true,
	"added": true, "adds": true, "warned": true, "warns": true, "noted": true,
	"notes": true, "stressed": true, "stresses": true, "hailed": true,
	"hails": true, "lauded": true, "lauds": true, "described": true,
	"describes": true, "called": true, "calls": true, "termed": true,
	"terms": true, "declared": true, "declares": true, "insisted": true,
	"insists": true, "argued": true, "argues": true, "wrote": true,
	"writes": true, "tweeted": true, "posted": true, "claimed": true,
	"claims": true, "announced": true, "urged": true, "vowed": true,
	"praised": true, "dubbed": true, "branded": true, "labelled": true,
	"labeled": true, "emphasised": true, "emphasized": true,
	"explained": true, "asked": true, "replied": true, "remarked": true,
	"stated": true, "observed": true, "suggested": true, "pledged": true,
	"acknowledged": true, "admitted": true, "recalled": true,
	"continued": true, "denounced": true, "condemned": true,
	"reported": true, "quoted": true, "cited": true, "hinted": true,
	"promised": true, "confirmed": true, "denied": true, "boasted": true,
}

// speakerNouns may form a speaker without a capital letter: "state
// media", "officials", "the ministry".
var speakerNouns = map[string]bool{
	"media": true, "state": true, "news": true, "agency": true,
	"ministry": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "official": true, "officials": true,
	"government": true, "television": true, "tv": true, "broadcaster": true,
	"statement": true, "source": true, "sources": true, "diplomats": true,
	"analysts": true, "aides": true, "aide": true, "embassy": true,
	"foreign": true, "defence": true, "defense": true, "leader": true,
	"president": true, "minister": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "premier": true, "chancellor": true, "secretary": true,
}

// adverbs may stand between a speaker and the verb: "Putin later said".
var adverbs = map[string]bool{
	"also": true, "later": true, "then": true, "again": true, "once": true,
	"previously": true, "reportedly": true, "repeatedly": true,
	"publicly": true, "separately": true, "has": true, "had": true,
	"have": true, "was": true, "is": true, "would": true, "will": true,
	"earlier": true, "himself": true, "herself": true,
}

type word struct {
	text        string
	lower       string
	start       int
	capital     bool
	breakBefore bool // punctuation between this word and the previous
}

func words(s string) []word {
	var ws []word
	brk := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if !unicode.IsSpace(r) {
				brk = true
			}
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' {
				if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); j+n2 < len(s) && unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		t := s[i:j]
		ws = append(ws, word{text: t, lower: strings.ToLower(t), start: i, capital: unicode.IsUpper(r), breakBefore: brk})
		brk = false
		i = j
	}
	return ws
}

// attributor resolves speakers; it remembers the people named in the
// article and the last named speaker, for pronouns.
type attributor struct {
	sentences []string
	people    []string
	last      string
}

func newAttributor(sentences []string) *attributor {
	a := &attributor{sentences: sentences}
	for _, e := range entity.Extract(sentences) {
		if e.Type == "person" {
			a.people = append(a.people, e.Name)
		}
	}
	return a
}

// heard records a quote's speaker for later pronouns.
func (a *attributor) heard(name string) {
	if !isPronoun(strings.ToLower(name)) {
		a.last = name
	}
}

// observe records the last named subject of a speech verb in sentence i,
// quoted or not: "Kim emphasised ... . He said ..." resolves to Kim.
func (a *attributor) observe(i int) {
	ws := words(a.sentences[i])
	for v := len(ws) - 1; v >= 0; v-- {
		if !speechVerbs[ws[v].lower] {
			continue
		}
		if name := subjectBefore(ws, v); name != "" && !isPronoun(strings.ToLower(name)) {
			a.last = name
			return
		}
	}
}

func isPronoun(w string) bool { return w == "he" || w == "she" }

// speaker attributes the quote at offset open of sentence si, given the
// text before it (back to any earlier quote) and after it (up to the next).
func (a *attributor) speaker(si int, before, after string, open int) string {
	name := a.attribution(before, after)
	if isPronoun(strings.ToLower(name)) {
		return a.resolve(si, open)
	}
	if strings.EqualFold(name, "they") || strings.EqualFold(name, "it") || strings.EqualFold(name, "we") || name == "I" {
		return ""
	}
	return name
}

func (a *attributor) attribution(before, after string) string {
	aw := words(after)
	// Tight attribution right after the quote.
	if name := tightAfter(aw); name != "" {
		return name
	}
	bw := words(before)
	for v := len(bw) - 1; v >= 0; v-- {
		if bw[v].lower == "according" && v+1 < len(bw) && bw[v+1].lower == "to" {
			if name := phraseAfter(bw, v+2); name != "" {
				return name
			}
		}
		if speechVerbs[bw[v].lower] {
			if bw[v].lower == "reported" || bw[v].lower == "quoted" || bw[v].lower == "cited" {
				if v+1 < len(bw) && bw[v+1].lower == "by" {
					if name := phraseAfter(bw, v+2); name != "" {
						return name
					}
				}
			}
			if name := subjectBefore(bw, v); name != "" {
				return name
			}
			if name := phraseAfter(bw, v+1); name != "" && bw[v+1].capital {
				return name
			}
		}
	}
	for v := range aw {
		if aw[v].lower == "according" && v+1 < len(aw) && aw[v+1].lower == "to" {
			return phraseAfter(aw, v+2)
		}
		if speechVerbs[aw[v].lower] {
			if v+1 < len(aw) && aw[v+1].lower == "by" {
				return phraseAfter(aw, v+2)
			}
			if name := subjectBefore(aw, v); name != "" {
				return name
			}
		}
	}
	return ""
}

// tightAfter reads `, Putin said`, `, said Putin`, `, he added` and
// `, according to TASS` at the start of the text after a quote.
func tightAfter(ws []word) string {
	limit := min(len(ws), 8)
	for v := 0; v < limit; v++ {
		if v > 0 && ws[v].breakBefore {
			return ""
		}
		w := ws[v].lower
		if w == "according" && v+1 < len(ws) && ws[v+1].lower == "to" {
			return phraseAfter(ws, v+2)
		}
		if !speechVerbs[w] {
			continue
		}
		if v == 0 {
			return phraseAfter(ws, 1)
		}
		return cleanName(ws[:v])
	}
	return ""
}

// subjectBefore returns the speaker written before the verb at v: the run
// of capitalised words, titles and speaker nouns ending there, skipping
// adverbs and a parenthetical between commas ("Kim, the leader, said").
func subjectBefore(ws []word, v int) string {
	end := v
	for end > 0 && adverbs[ws[end-1].lower] && !ws[end].breakBefore {
		end--
	}
	if end == 0 {
		return ""
	}
	if ws[end].breakBefore {
		// Skip back over ", the North Korean leader," to the name.
		for k := end - 1; k > 0 && k > end-12; k-- {
			if ws[k].breakBefore {
				return nameEndingAt(ws, k)
			}
		}
		return ""
	}
	return nameEndingAt(ws, end)
}

// nameEndingAt returns the speaker phrase that ends just before word end.
func nameEndingAt(ws []word, end int) string {
	last := ws[end-1]
	if isPronoun(last.lower) {
		return last.text
	}
	if !last.capital && !speakerNouns[last.lower] {
		return ""
	}
	start := end - 1
	for start > 0 && !ws[start].breakBefore {
		p := ws[start-1]
		if p.capital && !isPronoun(p.lower) || speakerNouns[p.lower] || p.lower == "of" {
			start--
			continue
		}
		break
	}
	return cleanName(ws[start:end])
}

// phraseAfter returns the name starting at word i, up to punctuation or a
// lower-case word that cannot be part of it.
func phraseAfter(ws []word, i int) string {
	if i >= len(ws) {
		return ""
	}
	if isPronoun(ws[i].lower) {
		return ws[i].text
	}
	end := i
	for end < len(ws) && (end == i || !ws[end].breakBefore) {
		w := ws[end]
		if w.capital || speakerNouns[w.lower] || w.lower == "the" && end == i || w.lower == "of" {
			end++
			continue
		}
		break
	}
	return cleanName(ws[i:end])
}

// cleanName joins the words of a speaker phrase and removes articles and
// titles.
func cleanName(ws []word) string {
	for len(ws) > 0 && (ws[0].lower == "the" || ws[0].lower == "a" || ws[0].lower == "an") {
		ws = ws[1:]
	}
	for len(ws) > 0 && ws[len(ws)-1].lower == "of" {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return ""
	}
	if len(ws) == 1 && isPronoun(ws[0].lower) {
		return ws[0].text
	}
	if len(ws) > 6 {
		return ""
	}
	capital := false
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
		capital = capital || w.capital
	}
	name := entity.BareName(strings.Join(parts, " "))
	// A lone title or generic noun ("the spokesman") names nobody in
	// particular unless it is an institution such as "state media".
	if !capital && len(ws) == 1 && !strings.HasSuffix(ws[0].lower, "s") && ws[0].lower != "media" {
		return ""
	}
	return name
}

// resolve finds who "he" or "she" at offset off of sentence si refers to:
// the first person named earlier in the sentence, else the last named
// speaker.
func (a *attributor) resolve(si, off int) string {
	ws := words(a.sentences[si][:off])
	for i := 0; i < len(ws); i++ {
		if !ws[i].capital {
			continue
		}
		j := i
		for j < len(ws) && ws[j].capital && (j == i || !ws[j].breakBefore) {
			j++
		}
		parts := make([]string, 0, j-i)
		for _, w := range ws[i:j] {
			parts = append(parts, w.text)
		}
		cand := entity.BareName(strings.Join(parts, " "))
		for _, p := range a.people {
			if SameSpeaker(cand, p) {
				return cand
			}
		}
		i = j - 1
	}
	return a.last
}
