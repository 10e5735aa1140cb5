package lexicon

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/newslens/newslens/internal/words"
)

// currencies maps the names, codes and symbols of currencies news copy
// uses to one key, so that "€1.9bn", "1.9 billion euros" and "EUR 1.9
// billion" share their currency as well as their amount.
var currencies = map[string]string{
	"€": "euro", "euro": "euro", "euros": "euro", "eur": "euro",
	"$": "dollar", "dollar": "dollar", "dollars": "dollar", "usd": "dollar",
	"£": "pound", "pound": "pound", "pounds": "pound", "sterling": "pound", "gbp": "pound",
	"¥": "yen", "yen": "yen", "jpy": "yen",
	"₹": "rupee", "rupee": "rupee", "rupees": "rupee", "rs": "rupee", "inr": "rupee", "npr": "rupee",
	"yuan": "yuan", "renminbi": "yuan", "rmb": "yuan", "cny": "yuan",
	"rouble": "rouble", "roubles": "rouble", "ruble": "rouble", "rubles": "rouble", "rub": "rouble",
	"forint": "forint", "forints": "forint", "huf": "forint",
	"franc": "franc", "francs": "franc", "chf": "franc",
	"tugrik": "tugrik", "tugriks": "tugrik", "togrog": "tugrik", "mnt": "tugrik",
	// The Nordic and Czech crowns are one key: an outlet writes
	// "crowns" where another writes "NOK"; the amount tells them apart.
	"crown": "crown", "crowns": "crown", "krone": "crown", "kroner": "crown", "krona": "crown", "kronor": "crown",
	"koruna": "crown", "nok": "crown", "sek": "crown", "dkk": "crown", "isk": "crown", "czk": "crown",
	"zloty": "zloty", "zlotys": "zloty", "pln": "zloty",
	"lira": "lira", "liras": "lira",
	"rand": "rand", "zar": "rand",
	"peso": "peso", "pesos": "peso", "mxn": "peso", "₱": "peso",
	"reais": "real", "brl": "real",
	"krw": "won", "hryvnia": "hryvnia", "hryvnias": "hryvnia", "uah": "hryvnia",
	"shekel": "shekel", "shekels": "shekel",
	"aud": "dollar", "nzd": "dollar", "hkd": "dollar", "sgd": "dollar",
}

// currencyCodes are the ISO codes of currencies, which count only in
// capitals: "rub" is a verb, "eur" is nothing. Codes that spell other
// things in news copy are left out: COP (the climate summits), ILS (a
// landing system), PHP, CAD, TRY, CLP, ARS. Currency words count only
// in lower case.
var currencyCodes = map[string]bool{
	"eur": true, "usd": true, "gbp": true, "jpy": true, "inr": true, "npr": true, "cny": true,
	"rmb": true, "rub": true, "huf": true, "chf": true, "mnt": true,
	"nok": true, "sek": true, "dkk": true, "isk": true, "czk": true, "pln": true, "zar": true,
	"mxn": true, "brl": true, "krw": true, "uah": true, "aud": true, "nzd": true, "hkd": true, "sgd": true,
}

// tokenCurrency returns the currency token t names: a symbol by its
// lower-case form ("$", "€", and "₱" for the peso sign a P glued to an
// amount stands for), a word or code as currencyKey reads it.
func tokenCurrency(t token) string {
	if cur := currencies[t.lower]; cur != "" && !words.IsWord(t.lower) {
		return cur
	}
	return currencyKey(t.text)
}

// currencyKey returns the currency a token names, or "".
func currencyKey(tok string) string {
	low := strings.ToLower(tok)
	switch {
	case currencyCodes[low]:
		if strings.ToUpper(tok) != tok {
			return ""
		}
	case low != tok && low != "rs":
		// "Sterling" the surname, "Franc" a name: currencies are
		// written in lower case.
		return ""
	}
	return currencies[low]
}

// codeAmount matches a currency code written against its amount:
// "HUF4,150", "USD2.2bn".
var codeAmount = regexp.MustCompile(`^([A-Z]{3})(\d[\d,.]*(?:bn|mn|m|k|tn)?)$`)

// scales are the words and suffixes that multiply an amount.
var scales = map[string]float64{
	"thousand": 1e3, "k": 1e3,
	"million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
	"billion": 1e9, "bn": 1e9, "bln": 1e9,
	"trillion": 1e12, "tn": 1e12, "trn": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// wordScales are the scales written as a word of their own after the
// figure: "8.2 million", not "a 100 m wall" or "5 k run".
var wordScales = map[string]bool{
	"thousand": true, "million": true, "billion": true, "trillion": true,
	"mn": true, "mln": true, "bn": true, "bln": true, "tn": true, "trn": true,
	"lakh": true, "lakhs": true, "crore": true, "crores": true,
}

// amount matches a figure with an optional scale suffix: "1.9bn", "600m".
var amount = regexp.MustCompile(`^(\d[\d,]*(?:\.\d+)?)(bn|mn|mln|m|k|tn|trn)?$`)

// scaledKey returns the key of a figure followed by the word next (or ""),
// and whether next was used as its scale: "1.9bn" and "1.9" "billion"
// both give "1900000000". A figure that is not an amount gets "".
func scaledKey(tok, next string) (string, bool) {
	m := amount.FindStringSubmatch(strings.ToLower(tok))
	if m == nil {
		return "", false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	if err != nil {
		return "", false
	}
	used := false
	switch {
	case m[2] != "":
		v *= scales[m[2]]
	case wordScales[next]:
		v *= scales[next]
		used = true
	default:
		return "", false
	}
	// 8.2 × 1e6 is 8199999.999999999 in floating point: an amount is
	// never finer than a thousandth.
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64), used
}

// usKey is the key of the United States, which "US dollars" does not
// name.
const usKey = "united_states"

// pesoScaled matches a capital P glued to an amount and, by a hyphen,
// its scale: "P183-million".
var pesoScaled = regexp.MustCompile(`^P(\d[\d,]*(?:\.\d+)?)-(million|billion|thousand|trillion)$`)

// pesoGlued matches a capital P glued to an amount.
var pesoGlued = regexp.MustCompile(`^P\d[\d,]*(?:\.\d+)?$`)

// pesoAmount reports whether tok, at byte start of s, is the Philippine
// press's peso sign glued to an amount with a thousands comma, decimals
// or a scale after it ("P500,000", "P1.2 billion", "P50 million"), not a
// label such as "P1" or "P2".
func pesoAmount(s, tok string, start int) bool {
	if !pesoGlued.MatchString(tok) {
		return false
	}
	if strings.ContainsAny(tok[1:], ",.") {
		return true
	}
	rest := strings.Fields(strings.ToLower(s[start+len(tok):]))
	return len(rest) > 0 && wordScales[strings.Trim(rest[0], ",.;:")] // "P50 million"
}

// pesoTokens returns the tokens of the Philippine press's peso sign
// glued to an amount, at byte start of s: "P1.2 billion" and
// "P500,000" are the sign and the amount, "P183-million" the sign, the
// amount and its scale; nil for any other token.
func pesoTokens(s, tok string, start int) []token {
	sign := token{text: "P", lower: "₱", start: start, end: start + 1}
	if m := pesoScaled.FindStringSubmatchIndex(tok); m != nil {
		return []token{sign,
			{text: tok[m[2]:m[3]], lower: tok[m[2]:m[3]], start: start + m[2], end: start + m[3]},
			{text: tok[m[4]:m[5]], lower: strings.ToLower(tok[m[4]:m[5]]), start: start + m[4], end: start + m[5]}}
	}
	if pesoAmount(s, tok, start) {
		return []token{sign, {text: tok[1:], lower: tok[1:], start: start + 1, end: start + len(tok)}}
	}
	return nil
}
