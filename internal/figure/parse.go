package figure

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

type parser struct {
	s    string
	toks []token
}

func (p *parser) tok(i int) (token, bool) {
	if i < 0 || i >= len(p.toks) {
		return token{}, false
	}
	return p.toks[i], true
}

// text returns the text of token i as written when it is a word, or "".
func (p *parser) text(i int) string {
	t, ok := p.tok(i)
	if !ok || t.kind != tokWord {
		return ""
	}
	return t.text
}

// word returns the lower-cased text of token i when it is a word.
func (p *parser) word(i int) string {
	t, ok := p.tok(i)
	if !ok || t.kind != tokWord {
		return ""
	}
	return strings.ToLower(t.text)
}

// joinedPunct reports whether token i is the punctuation mark text glued
// to the token before it.
func (p *parser) joinedPunct(i int, text ...string) bool {
	t, ok := p.tok(i)
	if !ok || t.kind != tokPunct || !t.joined {
		return false
	}
	for _, x := range text {
		if t.text == x {
			return true
		}
	}
	return false
}

func (p *parser) joined(i int) bool {
	t, ok := p.tok(i)
	return ok && t.joined
}

func (p *parser) isPunct(i int, text string) bool {
	t, ok := p.tok(i)
	return ok && t.kind == tokPunct && t.text == text
}

func isHyphen(s string) bool { return s == "-" || s == "‐" || s == "‑" || s == "–" }

func (p *parser) hyphenAt(i int) bool {
	t, ok := p.tok(i)
	return ok && t.kind == tokPunct && t.joined && isHyphen(t.text)
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// at tries every figure pattern at token i, longest patterns first. It
// returns the figure (without Text and Prep), the number as written, and
// the index of the first token after it.
func (p *parser) at(i int) (Figure, float64, int, bool) {
	t := p.toks[i]
	switch t.kind {
	case tokNum:
		if f, next, ok := p.isoDate(i); ok {
			return f, f.Value, next, true
		}
		if !p.numStartOK(i) {
			return Figure{}, 0, 0, false
		}
		if f, next, ok := p.dayMonth(i); ok {
			return f, f.Value, next, true
		}
		return p.numberFigure(i)
	case tokWord:
		if cur, ok := currencyCodes[t.text]; ok {
			if f, v, next, ok := p.codeMoney(i, cur); ok {
				return f, v, next, true
			}
		}
		if t.text == "P" {
			if f, v, next, ok := p.pesoMoney(i); ok {
				return f, v, next, true
			}
		}
		w := strings.ToLower(t.text)
		if _, ok := months[w]; ok || monthAbbrevs[w] != 0 {
			if f, next, ok := p.monthFirst(i); ok {
				return f, f.Value, next, true
			}
		}
		if wd, ok := weekdays[w]; ok && capitalised(t.text) {
			f := Figure{Kind: "weekday", Value: float64(wd), Norm: "weekday:" + w, Start: t.start, End: t.end}
			return f, f.Value, i + 1, true
		}
		if t.joined && p.hyphenAt(i-1) {
			// The tail of a compound such as "forty-something" or "F-first".
			return Figure{}, 0, 0, false
		}
		if f, next, ok := p.ordinalWord(i); ok {
			return f, f.Value, next, true
		}
		if f, next, ok := p.pointFraction(i); ok {
			return f, f.Value, next, true
		}
		if w == "a" || w == "an" {
			if u, ok := durationWords[p.word(i+1)]; ok && u.factor >= 10 && !p.joined(i+1) {
				// "a decade", "a century", "a fortnight"; "a year" is too often a rate.
				end := p.toks[i+1].end
				f := Figure{Kind: "duration", Value: u.factor, Unit: u.unit,
					Norm: "duration:" + formatNum(u.factor) + ":" + u.unit, Start: t.start, End: end}
				return f, 1, i + 2, true
			}
		}
		if _, ok := unitWords[w]; ok || tensWords[w] != 0 || w == "a" || w == "an" {
			return p.numberFigure(i)
		}
	case tokPunct:
		if cur, ok := currencySymbols[t.text]; ok {
			return p.money(i, i, cur)
		}
		if (t.text == "'" || t.text == "’") && !t.joined {
			return p.apostropheDecade(i)
		}
	}
	return Figure{}, 0, 0, false
}

// numStartOK rejects digits that are part of a name or code: "G7",
// "COVID-19", "Su-57", "10:30", "24/7".
func (p *parser) numStartOK(i int) bool {
	t := p.toks[i]
	if t.joined && i > 0 {
		prev := p.toks[i-1]
		switch {
		case prev.kind == tokWord:
			return false
		case prev.kind == tokPunct && isHyphen(prev.text):
			if prev.joined && i >= 2 && p.toks[i-2].kind == tokWord && !hyphenPrefixes[strings.ToLower(p.toks[i-2].text)] {
				return false
			}
		case prev.kind == tokPunct && strings.ContainsAny(prev.text, ":/.#'’"):
			return false
		}
	}
	if p.joinedPunct(i+1, ":", "/") {
		if n, ok := p.tok(i + 2); ok && n.kind == tokNum && n.joined {
			return false
		}
	}
	if i > 0 && !t.joined && p.toks[i-1].kind == tokWord && labelWords[strings.ToLower(p.toks[i-1].text)] && capitalised(p.toks[i-1].text) {
		return false // "Category 3", "Level 4", "Article 5": a label, not a quantity
	}
	return true
}

// labelWords, capitalised before a number, make it part of a name: "a
// Category 3 storm", "a Level 4 alert", "Article 5", "Flight 370".
var labelWords = map[string]bool{
	"category": true, "level": true, "phase": true, "grade": true, "stage": true, "tier": true,
	"article": true, "section": true, "clause": true, "chapter": true, "resolution": true,
	"flight": true, "route": true, "highway": true, "gate": true, "platform": true, "terminal": true,
	"channel": true, "line": true, "runway": true, "block": true, "unit": true, "room": true, "no": true,
}

func parseDigits(s string) (float64, bool) {
	if i := strings.IndexByte(s, ','); i >= 0 && len(s)-i-1 <= 2 && !strings.Contains(s, ".") {
		s = s[:i] + "." + s[i+1:] // a decimal comma (lex's decimalComma)
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// isoDate matches "2024-06-19".
func (p *parser) isoDate(i int) (Figure, int, bool) {
	t := p.toks[i]
	if len(t.text) != 4 || !p.hyphenAt(i+1) || !p.hyphenAt(i+3) {
		return Figure{}, 0, false
	}
	m, ok1 := p.tok(i + 2)
	d, ok2 := p.tok(i + 4)
	if !ok1 || !ok2 || m.kind != tokNum || d.kind != tokNum || !m.joined || !d.joined || len(m.text) != 2 || len(d.text) != 2 {
		return Figure{}, 0, false
	}
	if n, ok := p.tok(i + 5); ok && n.joined && n.kind != tokPunct {
		return Figure{}, 0, false
	}
	y, _ := strconv.Atoi(t.text)
	mo, _ := strconv.Atoi(m.text)
	dd, _ := strconv.Atoi(d.text)
	f, ok := makeDate(y, mo, dd, t.start, d.end)
	return f, i + 5, ok
}

func makeDate(y, m, d, start, end int) (Figure, bool) {
	if m < 1 || m > 12 || d < 0 || d > 31 {
		return Figure{}, false
	}
	if y != 0 && d != 0 {
		if time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() != d {
			return Figure{}, false
		}
	}
	var norm string
	switch {
	case y != 0 && d != 0:
		norm = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	case y != 0:
		norm = strconv.Itoa(y) + "-" + twoDigits(m)
	default:
		norm = twoDigits(m) + "-" + twoDigits(d)
	}
	return Figure{Kind: "date", Value: float64(y*10000 + m*100 + d), Norm: "date:" + norm, Start: start, End: end}, true
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// dayNumber reads a day of the month at token i, with an optional glued
// ordinal suffix ("19", "19th"), and returns the index after it.
func (p *parser) dayNumber(i int) (int, int, bool) {
	t, ok := p.tok(i)
	if !ok || t.kind != tokNum || t.commas || t.decimal || len(t.text) > 2 {
		return 0, 0, false
	}
	d, _ := strconv.Atoi(t.text)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	next := i + 1
	if n, ok := p.tok(next); ok && n.joined {
		switch strings.ToLower(n.text) {
		case "st", "nd", "rd", "th":
			next++
		default:
			if n.kind == tokWord || n.kind == tokNum {
				return 0, 0, false
			}
		}
	}
	return d, next, true
}

// yearNumber reads a four-digit year at token i.
func (p *parser) yearNumber(i int) (int, bool) {
	t, ok := p.tok(i)
	if !ok || t.kind != tokNum || len(t.text) != 4 || t.joined {
		return 0, false
	}
	if n, ok := p.tok(i + 1); ok && n.joined && (n.kind != tokPunct || isHyphen(n.text)) {
		return 0, false
	}
	y, _ := strconv.Atoi(t.text)
	return y, y >= 1000
}

// monthAt reads a month name or, when abbrev is set, an abbreviation with
// an optional full stop, and returns the index after it.
func (p *parser) monthAt(i int, abbrev bool) (time.Month, int, bool) {
	t, ok := p.tok(i)
	if !ok || t.kind != tokWord || !capitalised(t.text) {
		return 0, 0, false
	}
	w := strings.ToLower(t.text)
	if m, ok := months[w]; ok {
		return m, i + 1, true
	}
	if m, ok := monthAbbrevs[w]; ok && abbrev {
		if p.joinedPunct(i+1, ".") {
			return m, i + 2, true
		}
		return m, i + 1, true
	}
	return 0, 0, false
}

// dayMonth matches "19 June", "19th of June 2024", "19 Jun 2024".
func (p *parser) dayMonth(i int) (Figure, int, bool) {
	d, j, ok := p.dayNumber(i)
	if !ok {
		return Figure{}, 0, false
	}
	if p.word(j) == "of" {
		j++
	}
	m, j, ok := p.monthAt(j, true)
	if !ok {
		return Figure{}, 0, false
	}
	end := p.toks[j-1].end
	y := 0
	k := j
	if p.isPunct(k, ",") {
		k++
	}
	if yy, ok := p.yearNumber(k); ok {
		y = yy
		end = p.toks[k].end
		j = k + 1
	}
	f, ok := makeDate(y, int(m), d, p.toks[i].start, end)
	return f, j, ok
}

// monthFirst matches "June 19", "June 19, 2024", "June 2024" and a month
// on its own.
func (p *parser) monthFirst(i int) (Figure, int, bool) {
	t := p.toks[i]
	if m, j, ok := p.monthAt(i, true); ok {
		if d, k, ok := p.dayNumber(j); ok && !p.toks[j].joined && !p.unitFollows(k) {
			end := p.toks[k-1].end
			y := 0
			n := k
			if p.isPunct(n, ",") {
				n++
			}
			if yy, ok := p.yearNumber(n); ok {
				y = yy
				end = p.toks[n].end
				k = n + 1
			}
			f, ok := makeDate(y, int(m), d, t.start, end)
			return f, k, ok
		}
		if y, ok := p.yearNumber(j); ok && !p.unitFollows(j+1) {
			f, ok := makeDate(y, int(m), 0, t.start, p.toks[j].end)
			return f, j + 1, ok
		}
	}
	w := strings.ToLower(t.text)
	m, ok := months[w]
	if !ok || !capitalised(t.text) {
		return Figure{}, 0, false
	}
	if (m == time.May || m == time.March) && !monthContext[p.word(i-1)] {
		return Figure{}, 0, false
	}
	return Figure{Kind: "month", Value: float64(m), Norm: "month:" + w, Start: t.start, End: t.end}, i + 1, true
}

// unitFollows reports whether token i turns the number before it into a
// quantity ("June 19 people" is not a date).
func (p *parser) unitFollows(i int) bool {
	w := p.word(i)
	if w == "" {
		return p.isPunct(i, "%")
	}
	_, dur := durationWords[w]
	return dur || w == "percent" || currencyWords[w] != "" || scaleWords[w] != 0
}

// ordinalWord matches "first", "twentieth" and "twenty-first".
func (p *parser) ordinalWord(i int) (Figure, int, bool) {
	w := p.word(i)
	t := p.toks[i]
	if tens, ok := tensWords[w]; ok && p.hyphenAt(i+1) && p.joined(i+2) {
		if o, ok := ordinalWords[p.word(i+2)]; ok && o < 10 {
			v := tens + o
			return Figure{Kind: "ordinal", Value: v, Norm: "ordinal:" + formatNum(v), Start: t.start, End: p.toks[i+2].end}, i + 3, true
		}
	}
	if v, ok := ordinalWords[w]; ok {
		if v == 2 && p.prevIsNumber(i) {
			return Figure{}, 0, false
		}
		return Figure{Kind: "ordinal", Value: v, Norm: "ordinal:" + formatNum(v), Start: t.start, End: t.end}, i + 1, true
	}
	return Figure{}, 0, false
}

func (p *parser) prevIsNumber(i int) bool {
	t, ok := p.tok(i - 1)
	return ok && (t.kind == tokNum || unitWords[strings.ToLower(t.text)] != 0)
}

// apostropheDecade matches "'90s" and "’00s".
func (p *parser) apostropheDecade(i int) (Figure, float64, int, bool) {
	n, ok := p.tok(i + 1)
	if !ok || n.kind != tokNum || !n.joined || len(n.text) != 2 || n.text[1] != '0' || p.word(i+2) != "s" || !p.joined(i+2) {
		return Figure{}, 0, 0, false
	}
	if after, ok := p.tok(i + 3); ok && after.joined && after.kind != tokPunct {
		return Figure{}, 0, 0, false
	}
	d, _ := strconv.Atoi(n.text)
	y := 1900 + d
	if d < 30 {
		y = 2000 + d
	}
	f := Figure{Kind: "year", Value: float64(y), Unit: "decade", Norm: "year:" + strconv.Itoa(y) + "s", Start: p.toks[i].start, End: p.toks[i+2].end}
	return f, float64(d), i + 3, true
}

// money matches a currency symbol followed by an amount: "$1.2 billion",
// "$5bn", "£3m", "US$40". start is the first token of the figure.
func (p *parser) money(start, i int, cur string) (Figure, float64, int, bool) {
	n, ok := p.tok(i + 1)
	if !ok || n.kind != tokNum || !n.joined {
		return Figure{}, 0, 0, false
	}
	if i > 0 && p.toks[i].joined && p.toks[i-1].kind == tokWord {
		if strings.EqualFold(p.toks[i-1].text, "US") && cur == "usd" {
			start = i - 1
		} else {
			return Figure{}, 0, 0, false
		}
	}
	return p.amount(start, i+1, cur)
}

// pesoMoney reads the Philippine press's peso sign, a capital P glued to
// an amount with a scale (as a sum's scale is read: "P1.2 billion",
// "P183-million", "P5bn"), a thousands comma or decimals ("P500,000",
// "P2.5"), not a label such as "P1" or "P2".
func (p *parser) pesoMoney(i int) (Figure, float64, int, bool) {
	n, ok := p.tok(i + 1)
	if !ok || n.kind != tokNum || !n.joined || i > 0 && p.toks[i].joined {
		return Figure{}, 0, 0, false
	}
	f, v, next, ok := p.amount(i, i+1, "peso")
	if !ok || next == i+2 && !strings.ContainsAny(n.text, ",.") {
		return Figure{}, 0, 0, false // no scale read after it, no comma or decimals
	}
	return f, v, next, true
}

// codeMoney matches a currency code before an amount, glued or spaced:
// "HUF4,150", "USD2.2bn", "EUR 1.9 billion".
func (p *parser) codeMoney(i int, cur string) (Figure, float64, int, bool) {
	n, ok := p.tok(i + 1)
	if ok && p.toks[i].text == "Rs" && n.text == "." {
		n, ok = p.tok(i + 2) // "Rs. 500 crore"
		if ok && n.kind == tokNum && !p.toks[i].joined {
			return p.amount(i, i+2, cur)
		}
	}
	if !ok || n.kind != tokNum || p.toks[i].joined {
		return Figure{}, 0, 0, false
	}
	return p.amount(i, i+1, cur)
}

// amount reads the sum at token i in currency cur, the figure starting
// at token start.
func (p *parser) amount(start, i int, cur string) (Figure, float64, int, bool) {
	v, next, ok := p.value(i, true)
	if !ok {
		return Figure{}, 0, 0, false
	}
	f := Figure{Kind: "money", Value: v, Unit: cur, Norm: "money:" + formatNum(v) + ":" + cur,
		Start: p.toks[start].start, End: p.toks[next-1].end}
	return f, v, next, true
}

// value reads an amount at token i: digits with an optional scale
// ("2 million", "5bn"), or number words ("twenty-four", "a dozen",
// "three hundred and twenty"). It returns the index after it.
func (p *parser) value(i int, money bool) (float64, int, bool) {
	t := p.toks[i]
	if t.kind == tokNum {
		v, ok := parseDigits(t.text)
		if !ok {
			return 0, 0, false
		}
		next := i + 1
		if n, ok := p.tok(next); ok && n.kind == tokWord {
			w := strings.ToLower(n.text)
			suffixes := scaleSuffixes
			if money {
				suffixes = moneyScaleSuffixes
			}
			if n.joined {
				s, ok := suffixes[w]
				if !ok {
					return v, next, true
				}
				v = scale(t.text, s)
				next++
			} else if s, ok := scaleWords[w]; ok {
				v = scale(t.text, s)
				next++
				if n2, ok := p.tok(next); ok && s == 1e5 && n2.kind == tokWord && (strings.ToLower(n2.text) == "crore" || strings.ToLower(n2.text) == "crores") {
					v *= 1e7 // "1.5 lakh crore" is 1.5 × 10^12
					next++
				}
			} else if s, ok := scaleSuffixes[w]; ok && money {
				v = scale(t.text, s)
				next++
			}
		} else if ok && n.kind == tokPunct && isHyphen(n.text) && n.joined && money {
			// "$5-million", "P183-million": a sum's scale joined by a hyphen.
			if w, ok := p.tok(next + 1); ok && w.kind == tokWord && w.joined && scaleWords[strings.ToLower(w.text)] > 0 {
				v = scale(t.text, scaleWords[strings.ToLower(w.text)])
				next += 2
			}
		}
		return v, next, true
	}
	return p.wordValue(i)
}

// scale multiplies the decimal written in digits by s without float noise:
// "1.2" times a billion is exactly 1200000000.
func scale(digits string, s float64) float64 {
	digits = strings.ReplaceAll(digits, ",", "")
	whole, frac, _ := strings.Cut(digits, ".")
	mant, err := strconv.ParseFloat(whole+frac, 64)
	if err != nil {
		return 0
	}
	div := 1.0
	for range frac {
		div *= 10
	}
	if s >= div {
		return mant * (s / div)
	}
	return mant * s / div
}

// wordValue parses spelled-out numbers up to the trillions.
func (p *parser) wordValue(i int) (float64, int, bool) {
	var total, cur float64
	j := i
	any := false
	last := "" // kind of the last word consumed: unit, tens, hundred, scale, a
	for j < len(p.toks) {
		t := p.toks[j]
		if t.kind != tokWord || (j > i && t.joined) {
			break
		}
		w := strings.ToLower(t.text)
		switch {
		case (w == "a" || w == "an") && j == i:
			n := p.word(j + 1)
			if n != "hundred" && n != "dozen" && scaleWords[n] == 0 {
				return 0, 0, false
			}
			cur = 1
			last = "a"
		case unitWords[w] != 0 || w == "zero":
			if last == "unit" || last == "dozen" {
				goto done
			}
			cur += unitWords[w]
			last = "unit"
			any = true
		case tensWords[w] != 0:
			if last == "unit" || last == "tens" {
				goto done
			}
			cur += tensWords[w]
			last = "tens"
			any = true
			if p.hyphenAt(j+1) && p.joined(j+2) {
				if u := unitWords[p.word(j+2)]; u != 0 {
					cur += u
					last = "unit"
					j += 2
				}
			}
		case w == "hundred":
			if last == "" || last == "hundred" || last == "scale" {
				goto done
			}
			cur *= 100
			last = "hundred"
			any = true
		case scaleWords[w] != 0:
			if last == "" || last == "scale" {
				goto done
			}
			total += cur * scaleWords[w]
			cur = 0
			last = "scale"
			any = true
		case w == "dozen":
			if last != "a" && last != "unit" && last != "tens" {
				goto done
			}
			cur *= 12
			last = "dozen"
			any = true
		case w == "and" && (last == "hundred" || last == "scale"):
			n := p.word(j + 1)
			if unitWords[n] == 0 && tensWords[n] == 0 {
				goto done
			}
		default:
			goto done
		}
		j++
	}
done:
	if !any || last == "a" {
		return 0, 0, false
	}
	return total + cur, j, true
}

// numberFigure reads an amount at token i and classifies it by what
// follows: a percent sign or word, a currency word, a time unit, an
// ordinal or decade suffix, or a plural noun.
func (p *parser) numberFigure(i int) (Figure, float64, int, bool) {
	t := p.toks[i]
	if t.kind == tokWord && p.pronounOne(i) {
		return Figure{}, 0, 0, false
	}
	// Glued suffixes: "21st", "1990s", "10am", "4G".
	if f, v, next, done := p.gluedSuffix(i); done {
		return f, v, next, next > 0
	}
	v, j, ok := p.value(i, false)
	if !ok {
		return Figure{}, 0, 0, false
	}
	f := Figure{Value: v, Start: t.start}
	if g, next, ok := p.unitAfter(f, j); ok {
		return g, v, next, true
	}
	if w := p.word(j); t.kind == tokWord && spelledUnit(w) && p.text(j) == w {
		g := measured(v, w, t.start, p.toks[j].end)
		return g, g.Value, j + 1, true
	}
	if p.word(j) == "and" && p.word(j+1) == "a" && p.word(j+2) == "half" && v == math.Trunc(v) {
		// "three and a half years" is 3.5 years; a half alone says nothing.
		h := Figure{Value: v + 0.5, Start: t.start}
		if g, next, ok, _ := p.durationAfter(h, j+3); ok {
			return g, g.Value, next, true
		}
	}
	if g, next, ok, stop := p.durationAfter(f, j); ok || stop {
		return g, v, next, ok
	}
	end := p.toks[j-1].end
	num := formatNum(v)
	if single := j == i+1 && t.kind == tokNum; single && !t.commas && !t.decimal && len(t.text) == 4 && v >= 1900 && v <= 2099 {
		f.Kind, f.Norm, f.End = "year", "year:"+t.text, end
		return f, v, j, true
	}
	if noun, ok := pluralNoun(p, j); ok && v != 1 {
		f.Kind, f.Unit, f.Norm, f.End = "count", noun, "count:"+num+":"+noun, p.toks[j].end
		if noun == "point" && v != math.Trunc(v) && v < 5 {
			// "by 0.25 points": no count has a fraction; these are
			// percentage points ("the Dow fell 120.5 points" is an
			// index's).
			f.Kind, f.Norm = "percent", "percent:"+num+":point"
		}
		return f, v, j + 1, true
	}
	if noun, ok := pluralNoun(p, j+1); ok && v != 1 && jobNouns[noun] && jobModifier(p, j) {
		// "300 office jobs", "350 administrative positions": jobs
		f.Kind, f.Unit, f.Norm, f.End = "count", noun, "count:"+num+":"+noun, p.toks[j+1].end
		return f, v, j + 2, true
	}
	f.Kind, f.Norm, f.End = "number", "number:"+num, end
	return f, v, j, true
}

// jobNouns are the plural nouns of jobs a modifier may come before: "300
// office jobs", "350 administrative positions" (not "posts": "40 border
// posts").
var jobNouns = map[string]bool{"job": true, "position": true, "role": true}

// jobModifier reports whether token j is a lower-case word that may say
// which jobs: no plural, function word or word of a number.
func jobModifier(p *parser, j int) bool {
	t, ok := p.tok(j)
	if !ok || t.kind != tokWord || t.joined || t.text != strings.ToLower(t.text) || len(t.text) < 3 || strings.HasSuffix(t.text, "s") {
		return false
	}
	switch t.text {
	case "more", "other", "new", "fewer", "the", "and", "for", "per", "extra", "additional":
		return false
	}
	return unitWords[t.text] == 0 && tensWords[t.text] == 0 && scaleWords[t.text] == 0
}

// gluedSuffix reads a number with letters glued to it. done is true when
// the suffix decides: an ordinal ("21st") or a decade ("1990s"), or no
// figure at all ("4G", next 0); a scale suffix ("5bn") is left to value.
func (p *parser) gluedSuffix(i int) (f Figure, v float64, next int, done bool) {
	t := p.toks[i]
	if t.kind != tokNum {
		return Figure{}, 0, 0, false
	}
	n, ok := p.tok(i + 1)
	if !ok || !n.joined || n.kind != tokWord {
		return Figure{}, 0, 0, false
	}
	w := strings.ToLower(n.text)
	switch {
	case w == "st" || w == "nd" || w == "rd" || w == "th":
		v, _ := parseDigits(t.text)
		return Figure{Kind: "ordinal", Value: v, Norm: "ordinal:" + formatNum(v), Start: t.start, End: n.end}, v, i + 2, true
	case w == "s" && len(t.text) == 4 && strings.HasSuffix(t.text, "0"):
		v, _ := parseDigits(t.text)
		return Figure{Kind: "year", Value: v, Unit: "decade", Norm: "year:" + t.text + "s", Start: t.start, End: n.end}, v, i + 2, true
	case n.text == "bp" || n.text == "bps":
		v, _ := parseDigits(t.text)
		f := basisPoints(Figure{Text: t.text, Value: v, Start: t.start}, n.end)
		return f, f.Value, i + 2, true
	case n.text == "pc":
		// "3.1pc", the British papers' percent
		v, _ := parseDigits(t.text)
		num := formatNum(v)
		return Figure{Kind: "percent", Unit: "%", Value: v, Norm: "percent:" + num, Start: t.start, End: n.end}, v, i + 2, true
	case scaleSuffixes[w] != 0:
		return Figure{}, 0, 0, false
	}
	return Figure{}, 0, 0, true
}

// basisPoints turns a number of basis points, ending at end, into
// percentage points: "25 basis points" and "25bp" are "0.25 percentage
// points".
func basisPoints(f Figure, end int) Figure {
	f.Kind, f.Unit, f.Value, f.End = "percent", "point", f.Value/100, end
	f.Norm = "percent:" + formatNum(f.Value) + ":point"
	return f
}

// pointFraction reads a fraction of a percentage point at token i: "a
// quarter of a percentage point", "half a percentage point", "a
// quarter-point", "a half point".
func (p *parser) pointFraction(i int) (Figure, int, bool) {
	j := i
	article := false
	if w := p.word(j); w == "a" || w == "an" {
		j++
		article = true
	}
	var v float64
	switch p.word(j) {
	case "quarter":
		v = 0.25
	case "half":
		v = 0.5
	default:
		return Figure{}, 0, false
	}
	j++
	switch {
	case article && p.hyphenAt(j) && p.joined(j) && p.joined(j+1) && p.word(j+1) == "point":
		j += 2
	case article && p.word(j) == "point" && !p.joined(j):
		j++ // "a half point"; "at the half point of the season" is no figure
	default:
		k := j
		if p.word(k) == "of" {
			k++
		}
		if p.word(k) != "a" || p.word(k+1) != "percentage" || p.word(k+2) != "point" {
			return Figure{}, 0, false
		}
		j = k + 3
	}
	f := Figure{Kind: "percent", Unit: "point", Value: v, Norm: "percent:" + formatNum(v) + ":point", Start: p.toks[i].start, End: p.toks[j-1].end}
	return f, j, true
}

// unitAfter reads a percent sign or word, or a currency word, after the
// number f whose value ends before token j.
func (p *parser) unitAfter(f Figure, j int) (Figure, int, bool) {
	if p.hyphenAt(j) && p.joined(j+1) && f.Start < len(p.s) && p.s[f.Start] >= '0' && p.s[f.Start] <= '9' {
		// "the 1.5bn-euro cost", "a 1.5-billion-euro plan": the
		// currency, and a scale before it, joined by hyphens; "a
		// billion-dollar deal" gives no sum.
		k, v := j+1, f.Value
		if s := scaleWords[p.word(k)]; s > 0 && p.hyphenAt(k+1) && p.joined(k+2) {
			k, v = k+2, scale(formatNum(f.Value), s)
		}
		if cur := currencyWords[p.word(k)]; cur != "" && (k > j+1 || cur != "gbp") {
			// "2,000-pound bombs" weigh; "a 1.5-billion-pound deal" costs
			f.Value = v
			f.Kind, f.Unit, f.Norm, f.End = "money", cur, "money:"+formatNum(v)+":"+cur, p.toks[k].end
			return f, k + 1, true
		}
	}
	num := formatNum(f.Value)
	w := p.word(j)
	switch {
	case p.isPunct(j, "%"):
		f.Kind, f.Unit, f.Norm, f.End = "percent", "%", "percent:"+num, p.toks[j].end
		return f, j + 1, true
	case w == "percent" || p.text(j) == "pc" && !p.joined(j): // lower case only: "20 PC makers" counts machines
		f.Kind, f.Unit, f.Norm, f.End = "percent", "%", "percent:"+num, p.toks[j].end
		return f, j + 1, true
	case w == "per" && p.word(j+1) == "cent":
		f.Kind, f.Unit, f.Norm, f.End = "percent", "%", "percent:"+num, p.toks[j+1].end
		return f, j + 2, true
	case w == "percentage" && (p.word(j+1) == "point" || p.word(j+1) == "points"):
		f.Kind, f.Unit, f.Norm, f.End = "percent", "point", "percent:"+num+":point", p.toks[j+1].end
		return f, j + 2, true
	case w == "basis" && (p.word(j+1) == "point" || p.word(j+1) == "points"):
		return basisPoints(f, p.toks[j+1].end), j + 2, true
	case (p.text(j) == "bp" || p.text(j) == "bps") && !p.joined(j):
		// lower case only: "300 BP employees" names the company
		return basisPoints(f, p.toks[j].end), j + 1, true
	case currencyWords[w] != "":
		cur := currencyWords[w]
		f.Kind, f.Unit, f.Norm, f.End = "money", cur, "money:"+num+":"+cur, p.toks[j].end
		return f, j + 1, true
	case (w == "us" || w == "u") && currencyWords[p.word(j+1)] == "usd":
		f.Kind, f.Unit, f.Norm, f.End = "money", "usd", "money:"+num+":usd", p.toks[j+1].end
		return f, j + 2, true
	case currencyWords[p.word(j+1)] != "" && capitalised(p.text(j)) && !p.joined(j):
		// "2.4 billion Norwegian crowns", "5 million Australian dollars":
		// a people's adjective names whose currency it is ("Swedish
		// kronor", "Japanese yen").
		cur := currencyWords[p.word(j+1)]
		f.Kind, f.Unit, f.Norm, f.End = "money", cur, "money:"+num+":"+cur, p.toks[j+1].end
		return f, j + 2, true
	}
	return f, 0, false
}

// durationAfter reads a time unit after the number f, spaced ("24 years")
// or hyphenated ("three-day", "24-year-old"). stop is true when what
// follows rules out any figure ("two-thirds").
func (p *parser) durationAfter(f Figure, j int) (g Figure, next int, ok, stop bool) {
	v, num := f.Value, formatNum(f.Value)
	unitAt, hyph := j, false
	if p.hyphenAt(j) && p.joined(j+1) {
		unitAt, hyph = j+1, true
	}
	if u, ok := durationWords[p.word(unitAt)]; ok && (!hyph || !strings.HasSuffix(p.word(unitAt), "s")) {
		d := v * u.factor
		next := unitAt + 1
		if u.unit == "year" && u.factor == 1 {
			if hyph && p.hyphenAt(next) && p.word(next+1) == "old" {
				f.Kind, f.Unit, f.Norm, f.End = "count", "year-old", "count:"+num+":year-old", p.toks[next+1].end
				return f, next + 2, true, false
			}
			if !hyph && p.word(next) == "old" && !p.joined(next) {
				f.Kind, f.Unit, f.Norm, f.End = "count", "year-old", "count:"+num+":year-old", p.toks[next].end
				return f, next + 1, true, false
			}
		}
		f.Kind, f.Value, f.Unit, f.Norm, f.End = "duration", d, u.unit, "duration:"+formatNum(d)+":"+u.unit, p.toks[unitAt].end
		return f, next, true, false
	}
	if hyph && fractionWords[p.word(unitAt)] {
		return Figure{}, 0, false, true
	}
	return f, 0, false, false
}

// pronounOne reports whether the word "one" at i is a pronoun, as in "no
// one", "one another" or "one of them", rather than a count.
func (p *parser) pronounOne(i int) bool {
	if p.word(i) != "one" {
		return false
	}
	switch p.word(i - 1) {
	case "no", "the", "this", "that", "every", "each", "any", "which", "someone":
		return true
	}
	switch p.word(i + 1) {
	case "another", "of":
		return true
	}
	return false
}

// pluralNoun reports whether token j is a lower-case plural noun and
// returns its singular, the unit of a count ("two nations" counts
// "nation").
func pluralNoun(p *parser, j int) (string, bool) {
	t, ok := p.tok(j)
	if !ok || t.kind != tokWord || t.joined || t.text != strings.ToLower(t.text) {
		return "", false
	}
	w := t.text
	if s, ok := irregularPlurals[w]; ok {
		return s, true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") || notPlural[w] {
		return "", false
	}
	for _, bad := range []string{"ss", "us", "is", "ous"} {
		if strings.HasSuffix(w, bad) {
			return "", false
		}
	}
	// A plural noun is not followed by a glued apostrophe-s or letters.
	if n, ok := p.tok(j + 1); ok && n.joined && n.kind == tokWord {
		return "", false
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "sses"):
		return w[:len(w)-2], true
	}
	return w[:len(w)-1], true
}
