package figure

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/testfixture"
)

func TestExtractSeed(t *testing.T) {
	data := testfixture.Seed
	var b strings.Builder
	for _, f := range Extract(string(data)) {
		if string(data[f.Start:f.End]) != f.Text {
			t.Errorf("offsets of %q give %q", f.Text, data[f.Start:f.End])
		}
		fmt.Fprintf(&b, "%d-%d\t%s\t%s\t%s\t%q\n", f.Start, f.End, f.Kind, f.Norm, f.Prep, f.Text)
	}
	golden.Check(t, "testdata/seed-figures.golden", []byte(b.String()))
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "Text|Kind|Norm" for each figure
	}{
		{"duration digits", "his first visit in 24 years", []string{"first|ordinal|ordinal:1", "24 years|duration|duration:24:year"}},
		{"duration words", "for twenty-four years", []string{"twenty-four years|duration|duration:24:year"}},
		{"decades fold to years", "two decades ago", []string{"two decades|duration|duration:20:year"}},
		{"a decade", "after a decade", []string{"a decade|duration|duration:10:year"}},
		{"hyphenated duration", "a three-day visit", []string{"three-day|duration|duration:3:day"}},
		{"weeks fold to days", "two weeks", []string{"two weeks|duration|duration:14:day"}},
		{"age", "a 24-year-old man, 30 years old", []string{"24-year-old|count|count:24:year-old", "30 years old|count|count:30:year-old"}},
		{"weekday", "on Wednesday and wednesday", []string{"Wednesday|weekday|weekday:wednesday"}},
		{"year", "since the collapse in 1991.", []string{"1991|year|year:1991"}},
		{"year outside range is a number", "about 1850 soldiers", []string{"1850 soldiers|count|count:1850:soldier"}},
		{"decade", "in the 1990s and the ’90s", []string{"1990s|year|year:1990s", "’90s|year|year:1990s"}},
		{"date day month year", "on 19 June 2024", []string{"19 June 2024|date|date:2024-06-19"}},
		{"date month day year", "on June 19, 2024", []string{"June 19, 2024|date|date:2024-06-19"}},
		{"date month day", "on June 19", []string{"June 19|date|date:06-19"}},
		{"date ordinal", "on the 19th of June", []string{"19th of June|date|date:06-19"}},
		{"date iso", "dated 2024-06-19.", []string{"2024-06-19|date|date:2024-06-19"}},
		{"date month year", "in June 2024", []string{"June 2024|date|date:2024-06"}},
		{"month", "last June", []string{"June|month|month:june"}},
		{"may as verb", "It May be late, they may go.", nil},
		{"may as month", "in May", []string{"May|month|month:may"}},
		{"percent sign", "up 40%", []string{"40%|percent|percent:40"}},
		{"percent words", "forty per cent and 3.5 percent", []string{"forty per cent|percent|percent:40", "3.5 percent|percent|percent:3.5"}},
		{"basis points", "by 25 basis points, 25bp or 50 bps", []string{"25 basis points|percent|percent:0.25:point", "25bp|percent|percent:0.25:point", "50 bps|percent|percent:0.5:point"}},
		{"point fractions", "by a quarter of a percentage point, half a percentage point and a quarter-point", []string{"a quarter of a percentage point|percent|percent:0.25:point", "half a percentage point|percent|percent:0.5:point", "a quarter-point|percent|percent:0.25:point"}},
		{"a quarter-point after by is no share", "cut rates by a quarter-point, then by a half point", []string{"a quarter-point|percent|percent:0.25:point", "a half point|percent|percent:0.5:point"}},
		{"percent glued as pc", "inflation eased to 3.1pc from 3.4 pc", []string{"3.1pc|percent|percent:3.1", "3.4 pc|percent|percent:3.4"}},
		{"a currency left out after a sum", "rose to 12 million euros from 9 million", []string{"12 million euros|money|money:12000000:eur", "9 million|money|money:9000000:eur"}},
		{"an audience after a sum is no sum", "20 million euros in advertising and an audience of 9 million", []string{"20 million euros|money|money:20000000:eur", "9 million|number|number:9000000"}},
		{"people after a sum stay people", "2 billion euros for 3 million people", []string{"2 billion euros|money|money:2000000000:eur", "3 million people|count|count:3000000:person"}},
		{"PC is no percent", "bought 20 PC makers", []string{"20|number|number:20"}},
		{"and a half", "three and a half years, 2 and a half hours", []string{"three and a half years|duration|duration:3.5:year", "2 and a half hours|duration|duration:2.5:hour"}},
		{"BP is a company", "In 2010 BP agreed; 300 BP employees", []string{"2010|year|year:2010", "300|number|number:300"}},
		{"index points", "the Dow fell 120.5 points", []string{"120.5 points|count|count:120.5:point"}},
		{"a half point of a season", "at the half point of the season", nil},
		{"a fraction of points", "cut by 0.25 points after 3 points", []string{"0.25 points|percent|percent:0.25:point", "3 points|count|count:3:point"}},
		{"a quarter alone is no point", "in a quarter of cases, half of them", []string{"a quarter|percent|percent:25", "half|percent|percent:50"}},
		{"money billion", "$1.2 billion", []string{"$1.2 billion|money|money:1200000000:usd"}},
		{"money suffix", "$5bn and £3m", []string{"$5bn|money|money:5000000000:usd", "£3m|money|money:3000000:gbp"}},
		{"money words", "5 million roubles", []string{"5 million roubles|money|money:5000000:rub"}},
		{"forints", "nearly 760 billion forints", []string{"760 billion forints|money|money:760000000000:huf"}},
		{"code glued", "for HUF4,150 a share", []string{"HUF4,150|money|money:4150:huf"}},
		{"code spaced", "worth EUR 1.9 billion", []string{"EUR 1.9 billion|money|money:1900000000:eur"}},
		{"a code is capitals", "try 5 times", []string{"5 times|count|count:5:time"}},
		{"crowns of several countries", "19.2 million crowns", []string{"19.2 million crowns|money|money:19200000:crown"}},
		{"thousands separator", "1,000 troops", []string{"1,000 troops|count|count:1000:troop"}},
		{"list is not a thousands separator", "1991, 2000", []string{"1991|year|year:1991", "2000|year|year:2000"}},
		{"scale word", "2 million people", []string{"2 million people|count|count:2000000:person"}},
		{"dozen", "a dozen", []string{"a dozen|number|number:12"}},
		{"hundreds", "three hundred and twenty-five", []string{"three hundred and twenty-five|number|number:325"}},
		{"ordinal digits", "the 21st and 24th", []string{"21st|ordinal|ordinal:21", "24th|ordinal|ordinal:24"}},
		{"ordinal words", "the twentieth and twenty-first", []string{"twentieth|ordinal|ordinal:20", "twenty-first|ordinal|ordinal:21"}},
		{"count", "the two nations", []string{"two nations|count|count:2:nation"}},
		{"a measure in words", "two kilometres from the runway", []string{"two kilometres|measure|measure:2000:m"}},
		{"tonnes in words", "eighteen tonnes of mail", []string{"eighteen tonnes|measure|measure:18000:kg"}},
		{"a unit in a name", "Ninety Mile Beach", []string{"Ninety|number|number:90"}},
		{"a span in two units", "after two hours and 41 minutes", []string{"two hours and 41 minutes|duration|duration:161:minute"}},
		{"jobs of a kind", "it will cut 300 office jobs", []string{"300 office jobs|count|count:300:job"}},
		{"more jobs is no kind", "it added 200 more jobs", []string{"200|number|number:200"}},
		{"a span in two units, no and", "it took 2 hours 38 minutes", []string{"2 hours 38 minutes|duration|duration:158:minute"}},
		{"a term in years and months", "jailed for three years and six months", []string{"three years and six months|duration|duration:42:month"}},
		{"two spans across a comma", "the talks ran for two days, 14 hours longer than planned", []string{"two days|duration|duration:2:day", "14 hours|duration|duration:14:hour"}},
		{"codes are not figures", "G7, COVID-19, Su-57, 4G and B-52", nil},
		{"times are not figures", "at 10:30 or 10am", nil},
		{"fractions skipped", "two-thirds", nil},
		{"pronoun one", "no one knows, one of them", nil},
		{"hyphen prefix", "by mid-2024", []string{"2024|year|year:2024"}},
		{"number inside word", "often, tenfold", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range Extract(tt.in) {
				if tt.in[f.Start:f.End] != f.Text {
					t.Errorf("offsets of %q give %q", f.Text, tt.in[f.Start:f.End])
				}
				got = append(got, f.Text+"|"+f.Kind+"|"+f.Norm)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPrep(t *testing.T) {
	fs := Extract("since 2000, for 24 years, on Wednesday")
	var got []string
	for _, f := range fs {
		got = append(got, f.Prep)
	}
	if want := []string{"since", "for", "on"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func one(t *testing.T, s string) Figure {
	t.Helper()
	fs := Extract(s)
	if len(fs) != 1 {
		t.Fatalf("Extract(%q): got %d figures %+v, want 1", s, len(fs), fs)
	}
	return fs[0]
}

func TestEqualConflict(t *testing.T) {
	tests := []struct {
		name         string
		a, b         string
		equal, clash bool
	}{
		{"digits and words", "24 years", "twenty-four years", true, false},
		{"decades and years", "two decades", "20 years", true, false},
		{"different duration", "24 years", "23 years", false, true},
		{"different unit", "24 years", "24 days", false, false},
		{"weekday", "Wednesday", "Tuesday", false, true},
		{"same weekday", "Wednesday", "Wednesday", true, false},
		{"year", "1991", "1992", false, true},
		{"percent", "40%", "forty percent", true, false},
		{"money", "$1.2 billion", "$1.2bn", true, false},
		{"currency differs", "$5bn", "€5bn", false, false},
		{"a share price and a company's value", "HUF4,150", "760 billion forints", false, false},
		{"months against years", "14 months", "nearly two years", false, true},
		{"the same span in other units", "24 months", "two years", false, false},
		{"spans four times apart", "30 days", "six years", false, false},
		{"sums apart but not tenfold", "2.4 million euros", "2.7 million euros", false, true},
		{"a station's trains and the country's", "160 trains", "4,100 trains", false, false},
		{"a first and a minute", "first", "87th", false, false},
		{"two minutes", "58th", "87th", false, true},
		{"two readings", "third", "eleventh", false, true},
		{"crowds tenfold apart", "20,000 people", "200,000 people", false, true},
		{"a toll that rose twentyfold", "2 people", "45 people", false, true},
		{"people a thousandfold apart", "three people", "25,000 people", false, false},
		{"bare numbers a thousandfold apart", "3", "25,000", false, false},
		{"bare numbers less than a thousandfold apart", "30", "25,000", false, true},
		{"a share rounded", "41.3%", "41%", false, false},
		{"shares apart", "97%", "99%", false, true},
		{"not a rounding", "41.6%", "41%", false, true},
		{"a quarter is its own value", "4.25%", "4%", false, true},
		{"a half is its own value", "2.5%", "3%", false, true},
		{"durations are not rounded", "three and a half years", "four years", false, true},
		{"partial date agrees", "June 19", "19 June 2024", false, false},
		{"partial date conflicts", "June 19", "June 20, 2024", false, true},
		{"full dates", "2024-06-19", "19 June 2024", true, false},
		{"kinds differ", "1991", "1991 years", false, false},
		{"ordinal", "first", "second", false, true},
		{"count nouns differ", "two nations", "three leaders", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := one(t, tt.a), one(t, tt.b)
			if got := Equal(a, b); got != tt.equal {
				t.Errorf("Equal(%q, %q): got %v, want %v", a.Norm, b.Norm, got, tt.equal)
			}
			if got := Conflict(a, b); got != tt.clash {
				t.Errorf("Conflict(%q, %q): got %v, want %v", a.Norm, b.Norm, got, tt.clash)
			}
			if got := Conflict(b, a); got != tt.clash {
				t.Errorf("Conflict(%q, %q): got %v, want %v", b.Norm, a.Norm, got, tt.clash)
			}
		})
	}
}

func TestOccurs(t *testing.T) {
	text := "Putin's first visit in 24 years, on a Wednesday, 19 June 2024, after two decades of talks; 40% agreed."
	tests := []struct {
		name string
		fig  string
		want bool
	}{
		{"words for digits", "twenty-four years", true},
		{"bare number in duration", "24", true},
		{"bare word number", "twenty-four", true},
		{"number inside decades", "two", true},
		{"weekday", "Wednesday", true},
		{"other weekday", "Tuesday", false},
		{"partial date", "June 19", true},
		{"month of a date", "June", true},
		{"wrong date", "June 20", false},
		{"percent words", "forty per cent", true},
		{"wrong duration", "23 years", false},
		{"equivalent duration", "20 years", true},
		{"absent number", "7", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewIndex(text).Occurs(one(t, tt.fig)); got != tt.want {
				t.Errorf("Occurs(%q): got %v, want %v", tt.fig, got, tt.want)
			}
		})
	}
}

func TestSinceEquivalent(t *testing.T) {
	ref := time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		since    string
		duration string
		want     bool
	}{
		{"exact", "2000", "24 years", true},
		{"within a year", "2000", "23 years", true},
		{"too far", "2000", "20 years", false},
		{"words", "2000", "twenty-four years", true},
		{"date", "19 June 2000", "24 years", true},
		{"months", "2023", "18 months", true},
		{"not a duration", "2000", "24", false},
		{"not a year", "Wednesday", "24 years", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SinceEquivalent(one(t, tt.since), one(t, tt.duration), ref); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSinceGap(t *testing.T) {
	ref := time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name            string
		since, duration string
		want            float64
		ok              bool
	}{
		{"agree", "2000", "24 years", 0, true},
		{"one year off", "2000", "23 years", 1, true},
		{"duration in words", "2000", "twenty years", 4, true},
		{"bare number is no duration", "2000", "24", 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SinceGap(one(t, tt.since), one(t, tt.duration), ref)
			if ok != tt.ok || (ok && math.Abs(got-tt.want) > 1e-9) {
				t.Errorf("SinceGap(since %s, %s) = %v, %v; want %v, %v", tt.since, tt.duration, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	text := strings.Join(testfixture.ThousandWords(), " ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"$1.2 billion on 19 June 2024", "’90s 2024-06-19 twenty-four", "a dozen 24-year-old 40%",
		"half a million people at 2:40 a.m.", "between 40 and 50 km/h", "tens of thousands of 1.5m homes", "a third of 45°C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fig := range append(Extract(s), ExtractAll(s)...) {
			if fig.Start < 0 || fig.End > len(s) || fig.Start >= fig.End || s[fig.Start:fig.End] != fig.Text {
				t.Fatalf("bad offsets %d-%d for %q in %q", fig.Start, fig.End, fig.Text, s)
			}
		}
	})
}

func TestSameAmount(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"about 1.9 billion euros", "about £1.65bn", true},
		{"about 1.9 billion euros", "nearly 760 billion forints", true},
		{"1.9 billion euros", "$2.2 billion", true},
		{"2.4 million euros", "$2.8 million", true},
		{"1.9 billion euros", "$2.8 million", false},
		{"1.9 billion euros", "1.9 billion euros", false},   // one currency: Equal's question
		{"19.2 million crowns", "2.4 million euros", false}, // crowns of which country?
	} {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			a, b := one(t, tc.a), one(t, tc.b)
			if got := SameAmount(a, b); got != tc.want {
				t.Errorf("SameAmount: got %v, want %v", got, tc.want)
			}
			if got := SameAmount(b, a); got != tc.want {
				t.Errorf("SameAmount reversed: got %v, want %v", got, tc.want)
			}
		})
	}
	if v, ok := Dollars(one(t, "€2m")); !ok || v < 2e6 || v > 2.5e6 {
		t.Errorf("Dollars(€2m) = %v, %v", v, ok)
	}
	if _, ok := Dollars(one(t, "19.2 million crowns")); ok {
		t.Error("crowns have no rough rate")
	}
}
