package figure

// usdPerUnit holds rough values of currencies in US dollars, of 2024
// and 2025. They are never used to convert a sum for display: only to
// tell whether two sums in different currencies may be one amount
// (SameAmount), with room for the rates to have moved.
var usdPerUnit = map[string]float64{
	"usd": 1, "eur": 1.1, "gbp": 1.28, "jpy": 0.0067, "cny": 0.14, "inr": 0.012,
	"rub": 0.011, "huf": 0.0027, "chf": 1.15, "pln": 0.26, "try": 0.028,
	"zar": 0.055, "ils": 0.28, "uah": 0.024, "idr": 0.000062, "myr": 0.22,
	"thb": 0.029, "mnt": 0.00029, "ngn": 0.00065, "sek": 0.1, "czk": 0.044,
	"krw": 0.00072, "cad": 0.73, "aud": 0.66, "brl": 0.18, "mxn": 0.053,
	"nok": 0.094, "dkk": 0.15,
}

// amountSlack is how far apart two sums' dollar values may be and still
// be one amount: the rates above are rough, and reports round.
const amountSlack = 0.2

// SameAmount reports whether two sums of money in different currencies
// may be one amount: "1.9 billion euros", "£1.65bn", "$2.2 billion".
// Sums in one currency, or in a currency without a rough rate, are
// never the same amount by this test; Equal and Conflict compare those.
func SameAmount(a, b Figure) bool {
	if a.Kind != "money" || b.Kind != "money" || a.Unit == b.Unit {
		return false
	}
	alo, ahi, blo, bhi, ok := commonSpans(a, b, usdPerUnit)
	return ok && alo*(1-amountSlack) <= bhi && blo <= ahi*(1+amountSlack)
}

// Dollars returns a sum's rough value in US dollars, false when f is no
// sum or its currency has no rough rate.
func Dollars(f Figure) (float64, bool) {
	r, ok := usdPerUnit[f.Unit]
	if f.Kind != "money" || !ok {
		return 0, false
	}
	return f.Value * r, true
}

// commonSpans returns the ranges of values a and b allow (span) in one
// unit, each times its own unit's size in per; ok is false when per
// lacks either unit.
func commonSpans(a, b Figure, per map[string]float64) (alo, ahi, blo, bhi float64, ok bool) {
	ka, oka := per[a.Unit]
	kb, okb := per[b.Unit]
	if !oka || !okb {
		return 0, 0, 0, 0, false
	}
	alo, ahi = span(a)
	blo, bhi = span(b)
	return alo * ka, ahi * ka, blo * kb, bhi * kb, true
}
