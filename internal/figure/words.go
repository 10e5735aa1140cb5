package figure

import "time"

var unitWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensWords = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scaleWords multiply the number before them. "lakh" (100,000) and
// "crore" (10 million) are how South Asian outlets write large counts
// and sums: "2.5 lakh people", "Rs 500 crore".
var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// scaleSuffixes are the abbreviations written straight after digits:
// "$5bn", "£3m". The one-letter forms count only for money, where "5m"
// cannot mean five metres.
var scaleSuffixes = map[string]float64{
	"bn": 1e9, "mn": 1e6, "tn": 1e12, "trn": 1e12,
}

var moneyScaleSuffixes = map[string]float64{
	"k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9, "mn": 1e6, "tn": 1e12, "trn": 1e12,
}

var ordinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 100,
}

// durationUnit maps a time word to its canonical unit and the factor that
// converts it, so "two decades" and "20 years" share one Norm.
type durationUnit struct {
	unit   string
	factor float64
}

var durationWords = map[string]durationUnit{
	"second": {"second", 1}, "seconds": {"second", 1},
	"minute": {"minute", 1}, "minutes": {"minute", 1},
	"hour": {"hour", 1}, "hours": {"hour", 1},
	"day": {"day", 1}, "days": {"day", 1},
	"week": {"day", 7}, "weeks": {"day", 7},
	"fortnight": {"day", 14}, "fortnights": {"day", 14},
	"month": {"month", 1}, "months": {"month", 1},
	"year": {"year", 1}, "years": {"year", 1},
	"decade": {"year", 10}, "decades": {"year", 10},
	"century": {"year", 100}, "centuries": {"year", 100},
}

var currencySymbols = map[string]string{
	"$": "usd", "£": "gbp", "€": "eur", "¥": "jpy", "₽": "rub", "₩": "krw", "₹": "inr", "₱": "peso",
}

var currencyWords = map[string]string{
	"dollar": "usd", "dollars": "usd", "euro": "eur", "euros": "eur",
	"pound": "gbp", "pounds": "gbp", "rouble": "rub", "roubles": "rub",
	"ruble": "rub", "rubles": "rub", "yuan": "cny", "renminbi": "cny",
	"yen": "jpy", "rupee": "inr", "rupees": "inr",
	"forint": "huf", "forints": "huf", "franc": "chf", "francs": "chf",
	"zloty": "pln", "zlotys": "pln", "zlotych": "pln", "lira": "try", "liras": "try",
	"rand": "zar", "shekel": "ils", "shekels": "ils", "hryvnia": "uah", "hryvnias": "uah",
	"rupiah": "idr", "ringgit": "myr", "baht": "thb", "tugrik": "mnt", "tugriks": "mnt",
	"naira": "ngn", "krona": "sek", "kronor": "sek", "koruna": "czk", "korunas": "czk",
	// Names several countries give their currency: a unit of its own,
	// compared only with itself.
	"crown": "crown", "crowns": "crown", "peso": "peso", "pesos": "peso",
	"dinar": "dinar", "dinars": "dinar", "krone": "krone", "kroner": "krone",
}

// currencyCodes are the ISO 4217 codes written before an amount, in
// capitals: "HUF4,150", "EUR 1.9 billion".
var currencyCodes = map[string]string{
	"USD": "usd", "EUR": "eur", "GBP": "gbp", "JPY": "jpy", "CNY": "cny", "RMB": "cny",
	"INR": "inr", "RUB": "rub", "HUF": "huf", "CHF": "chf", "PLN": "pln", "TRY": "try",
	"ZAR": "zar", "ILS": "ils", "UAH": "uah", "IDR": "idr", "MYR": "myr", "THB": "thb",
	"MNT": "mnt", "NGN": "ngn", "SEK": "sek", "CZK": "czk", "KRW": "krw", "CAD": "cad",
	"AUD": "aud", "BRL": "brl", "MXN": "mxn", "NOK": "nok", "DKK": "dkk",
	"Rs": "inr", // "Rs 500 crore"
}

var months = map[string]time.Month{
	"january": time.January, "february": time.February, "march": time.March,
	"april": time.April, "may": time.May, "june": time.June, "july": time.July,
	"august": time.August, "september": time.September, "october": time.October,
	"november": time.November, "december": time.December,
}

// monthAbbrevs are only trusted next to a day number: "Jun 19", "19 Sept".
var monthAbbrevs = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March,
	"apr": time.April, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "sept": time.September, "oct": time.October,
	"nov": time.November, "dec": time.December,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday,
}

// monthContext lists the words that make an ambiguous month name ("May",
// "March") read as a month when no day or year is attached.
var monthContext = map[string]bool{
	"in": true, "on": true, "since": true, "until": true, "till": true, "by": true,
	"last": true, "next": true, "early": true, "late": true, "mid": true,
	"this": true, "of": true, "from": true, "to": true, "through": true,
	"during": true, "before": true, "after": true, "between": true,
}

// preps are the words recorded in Figure.Prep.
var preps = map[string]bool{
	"since": true, "for": true, "in": true, "on": true, "by": true, "until": true,
	"till": true, "from": true, "to": true, "after": true, "before": true,
	"over": true, "within": true, "during": true, "at": true, "of": true,
}

// hyphenPrefixes may be joined to a number without making it part of a
// name: "mid-2024", "pre-1991".
var hyphenPrefixes = map[string]bool{
	"mid": true, "pre": true, "post": true, "early": true, "late": true,
}

var fractionWords = map[string]bool{
	"half": true, "halves": true, "third": true, "thirds": true,
	"quarter": true, "quarters": true, "fifth": true, "fifths": true,
	"tenth": true, "tenths": true,
}

// notPlural holds words ending in "s" that do not name counted things, so
// "in 1991 was" is not a count of "wa".
var notPlural = map[string]bool{
	"this": true, "its": true, "his": true, "hers": true, "ours": true,
	"yours": true, "theirs": true, "was": true, "has": true, "does": true,
	"goes": true, "less": true, "unless": true, "across": true, "always": true,
	"perhaps": true, "whereas": true, "besides": true, "towards": true,
	"afterwards": true, "thus": true, "plus": true, "yes": true, "minus": true,
	"nevertheless": true, "various": true, "previous": true, "news": true,
	"means": true, "seems": true, "remains": true, "says": true, "makes": true,
	"takes": true, "comes": true, "becomes": true, "marks": true, "sees": true,
}

var irregularPlurals = map[string]string{
	"people": "person", "men": "man", "women": "woman", "children": "child",
	"staff": "staff", "personnel": "personnel", // counted as a group: "1,200 staff", "90 personnel"
}
