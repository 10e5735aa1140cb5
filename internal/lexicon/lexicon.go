// Package lexicon turns English news text into comparison keys that
// survive the ways outlets reword one fact: names and their aliases,
// numbers written as words, inflections and a small table of news-domain
// equivalents.
//
// It builds on internal/words (tokens, stopwords and the stemmer) and
// imports nothing else from the module. compare uses it to decide
// whether one outlet's sentence states what another's clause says.
//
// What it normalises, and why each is safe:
//
//   - Places and their people: "North Korea", "DPRK", "the Democratic
//     People's Republic of Korea" and "North Korean" are one key, as are
//     "Russia", "Russian" and "the Russian Federation". Outlets choose one
//     of these by house style, not by meaning. A possessive names the
//     place too ("the DPRK's", "the EU's").
//   - Capitals named by description: "the North Korean capital" is
//     "Pyongyang". A capital used for its government ("Moscow said") is
//     left alone: that is a choice of words the terms report shows.
//   - Personal names: a run of capitalised words is one name, matched by
//     any of its words, so "Vladimir Putin", "President Putin" and "Putin"
//     meet, and a hyphenated given name is split ("Kim Jong-un" is "Kim
//     Jong Un"). Courtesy titles ("Mr", "Comrade", "respected") are dropped.
//   - Accents: "Vasvölgy" and "Vasvolgy", "Vasić" and "Vasic" are one
//     key. Outlets abroad drop the marks their keyboards lack.
//   - Numbers: "twenty-four" and "24" are one key, "1,000" and "1000" too;
//     a range or a score written with a hyphen ("4-5%", "3-2") is both
//     its numbers, as "4% to 5%" and "three to two" are.
//   - Times and units: "8:15 a.m." and "at 8:15" are one key, "10 p.m."
//     and "22:00" too, and a time written with a.m. or p.m. also
//     carries the word "clock", as "shortly after 3 a.m." and "at about
//     2:40 a.m." both say the hour of the night. A number joined to its unit ("a
//     60-metre section", "185km") is the number and the unit as written
//     apart; "km/h", "kph" and "kilometres per hour" are one unit.
//   - Amounts and currencies (money.go): "€1.9bn", "1.9 billion euros" and
//     "EUR 1.9 billion" give the same two keys, the amount in full and
//     the currency; "HUF4,150" is "4,150 forints", "NOK19.8bn" is "19.8
//     billion crowns". ISO codes count only in capitals, since "rub"
//     and "eur" are other words.
//   - Equivalents (the table below): words that news writing uses for one
//     another about the same event (pact/treaty/agreement/deal,
//     signed/inked/sealed, killed/dead/died). Each row was chosen so that
//     two sentences using different words of a row report the same kind
//     of fact; words that only sometimes mean the same (summit/talks) are
//     not rows, nor are words that mean something else in other kinds of
//     news ("offered" is no pledge in a takeover, "received" no greeting
//     in a verdict, "rounds" no munitions in an election, "the head of"
//     no flight, "according to" no accord).
package lexicon

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/words"
)

// Term is one content word of a sentence as a comparison key.
type Term struct {
	// Key is the normalised form: a stem, a canonical stem from the
	// equivalents table, a place key or a number in digits.
	Key   string
	Kind  words.Kind
	Token string
	// Start and End are the byte span of the word (or phrase) in the text.
	Start, End int
	// Name numbers the run of capitalised words this term belongs to
	// (from 1); terms of one run name one person or thing, and any of
	// them stands for the run. Zero when the term is not in a name.
	Name int
}

type token struct {
	text       string
	lower      string
	start, end int
	atStart    bool
}

// Terms returns the comparison keys of s in order, stopwords and
// punctuation dropped.
func Terms(s string) []Term {
	toks := tokens(s)
	var out []Term
	name := 0
	inName := false
	for i := 0; i < len(toks); {
		if key, n := phraseAt(toks, i); n > 0 {
			if key == usKey && i+n < len(toks) && currencies[toks[i+n].lower] == "dollar" {
				// "5 million US dollars", "US$5m": the currency, not a
				// country the sentence is about.
				i += n
				continue
			}
			t := toks[i]
			kind := words.Word
			if places[key] {
				kind = words.Name
			}
			out = append(out, Term{Key: key, Kind: kind, Token: s[t.start:toks[i+n-1].end], Start: t.start, End: toks[i+n-1].end})
			inName = false
			i += n
			continue
		}
		t := toks[i]
		i++
		if titles[t.lower] || (words.IsStopword(t.lower) && !isAcronym(t.text)) {
			if !titles[t.lower] {
				inName = false
			}
			continue
		}
		term := Term{Key: Key(t.lower), Token: t.text, Start: t.start, End: t.end}
		if t.lower == "according" {
			term.Key = "according" // "according to" attributes; it is no accord
		}
		if cur := tokenCurrency(t); cur != "" {
			term.Key = cur
			out = append(out, term)
			inName = false
			continue
		}
		if words.IsNumber(t.text) {
			next := ""
			if i < len(toks) {
				next = toks[i].lower
			}
			if k, used := scaledKey(t.text, next); k != "" {
				term.Key = k
				if used {
					term.End = toks[i].end
					term.Token = s[term.Start:term.End]
					i++
				}
			}
		}
		switch {
		case words.IsNumber(t.text) || numberWord(t.lower) != "":
			term.Kind = words.Number
		case words.IsCapitalized(t.text) && !t.atStart:
			term.Kind = words.Name
		}
		if term.Kind == words.Name && plainInNames[t.lower] {
			term.Key = words.Stem(t.lower) // "Bill Gates" names no law, "Free Syrian Army" no release
		}
		if term.Kind == words.Name {
			if !inName {
				name++
				inName = true
			}
			term.Name = name
		} else {
			inName = false
		}
		out = append(out, term)
	}
	return out
}

// tokens lists the words of s with their spans, splitting capitalised
// hyphenated names ("Jong-un") and noting which word opens a sentence.
func tokens(s string) []token {
	var out []token
	first := true
	words.Each(s, func(tok string, start int) {
		if currencies[tok] != "" && !words.IsWord(tok) {
			// A currency symbol: a word of its own.
			out = append(out, token{text: tok, lower: tok, start: start, end: start + len(tok)})
			return
		}
		if ts := pesoTokens(s, tok, start); ts != nil {
			out = append(out, ts...)
			first = false
			return
		}
		if m := codeAmount.FindStringSubmatchIndex(tok); m != nil && currencyKey(tok[m[2]:m[3]]) != "" {
			out = append(out, token{text: tok[m[2]:m[3]], lower: strings.ToLower(tok[m[2]:m[3]]), start: start, end: start + m[3]},
				token{text: tok[m[4]:m[5]], lower: strings.ToLower(tok[m[4]:m[5]]), start: start + m[4], end: start + m[5]})
			first = false
			return
		}
		if !words.IsWord(tok) {
			if tok != "\"" && tok != "'" && tok != "\u201c" && tok != "\u2018" && tok != "(" {
				first = first || tok == "." || tok == "!" || tok == "?" || tok == ":"
			}
			return
		}
		at := first
		first = false
		if words.IsCapitalized(tok) && strings.Contains(tok, "-") && numberWord(strings.ToLower(tok)) == "" {
			off := start
			for i, part := range strings.Split(tok, "-") {
				if part != "" {
					out = append(out, token{text: capitalise(part), lower: strings.ToLower(part), start: off, end: off + len(part), atStart: at && i == 0})
				}
				off += len(part) + 1
			}
			return
		}
		if m := gluedUnitAt(tok); m != nil {
			// "185km", "310mm": the number and its unit, as in "185 km";
			// "46.2C", "115F": degrees, as in "46.2 degrees Celsius".
			unit := strings.ToLower(tok[m[4]:])
			switch tok[m[4]:] {
			case "C":
				unit = "celsius"
			case "F":
				unit = "fahrenheit"
			}
			out = append(out, token{text: tok[:m[3]], lower: tok[:m[3]], start: start, end: start + m[3], atStart: at},
				token{text: tok[m[4]:], lower: unit, start: start + m[4], end: start + len(tok)})
			return
		}
		if a, b, ok := strings.Cut(tok, "-"); ok && words.IsNumber(a) && words.IsNumber(b) && !strings.Contains(b, "-") {
			// "4-5%", "7-2": both numbers, as in "4% to 5%", "seven
			// votes to two".
			out = append(out, token{text: a, lower: a, start: start, end: start + len(a), atStart: at},
				token{text: b, lower: b, start: start + len(a) + 1, end: start + len(tok)})
			return
		}
		if words.IsNumber(tok) && strings.Contains(tok, "-") {
			// "a 60-metre section", "the 52-year-old bridge": the
			// number and its unit, as in "60 metres". A score or a
			// range ("7-2", "40-50") is left whole.
			if num, unit, ok := strings.Cut(tok, "-"); ok && unit != "" && !words.IsNumber(unit) && !words.IsCapitalized(unit) {
				out = append(out, token{text: num, lower: num, start: start, end: start + len(num), atStart: at})
				if u := strings.ToLower(unit); u == "year-old" || u == "year-olds" || u == "month-old" {
					return // an age: the number says it
				}
				for off, part := start+len(num)+1, strings.Split(unit, "-"); len(part) > 0; part = part[1:] {
					out = append(out, token{text: part[0], lower: strings.ToLower(part[0]), start: off, end: off + len(part[0])})
					off += len(part[0]) + 1
				}
				return
			}
		}
		out = append(out, token{text: tok, lower: strings.ToLower(tok), start: start, end: start + len(tok), atStart: at})
	})
	return clockTimes(s, out)
}

// gluedUnit matches a number written together with a unit of length,
// speed, rain or weight, or with a capital C or F for degrees. "m" is
// left out: "1.5m" is as often a million.
var gluedUnit = regexp.MustCompile(`^(\d+(?:[.,]\d+)?)((?i:km|kph|kmh|mph|mm|cm|kg|kw|mw|gw)|C|F)$`)

// gluedUnitAt matches gluedUnit against tok, read only for a number that
// ends in a letter: the expression is slower than every check before it.
func gluedUnitAt(tok string) []int {
	if !words.IsNumber(tok) {
		return nil
	}
	if c := tok[len(tok)-1]; c < 'A' || c > 'z' {
		return nil
	}
	return gluedUnit.FindStringSubmatchIndex(tok)
}

// clockTimes joins the hour and minutes of a time of day into one
// token and drops "a.m." and "p.m." after a time, giving a time after
// noon on the 24-hour clock: "8:15 a.m." and "at 8:15" meet, "10 p.m."
// is "22:00". Without this "8:15" was two numbers and "a.m." the word
// "m".
func clockTimes(s string, toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if l := len(t.lower); l > 2 && (strings.HasSuffix(t.lower, "am") || strings.HasSuffix(t.lower, "pm")) {
			// "9pm" is "9 p.m.", "8.15am" is "8:15 a.m.".
			hour, min, dotted := strings.Cut(t.lower[:l-2], ".")
			if isHour(hour) && (!dotted || validMinutes(min)) {
				out = append(out, timeTokens(t, clockText(hour, min, t.lower[l-2] == 'p', true), t.end)...)
				continue
			}
		}
		if hour, min, ok := strings.Cut(t.text, "."); ok && isHour(hour) && validMinutes(min) {
			if pm, n := meridiem(s, toks, i+1); n > 0 {
				// "8.15 a.m.", "10.30 pm": a time written the British way.
				out = append(out, timeTokens(t, clockText(hour, min, pm, true), toks[i+n].end)...)
				i += n
				continue
			}
		}
		if !isHour(t.text) {
			out = append(out, t)
			continue
		}
		m, end, next := "", t.end, i+1
		if next < len(toks) && t.end < len(s) && s[t.end] == ':' && toks[next].start == t.end+1 && len(toks[next].text) == 2 && words.IsNumber(toks[next].text) {
			if e := toks[next].end; e < len(s) && s[e] == ':' {
				out = append(out, t) // "2:01:09", a race time
				continue
			}
			m, end, next = toks[next].text, toks[next].end, next+1
		}
		pm, n := meridiem(s, toks, next)
		if m == "" && n == 0 {
			out = append(out, t)
			continue
		}
		if n > 0 {
			end = toks[next+n-1].end
			out = append(out, timeTokens(t, clockText(t.text, m, pm, true), end)...)
		} else {
			// Only a.m. or p.m. make it a time of day: "John 3:16" and
			// "a 1:50 scale model" are not.
			txt := clockText(t.text, m, false, false)
			out = append(out, token{text: txt, lower: txt, start: t.start, end: end, atStart: t.atStart})
		}
		i = next + n - 1
	}
	return out
}

// clockText is the key of a time: hour and minutes ("" for none) on the
// 24-hour clock when a.m. or p.m. is given (meridiem), pm telling which.
func clockText(hour, min string, pm, meridiem bool) string {
	h, _ := strconv.Atoi(hour)
	if meridiem && pm && h < 12 {
		h += 12
	} else if meridiem && !pm && h == 12 {
		h = 0
	}
	if min == "" {
		min = "00"
	}
	return strconv.Itoa(h) + ":" + min
}

// timeTokens are the tokens of a time of day with a.m. or p.m., from t
// to end: its key txt and the clock word.
func timeTokens(t token, txt string, end int) []token {
	return []token{{text: txt, lower: txt, start: t.start, end: end, atStart: t.atStart}, clockWord(t.start, end)}
}

// clockWord is a word every time of day carries besides its value, as
// every figure carries a number: "shortly after 3 a.m." and "at about
// 2:40 a.m." both say the hour of the night something happened.
func clockWord(start, end int) token {
	return token{text: "clock", lower: "clock", start: start, end: end}
}

// validMinutes reports whether m is two digits below 60.
func validMinutes(m string) bool {
	v, err := strconv.Atoi(m)
	return len(m) == 2 && err == nil && v < 60
}

// isHour reports whether tok is a number of one or two digits up to 24.
func isHour(tok string) bool {
	if len(tok) == 0 || len(tok) > 2 {
		return false
	}
	h, err := strconv.Atoi(tok)
	return err == nil && h <= 24
}

// meridiem reads "a.m.", "p.m.", "am" or "pm" at toks[i]: whether it is
// after noon, and how many tokens it takes (0 when there is none).
func meridiem(s string, toks []token, i int) (pm bool, n int) {
	if i >= len(toks) || i == 0 || strings.TrimSpace(s[toks[i-1].end:toks[i].start]) != "" {
		return false, 0 // "5.02%, PM Modi said": the prime minister, not a time
	}
	switch toks[i].text {
	case "am", "AM":
		return false, 1
	case "pm", "PM":
		return true, 1
	case "a", "p", "A", "P":
		if i+1 < len(toks) && toks[i+1].lower == "m" && toks[i].end < len(s) && s[toks[i].end] == '.' && toks[i+1].start == toks[i].end+1 {
			return toks[i].lower == "p", 2
		}
	}
	return false, 0
}

func capitalise(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

func isAcronym(tok string) bool {
	return len(tok) >= 2 && strings.ToUpper(tok) == tok && strings.ToLower(tok) != tok
}

// Key normalises one lowercase word: a number in digits, else the
// canonical stem of its equivalents row, else its stem.
func Key(lower string) string {
	if n := numberWord(lower); n != "" {
		return n
	}
	if words.IsNumber(lower) {
		return strings.ReplaceAll(lower, ",", "")
	}
	am := american(words.FoldAccents(lower))
	if closed := strings.ReplaceAll(am, "-", ""); closed != am && isLetters(closed) && !strings.HasPrefix(am, "re-") {
		am = closed // "take-off" is "takeoff", "co-operation" "cooperation"; "re-signed" is no "resigned"
	}
	if agent, ok := strings.CutSuffix(strings.TrimSuffix(am, "s"), "izer"); ok && len(agent) > 2 {
		am = agent + "ize" // "the organisers" are those who "organised" it
	}
	st := words.Stem(am)
	if c, ok := equivalents[st]; ok && !otherSense[lower] {
		return c
	}
	return st
}

// isLetters reports whether w is made of lower-case ASCII letters only.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// otherSense are words whose stem is in the equivalents table but that
// mean something else: "billed taxpayers 48,000 crowns" charges money,
// and passes no law.
var otherSense = map[string]bool{"billed": true, "billing": true}

// AdjectiveOf returns the adjective an adverb in -ly is made from
// ("calmly" is "calm", "transparently" "transparent", "heavily" "heavy",
// "probably" "probable"), and any other word as it is: nouns and
// adjectives that only end in -ly ("family", "early", "assembly") are
// left alone. Quotes translated or trimmed turn one into the other.
func AdjectiveOf(w string) string {
	if len(w) < 6 || !strings.HasSuffix(w, "ly") || notAdverbs[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ily"): // "heavily"
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "bly"), strings.HasSuffix(w, "mply"): // "probably", "simply"
		return w[:len(w)-1] + "e"
	}
	return w[:len(w)-2]
}

// notAdverbs end in -ly but are no adverb made from an adjective.
var notAdverbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`family rally ally supply apply reply assembly early daily weekly monthly yearly
		likely holy italy july anomaly monopoly belly bully jelly lonely friendly elderly costly deadly lovely ugly
		silly chilly hilly lively orderly kindly only imply comply multiply poly homily tally sally folly
		jolly woolly curly burly surly scholarly fly butterfly dragonfly hourly nightly quarterly
		hardly unlikely gently subtly lately shortly barely nearly mostly partly really already`) {
		notAdverbs[w] = true
	}
}

// alwaysIse lists the stems of words spelt -ise on both sides of the
// Atlantic ("promise", "exercise"), which must not become -ize.
var alwaysIse = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`advert advise apprise arise chastise compromise comprise concise despise
		devise disguise enterprise excise exercise expertise franchise improvise incise
		merchandise noise otherwise poise praise precise premise promise raise revise rise
		supervise surmise surprise televise treatise cruise demise expertise`) {
		alwaysIse[strings.TrimSuffix(w, "ise")] = true
	}
}

// american spells a British word the American way, so that "centre" and
// "center", "honour" and "honor", "organise" and "organize" meet: -tre,
// -our and -is- endings of words long enough not to be "our" or "tour".
func american(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "our") && w != "armour":
		return w[:n-3] + "or"
	case n > 5 && strings.HasSuffix(w, "ours"):
		return w[:n-4] + "ors"
	case n > 4 && strings.HasSuffix(w, "tre"):
		return w[:n-3] + "ter"
	case n > 4 && strings.HasSuffix(w, "tres"):
		return w[:n-4] + "ters"
	}
	for _, suf := range []string{"ise", "ised", "ises", "ising", "isation", "iser", "isers"} {
		if n > len(suf)+3 && strings.HasSuffix(w, suf) && !alwaysIse[w[:n-len(suf)]] {
			return w[:n-len(suf)] + "iz" + suf[2:]
		}
	}
	return w
}

// IsNumberWord reports whether a lower-case word is a number written in
// words from two to ninety-nine ("four", "twenty-four").
func IsNumberWord(w string) bool {
	return numberWord(w) != ""
}

// numberWord returns the digits of a number written in words ("four",
// "twenty-four"), or "".
func numberWord(w string) string {
	if v, ok := smallNumbers[w]; ok {
		return strconv.Itoa(v)
	}
	if tens, units, ok := strings.Cut(w, "-"); ok {
		t, ok1 := tensWords[tens]
		u, ok2 := smallNumbers[units]
		if ok1 && ok2 && u < 10 {
			return strconv.Itoa(t + u)
		}
	}
	if v, ok := tensWords[w]; ok {
		return strconv.Itoa(v)
	}
	return ""
}

var smallNumbers = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensWords = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// titles are courtesy words dropped before a name: they say how an
// outlet addresses a person, not who or what.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "comrade": true,
	"respected": true, "esteemed": true, "dear": true, "honourable": true, "honorable": true,
}
