package figure

import (
	"fmt"
	"strings"
	"testing"
)

func TestExtractAll(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "Text|Kind|Norm|Bound|Low-High" for each figure
	}{
		{"time after", "arrived shortly after 3 a.m. local time", []string{"3 a.m.|time|time:03:00|shortly after|180-210"}},
		{"time with minutes", "landed at about 2:40 a.m.", []string{"2:40 a.m.|time|time:02:40|about|145-175"}},
		{"afternoon", "at 10pm", []string{"10pm|time|time:22:00||1320-1320"}},
		{"noon", "until noon", []string{"noon|time|time:12:00||720-720"}},
		{"before midnight", "just before midnight", []string{"midnight|time|time:24:00|just before|1410-1440"}},
		{"zone", "at 14:30 GMT", []string{"14:30 GMT|time|time:14:30:gmt||870-870"}},
		{"bare clock is no time", "won in 2:40 flat", nil},
		{"a time written the British way", "the blast came at 8.15am", []string{"8.15am|time|time:08:15||495-495"}},
		{"a British time with a space", "it ended at 10.30 pm", []string{"10.30 pm|time|time:22:30||1350-1350"}},
		{"score is no time", "a 3:1 win", nil},
		{"dozens", "dozens injured", []string{"dozens|number|number:~24-99|vague|24-99"}},
		{"tens of thousands", "tens of thousands of people", []string{"tens of thousands of people|count|count:~20000-99999:person|vague|20000-99999"}},
		{"hundreds of thousands", "Hundreds of thousands of citizens", []string{"Hundreds of thousands of citizens|count|count:~200000-999999:citizen|vague|200000-999999"}},
		{"more than", "More than 50 people died", []string{"50 people|count|count:50:person|more than|50-+Inf"}},
		{"nearly", "nearly three hours", []string{"three hours|duration|duration:3:hour|nearly|2.7-3"}},
		{"exact", "53 people", []string{"53 people|count|count:53:person||53-53"}},
		{"range", "between 40 and 50 people", []string{"40|number|number:40|between|40-50", "50 people|count|count:50:person|between|40-50"}},
		{"change is no range", "rose from 38 to 57", []string{"38|number|number:38||38-38", "57|number|number:57||57-57"}},
		{"measure", "a depth of 10 km", []string{"10 km|measure|measure:10000:m||10000-10000"}},
		{"glued measure", "some 300mm of rain", []string{"300mm|measure|measure:300:mm|some|270-330"}},
		{"converted measure", "winds of 50 mph", []string{"50 mph|measure|measure:80.4672:km/h|converted|76.44384000000001-84.49056"}},
		{"lakh", "About 2.5 lakh people were evacuated", []string{"2.5 lakh people|count|count:250000:person|about|225000-275000"}},
		{"crore of rupees", "Rs 500 crore in relief", []string{"Rs 500 crore|money|money:5000000000:inr||5e+09-5e+09"}},
		{"rupees with a full stop", "Rs. 500 crore in relief", []string{"Rs. 500 crore|money|money:5000000000:inr||5e+09-5e+09"}},
		{"lakh crore", "Rs 1.5 lakh crore in loans", []string{"Rs 1.5 lakh crore|money|money:1500000000000:inr||1.5e+12-1.5e+12"}},
		{"degrees Celsius", "temperatures 1.6 degrees Celsius above", []string{"1.6 degrees Celsius|measure|measure:1.6:c||1.6-1.6"}},
		{"a difference in Fahrenheit converts without the offset", "2.7 degrees Fahrenheit warmer", []string{"2.7 degrees Fahrenheit|measure|measure:1.5:c|converted|1.4250000000000003-1.5750000000000002"}},
		{"degrees Fahrenheit", "reached 118 degrees Fahrenheit", []string{"118 degrees Fahrenheit|measure|measure:47.777778:c|converted|45.38888888888889-50.166666666666664"}},
		{"a currency after a people's adjective", "profit of 2.4 billion Norwegian crowns", []string{"2.4 billion Norwegian crowns|money|money:2400000000:crown||2.4e+09-2.4e+09"}},
		{"crorepatis are no crore", "1.69 lakh crorepatis", []string{"1.69 lakh|number|number:169000||169000-169000"}},
		{"degrees alone are no measure", "a 90 degrees turn", []string{"90 degrees|count|count:90:degree||90-90"}},
		{"speed in words", "winds of 185 kilometres per hour", []string{"185 kilometres per hour|measure|measure:185:km/h||185-185"}},
		{"miles an hour", "gusts of 50 miles an hour", []string{"50 miles an hour|measure|measure:80.4672:km/h|converted|76.44384000000001-84.49056"}},
		{"minus a temperature", "a low of minus 12C, then -3C", []string{"minus 12C|measure|measure:-12:c||-12--12", "-3C|measure|measure:-3:c||-3--3"}},
		{"plus or minus is no sign", "a margin of plus or minus 2C", []string{"2C|measure|measure:2:c||2-2"}},
		{"a spaced range is no sign", "highs of 20 -25C", []string{"20|number|number:20|between|20-25", "25C|measure|measure:25:c|between|20-25"}},
		{"a range of temperatures is no negative", "highs of 20-25C", []string{"20|number|number:20|between|20-25", "25C|measure|measure:25:c|between|20-25"}},
		{"nautical miles", "sank 12 nautical miles offshore", []string{"12 nautical miles|measure|measure:22224:m|converted|21112.8-23335.2"}},
		{"area in square kilometres", "across 120 sq km of forest", []string{"120 sq km|measure|measure:12000:ha|converted|11400-12600"}},
		{"the peso sign", "he amassed P1.2 billion in kickbacks", []string{"P1.2 billion|money|money:1200000000:peso||1.2e+09-1.2e+09"}},
		{"the peso sign on thousands", "a fine of P500,000", []string{"P500,000|money|money:500000:peso||500000-500000"}},
		{"a position is no peso", "he finished P2 in qualifying", nil},
		{"a sum's scale after a hyphen", "a $5-million grant", []string{"$5-million|money|money:5000000:usd||5e+06-5e+06"}},
		{"the peso sign and a hyphened scale", "the P183-million scam", []string{"P183-million|money|money:183000000:peso||1.83e+08-1.83e+08"}},
		{"a range is no sum", "a 3-4 day trip", []string{"3|number|number:3|between|3-4", "4 day|duration|duration:4:day|between|3-4"}},
		{"volume in gallons", "they dropped 50,000 gallons of water", []string{"50,000 gallons|measure|measure:189270.6:l|converted|179807.07-198734.13"}},
		{"volume in litres", "they dropped 190,000 litres of water", []string{"190,000 litres|measure|measure:190000:l||190000-190000"}},
		{"area in km2", "an area of 145 km2", []string{"145 km2|measure|measure:14500:ha|converted|13775-15225"}},
		{"not an area", "in the main square", nil},
		{"degrees", "a record 48.5C", []string{"48.5C|measure|measure:48.5:c||48.5-48.5"}},
		{"code is no measure", "on 4G phones", nil},
		{"glued scale", "nearly 1.5m people fled", []string{"1.5m people|count|count:1500000:person|nearly|1.35e+06-1.5e+06"}},
		{"metres are no scale", "a 5m wall", nil},
		{"several hundred", "several hundred people", []string{"several hundred people|count|count:~200-999:person|vague|200-999"}},
		{"a few thousand", "a few thousand", []string{"a few thousand|number|number:~2000-9999|vague|2000-9999"}},
		{"half a million", "half a million people", []string{"half a million people|count|count:500000:person||500000-500000"}},
		{"a share is no ordinal", "nearly a third of homes", []string{"a third|percent|percent:33.333333|nearly|29.999999999999996-33.33333333333333"}},
		{"a plural share is no count", "two thirds of voters", []string{"two thirds|percent|percent:66.666667|share|59.99999999999999-73.33333333333333"}},
		{"a hyphenated share", "two-thirds of voters", []string{"two-thirds|percent|percent:66.666667|share|59.99999999999999-73.33333333333333"}},
		{"a cut by a share", "cut by almost a third since 2023", []string{"a third|percent|percent:33.333333|almost|29.999999999999996-33.33333333333333", "2023|year|year:2023||2023-2023"}},
		{"so many in ten", "nine in ten drivers", []string{"nine in ten|percent|percent:90|share|81-99.00000000000001"}},
		{"so many out of ten", "four out of ten votes", []string{"four out of ten|percent|percent:40|share|36-44"}},
		{"an ordinal stays", "a third term", []string{"third|ordinal|ordinal:3||3-3"}},
		{"four-digit time before its zone", "at 0300 GMT on Tuesday", []string{"0300 GMT|time|time:03:00:gmt||180-180", "Tuesday|weekday|weekday:tuesday||2-2"}},
		{"a place's time is its zone", "at 2:02 a.m. Beijing time on Wednesday", []string{"2:02 a.m. Beijing|time|time:02:02:beijing||122-122", "Wednesday|weekday|weekday:wednesday||3-3"}},
		{"a named zone", "at 10 a.m. Eastern time", []string{"10 a.m. Eastern|time|time:10:00:et||600-600"}},
		{"a year before a place's time", "the 2019 Christmas time rush", []string{"2019|year|year:2019||2019-2019"}},
		{"a label is a grade", "as a Category 3 storm, killing 14", []string{"Category 3|rating|rating:3:category||3-3", "14|number|number:14||14-14"}},
		{"a label is no quantity", "under Article 5 of the treaty, 14 states", []string{"14 states|count|count:14:state||14-14"}},
		{"fewer than half", "fewer than half of train drivers", []string{"half|percent|percent:50|fewer than|0-50"}},
		{"more than half a million is a count", "More than half a million people fled", []string{"half a million people|count|count:500000:person|more than|500000-+Inf"}},
		{"the first half is no share", "in the first half of the year", []string{"first|ordinal|ordinal:1||1-1"}},
		{"one half is one share", "one half of voters", []string{"one half|percent|percent:50|share|45-55.00000000000001"}},
		{"three in ten minutes", "scored three in ten minutes", []string{"three|number|number:3||3-3", "ten minutes|duration|duration:10:minute||10-10"}},
		{"one in ten thousand", "affects one in 10,000 children", []string{"one|number|number:1||1-1", "10,000 children|count|count:10000:child||10000-10000"}},
		{"half a million is no share", "half a million people", []string{"half a million people|count|count:500000:person||500000-500000"}},
		{"since last", "since last August", []string{"August|month|month:august||8-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range ExtractAll(tt.in) {
				got = append(got, fmt.Sprintf("%s|%s|%s|%s|%g-%g", f.Text, f.Kind, f.Norm, f.Bound, f.Low, f.High))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ExtractAll(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestExtractLeavesOutTimesAndVague(t *testing.T) {
	for _, f := range Extract("dozens arrived at 3 a.m. and tens of thousands left") {
		if f.Kind == "time" || f.Bound == "vague" {
			t.Errorf("Extract found %q (%s); only ExtractAll should", f.Text, f.Kind)
		}
	}
}

func TestPrepPastSpanWords(t *testing.T) {
	fs := Extract("shipped since last August")
	if len(fs) != 1 || fs[0].Prep != "since" {
		t.Fatalf("got %+v, want one figure with Prep %q", fs, "since")
	}
}

func TestConflictWithBounds(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       bool
	}{
		{"more than agrees with a larger value", "More than 50 people", "53 people", false},
		{"more than conflicts with a smaller value", "more than 200 people", "186 people", true},
		{"two floors apart", "at least 41 people", "at least 53 people", true},
		{"two floors within a tenth", "more than 200 people", "at least 210 people", false},
		{"a round floor below an exact one", "more than 2,000 people", "at least 2,317 people", false},
		{"a dozen is a round floor", "more than a dozen people", "at least 14 people", false},
		{"a floor and a ceiling overlap", "more than 200 people", "fewer than 250 people", false},
		{"estimates apart", "about two hours", "nearly three hours", true},
		{"estimates overlap", "about 9,000 houses", "roughly 9,500 houses", false},
		{"estimates whose values lie outside each other's", "about 38,000 marks", "around 45,000 marks", true},
		{"estimates near", "about 61,000 people", "around 60,000 people", false},
		{"within is a ceiling", "within six months", "about five months", false},
		{"two ceilings apart", "within 120 days", "within 150 days", true},
		{"a ceiling below a value", "within three hours", "about six hours", true},
		{"times apart", "shortly after 3 a.m.", "about 2:40 a.m.", true},
		{"a converted time keeps its bound", "shortly after 4 a.m. (0100 GMT)", "0110 GMT", false},
		{"a converted time without a bound", "at 4 a.m. (0100 GMT)", "0110 GMT", true},
		{"orders of magnitude", "tens of thousands of people", "hundreds of thousands of people", true},
		{"vague and exact", "dozens of people", "48 people", false},
		{"exact values", "53 people", "48 people", true},
		{"as many as is nearly that many", "about 900 jobs", "as many as 1,200 jobs", true},
		{"up to is no floor", "up to 1,500 jobs", "as many as 1,200 jobs", true},
		{"less than allows any value below", "less than 100 people", "48 people", false},
		{"converted speeds agree", "150 km/h", "93 mph", false},
		{"other units differ", "10 km", "10 miles", true},
		{"rounded conversion agrees", "70 km/h", "45 mph", false},
		{"range and value inside", "between 40 and 50 people", "45 people", false},
		{"range and value outside", "between 40 and 50 people", "65 people", true},
		{"millions rounded", "1.24 million vehicles", "1.2 million vehicles", false},
		{"millions apart", "1.24 million vehicles", "1.3 million vehicles", true},
		{"a whole number of billions is no rounding", "1 billion euros", "1.4 billion euros", true},
		{"a sum rounded", "$4.53bn", "$4.5bn", false},
		{"a count rounded to hundreds", "14,213 patients", "14,200 patients", false},
		{"hundreds apart", "14,213 patients", "14,300 patients", true},
		{"a round thousand against a count", "3,400 trains", "3,000 trains", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := ExtractAll(tt.a), ExtractAll(tt.b)
			if len(a) == 0 || len(b) != 1 {
				t.Fatalf("want figures in %q and one in %q, got %d and %d", tt.a, tt.b, len(a), len(b))
			}
			if got := Conflict(a[len(a)-1], b[0]); got != tt.want {
				t.Errorf("Conflict(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestHalfAfterWideLetters: "half a million" is found in the text as
// written, even after letters whose lower case has another byte length.
func TestHalfAfterWideLetters(t *testing.T) {
	for _, s := range []string{"İİé half a million people fled.", strings.Repeat("Ⱥ", 40) + " half a million people fled.", "ȺȺȺ half a million people"} {
		t.Run(s[:6], func(t *testing.T) {
			found := false
			for _, f := range ExtractAll(s) {
				if strings.Contains(f.Text, "million") {
					found = true
					if f.Text != s[f.Start:f.End] || !strings.HasPrefix(f.Text, "half") {
						t.Errorf("got %q at %d-%d, want the text from \"half\"", f.Text, f.Start, f.End)
					}
				}
			}
			if !found {
				t.Errorf("no figure in %q", s)
			}
		})
	}
}

// TestRangeOfOneKind: "9 to 11 percent" is a range; "by 11 percent to
// NOK 6.8bn" and "by 3% to 5%" are a change and a level.
func TestRangeOfOneKind(t *testing.T) {
	for _, tc := range []struct {
		s     string
		bound string
	}{
		{"Sales increased by 11 percent to NOK 6.8bn.", ""},
		{"The rate rose by 3% to 5%.", ""},
		{"It expects growth of 9 to 11 percent.", "between"},
		{"Between 40 and 50 people were hurt.", "between"},
	} {
		fs := ExtractAll(tc.s)
		if len(fs) != 2 {
			t.Fatalf("%q: figures %+v, want two", tc.s, fs)
		}
		for _, f := range fs {
			if f.Bound != tc.bound {
				t.Errorf("%q: %q has bound %q, want %q", tc.s, f.Text, f.Bound, tc.bound)
			}
		}
	}
}

// TestPeakOfAMove: "gained as much as 7 percent" is the peak of the
// day's move, which a 6.2% rise at a later hour fits; "as much as 7
// percent of homes" is an estimate.
func TestPeakOfAMove(t *testing.T) {
	peak := ExtractAll("The shares gained as much as 7 percent in early trading.")[0]
	later := ExtractAll("Shares were up 6.2% at 0830 GMT.")[0]
	if Conflict(peak, later) {
		t.Errorf("%+v and %+v conflict", peak, later)
	}
	share := ExtractAll("It said as much as 7 percent of homes were empty.")[0]
	other := ExtractAll("It said 3% of homes were empty.")[0]
	if !Conflict(share, other) {
		t.Errorf("%+v and %+v do not conflict", share, other)
	}
}

// TestHyphenedUnits: a currency or a measure's unit joined to a number
// by a hyphen ("the 1.5bn-euro cost", "a 1.5-billion-euro plan", "a
// 450-kg satellite") is read as when it is spaced; "a billion-dollar
// deal" and "2,000-pound bombs" give no sum.
func TestHyphenedUnits(t *testing.T) {
	for _, tc := range []struct{ s, norm string }{
		{"They questioned the 1.5bn-euro cost.", "money:1500000000:eur"},
		{"It is a 1.5-billion-euro plan.", "money:1500000000:eur"},
		{"It carried a 450-kg satellite.", "measure:450:kg"},
	} {
		fs := ExtractAll(tc.s)
		if len(fs) != 1 || fs[0].Norm != tc.norm {
			t.Errorf("%q: figures %+v, want one %s", tc.s, fs, tc.norm)
		}
	}
	for _, f := range ExtractAll("It dropped 2,000-pound bombs. Anyone who has closed a billion-dollar deal knows it.") {
		if f.Kind == "money" {
			t.Errorf("a billion-dollar deal gives a sum: %+v", f)
		}
	}
}

func TestRounding(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       bool
	}{
		{"fewer decimals", "4.1%", "4%", true},
		{"rounded up", "3.6%", "4%", true},
		{"a half is a value of its own", "3.5 years", "4 years", false},
		{"a quarter is a value of its own", "4.25%", "4%", false},
		{"a quarter rounded to a tenth", "4.25%", "4.3%", true},
		{"one decimal each", "44.6%", "44.5%", false},
		{"to hundreds", "14,213 patients", "14,200 patients", true},
		{"a scale word", "1.24 million vehicles", "1.2 million vehicles", true},
		{"too far", "4.6%", "4%", false},
		{"equal", "4%", "4%", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := ExtractAll(tt.a), ExtractAll(tt.b)
			if len(a) != 1 || len(b) != 1 {
				t.Fatalf("got %v and %v, want one figure each", a, b)
			}
			if got := Rounding(a[0], b[0]); got != tt.want {
				t.Errorf("Rounding(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := Rounding(b[0], a[0]); got != tt.want {
				t.Errorf("Rounding(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

// TestAgesOfAGroupAreNoFigures: "children under five" and "under the
// age of 65" set a group apart and count nothing; one person's age
// ("died aged 87", "at the age of 87") and a count ("under five people")
// stay figures.
func TestAgesOfAGroupAreNoFigures(t *testing.T) {
	for s, want := range map[string]string{
		"Eleven children under five are among the dead.":          "Eleven children",
		"The jab is offered to people over 65 from Monday.":       "Monday",
		"Anyone under the age of 18 needs consent.":               "",
		"The novelist, who has died aged 87, wrote 23 novels.":    "87|23 novels",
		"She died at the age of 87, her publisher said.":          "87",
		"Under five people were hurt when the wall gave way.":     "five people",
		"Voters aged 16 and 17 may take part for the first time.": "17|first",
	} {
		var got []string
		for _, f := range ExtractAll(s) {
			got = append(got, f.Text)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("ExtractAll(%q) = %q, want %q", s, strings.Join(got, "|"), want)
		}
	}
}
