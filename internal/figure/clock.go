package figure

import (
	"fmt"
	"strings"
)

// timeOfDay reads a time of day at token i: "3 a.m.", "2:40 a.m.", "10pm",
// "14:30 GMT", "0300 GMT", "noon", "midnight". Its Value is minutes after midnight and
// its Unit the time zone named after it ("gmt", "edt", ...), or "" for
// local or unnamed time, so that times in different zones are never set
// against each other.
func (p *parser) timeOfDay(i int) (Figure, int, bool) {
	t := p.toks[i]
	if t.kind == tokWord {
		switch w := strings.ToLower(t.text); w {
		case "noon", "midday", "midnight":
			v := 12 * 60.0
			if w == "midnight" {
				v = 0
				if strings.HasSuffix(strings.ToLower(strings.TrimSpace(p.s[max(0, t.start-8):t.start])), "before") {
					v = 24 * 60 // "just before midnight" ends the day
				}
			}
			return p.clockFigure(i, v, i+1), p.zoneEnd(i + 1), true
		}
		return Figure{}, 0, false
	}
	if t.kind == tokNum && len(t.text) == 4 && !t.commas && !t.decimal && zones[strings.ToLower(p.word(i+1))] != "" && p.zone(i+1) != "" && p.numStartOK(i) {
		// "0300 GMT", "1802 GMT": a time in four digits before its zone
		h, _ := parseDigits(t.text[:2])
		m, _ := parseDigits(t.text[2:])
		if h <= 23 && m < 60 {
			return p.clockFigure(i, h*60+m, i+1), i + 2, true
		}
	}
	if t.kind == tokNum && t.decimal {
		return p.dottedTime(i)
	}
	if t.kind != tokNum || t.commas || t.decimal || len(t.text) > 2 || !p.numStartOK(i) && !p.joinedPunct(i+1, ":") {
		return Figure{}, 0, false
	}
	if i > 0 && t.joined && p.toks[i-1].kind != tokPunct {
		return Figure{}, 0, false
	}
	h, _ := parseDigits(t.text)
	m := 0.0
	j := i + 1
	minutes := false
	if p.joinedPunct(j, ":", ".") {
		if n, ok := p.tok(j + 1); ok && n.kind == tokNum && n.joined && len(n.text) == 2 {
			m, _ = parseDigits(n.text)
			j += 2
			minutes = true
		}
	}
	if m >= 60 || h > 23 {
		return Figure{}, 0, false
	}
	if next, pm, ok := p.meridiem(j); ok {
		if h < 1 || h > 12 {
			return Figure{}, 0, false
		}
		return p.clockFigure(i, hour24(h, pm)*60+m, next), p.zoneEnd(next), true
	}
	if !minutes {
		return Figure{}, 0, false
	}
	if p.zone(j) == "" && !clockPreps[p.word(i-1)] {
		return Figure{}, 0, false // "2:40" alone may be a race time or a score
	}
	return p.clockFigure(i, h*60+m, j), p.zoneEnd(j), true
}

// dottedTime reads a time written the British way at token i, a decimal
// before a.m. or p.m.: "8.15am", "10.30 pm".
func (p *parser) dottedTime(i int) (Figure, int, bool) {
	t := p.toks[i]
	hs, ms, _ := strings.Cut(t.text, ".")
	if t.commas || len(hs) > 2 || len(ms) != 2 || !p.numStartOK(i) {
		return Figure{}, 0, false
	}
	h, _ := parseDigits(hs)
	m, _ := parseDigits(ms)
	next, pm, ok := p.meridiem(i + 1)
	if !ok || h < 1 || h > 12 || m >= 60 {
		return Figure{}, 0, false
	}
	return p.clockFigure(i, hour24(h, pm)*60+m, next), p.zoneEnd(next), true
}

// hour24 gives hour h of a.m. or p.m. on the 24-hour clock: 12 a.m. is
// 0, 12 p.m. is 12.
func hour24(h float64, pm bool) float64 {
	if h == 12 {
		h = 0
	}
	if pm {
		h += 12
	}
	return h
}

// clockPreps are the words that make a bare "14:30" a time of day.
var clockPreps = map[string]bool{"at": true, "around": true, "about": true, "by": true, "until": true, "till": true, "before": true, "after": true, "from": true, "since": true}

// meridiem reads "a.m.", "am", "p.m." or "pm" at token j and returns the
// token after it and whether it is afternoon.
func (p *parser) meridiem(j int) (int, bool, bool) {
	w := p.word(j)
	switch w {
	case "am", "pm":
		if n, ok := p.tok(j + 1); ok && n.joined && n.kind == tokWord {
			return 0, false, false
		}
		return j + 1, w == "pm", true
	case "a", "p":
		if p.joinedPunct(j+1, ".") && p.word(j+2) == "m" && p.joined(j+2) {
			next := j + 3
			if p.joinedPunct(next, ".") {
				next++
			}
			return next, w == "p", true
		}
	}
	return 0, false, false
}

// zones are the time zones news names after a time of day.
// namedZones are the zones written as words before "time".
var namedZones = map[string]string{"eastern": "et", "pacific": "pt", "central": "ct", "mountain": "mt", "moscow": "msk", "greenwich": "gmt", "british": "bst"}

var zones = map[string]string{"ct": "ct", "cst": "ct", "cdt": "ct", "mt": "mt", "mst": "mt", "mdt": "mt", "gmt": "gmt", "utc": "gmt", "est": "et", "edt": "et", "et": "et", "bst": "bst", "cet": "cet", "cest": "cet", "pst": "pt", "pdt": "pt", "pt": "pt", "ist": "ist", "jst": "jst", "kst": "kst", "msk": "msk"}

// zone returns the time zone named at token j, or "".
func (p *parser) zone(j int) string {
	t, ok := p.tok(j)
	if !ok || t.kind != tokWord {
		return ""
	}
	if t.text != strings.ToUpper(t.text) {
		// "Beijing time", "Nepal time": a place's time is a zone of its
		// own; "local time" is the unnamed one.
		if capitalised(t.text) && strings.ToLower(t.text) != "local" && p.word(j+1) == "time" {
			if z, ok := namedZones[strings.ToLower(t.text)]; ok {
				return z // "Eastern time" is ET
			}
			return strings.ToLower(t.text)
		}
		return ""
	}
	return zones[strings.ToLower(t.text)]
}

// zoneEnd is the token after a time of day ending before token j and the
// zone written there.
func (p *parser) zoneEnd(j int) int {
	if p.zone(j) != "" {
		return j + 1
	}
	return j
}

// clockFigure builds the time-of-day figure of v minutes starting at token
// i and ending before token end (a zone there is its Unit and part of it).
func (p *parser) clockFigure(i int, v float64, end int) Figure {
	f := Figure{Kind: "time", Value: v, Start: p.toks[i].start, End: p.toks[end-1].end}
	if z := p.zone(end); z != "" {
		f.Unit, f.End = z, p.toks[end].end
	}
	f.Norm = fmt.Sprintf("time:%02d:%02d", int(v)/60, int(v)%60)
	if f.Unit != "" {
		f.Norm += ":" + f.Unit
	}
	return f
}
