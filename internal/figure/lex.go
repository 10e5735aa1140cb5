package figure

import (
	"unicode"
	"unicode/utf8"
)

type tokKind int

const (
	tokWord  tokKind = iota // a run of letters
	tokNum                  // digits, with inner thousands commas and one decimal point
	tokPunct                // any other single non-space rune
)

// token is one lexical unit of the input with its byte span. joined reports
// that no space separates it from the previous token, which is how
// "twenty-four", "24th", "$5bn" and "COVID-19" are told apart.
type token struct {
	kind       tokKind
	text       string
	start, end int
	joined     bool
	commas     bool // a number written with thousands separators
	decimal    bool // a number with a decimal point
}

func lex(s string) []token {
	var toks []token
	prevEnd := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
			continue
		case unicode.IsLetter(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n2
			}
			toks = append(toks, token{kind: tokWord, text: s[i:j], start: i, end: j, joined: prevEnd == i})
			prevEnd = j
			i = j
		case r >= '0' && r <= '9':
			j, commas, decimal := scanNumber(s, i)
			toks = append(toks, token{kind: tokNum, text: s[i:j], start: i, end: j, joined: prevEnd == i, commas: commas, decimal: decimal})
			prevEnd = j
			i = j
		default:
			toks = append(toks, token{kind: tokPunct, text: s[i : i+n], start: i, end: i + n, joined: prevEnd == i})
			prevEnd = i + n
			i += n
		}
	}
	return toks
}

// scanNumber reads "1,000,000", "3.5" or "1991" starting at i. A comma only
// belongs to the number when exactly three digits follow it, so a list such
// as "1991, 2000" stays two numbers.
func scanNumber(s string, i int) (end int, commas, decimal bool) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	for j < len(s) && s[j] == ',' && digitsAt(s, j+1, 3) && (j+4 >= len(s) || !isDigit(s[j+4])) {
		j += 4
		commas = true
	}
	if !commas && decimalComma(s, j) {
		// "3,5 percent", "2,75%": a decimal comma, as much of Europe
		// writes it; a thousands comma has three digits after it.
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		return j, false, true
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		decimal = true
	}
	return j, commas, decimal
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func digitsAt(s string, i, n int) bool {
	if i+n > len(s) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

// decimalComma reports whether the comma at s[j] is a decimal comma: one
// or two digits after it, then a percent sign or word.
func decimalComma(s string, j int) bool {
	if j >= len(s) || s[j] != ',' {
		return false
	}
	k := j + 1
	for k < len(s) && k-j <= 3 && isDigit(s[k]) {
		k++
	}
	if n := k - j - 1; n < 1 || n > 2 {
		return false
	}
	rest := s[k:]
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	return len(rest) > 0 && rest[0] == '%' || hasWordPrefix(rest, "percent") || hasWordPrefix(rest, "per cent")
}

func hasWordPrefix(s, w string) bool {
	return len(s) >= len(w) && s[:len(w)] == w && (len(s) == len(w) || !isDigit(s[len(w)]) && s[len(w)] != '-' && (s[len(w)] < 'a' || s[len(w)] > 'z'))
}
