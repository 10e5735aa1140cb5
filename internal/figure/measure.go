package figure

import (
	"math"
	"strings"
)

// measureUnits maps a unit of measure as written after a number to the
// unit its value is given in and the factor (or, for degrees Fahrenheit,
// the rule) that converts it, so that "93 mph" and "150 km/h" are one
// speed, "10 km" is not set against "10 miles", and "5 km" is set
// against "6,000 metres". Lengths are given in metres; kilometres
// convert exactly (metric), miles and feet as outlets round them.
var measureUnits = map[string]struct {
	unit   string
	factor float64
}{
	"km": {"m", 1000}, "kilometres": {"m", 1000}, "kilometers": {"m", 1000}, "kilometre": {"m", 1000}, "kilometer": {"m", 1000},
	"mile": {"m", 1609.344}, "miles": {"m", 1609.344},
	"metres": {"m", 1}, "meters": {"m", 1}, "metre": {"m", 1}, "meter": {"m", 1},
	"feet": {"m", 0.3048}, "foot": {"m", 0.3048}, "ft": {"m", 0.3048},
	"mm": {"mm", 1}, "millimetres": {"mm", 1}, "millimeters": {"mm", 1},
	"cm": {"mm", 10}, "centimetres": {"mm", 10}, "centimeters": {"mm", 10},
	"inches": {"mm", 25.4}, "inch": {"mm", 25.4},
	"km/h": {"km/h", 1}, "kph": {"km/h", 1}, "kmh": {"km/h", 1}, "mph": {"km/h", 1.609344}, "knots": {"km/h", 1.852},
	"hectares": {"ha", 1}, "hectare": {"ha", 1}, "ha": {"ha", 1}, "acres": {"ha", 0.404686}, "acre": {"ha", 0.404686},
	"sq km": {"ha", 100}, "sq mi": {"ha", 258.999}, "nautical miles": {"m", 1852},
	"litres": {"l", 1}, "liters": {"l", 1}, "litre": {"l", 1}, "liter": {"l", 1}, "gallons": {"l", 3.785412}, "gallon": {"l", 3.785412},
	"kg": {"kg", 1}, "kilograms": {"kg", 1}, "kilos": {"kg", 1}, "tonnes": {"kg", 1000}, "tons": {"kg", 1000},
	"°c": {"c", 1}, "c": {"c", 1}, "celsius": {"c", 1}, "centigrade": {"c", 1}, "°f": {"c", -1}, "f": {"c", -1}, "fahrenheit": {"c", -1},
	"fahrenheit difference": {"c", 5.0 / 9},
}

// measure reads a number of digits and a unit of measure at token i:
// "10 km", "150 km/h", "93 mph", "45C", "300mm", "12,000 hectares",
// "a 450-kg satellite"; a temperature after "minus" or a sign ("minus
// 12C", "-12C", not the "25C" of "20-25C") is below zero. The
// value is given in the unit's base ("93 mph" is 149.7 km/h); a
// converted value allows 5% either way, as outlets round conversions
// ("45 mph" is given as "70 km/h").
func (p *parser) measure(i int) (Figure, int, bool) {
	t := p.toks[i]
	if t.kind != tokNum || i > 0 && t.joined && p.toks[i-1].kind == tokWord {
		return Figure{}, 0, false
	}
	v, ok := parseDigits(t.text)
	if !ok {
		return Figure{}, 0, false
	}
	j := i + 1
	if p.hyphenAt(j) && p.joined(j+1) && p.word(j+1) != "c" && p.word(j+1) != "f" {
		j++ // "a 450-kg satellite", "a 15-km queue"
	}
	w, end := p.unitWord(j)
	u, ok := measureUnits[w]
	if !ok || end == j || (w == "c" || w == "f") && !p.joined(j) && !p.isPunct(j, "°") {
		return Figure{}, 0, false
	}
	if n, ok := p.tok(end); ok && n.joined && n.kind == tokWord {
		return Figure{}, 0, false // "4Gb", "10mg"
	}
	start := t.start
	if u.unit == "c" {
		switch {
		case i > 0 && p.word(i-1) == "minus" && !(i > 2 && p.word(i-2) == "or" && p.word(i-3) == "plus"):
			v, start = -v, p.toks[i-1].start // "minus 12C", not "plus or minus 2C"
		case i > 0 && t.joined && (p.isPunct(i-1, "-") || p.isPunct(i-1, "−")) && (i == 1 || !p.toks[i-1].joined && p.toks[i-2].kind != tokNum):
			v, start = -v, p.toks[i-1].start // "-12C", not "20-25C" nor "20 -25C"
		}
	}
	return measured(v, w, start, p.toks[end-1].end), end, true
}

// measured returns the measure of value v in unit w (a key of
// measureUnits) written from start to end.
func measured(v float64, w string, start, end int) Figure {
	u := measureUnits[w]
	f := Figure{Kind: "measure", Unit: u.unit, Start: start, End: end}
	switch {
	case u.factor < 0:
		f.Value = (v - 32) * 5 / 9
	default:
		f.Value = v * u.factor
	}
	f.Norm = "measure:" + formatNum(f.Value) + ":" + u.unit
	if u.factor != 1 && !metricLength(u.unit, u.factor) {
		tol := 0.05
		if v == math.Trunc(v) && abs(v) >= 1 && abs(v) <= 9 {
			// "2 miles" may be anything from 1.5 to 2.5 miles: a converted
			// "3 km" agrees with it.
			tol = 0.5 / abs(v)
		}
		f.Low, f.High, f.Bound = f.Value-abs(f.Value)*tol, f.Value+abs(f.Value)*tol, "converted"
	}
	return f
}

// metricLength reports whether a length converts to metres exactly ("5
// km" is 5,000 metres), which no outlet rounds.
func metricLength(unit string, factor float64) bool {
	return unit == "m" && factor == 1000
}

// spelledUnit reports whether w, written after a number in words, is a
// unit of measure: "two kilometres", "eighteen tonnes". Abbreviations
// ("km", "c") follow digits only.
func spelledUnit(w string) bool {
	_, ok := measureUnits[w]
	return ok && len(w) >= 4 && !strings.Contains(w, " ")
}

// unitWord returns the lower-cased unit written from token j ("km/h",
// "°c", "mph") and the token after it; end is j when there is none.
func (p *parser) unitWord(j int) (string, int) {
	if p.isPunct(j, "°") {
		if w := p.word(j + 1); w == "c" || w == "f" {
			return "°" + w, j + 2
		}
		return "", j
	}
	w := p.word(j)
	if w == "" {
		return "", j
	}
	if w == "degrees" || w == "degree" {
		// "1.6 degrees Celsius", "2 degrees C";
		// "degrees" alone may be an angle or a diploma.
		switch p.word(j + 1) {
		case "celsius", "centigrade":
			return "celsius", j + 2
		case "c":
			return "°c", j + 2
		case "fahrenheit", "f":
			if comparatives[p.word(j+2)] {
				// "2.7 degrees Fahrenheit warmer" is a difference,
				// which converts without the offset.
				return "fahrenheit difference", j + 2
			}
			return "fahrenheit", j + 2
		}
		return "", j
	}
	if w == "km" && p.joinedPunct(j+1, "/") && p.word(j+2) == "h" {
		return "km/h", j + 3
	}
	if t, ok := p.tok(j + 1); w == "km" && ok && t.joined && (t.text == "2" || t.text == "²") {
		return "sq km", j + 2 // "120 km2"
	}
	if w == "nautical" && (p.word(j+1) == "miles" || p.word(j+1) == "mile") {
		return "nautical miles", j + 2 // "12 nautical miles off the coast"
	}
	if w == "sq" || w == "square" {
		// "120 sq km", "145 square kilometres", "50 square miles"
		switch p.word(j + 1) {
		case "km", "kilometres", "kilometers", "kilometre", "kilometer":
			return "sq km", j + 2
		case "mi", "miles", "mile":
			return "sq mi", j + 2
		}
		return "", j
	}
	if u, ok := measureUnits[w]; ok && u.unit == "m" && u.factor >= 1000 && (p.word(j+1) == "per" || p.word(j+1) == "an") && p.word(j+2) == "hour" {
		// "185 kilometres per hour", "115 miles an hour"
		if u.factor == 1000 {
			return "km/h", j + 3
		}
		return "mph", j + 3
	}
	if _, ok := measureUnits[w]; ok {
		if w == "c" || w == "f" {
			if t, _ := p.tok(j); t.text != strings.ToUpper(t.text) {
				return "", j
			}
		}
		return w, j + 1
	}
	return "", j
}

// comparatives after a temperature make it a difference: "2.7 degrees
// Fahrenheit warmer than before industry".
var comparatives = map[string]bool{
	"warmer": true, "cooler": true, "hotter": true, "colder": true, "higher": true, "lower": true,
	"above": true, "below": true, "more": true, "less": true,
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
