package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/lexicon"
)

// figAt returns the figure of s whose text is text.
func figAt(t *testing.T, s, text string) figureT {
	t.Helper()
	for _, f := range append(figuresOf(s), sentenceFigures(s)...) {
		if f.Text == text {
			return f
		}
	}
	t.Fatalf("no figure %q in %q", text, s)
	return figureT{}
}

func TestFigureOutcome(t *testing.T) {
	tests := []struct {
		name, s, fig, want string
	}{
		{"verb after", "A further 186 people were injured and nine remained missing.", "186 people", "injured"},
		{"second clause", "A further 186 people were injured and nine remained missing.", "nine", "missing"},
		{"verb before", "The quake struck late on Tuesday, killing at least 38 people and injuring more than 100.", "38 people", "dead"},
		{"before, across a clause", "The quake struck late on Tuesday, killing at least 38 people and injuring more than 100.", "100", "injured"},
		{"toll", "The death toll rose to 57 on Thursday.", "57", "dead"},
		{"toll further off", "The toll from Tuesday's derailment near Korvo rose to 23.", "23", "dead"},
		{"the number of people killed", "The number of people killed in Tuesday's train crash near Korvo has risen to 26.", "26", "dead"},
		{"noun after", "Officials counted 48 dead.", "48", "dead"},
		{"from their homes", "Floods killed 23 people and forced about 4,000 from their homes.", "4,000", "displaced"},
		{"leave their homes", "Around 4,000 people had to leave their homes.", "4,000 people", "displaced"},
		{"leave villages", "The eruption forced about 8,000 people to leave villages on its slopes.", "8,000 people", "displaced"},
		{"relocated", "A total of 8,000 citizens were safely relocated from the slopes.", "8,000 citizens", "displaced"},
		{"homes destroyed", "The floods destroyed 400 homes.", "400 homes", "destroyed"},
		{"lives claimed", "A fire at a clothing factory on Tuesday claimed 12 lives.", "12 lives", "dead"},
		{"lives saved", "The evacuation saved thousands of lives.", "thousands of lives", ""},
		{"lives were saved", "Officials said 40 lives were saved.", "40 lives", ""},
		{"lives at risk", "The delay put more than 200 lives at risk.", "200 lives", ""},
		{"lives were lost", "At least 30 lives were lost in the fire.", "30 lives", "dead"},
		{"could not leave their homes", "Volunteers fed 12,000 residents who could not leave their homes.", "12,000 residents", ""},
		{"voters who voted for one", "About 48% of voters voted for Ibarra.", "48%", "votes"},
		{"too far off", "53 people lost their lives in the earthquake of magnitude 6.4.", "6.4", ""},
		{"seats", "The party won 64 seats in the assembly.", "64 seats", "seats"},
		{"on board", "The jet, with 164 people on board, was returning to the airport.", "164 people", "aboard"},
		{"carrying", "The aircraft, carrying 168 people, had set off for Merrow.", "168 people", "aboard"},
		{"a company's board", "The board approved 1,200 job cuts on Tuesday.", "1,200", ""},
		{"a toll of those on board", "It crashed, killing at least 27 of the 142 people on board.", "27", "dead"},
		{"taken aboard by a rescue", "A navy patrol ship took 120 people aboard before dawn.", "120 people", ""},
		{"a crew carried to the search", "Two helicopters carrying 16 divers joined the search.", "16 divers", ""},
		{"turned out", "Hundreds of thousands of citizens turned out along the streets.", "Hundreds of thousands of citizens", "crowd"},
		{"lining", "He was cheered by tens of thousands of people lining the streets.", "tens of thousands of people", "crowd"},
		{"nothing", "The quake struck at a depth of 10 km.", "10", ""},
		{"turnout", "Turnout was 64%, the highest since 2005.", "64%", "turnout"},
		{"turnout in other words", "About 62% of eligible voters cast ballots.", "62%", "turnout"},
		{"a share of the vote", "The party took 38.2% of the vote.", "38.2%", "votes"},
		{"voters who voted", "About 61% of voters cast ballots.", "61%", "turnout"},
		{"voters who backed one", "About 61% of voters backed the president.", "61%", "votes"},
		{"cases of an illness", "The fever has killed 524 people this year, and 14,250 cases have been recorded.", "14,250 cases", "cases"},
		{"a reading beside a toll", "The death toll from Tuesday's 6.4-magnitude quake rose to 52.", "6.4", ""},
		{"destroyed or damaged", "Some 12,000 houses were destroyed or damaged.", "12,000 houses", "damaged+destroyed"},
		{"destroyed", "Some 3,000 houses were destroyed and 9,000 damaged.", "3,000 houses", "destroyed"},
		{"killed or injured", "The blast killed or injured 40 people.", "40 people", "dead+injured"},
		{"homes burned", "At least 80 homes have burned, officials said.", "80 homes", "destroyed"},
		{"homes reduced to ash", "Dozens of homes have been reduced to ash.", "Dozens of homes", "destroyed"},
		{"an area burned is no outcome", "The fire has burned about 29,650 acres.", "29,650 acres", ""},
		{"people burned are no homes destroyed", "At least 12 people burned to death when the bus caught fire.", "12 people", "dead"},
		{"ashore is no ash", "The bodies of 30 migrants washed ashore near the port.", "30 migrants", "dead"},
		{"charges levelled at people", "Prosecutors levelled charges against 12 officers.", "12 officers", ""},
		{"files of people went missing", "The personal tax files of some 40,000 people went missing.", "40,000 people", ""},
		{"a crowd of people injured", "A crowd of 300 people were injured in the crush.", "300 people", "injured"},
		{"a sum taken from hospitals", "The budget takes 800 million crowns from regional hospitals.", "800 million crowns", ""},
		{"the verb after an aside", "Eighteen civilians, including five children, died in the strike.", "Eighteen civilians", "dead"},
		{"an agency's label", "Attendance: 41,213.", "41,213", "crowd"},
		{"a label of the dead", "Dead: 14.", "14", "dead"},
		{"a label that counts nothing", "Latest: 16 people died, a spokeswoman said.", "16 people", "dead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := figureOutcome(tt.s, lexicon.Terms(tt.s), figAt(t, tt.s, tt.fig)); got != tt.want {
				t.Errorf("figureOutcome(%q, %q) = %q, want %q", tt.s, tt.fig, got, tt.want)
			}
		})
	}
}

func TestFigureStageAndThreshold(t *testing.T) {
	tests := []struct {
		name, s, fig, stage string
		threshold           bool
	}{
		{"earlier figure", "The ministry revised an earlier figure of 11 missing.", "11", "early", false},
		{"a rate that will move", "The bank said the economy will expand by 1.3 percent.", "1.3 percent", "expected", false},
		{"a rate that moved", "The economy expanded by 1.3 percent.", "1.3 percent", "", false},
		{"preliminary", "Preliminary results gave the party 42 percent.", "42 percent", "early", false},
		{"final", "The final count was 57.", "57", "final", false},
		{"final official toll", "The final official toll was 58.", "58", "final", false},
		{"now final", "The toll, now final, was 57.", "57", "final", false},
		{"final death toll", "The final death toll was 57.", "57", "final", false},
		{"final vote count", "The final vote count gave the party 42 percent.", "42 percent", "final", false},
		{"the match final", "The Cup final is worth 20 million euros to the winners.", "20 million euros", "", false},
		{"final whistle", "He scored three minutes before the final whistle.", "three minutes", "", false},
		{"compared", "Turnout was 61%, up from 55%.", "55%", "before", false},
		{"from and to", "The toll rose from 38 to 57.", "38", "before", false},
		{"to after from", "The toll rose from 38 to 57.", "57", "", false},
		{"a year earlier", "Exports fell 4%, after 6% a year earlier.", "6%", "before", false},
		{"forecast", "Growth is expected to reach 3%.", "3%", "expected", false},
		{"the usual value", "It will finish within six months, rather than the usual seven months.", "seven months", "usual", false},
		{"the event's beside the usual", "It will finish within six months, rather than the usual seven months.", "six months", "", false},
		{"limit", "It ran at 140 km/h where the limit is 70 km/h.", "70", "limit", false},
		{"aboard", "A train carrying about 300 people derailed.", "300 people", "aboard", false},
		{"preliminary after", "The party had 52% in preliminary results.", "52%", "early", false},
		{"bound", "The centre recorded 34 aftershocks of magnitude 4 or above.", "4", "", true},
		{"plain", "The centre recorded 34 aftershocks.", "34 aftershocks", "", false},
		{"qualified count", "The centre recorded 34 aftershocks of magnitude 4 or above.", "34 aftershocks", "", true},
		{"kept level", "Two members wanted to keep the rate at 4.75%.", "4.75%", "held", false},
		{"meeting time", "The meeting was held at 10:00 in the capital.", "10:00", "", false},
		{"target after", "Inflation fell to 3.1%, still above the 2.5% target.", "2.5%", "expected", false},
		{"rise on a year", "Exports were 3.4% higher than a year earlier.", "3.4%", "", false},
		{"earlier value", "Turnout was 61%, against 55% a year earlier.", "55%", "before", false},
		{"date of a deed", "Brussels froze 4.2 billion euros of funds last year.", "4.2 billion euros", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := figAt(t, tt.s, tt.fig)
			if got := figureStage(tt.s, f, figuresOf(tt.s)); got != tt.stage {
				t.Errorf("figureStage(%q, %q) = %q, want %q", tt.s, tt.fig, got, tt.stage)
			}
			if got := isThreshold(tt.s[f.End:]) || thresholdQualified(tt.s[f.End:]); got != tt.threshold {
				t.Errorf("isThreshold after %q in %q = %v, want %v", tt.fig, tt.s, got, tt.threshold)
			}
		})
	}
}

func TestSameScope(t *testing.T) {
	tests := []struct {
		name string
		a, b looseFig
		want bool
	}{
		{"same outcome", looseFig{outcome: "dead"}, looseFig{outcome: "dead"}, true},
		{"one outcome unknown", looseFig{outcome: "dead"}, looseFig{}, true},
		{"dead and injured", looseFig{outcome: "dead"}, looseFig{outcome: "injured"}, false},
		{"seats and votes", looseFig{outcome: "seats"}, looseFig{outcome: "votes"}, false},
		{"another year", looseFig{era: "year:2015"}, looseFig{}, false},
		{"same other year", looseFig{era: "year:2015"}, looseFig{era: "year:2015"}, true},
		{"earlier and current", looseFig{stage: "early"}, looseFig{}, false},
		{"threshold", looseFig{threshold: true}, looseFig{}, false},
		{"shared anchor", looseFig{near: []string{"depth", "km"}}, looseFig{near: []string{"km", "agreement"}}, true},
		{"no shared anchor", looseFig{near: []string{"lat", "left"}}, looseFig{near: []string{"dawn", "arriv"}}, false},
		{"days beside times in two zones", looseFig{clock: "et"}, looseFig{clock: "gmt"}, false},
		{"days beside times in one zone", looseFig{clock: "gmt"}, looseFig{clock: "gmt"}, true},
		{"a day beside no time", looseFig{clock: "gmt"}, looseFig{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameScope(&tt.a, &tt.b); got != tt.want {
				t.Errorf("sameScope = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestClockZone(t *testing.T) {
	for _, tc := range []struct{ s, day, want string }{
		{"The storm came ashore around 11 p.m. ET Monday.", "Monday", "et"},
		{"It made landfall at about 03:00 GMT on Tuesday.", "Tuesday", "gmt"},
		{"It made landfall at 22:00 on Monday.", "Monday", "local"},
		{"It made landfall on Monday.", "Monday", ""},
	} {
		if got := clockZone(figAt(t, tc.s, tc.day), sentenceFigures(tc.s)); got != tc.want {
			t.Errorf("%q: zone %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestNearKeys(t *testing.T) {
	s := "The quake struck at 11:32 pm at a depth of 20 km, according to the NCS."
	got := nearKeys(lexicon.Terms(s), figAt(t, s, "20"))
	if len(got) != 4 || !slices.Contains(got, "depth") || !slices.Contains(got, "km") {
		t.Errorf("nearKeys = %q, want two keys either side of 20, depth and km among them", got)
	}
}

func TestFigureEra(t *testing.T) {
	ref := time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, s, fig, want string
	}{
		{"another year", "An earthquake in 2015 killed nearly 9,000 people.", "9,000 people", "year:2015"},
		{"the source's year", "In 2025 the quake killed 50 people.", "50 people", ""},
		{"a starting point", "It was the deadliest since 2015, killing 50 people.", "50 people", ""},
		{"no year", "The quake killed 50 people.", "50 people", ""},
		{"across a contrast", "Turnout was 61%, up from 55% in 2019.", "61%", ""},
		{"the compared value", "Turnout was 61%, up from 55% in 2019.", "55%", "year:2019"},
		{"another clause after", "Venn, 64, arrived on Monday, his first visit since taking office in 2021.", "64", ""},
		{"relative clause", "The 2015 quake, which killed 9,000 people, was stronger.", "9,000 people", "year:2015"},
		{"opening year", "In 2015, a quake killed 9,000 people.", "9,000 people", "year:2015"},
		{"a deadline", "About 900 positions would go by 2028.", "900 positions", ""},
		{"a when clause after since", "It was the deadliest crash since 2011, when 63 people died near Tolvik.", "63 people", "year:2011"},
		{"a when clause after a year", "In a crash in 2011, when 63 people died, the pilot survived.", "63 people", "year:2011"},
		{"a past limit", "About 900 positions had gone by 2019.", "900 positions", "year:2019"},
		{"a year set off after the subject", "The last flare-up, in 2019, killed more than 40 people.", "40 people", "year:2019"},
		{"a year set off, then another clause", "The last flare-up, in 2019, was small, but 40 people died.", "40 people", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := looseFig{fig: fig{f: figAt(t, tt.s, tt.fig), ref: ref}}
			if got := figureEra(tt.s, figuresOf(tt.s), &x); got != tt.want {
				t.Errorf("figureEra(%q, %q) = %q, want %q", tt.s, tt.fig, got, tt.want)
			}
		})
	}
}

// TestComplementaryCounts: the part of a whole a sentence gives ("Seven
// of the nine members") is no other value of the rest ("two members")
// nor of the whole ("nine members"), but may be one of another report's
// count ("as many as 1,200 jobs" for "up to 1,500 of the 6,800 jobs").
func TestComplementaryCounts(t *testing.T) {
	part := func(s, text string) *looseFig {
		x := &looseFig{fig: fig{f: figAt(t, s, text)}}
		x.whole = wholeOf(s, figuresOf(s), x.f)
		return x
	}
	seven := part("Seven of the nine members backed the cut.", "Seven")
	if seven.whole != 9 {
		t.Fatalf("whole of Seven = %v, want 9", seven.whole)
	}
	if w := part("The blast killed 7 people and injured 20 people.", "7 people").whole; w != 0 {
		t.Errorf("20 injured are the whole of 7 dead: %v", w)
	}
	for _, other := range []struct {
		s, text string
		apart   bool
	}{
		{"Two members preferred a hold.", "Two members", true},
		{"The council has nine members.", "nine members", true},
		{"Six members backed the cut.", "Six members", false},
	} {
		o := part(other.s, other.text)
		if got := complementary(seven, o) || complementary(o, seven); got != other.apart {
			t.Errorf("complementary(Seven of nine, %q) = %v, want %v", other.text, got, other.apart)
		}
	}
}

// TestPercentChange reads changes (percentChange: "shares were up
// 34%", not "rose to 3.1%") and parts of a count (isPart: "including 20
// children", "Among the dead were 11 children" are no value of the
// whole).
func TestPercentChange(t *testing.T) {
	preds := map[string]func(string, figureT) bool{"isPart": isPart, "percentChange": percentChange, "isSubset": isSubset}
	for _, tt := range []struct {
		pred, s, fig string
		want         bool
	}{
		{"isSubset", "About 300,000 of the vehicles are in the United States.", "300,000", true},
		{"isSubset", "The party won 180 of the 300 seats.", "180", false},
		{"isPart", "At least 34 people died, including 11 children.", "11 children", true},
		{"isPart", "Among the dead were 11 children, the directorate said.", "11 children", true},
		{"isPart", "The victims included 11 children.", "11 children", true},
		{"isPart", "Four other defendants were convicted.", "Four", true},
		{"isPart", "Some 11 children were treated in hospital.", "11 children", false},
		{"isPart", "Shares of the firm rose 5%, including gains in Oslo.", "5%", false},
		{"percentChange", "Danubia shares were up 34% at 4,047 forints by midday.", "34%", true},
		{"percentChange", "The stock closed 31.5% higher.", "31.5%", true},
		{"percentChange", "The bid is 41% above Monday's closing price.", "41%", true},
		{"percentChange", "The offer is a premium of 37% to the closing price.", "37%", true},
		{"percentChange", "The economy will grow by about 1.2% next year.", "1.2%", true},
		{"percentChange", "Kestrel Capital, which owns 41% of Danubia, will sell.", "41%", false},
		{"percentChange", "Inflation rose to 3.1% in October.", "3.1%", false},
		{"percentChange", "Turnout was 61%.", "61%", false},
		{"percentChange", "The party gained 45% of the vote.", "45%", false},
		{"percentChange", "The union, which demands a 12% raise, says pay lags prices.", "12%", true},
		{"percentChange", "It wants a 12% pay rise over two years.", "12%", true},
		{"percentChange", "Nine in ten drivers, or 90% of the union, walked out.", "90%", false},
		{"percentChange", "Its 71 seats leave it ten short of a majority.", "ten", true},
		{"percentChange", "Its 71 seats leave it ten short of a majority.", "71 seats", false},
		{"percentChange", "Forward finished five seats ahead of Unity.", "five seats", true},
	} {
		if got := preds[tt.pred](tt.s, figAt(t, tt.s, tt.fig)); got != tt.want {
			t.Errorf("%s(%q, %q) = %v, want %v", tt.pred, tt.s, tt.fig, got, tt.want)
		}
	}
	// A change is never the same quantity as a level.
	a := looseFig{change: true}
	if sameScope(&a, &looseFig{}) {
		t.Error("sameScope holds a change and a level together")
	}
}

// TestWeekdaysOfOtherActs: within one claim, two weekdays that no word
// ties are days of different acts, not a discrepancy; two days of one
// act still are.
func TestWeekdaysOfOtherActs(t *testing.T) {
	c := scopeTest(t,
		"A volunteer firefighter died when his water truck was overtaken by flames on Tuesday evening.",
		"Some 820 firefighters and 160 volunteers were deployed on Wednesday, the fire service said.",
		"The fire broke out on Monday afternoon near Orvenna.",
		"The fire broke out on Sunday afternoon near Orvenna.",
	)
	a, b := scopeOf(t, c, 0, ofKind("weekday")), scopeOf(t, c, 1, ofKind("weekday"))
	d, e := scopeOf(t, c, 2, ofKind("weekday")), scopeOf(t, c, 3, ofKind("weekday"))
	if sameScope(&a, &b) {
		t.Error("the day a truck burned and the day crews were deployed are in one scope")
	}
	if !sameScope(&d, &e) {
		t.Error("two days the fire broke out are not in one scope")
	}
}

// TestBareTollInClaim: within one claim, "rose to 52" is bare as
// written, though read as a toll, so it is set against another bare
// number only when a word next to both ties them: not against a
// magnitude.
func TestBareTollInClaim(t *testing.T) {
	c := scopeTest(t,
		"A magnitude 6.1 earthquake struck the hill district of Varo late on Tuesday, killing at least 48 people.",
		"The death toll from the quake in the hill district rose to 52 on Wednesday.",
	)
	magnitude := scopeOf(t, c, 0, func(f figureT) bool { return f.Text == "6.1" })
	toll := scopeOf(t, c, 1, func(f figureT) bool { return f.Text == "52" })
	if sameScope(&magnitude, &toll) {
		t.Errorf("a magnitude and a toll are in one scope: near %v and %v", magnitude.near, toll.near)
	}
}

// TestOrdinalsOfMoments: "the 58th minute" of an equaliser and "the
// 87th minute" of the winner share only the noun the ordinals order,
// which does not tie them; two minutes of the winner are tied.
func TestOrdinalsOfMoments(t *testing.T) {
	c := scopeTest(t,
		"Orlik equalised from the penalty spot in the 58th minute after a video review.",
		"Petrel scored the decisive goal in the 87th minute.",
		"Petrel scored the decisive goal in the 86th minute.",
	)
	equaliser, winner, winner2 := scopeOf(t, c, 0, ofKind("ordinal")), scopeOf(t, c, 1, ofKind("ordinal")), scopeOf(t, c, 2, ofKind("ordinal"))
	if sameScope(&equaliser, &winner) {
		t.Errorf("the equaliser's minute and the winner's are in one scope: near %v and %v", equaliser.near, winner.near)
	}
	if !sameScope(&winner, &winner2) {
		t.Errorf("two minutes of the winner are not in one scope: near %v and %v", winner.near, winner2.near)
	}
}

// scopeTest reads one sentence per source for claimScope.
func scopeTest(t *testing.T, sentences ...string) *comparison {
	t.Helper()
	c := &comparison{}
	for i, s := range sentences {
		c.arts = append(c.arts, fromText(t, string(rune('a'+i)), "", s))
	}
	c.vectorize()
	return c
}

// scopeOf returns the claim scope of the first figure of source si's
// sentence that match accepts.
func scopeOf(t *testing.T, c *comparison, si int, match func(figureT) bool) looseFig {
	t.Helper()
	for _, f := range c.figuresAt(si, 0) {
		if match(f) {
			return c.claimScope(fig{f: f, src: si})
		}
	}
	t.Fatalf("no such figure in source %d", si)
	return looseFig{}
}

func ofKind(k string) func(figureT) bool { return func(f figureT) bool { return f.Kind == k } }

// TestDeathsCountPeople: "524 deaths" counts the people "524 people
// died" counts.
func TestDeathsCountPeople(t *testing.T) {
	c := scopeTest(t, "More than 14,000 cases and 524 deaths have been reported.", "The fever has killed 524 people.")
	deaths := scopeOf(t, c, 0, func(f figureT) bool { return f.Text == "524 deaths" })
	people := scopeOf(t, c, 1, func(f figureT) bool { return f.Text == "524 people" })
	if deaths.f.Unit != "person" || deaths.f.Norm != people.f.Norm {
		t.Errorf("deaths: unit %q, norm %q; people: norm %q", deaths.f.Unit, deaths.f.Norm, people.f.Norm)
	}
}

func TestAgeName(t *testing.T) {
	for _, tc := range []struct {
		s, fig, want string
	}{
		{"Lars Odin, 58, had held the post since 2019.", "58", "odin"},
		{"Odin, 58, had held the post since 2019.", "58", "odin"},
		{"He met Odin, 58, and Berg, 61.", "58", ""},
		{"Mr Odin, 57, apologised for his mistakes.", "57", "odin"},
		{"The court ordered dela Paz, 71, to return the money.", "71", "paz"},
		{"Casualties were reported in Kherson, 12, and in Zaporizhzhia, 4.", "12", ""},
		{"On Tuesday, 12 were arrested.", "12", ""},
		{"Odin said 58 had written to him.", "58", ""},
		{"The party won 41, and the alliance 84.", "41", ""},
	} {
		if got := ageName(tc.s, figAt(t, tc.s, tc.fig)); got != tc.want {
			t.Errorf("ageName(%q, %q) = %q, want %q", tc.s, tc.fig, got, tc.want)
		}
	}
}

// TestDayOfANoun: "Sunday's snap election" dates the election and
// "announced on Tuesday" the announcement: aligned, the two days are no
// conflict.
func TestDayOfANoun(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Election", "Tavria's ruling People's Party won 62 of the 76 seats in parliament in Sunday's snap election, according to preliminary results released on Monday."),
		fromText(t, "b", "Election", "The People's Party won 64 of the 76 seats in the State Great Assembly, according to final results announced by the General Election Commission on Tuesday."),
		fromText(t, "c", "Election", "The People's Party has won a landslide in Tavria's snap parliamentary election, taking 62 seats in the 76-member chamber."),
	}
	for _, d := range mustCompare(t, arts).Discrepancies {
		for _, v := range d.Values {
			if bareValue(v.Text) == "Sunday" || bareValue(v.Text) == "Tuesday" {
				t.Errorf("a day is set against another: %+v", d)
			}
		}
	}
}

// TestPremiumsAndMovesOfNamedShares: an offer's premium to a price
// ("a premium of 37%", "41% above Monday's closing price") is one
// quantity and the move of the target's shares ("up 34%", "closed 31.5%
// higher") another; a premium to another price ("52% to the average
// price") is no move of the shares, nor the bidder's own shares' fall
// ("Jiangxin's shares ended 2.1% lower") a move of the target's. Both
// discrepancies are found.
func TestPremiumsAndMovesOfNamedShares(t *testing.T) {
	texts := [][]string{
		{"China's Jiangxin Steel agreed on Tuesday to buy Danubia for 4,150 forints a share.", "The offer is a premium of 37% to Danubia's closing price on Monday.", "Danubia shares were up 34% at 4,047 forints by midday."},
		{"China's Jiangxin Steel agreed on Tuesday to buy Danubia for 4,150 forints a share.", "The bid is 41% above Monday's closing price.", "Danubia closed 31.5% higher.", "Jiangxin's shares listed in Shanghai ended 2.1% lower."},
		{"China's Jiangxin Steel agreed on Tuesday to buy Danubia for 4,150 forints a share.", "Jiangxin's offer values Danubia shares at a premium of 52% to their average price over three months."},
	}
	r := reportOf(t, texts...)
	conflictsOf(t, r, [][]string{{"37%", "41%"}, {"34%", "31.5%"}}, nil)
	c, err := scored(t.Context(), linesArticles(t, texts...), []string{"a", "b", "c"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	figs := c.allContextFigures()
	at := func(text string) *looseFig {
		for i := range figs {
			if figs[i].f.Text == text {
				return &figs[i]
			}
		}
		t.Fatalf("no figure %q", text)
		return nil
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{{"37%", "41%", true}, {"34%", "31.5%", true}, {"34%", "52%", false}, {"34%", "2.1%", false}} {
		if got := sameQuantity(at(tc.a), at(tc.b)); got != tc.want {
			t.Errorf("sameQuantity(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestDistanceFromIsNoHeight: a distance from a place ("about 15 miles
// from the crater") in a sentence of a claim about the ash column's
// height is not a value of that height.
func TestDistanceFromIsNoHeight(t *testing.T) {
	r := mustCompare(t, []*article.Article{
		fromText(t, "wire", "Eruption", "The ash column rose to about 6,000 metres on Sunday, the volcano institute said."),
		fromText(t, "radio", "Eruption", "The ash column rose to 5 km on Sunday, the volcano institute said."),
		fromText(t, "web", "Eruption", "The ash column rose on Sunday, the volcano institute said, and the airport about 15 miles from the crater closed."),
	})
	for _, d := range r.Discrepancies {
		for _, v := range d.Values {
			if strings.Contains(v.Text, "15 miles") {
				t.Errorf("discrepancy %q holds %q", d.Topic, v.Text)
			}
		}
	}
	if len(r.Discrepancies) != 1 {
		t.Errorf("got %d discrepancies, want the height's: %+v", len(r.Discrepancies), r.Discrepancies)
	}
}

// TestSettledIn: a count set in a settlement named after its noun is that
// settlement's, and two such counts of two settlements are two
// quantities; a count with none keeps its scope.
func TestSettledIn(t *testing.T) {
	marevo := "Four civilians died in the town of Marevo, officials said."
	tuzgal := "Two civilians were killed in the village of Tuzgal."
	if got := settledIn(marevo, figAt(t, marevo, "Four civilians")); got != "Marevo" {
		t.Errorf("settledIn = %q, want Marevo", got)
	}
	if got := settledIn("Four civilians died, officials in the town of Marevo said.", figAt(t, "Four civilians died, officials in the town of Marevo said.", "Four civilians")); got != "" {
		t.Errorf("settledIn across a comma = %q, want none", got)
	}
	a := looseFig{settled: settledIn(marevo, figAt(t, marevo, "Four civilians"))}
	b := looseFig{settled: settledIn(tuzgal, figAt(t, tuzgal, "Two civilians"))}
	if sameScope(&a, &b) {
		t.Error("the tolls of two villages are in one scope")
	}
}
