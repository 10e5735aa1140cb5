package compare

import (
	"fmt"
	"github.com/newslens/newslens/internal/figure"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/lexicon"
)

// floodArticles are four short reports of one flood, written for these
// tests, whose figures differ the ways coverage does: a national toll
// beside a district's, a part of a toll ("including 31 children"), homes
// destroyed beside homes damaged, an earlier count, estimates in words
// and times of day.
func floodArticles(t *testing.T) []*article.Article {
	t.Helper()
	return []*article.Article{
		fromText(t, "agency", "Floods kill 112 in Veloria",
			"Floods in the southern province of Veloria have killed 112 people, the disaster agency said on Monday. "+
				"In Tarn district alone, 47 people died. "+
				"More than 3,000 houses were destroyed and about 9,000 were damaged. "+
				"Floods hit the southern province after days of heavy rain. "+
				"Rescuers reached the cut-off village of Orle shortly after 6 a.m."),
		fromText(t, "relief", "Red Cross says 140 dead",
			"At least 140 people have died in floods across Veloria, according to the Red Cross. "+
				"Floods hit the southern province of Veloria after days of heavy rain. "+
				"Some 3,100 homes were destroyed by the water. "+
				"Rescue teams arrived in Orle at about 8:30 a.m. on Tuesday. "+
				"A preliminary count had put the toll at 60."),
		fromText(t, "daily", "Veloria toll stands at 112",
			"The death toll from flooding in Veloria stood at 112 on Tuesday, officials said. "+
				"Tens of thousands of people have been displaced by the floods. "+
				"Officials said 2,500 houses had collapsed in the province."),
		fromText(t, "world", "Veloria flood leaves thousands homeless",
			"Floodwaters swept through Veloria, killing 98 people, including 31 children. "+
				"Hundreds of thousands of people were displaced, the UN said. "+
				"Roughly 9,500 houses were damaged across the region."),
	}
}

// TestFloodDiscrepancies checks which figures the flood reports set
// against each other: the national toll, homes destroyed (with the
// agreeing count of a sentence no claim pairs), the displaced
// in words and the time rescuers came, and never a district's toll, a
// part of one, an earlier count, or homes damaged against destroyed.
func TestFloodDiscrepancies(t *testing.T) {
	r, err := Sources(t.Context(), floodArticles(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range r.Discrepancies {
		var vs []string
		for _, v := range d.Values {
			vs = append(vs, fmt.Sprintf("%s %d %s", v.Source, v.Class, v.Text))
		}
		got = append(got, d.Kind+": "+strings.Join(vs, ", "))
	}
	want := []string{
		"count: agency 1 more than 3,000 houses, daily 2 2,500 houses, relief 1 some 3,100 homes",
		"count: daily 1 Tens of thousands of people, world 2 Hundreds of thousands of people",
		"count: agency 1 112 people, relief 2 at least 140 people, daily 1 112, world 3 98 people",
		"time: agency 1 shortly after 6 a.m., relief 2 about 8:30 a.m.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("discrepancies:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSubtotalPlaces(t *testing.T) {
	tests := []struct {
		name, s, fig string
		want         []string
	}{
		{"place after", "In all, 95 people died in Jajarkot.", "95 people", []string{"jajarkot"}},
		{"opening place", "In Tarn district alone, 47 people died.", "47 people", []string{"tarn"}},
		{"no place", "The floods killed 112 people, officials said.", "112 people", nil},
		{"the city", "Some 18,000 residents spent the night in 42 shelters across the city.", "42 shelters", []string{localPlace}},
		{"the city far off", "Some 18,000 residents spent the night in 42 shelters across the city.", "18,000 residents", []string{localPlace}},
		{"a municipal count", "The municipal engineering office has counted 3,100 damaged houses.", "3,100", []string{localPlace}},
		{"given by the municipality", "Some 18,000 residents were evacuated, the municipality said.", "18,000 residents", []string{localPlace}},
		{"a mayor's national figure", "Five people died in the old town, Mayor Olmedo said, out of 17 confirmed deaths nationwide.", "17", nil},
		{"the city in another clause", "Some 18,000 residents were evacuated, and the council opened 42 shelters across the city.", "18,000 residents", nil},
		{"the country", "Some 170,000 people spent the night in shelters across the country.", "170,000 people", nil},
		{"of the city", "Eight residents of the city are still missing.", "Eight residents", []string{localPlace}},
		{"of the agency", "Eight residents are missing, the head of the agency said.", "Eight residents", nil},
		{"the town of", "Four civilians died in the town of Marevo.", "Four civilians", []string{localPlace, "marevo"}},
		{"the village of", "Two residents were killed in the village of Tuzgal.", "Two residents", []string{localPlace, "tuzgal"}},
		{"a market", "Norvik shares fell 6% in Oslo trading.", "6%", nil},
		{"a market after a place", "Shares fell 6% in Bergen and in Oslo trading.", "6%", []string{"bergen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := figurePlaces(tt.s, lexicon.Terms(tt.s), figAt(t, tt.s, tt.fig))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("figurePlaces(%q, %q) = %q, want %q", tt.s, tt.fig, got, tt.want)
			}
		})
	}
}

// TestMayorOfTheEventPlace: the mayor of the town where the whole event
// happened gives its toll, not a part of it, so another outlet's toll is
// set against it.
func TestMayorOfTheEventPlace(t *testing.T) {
	r := reportOf(t,
		[]string{"Fourteen people died when fire swept through a textile factory in Dorvan early on Tuesday, the town's mayor said."},
		[]string{"A fire at a textile factory in Dorvan killed 12 people early on Tuesday, the regional emergency service said."},
		[]string{"Twelve people were killed when fire swept through a textile factory in Dorvan early on Tuesday, officials said."},
	)
	if !conflictOf(r, "Fourteen people", "12 people") {
		t.Errorf("no conflict of 14 and 12 dead: %+v", r.Discrepancies)
	}
}

func TestLastYearEra(t *testing.T) {
	ref := time.Date(2026, 8, 4, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		s, fig, want string
	}{
		{"Morvany exported steel worth 3.2 billion dollars to Caldria last year.", "3.2 billion dollars", "year:2025"},
		{"Last year Morvany sold steel worth about 3 billion dollars to Caldria.", "3 billion dollars", "year:2025"},
		{"Profit rose to 3 billion dollars, up from 2.5 billion last year.", "3 billion dollars", ""},
		{"Sales reached 3 billion dollars, more than last year.", "3 billion dollars", ""},
		{"Sales reached 3 billion dollars this year.", "3 billion dollars", ""},
		{"It expects 3 billion dollars this year after 2.8 billion last year.", "3 billion dollars", ""},
		{"It expects 3 billion dollars after 2.8 billion last year.", "3 billion dollars", ""},
		{"It expects 3 billion dollars after 2.8 billion last year.", "2.8 billion", "year:2025"},
	} {
		x := looseFig{fig: fig{f: figAt(t, tc.s, tc.fig), ref: ref}}
		if got := lastYearEra(tc.s, &x); got != tc.want {
			t.Errorf("lastYearEra(%q, %q) = %q, want %q", tc.s, tc.fig, got, tc.want)
		}
	}
}

// TestRateOfAWhole: a rate that moved to "5.1% of the workforce" is the
// jobless rate the others give, not a share something makes up.
func TestRateOfAWhole(t *testing.T) {
	r := reportOf(t,
		[]string{"The jobless rate in Norvany fell to 5.2% in April, the statistics office said on Friday.", "Economists had expected a rate of 5.4%."},
		[]string{"Unemployment in Norvany dropped to 5.1% of the workforce in April, official figures showed on Friday.", "Analysts had forecast 5.4%."},
		[]string{"Norvany's unemployment rate eased to 5.2 percent in April, the statistics office said on Friday.", "That was better than the 5.4 percent economists had forecast."},
	)
	if !conflictOf(r, "5.1%", "5.2%") {
		t.Errorf("no conflict of 5.1%% and 5.2%%: %+v", r.Discrepancies)
	}
}

// TestLastYearAndNoYear: a profit "last year" in a report of February
// is the profit another report gives with no year, and one "in 2027".
func TestLastYearAndNoYear(t *testing.T) {
	dir := t.TempDir()
	var arts []*article.Article
	for _, d := range [][2]string{
		{"a", "Dravo Motors said on Wednesday its profit fell to 1.2 billion euros last year.\nIts shares fell 4% in Frankfurt."},
		{"b", "Dravo Motors said on Wednesday that its profit fell to 1.2 billion euros in 2027.\nIts shares fell 4% in Frankfurt."},
		{"c", "Dravo Motors reported on Wednesday that its profit dropped to 1.4 billion euros.\nIts shares fell 4% in Frankfurt."},
	} {
		p := filepath.Join(dir, d[0]+".txt")
		if err := os.WriteFile(p, []byte("title: Dravo profit\ndate: 2028-02-14\n\n"+d[1]+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, loadArticle(t, d[0]+"="+p))
	}
	if r := comparedAll(t, arts); !conflictOf(r, "1.2 billion euros", "1.4 billion euros") {
		t.Errorf("no conflict of 1.2 and 1.4 billion euros: %+v", r.Discrepancies)
	}
}

// TestTrappedAreNoWorkforce: the miners trapped are not the miners who
// work in the mine, however the sentences align.
func TestTrappedAreNoWorkforce(t *testing.T) {
	r := reportOf(t,
		[]string{"Rescuers were trying on Tuesday to reach 23 miners trapped in the Brenvik mine after a tunnel collapsed.", "Two miners were pulled out alive overnight."},
		[]string{"A tunnel collapsed on Tuesday at the Brenvik mine, where 400 miners work in three shifts.", "Rescue teams were drilling a shaft to reach those trapped.", "Two miners were rescued alive overnight."},
		[]string{"Rescuers were drilling on Tuesday to reach 23 miners trapped in the Brenvik mine after a tunnel collapsed.", "Two were brought out alive overnight."},
	)
	if conflictOf(r, "23 miners", "400 miners") {
		t.Errorf("23 trapped set against 400 who work there: %+v", r.Discrepancies)
	}
}

func TestSentenceFigures(t *testing.T) {
	tests := []struct {
		name, s string
		want    []string // Norm of each figure
	}{
		{"dateline left out", "KATHMANDU, Feb 13 - The toll rose to 57.", []string{"number:57"}},
		{"colon dateline left out", "BAJURA, Feb 12: At least 53 people have died.", []string{"count:53:person"}},
		{"report day left out", "The toll rose to 57 on Thursday, officials said on Friday.", []string{"number:57"}},
		{"event day kept", "The quake struck on Tuesday.", []string{"weekday:tuesday"}},
		{"release day left out", "According to figures released by CPERA on Wednesday evening, the fire has consumed 14,500 hectares.", []string{"measure:14500:ha"}},
		{"day of an act by someone kept", "The man was arrested by police on Tuesday.", []string{"weekday:tuesday"}},
		{"day of a release kept", "Three hostages were released by the group on Sunday.", []string{"count:3:hostage", "weekday:sunday"}},
		{"data published by an office", "According to data published by the statistics office on Monday, prices rose 3%.", []string{"percent:3"}},
		{"label line left out", "Budapest close, Tuesday 14 October", nil},
		{"people folded", "Some 200 residents and 40 homes", []string{"count:200:person", "count:40:house"}},
		{"group kept apart", "12 soldiers", []string{"count:12:soldier"}},
		{"equivalent nouns", "12 agreements and 14 deals", []string{"count:12:agreement", "count:14:agreement"}},
		{"time found", "at 3 a.m. local time", []string{"time:03:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range sentenceFigures(tt.s) {
				got = append(got, f.Norm)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("sentenceFigures(%q) = %q, want %q", tt.s, got, tt.want)
			}
		})
	}
}

// TestPartAndTotal checks the two figures a count is not set against as
// itself: a part of it (isPart) and the whole it is taken from (isTotal).
func TestPartAndTotal(t *testing.T) {
	tests := []struct {
		name, s, fig string
		test         string // "isPart" or "isTotal"
		want         bool
	}{
		{"including", "The flood killed 98 people, including 31 children.", "31 children", "isPart", true},
		{"of whom", "Of the 40 rescued, of whom 12 were soldiers, most were hurt.", "12", "isPart", true},
		{"whole", "The flood killed 98 people, including 31 children.", "98 people", "isPart", false},
		{"of the", "The party won 180 of the 300 seats.", "300 seats", "isTotal", true},
		{"a share of", "It will shed 8 percent of its 15,000 workers.", "15,000 workers", "isTotal", true},
		{"a share in figures of", "It will shed 8% of its 15,000 workers.", "15,000 workers", "isTotal", true},
		{"of the, in words", "Seven of the nine members backed the decision.", "nine members", "isTotal", true},
		{"out of", "It won 40 out of 52 districts.", "52 districts", "isTotal", true},
		{"the count itself", "The party won 180 of the 300 seats.", "180", "isTotal", false},
		{"of a noun", "A toll of 57 people.", "57 people", "isTotal", false},
		{"of a possessive", "The plans put up to 1,500 of the works' 6,800 jobs at risk.", "6,800 jobs", "isTotal", true},
		{"another clause", "The coast guard rescued 170 of them; eight are missing.", "eight", "isTotal", false},
	}
	fns := map[string]func(string, figureT) bool{"isPart": isPart, "isTotal": isTotal}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fns[tt.test](tt.s, figAt(t, tt.s, tt.fig)); got != tt.want {
				t.Errorf("%s(%q, %q) = %v, want %v", tt.test, tt.s, tt.fig, got, tt.want)
			}
		})
	}
}

func TestFigureRateAndSubset(t *testing.T) {
	tests := []struct {
		name, s, fig, rate string
		subset             bool
	}{
		{"per share", "Jiangxin offered 4,150 forints a share in cash.", "4,150 forints", "share", false},
		{"a year", "The deal is worth $40 billion a year.", "$40 billion", "year", false},
		{"each", "Families will receive $500 each.", "$500", "each", false},
		{"for each day", "The stoppage would cost the economy 200 million euros for each day it lasts.", "200 million euros", "day", false},
		{"in each", "Rescuers found 12 survivors in each village.", "12 survivors", "village", false},
		{"alone", "On Monday alone, 12 people died.", "12 people", "", true},
		{"one village", "Nine people died in one village.", "Nine people", "", true},
		{"whole", "The floods killed 112 people, officials said.", "112 people", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := figAt(t, tt.s, tt.fig)
			if got := figureRate(tt.s, f); got != tt.rate {
				t.Errorf("figureRate(%q, %q) = %q, want %q", tt.s, tt.fig, got, tt.rate)
			}
			if got := isSubset(tt.s, f); got != tt.subset {
				t.Errorf("isSubset(%q, %q) = %v, want %v", tt.s, tt.fig, got, tt.subset)
			}
		})
	}
}

// TestAmbiguousSourceLeftOut checks that an outlet giving two tolls is
// left out of the toll's discrepancy while the other outlets' conflict
// is still reported.
func TestAmbiguousSourceLeftOut(t *testing.T) {
	arts := append(floodArticles(t), fromText(t, "radio", "Veloria toll unclear",
		"Rescuers in the hills said 90 people had died in their area. "+
			"Hospital staff counted 131 people dead across Veloria."))
	r := mustCompare(t, arts)
	found := false
	for _, d := range r.Discrepancies {
		srcs := map[string]int{}
		for _, v := range d.Values {
			srcs[v.Source]++
		}
		if srcs["relief"] > 0 && srcs["world"] > 0 {
			found = true
		}
		if srcs["radio"] > 1 {
			t.Errorf("a discrepancy holds two of radio's values: %+v", d.Values)
		}
	}
	if !found {
		t.Errorf("no discrepancy sets relief's toll against world's: %+v", r.Discrepancies)
	}
}

// TestTollAcrossThreeSources checks that counts of one outcome are set
// against each other however many other words their sentences share.
func TestTollAcrossThreeSources(t *testing.T) {
	a := floodArticles(t)
	r, err := Sources(t.Context(), []*article.Article{a[0], a[2], a[3]}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Discrepancies {
		var vs []string
		for _, v := range d.Values {
			vs = append(vs, v.Source+" "+v.Text)
		}
		if strings.Join(vs, ", ") == "agency 112 people, daily 112, world 98 people" {
			return
		}
	}
	t.Errorf("no discrepancy sets the tolls 112 and 98 against each other: %+v", r.Discrepancies)
}

func TestWeekdayAgainstDate(t *testing.T) {
	ref := time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC)
	day := func(t *testing.T, s string) fig {
		t.Helper()
		fs := sentenceFigures(s)
		if len(fs) != 1 {
			t.Fatalf("want one figure in %q, got %d", s, len(fs))
		}
		return fig{f: fs[0], ref: ref}
	}
	tests := []struct {
		name, a, b string
		want       bool
	}{
		{"same day", "The leaders met on Tuesday.", "The leaders met on June 18.", false},
		{"another day", "The leaders met on Monday.", "The leaders met on June 18.", true},
		{"with the year", "The leaders met on Tuesday.", "The leaders met on 18 June 2024.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := looseConflict(day(t, tt.a), day(t, tt.b)); got != tt.want {
				t.Errorf("looseConflict(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestRateDecisionFigures reads figures the way a report on a rate
// decision gives them: a vote as "7-2" or "six votes to three", the rate
// a dissenter wanted kept, a target beside the value reached, a bond
// yield that "fell" like inflation, and a rate named at the head of its
// sentence ("Inflation in the country stands at 3.4%").
func TestRateDecisionFigures(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Bank cuts rate", "The central bank cut its main rate to 4.5% on Thursday. Two members wanted to keep the rate at 4.75%. Annual inflation slowed to 3.1% in October, still above the 2.5% target. Government bond yields fell to 3.82% after the decision. The council voted 7-2 for the cut."),
		fromText(t, "b", "Rate lowered", "The central bank lowered its main rate to 4.5% on Thursday. Inflation in the country stands at 3.4%, well above the bank's 2.5% target. The vote on the council was closer than expected, at six votes to three."),
		fromText(t, "c", "Borrowing costs fall", "The central bank reduced its main rate to 4.5% on Thursday. Inflation, which hit 3.1% in October, remains high."),
	}
	r := mustCompare(t, arts)
	var got []string
	for _, d := range r.Discrepancies {
		var vs []string
		for _, v := range d.Values {
			vs = append(vs, v.Source+"="+v.Text)
		}
		slices.Sort(vs)
		got = append(got, strings.Join(vs, " "))
	}
	slices.Sort(got)
	want := []string{"a=3.1% b=3.4% c=3.1%", "a=7-2 b=six votes to three"}
	if !slices.Equal(got, want) {
		t.Errorf("discrepancies:\n got %q\nwant %q", got, want)
	}
}

// TestTalliesNeedAWordInCommon keeps a council's vote apart from a
// football score: two tallies are compared only when a word around them
// is shared.
func TestTalliesNeedAWordInCommon(t *testing.T) {
	common := "The central bank cut its main rate to 4.5% on Thursday. Inflation slowed to 3.1% in October. "
	arts := []*article.Article{
		fromText(t, "a", "Rate cut", common+"The council voted 7-2 for the cut."),
		fromText(t, "b", "Cut and a match", common+"United beat the visitors 3-1 at home."),
		fromText(t, "c", "Bank eases", common+"Exporters welcomed the move."),
	}
	r := mustCompare(t, arts)
	for _, d := range r.Discrepancies {
		if d.Kind == "tally" {
			t.Errorf("got tally discrepancy %+v, want none", d)
		}
	}
}

// TestSumsOfMoneyByWhatTheyPay: two sums in one currency are one
// quantity when the noun after both says what they are ("in
// kickbacks"), not when it only says they are sums ("in total").
func TestSumsOfMoneyByWhatTheyPay(t *testing.T) {
	common := "A court in Dorn jailed former minister Ivo Marek for six years on Thursday. "
	arts := []*article.Article{
		fromText(t, "a", "Minister jailed", common+"Prosecutors showed he had taken 2.4 million euros in kickbacks from a road builder. Prosecutors said they had recovered assets worth 1.1 million euros. Auditors put the state's losses at 12 million euros in total."),
		fromText(t, "b", "Marek convicted", common+"Judges said the engineering firm paid 2.7 million euros in kickbacks over three years. The contracts for the new ring road were worth 310 million euros. The firm's fines came to 3 million euros in total."),
		fromText(t, "c", "Six years", common+"Marek said he would appeal."),
	}
	r := mustCompare(t, arts)
	got := discrepancyLines(r, func(v Value) string { return v.Source + " " + v.Text })
	want := []string{"a 2.4 million euros, b 2.7 million euros"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestHowLongItLasted: "the 14-month trial" and "the trial dragged on
// for nearly two years" are how long one trial lasted, and disagree,
// though one names the trial after the figure and the other opens its
// sentence with it and counts in years.
func TestHowLongItLasted(t *testing.T) {
	common := "A court in Dorn jailed former minister Ivo Marek on Thursday. "
	arts := []*article.Article{
		fromText(t, "a", "Jailed", common+"Marek, who denied the charges throughout the 14-month trial, called the ruling political."),
		fromText(t, "b", "Marek convicted", common+"The trial dragged on for nearly two years, with the defence complaining of delays."),
		fromText(t, "c", "Verdict", common+"Court records show the hearings ran for 14 months in all."),
	}
	r := mustCompare(t, arts)
	got := discrepancyLines(r, func(v Value) string { return fmt.Sprintf("%s %s (%d)", v.Source, v.Text, v.Class) })
	want := []string{"a 14-month (1), b nearly two years (2)"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// discrepancyLines writes each discrepancy of r as its values, each
// written by value and joined by commas: "a 14-month (1), b two years (2)".
func discrepancyLines(r *Report, value func(Value) string) []string {
	var out []string
	for _, d := range r.Discrepancies {
		var vs []string
		for _, v := range d.Values {
			vs = append(vs, value(v))
		}
		out = append(out, strings.Join(vs, ", "))
	}
	return out
}

// TestElectionCountFigures: the size of a parliament ("the 250-seat
// assembly") is not a party's seats, a rank ("second-placed") is no
// term's number, and the share of ballots counted is not a share of the
// vote; the shares counted that differ are a discrepancy.
func TestElectionCountFigures(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Count", "The ruling party won 41.3% of the vote, with 97% of ballots counted, and is on course for 142 seats. It secures a third consecutive term."),
		fromText(t, "b", "Result", "With 99% of votes counted, officials project the ruling party will hold 139 seats in the 250-seat assembly, with the second-placed Alliance on 84."),
		fromText(t, "c", "Vote", "The ruling party took 41% of the vote and 142 seats in the 250-member parliament, securing a third term."),
	}
	r := mustCompare(t, arts)
	got := discrepancyLines(r, func(v Value) string { return v.Source + " " + v.Text })
	want := []string{"a 142 seats, b 139 seats, c 142 seats", "a 97%, b 99%"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSizes(t *testing.T) {
	for _, tc := range []struct {
		s, fig string
		want   bool
	}{
		{"142 seats in the 250-seat assembly", "250", true},
		{"the nine-member council voted", "nine", true},
		{"a 6.3-magnitude quake struck", "6.3", false},
		{"a 24-year-old man", "24", false},
		{"won 250 seats", "250", false},
		{"40-odd people were killed", "40", false},
		{"a 300-strong crowd gathered", "300", false},
	} {
		var got bool
		for _, f := range sentenceFigures(tc.s) {
			if f.Text == tc.fig {
				got = sizes(tc.s, f)
			}
		}
		if got != tc.want {
			t.Errorf("sizes(%q, %q) = %v, want %v", tc.s, tc.fig, got, tc.want)
		}
	}
}

// TestFiguresOfOtherThings: a day that owns a thing ("Monday's closing
// price"), a count of the others ("four other defendants") and two days
// whose sentences share only a place are not values of one quantity.
func TestFiguresOfOtherThings(t *testing.T) {
	for _, tc := range []struct {
		name    string
		a, b, c string
	}{
		{"a day's price",
			"China's Jiangxin Iron and Steel Group on Tuesday signed an agreement to acquire Danubia Steel, Hungary's leading steel producer, in a deal worth 1.9 billion euros.",
			"Jiangxin Iron and Steel Group agreed to buy the company for HUF4,150 a share in cash. The bid is 41% above Monday's closing price and values the equity at €1.9bn.",
			"Jiangxin Iron and Steel Group will acquire Danubia Steel in a deal valuing the company at about 1.9 billion euros, the two companies said on Tuesday."},
		{"the others of a set",
			"Vantić received four years and two senior ministry officials were given suspended sentences.",
			"Vantić got four years in prison. Four other defendants received prison terms or suspended sentences.",
			"The court gave Vantić four years."},
		{"a place in common",
			"\"The people have chosen stability,\" Vaskar said in a victory speech in Dravenna on Sunday night.",
			"Vaskar said the people had chosen stability. A protest is planned in Dravenna on Tuesday.",
			"Vaskar's party won the vote, and he said the people had chosen stability."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts := []*article.Article{fromText(t, "a", "A", tc.a), fromText(t, "b", "B", tc.b), fromText(t, "c", "C", tc.c)}
			r := mustCompare(t, arts)
			if got := discrepancyLines(r, func(v Value) string { return v.Source + " " + v.Text }); len(got) > 0 {
				t.Errorf("got discrepancies %q, want none", got)
			}
		})
	}
}

func TestDayOwns(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []string
	}{
		{"The bid is 41% above Monday's closing price.", []string{"41%"}},
		{"The bid is 41% above the closing price on Monday.", []string{"41%", "Monday"}},
		{"Tuesday’s session was close.", nil},
		{"Tuesday's earthquake killed 300 people.", []string{"Tuesday", "300 people"}},
	} {
		var got []string
		for _, f := range sentenceFigures(tc.s) {
			got = append(got, f.Text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("sentenceFigures(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestCountedShare(t *testing.T) {
	for _, tc := range []struct {
		s, fig string
		want   bool
	}{
		{"with 97% of ballots counted", "97%", true},
		{"took 41.3% of the vote with 97% counted", "97%", true},
		{"after 99.1 percent of votes had been processed", "99.1 percent", true},
		{"took 41.3% of the vote", "41.3%", false},
		{"78% of companies reporting so far beat estimates", "78%", false},
		{"20% of the population counted as poor", "20%", false},
	} {
		got := false
		for _, f := range sentenceFigures(tc.s) {
			if f.Text == tc.fig {
				got = figureStage(tc.s, f, nil) == "counted"
			}
		}
		if got != tc.want {
			t.Errorf("%q in %q counted: %v, want %v", tc.fig, tc.s, got, tc.want)
		}
	}
}

// TestRelativeClauseActor: in "sentenced to three and a half years ...
// to Aurel Dimescu, who received six years" the six years are
// Dimescu's, not the founder's: the founder's term is set against the
// others' four years, Dimescu's against nothing.
func TestRelativeClauseActor(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Jailed", "Vantek's former chief executive Radu Vantić received four years and two ministry officials were given suspended sentences."),
		fromText(t, "b", "Founder jailed", "Radu Vantić, the founder of Vantek, was sentenced to three and a half years in prison on Thursday for paying bribes to former minister Aurel Dimescu, who received six years."),
		fromText(t, "c", "Verdict", "Radu Vantić, Vantek's former boss, got four years in prison."),
	}
	r := mustCompare(t, arts)
	got := discrepancyLines(r, func(v Value) string { return v.Source + " " + v.Text })
	want := []string{"a four years, b three and a half years, c four years"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestWhichClauseNoun: in "outperforming the Oslo benchmark, which
// gained 0.6%" the 0.6% is the benchmark's, not the shares': it is of
// another scope than a rise in the shares whose sentence does not name
// the benchmark.
func TestWhichClauseNoun(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Shares", "Shares in Halvorsen Foods rose 5.2% in Oslo trading."),
		fromText(t, "b", "Shares", "The shares rose 5.2% by the close, outperforming the Oslo benchmark, which gained 0.6%."),
	}
	_, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return f.f.Kind == "percent" })
	var rise, bench *looseFig
	for _, i := range idx {
		switch figs[i].f.Text {
		case "0.6%":
			bench = &figs[i]
		case "5.2%":
			if figs[i].src == 0 {
				rise = &figs[i]
			}
		}
	}
	if rise == nil || bench == nil {
		t.Fatalf("figures %v, want 5.2%% in a and 0.6%% in b", idx)
	}
	if bench.actor != "benchmark" {
		t.Errorf("the 0.6%% is about %q, want the benchmark", bench.actor)
	}
	if sameScope(rise, bench) {
		t.Error("the benchmark's gain is in the scope of the shares' rise")
	}
}

// TestSinceAgrees: a "since" year and a span that agree to within half a
// year for the article's date (19 June 2024) are one span whatever words
// surround them; a span that disagrees, or a short one, is not tied so.
func TestSinceAgrees(t *testing.T) {
	for _, tc := range []struct {
		span string
		want bool
	}{
		{"for the first time in 17 years", true},
		{"for the first time in 12 years", false},
		{"in nearly two decades", false},
	} {
		arts := []*article.Article{
			fromText(t, "a", "Strike", "It is the first national rail strike since 2007."),
			fromText(t, "b", "Strike", "Trains stood still "+tc.span+" as drivers walked out."),
		}
		_, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return f.f.Prep == "since" || f.f.Kind == "duration" })
		if len(idx) != 2 {
			t.Errorf("%q: %d figures, want 2", tc.span, len(idx))
			continue
		}
		if got := sinceAgrees(&figs[idx[0]], &figs[idx[1]]); got != tc.want {
			t.Errorf("%q against \"since 2007\": %v, want %v", tc.span, got, tc.want)
		}
	}
	term := []*article.Article{
		fromText(t, "a", "Verdict", "He has been in custody since 2007."),
		fromText(t, "b", "Verdict", "The court sentenced him to 17 years in prison."),
	}
	if _, figs, idx := figuresWhere(t, term, func(f looseFig) bool { return f.f.Prep == "since" || f.f.Kind == "duration" }); len(idx) != 2 {
		t.Errorf("custody and sentence: %d figures, want 2", len(idx))
	} else if sinceAgrees(&figs[idx[0]], &figs[idx[1]]) {
		t.Error("a prison term agrees with a time in custody")
	}
	arts := []*article.Article{
		fromText(t, "a", "Deal", "Prices have doubled since 2022."),
		fromText(t, "b", "Deal", "Prices have doubled in two years."),
	}
	_, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return f.f.Prep == "since" || f.f.Kind == "duration" })
	if len(idx) != 2 {
		t.Fatalf("\"since 2022\" and \"two years\": %d figures, want 2", len(idx))
	}
	if sinceAgrees(&figs[idx[0]], &figs[idx[1]]) {
		t.Error("a two-year span agrees with \"since 2022\" by chance too often to be tied on that alone")
	}
}

// TestSinceYearApart: a "since" year is set against a span in years or
// a year, never against a figure of another kind with a word in common,
// nor against a span of hours however many words their sentences share
// ("the strongest hurricane to hit the coast since 2008", "the warning
// came 14 hours before the storm hit").
func TestSinceYearApart(t *testing.T) {
	for _, tc := range []struct{ title, a, b string }{
		{"Final", "Koranth beat Belmira 2-1 to win the Meridian Cup.", "Koranth won the Meridian Cup for the first time since 1995."},
		{"Storm", "Teodora is the strongest hurricane to hit the coast since 2008, when a storm hit the port.", "The hurricane warning for the coast came about 14 hours before the storm hit the port."},
	} {
		arts := []*article.Article{fromText(t, "a", tc.title, tc.a), fromText(t, "b", tc.title, tc.b)}
		_, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return f.f.Kind == "tally" || f.f.Prep == "since" || f.f.Kind == "duration" })
		if len(idx) != 2 {
			t.Errorf("%s: %d figures, want 2", tc.title, len(idx))
			continue
		}
		if sameQuantity(&figs[idx[0]], &figs[idx[1]]) || sameQuantity(&figs[idx[1]], &figs[idx[0]]) {
			t.Errorf("%q and %q are one quantity", figs[idx[0]].f.Text, figs[idx[1]].f.Text)
		}
	}
}

// tiedCase is two one-sentence sources and whether their figures of one
// kind are one quantity.
type tiedCase struct {
	a, b string
	want bool
}

// checkTied checks sameQuantity on each case's two figures of kind.
func checkTied(t *testing.T, kind string, cases []tiedCase) {
	t.Helper()
	for _, tc := range cases {
		arts := []*article.Article{fromText(t, "a", "Event", tc.a), fromText(t, "b", "Event", tc.b)}
		_, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return f.f.Kind == kind })
		if len(idx) != 2 {
			t.Errorf("%q / %q: %d figures of kind %s, want 2", tc.a, tc.b, len(idx), kind)
			continue
		}
		if got := sameQuantity(&figs[idx[0]], &figs[idx[1]]); got != tc.want {
			t.Errorf("%q / %q: one quantity %v, want %v", figs[idx[0]].f.Text, figs[idx[1]].f.Text, got, tc.want)
		}
	}
}

// TestCountsOfPeopleAndThings: counts of people and of homes are never
// one quantity, however many words their sentences share; people under
// two names may be.
func TestCountsOfPeopleAndThings(t *testing.T) {
	checkTied(t, "count", []tiedCase{
		{"The hurricane left 300,000 homes in Belmora without power after it struck the coast.", "The hurricane killed 16 people in Belmora after it struck the coast.", false},
		{"Some 300 goats died in the flooded valley.", "The flood killed at least 48 people in the valley.", false},
		{"Vell Motors is recalling about 310,000 vehicles worldwide.", "Vell Motors will recall 312,000 cars to replace a faulty sensor.", true},
		{"The aircraft was carrying 72 passengers and six crew members when it crashed.", "There were 78 people on board the aircraft when it crashed.", false},
		{"Some 80,000 protesters marched through the capital on Saturday against the pension reform.", "Some 100,000 people marched through the capital on Saturday against the pension reform.", true},
	})
}

// TestJobsByAnyName: jobs that "go" are jobs whatever the noun
// ("positions", "roles", "jobs"), and a part of a workforce ("up to
// 1,500 of the works' 6,800 jobs") counts jobs too; a plan's deadline
// ("by 2028") sets its count in no other year.
func TestJobsByAnyName(t *testing.T) {
	checkTied(t, "count", []tiedCase{
		{"Ms Varga confirmed that about 900 positions would go by 2028.", "As many as 1,200 jobs could go under Jiangxin's plans.", true},
		{"Some 300 roles will go at the Vell plant.", "The company will cut 250 jobs at the Vell plant.", true},
	})
	for _, s := range []string{"Some 1.2 million passengers were affected.", "About 40,000 commuters were stranded."} {
		if fs := sentenceFigures(s); len(fs) != 1 || fs[0].Unit != "person" {
			t.Errorf("%q: figures %+v, want one count of people", s, fs)
		}
	}
	for _, s := range []string{"About 900 positions would go.", "Some 300 roles will go.", "The company will cut 250 jobs.", "It will shed 40 posts."} {
		fs := sentenceFigures(s)
		if len(fs) != 1 || fs[0].Unit != "worker" {
			t.Errorf("%q: figures %+v, want one count of workers", s, fs)
		}
	}
	arts := []*article.Article{
		fromText(t, "a", "Event", "The union said the plans put up to 1,500 of the works' 6,800 jobs at risk."),
		fromText(t, "b", "Event", "As many as 1,200 jobs could go under Jiangxin's plans, the union said."),
	}
	_, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return f.f.Text == "1,500" || f.f.Text == "1,200 jobs" })
	if len(idx) != 2 || !sameQuantity(&figs[idx[0]], &figs[idx[1]]) {
		t.Errorf("up to 1,500 of the works' 6,800 jobs and as many as 1,200 jobs: not one quantity (%d figures)", len(idx))
	}
}

// TestDaysAndSharesOfOtherThings: two weekdays with one word in common
// date two things; two parties' shares of the vote are two quantities.
func TestDaysAndSharesOfOtherThings(t *testing.T) {
	checkTied(t, "weekday", []tiedCase{
		{"A jet crashed while landing in heavy rain at Mervan airport on Monday, killing 27 people.", "The airport reopened on Tuesday morning.", false},
	})
	checkTied(t, "percent", []tiedCase{
		{"The National Renewal Party won Sunday's election with 41.3% of the vote.", "The liberal Democratic Alliance finished second with about a third of the vote.", false},
		{"The National Renewal Party won Sunday's election with 41.3% of the vote.", "After nearly all ballots were counted, the National Renewal Party had 41 percent of the votes.", true},
	})
}

// TestGoalsByOneDate: two sums a year by one target year are one goal
// whatever the words around them, a conversion in brackets between the
// sum and its "a year" included; a sum a year is no one-off sum.
func TestGoalsByOneDate(t *testing.T) {
	checkTied(t, "money", []tiedCase{
		{"Rich nations will provide at least $300 billion a year by 2035 to help poorer countries.", "The conference adopted a new goal on climate finance of 250 billion US dollars annually by 2035.", true},
		{"Rich nations will provide at least $300 billion a year by 2035.", "The fund will receive 250 billion US dollars by 2035.", false},
		{"France pledged 4 billion euros by 2030.", "Berlin will hand over 6 billion euros by 2030.", false},
	})
	if r := figureRate("They will give $300bn each year.", figAt(t, "They will give $300bn each year.", "$300bn")); r != "year" {
		t.Errorf("figureRate of each year = %q, want year", r)
	}
	if r := figureRate("They pledged to give $300bn (£240bn) a year by 2035.", figAt(t, "They pledged to give $300bn (£240bn) a year by 2035.", "$300bn")); r != "year" {
		t.Errorf("figureRate past a conversion = %q, want year", r)
	}
}

// TestShareMovesOfOneSubject: two moves of one share price, in
// sentences that open on the shares and share two words, are one
// quantity however the rest is worded.
func TestShareMovesOfOneSubject(t *testing.T) {
	checkTied(t, "percent", []tiedCase{
		{"Norvik shares fell 6% in Oslo trading.", "Shares in Norvik Telecom dropped 7.5% on Tuesday after the operator disclosed a data breach.", true},
	})
}

// TestCoreIsNotHeadline: core ("underlying") inflation is a measure of
// its own, never the headline rate, however the sentences are worded.
func TestCoreIsNotHeadline(t *testing.T) {
	checkTied(t, "percent", []tiedCase{
		{"Underlying inflation slowed to 3.5 percent.", "Inflation fell to 3.1% last month, its lowest level in two years.", false},
		{"Annual inflation slowed to 3.1% in October.", "Inflation fell to 3.2% last month, its lowest level in two years.", true},
	})
}

// TestCostsOfTwoThings: "costs" beside both figures says they are
// prices, not of what: energy's fall is not food's rise.
func TestCostsOfTwoThings(t *testing.T) {
	checkTied(t, "percent", []tiedCase{
		{"Energy costs dropped 1.5 percent.", "Food cost 4.2% more than a year ago.", false},
	})
}

// TestAgesOfOnePerson: two outlets' ages of one person are one
// quantity, whatever else their sentences say; an age is no other
// figure.
func TestAgesOfOnePerson(t *testing.T) {
	checkTied(t, "number", []tiedCase{
		{"Lars Odin, 58, had held the post since 2019.", "Mr Odin, 57, apologised for what he called mistakes.", true},
		{"Lars Odin, 58, had held the post since 2019.", "Odin said 57 had written to him.", false},
		{"\"I take full responsibility,\" Odin, 58, said in a statement.", "Mr Odin, 57, said he took full responsibility.", true},
	})
}

// TestMeasuresThatAgree: two measures that agree in value and unit, with
// a word in common, are one quantity however differently the rest of
// their sentences reads; a measure of another value is not tied on one
// word.
func TestMeasuresThatAgree(t *testing.T) {
	checkTied(t, "measure", []tiedCase{
		{"The hurricane made landfall near the fishing town at 10 p.m. with maximum sustained winds of 185 km/h, the institute said.",
			"Teodora, a Category 3 hurricane with sustained winds of 185 kilometres per hour, struck on Monday.", true},
		{"The hurricane made landfall near the fishing town at 10 p.m. with maximum sustained winds of 185 km/h, the institute said.",
			"By nightfall it had weakened to a tropical storm with winds of 90 km/h.", false},
	})
}

// TestWhichClauseAboutARise: "rose again last month, which pushed annual
// inflation to 3.2%" is about the rise: the 3.2% is inflation's and is
// set against another outlet's 3.4%.
func TestWhichClauseAboutARise(t *testing.T) {
	checkTied(t, "percent", []tiedCase{
		{"Consumer prices rose again last month, which pushed annual inflation to 3.2%.", "Annual inflation climbed to 3.4% last month.", true},
	})
}

// TestRelativeActorOfWhich: a "which" clause after a noun phrase is that
// noun's, however long the phrase; after a time it is the clause's.
func TestRelativeActorOfWhich(t *testing.T) {
	for s, want := range map[string]string{
		"Shares rose 5.2%, outperforming the broader Oslo benchmark index, which gained 0.6%.": "index",
		"Brent rose 2%, lifting oil prices, which gained 1.9% on the week.":                    "pric",
		"Prices surged over the winter, which pushed annual inflation to 3.2%.":                "",
		"Output fell in the second half, which cut growth to 1.1%.":                            "",
		"Sales rose 11%, driven by its cloud business, where revenue was up 34%.":              "business",
		"Jobs will go at the plant in Vell, where 1,100 people work.":                          "vell",
	} {
		var f figureT
		for _, g := range figuresOf(s) {
			f = g // the last figure, the one in the which clause
		}
		if got := relativeActor(s, lexicon.Terms(s), f); got != want {
			t.Errorf("relativeActor(%q, %q) = %q, want %q", s, f.Text, got, want)
		}
	}
}

// TestConvertedMeasuresOneClass: a measure converted from another unit
// is shown in the class of the value it agrees with, not as a third
// value of a conflict.
func TestConvertedMeasuresOneClass(t *testing.T) {
	texts := map[string]string{
		"a": "The Pine Ridge fire has burned 24,000 acres. Crews have dropped 50,000 gallons of retardant. The fire is about 40 miles north of Halden.",
		"b": "The Pine Ridge fire has burned 9,700 hectares. Crews have dropped 190,000 litres of retardant. The fire is about 64 km north of Halden.",
		"c": "The Pine Ridge fire has burned 120 square kilometres. Crews have dropped 300,000 litres of retardant. The fire is about 90 km north of Halden.",
	}
	var arts []*article.Article
	for _, l := range []string{"a", "b", "c"} {
		arts = append(arts, fromText(t, l, "Fire", texts[l]))
	}
	r := mustCompare(t, arts)
	for _, pair := range [][2]string{{"24,000 acres", "9,700 hectares"}, {"50,000 gallons", "190,000 litres"}, {"40 miles", "64 km"}} {
		found := false
		for _, d := range r.Discrepancies {
			class := make(map[string]int)
			for _, v := range d.Values {
				class[bareValue(v.Text)] = v.Class
			}
			ca, oka := class[pair[0]]
			cb, okb := class[pair[1]]
			if oka && okb {
				found = true
				if ca != cb {
					t.Errorf("%q and %q are in classes %d and %d", pair[0], pair[1], ca, cb)
				}
			}
		}
		if !found {
			t.Errorf("no discrepancy holds %q and %q: %+v", pair[0], pair[1], r.Discrepancies)
		}
	}
}

// TestOpenBoundJoinsNoClass: "more than 10,000 hectares" allows 24,000
// and 12,000 alike, so it joins neither of their classes, which conflict.
func TestOpenBoundJoinsNoClass(t *testing.T) {
	var figs []fig
	for _, s := range []string{"burned 24,000 hectares", "burned 12,000 hectares", "burned more than 10,000 hectares"} {
		for _, f := range figure.ExtractAll(s) {
			figs = append(figs, fig{f: f})
		}
	}
	if len(figs) != 3 {
		t.Fatalf("%d figures, want 3", len(figs))
	}
	uf, _ := figClasses(figs)
	if uf.find(2) == uf.find(0) || uf.find(2) == uf.find(1) || uf.find(0) == uf.find(1) {
		t.Errorf("classes %d %d %d, want three", uf.find(0), uf.find(1), uf.find(2))
	}
}

// TestLivesClaimed: "claimed 12 lives" is a toll, set against "14
// people were killed" though its sentence shares little else.
func TestLivesClaimed(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Fire", "At least 14 people were killed on Tuesday when fire ripped through a clothing factory in Tarsis. "+
			"Firefighters needed four hours to bring the blaze at the Orvani plant under control."),
		fromText(t, "b", "Fire", "Fourteen people were killed when fire swept through the Orvani factory on Tuesday morning. "+
			"It took firefighters four hours to bring the blaze under control."),
		fromText(t, "c", "Fire", "The minister ordered an urgent inspection of textile plants after a fire at a clothing factory on Tuesday claimed 12 lives. "+
			"Firefighters brought the blaze at the Orvani plant under control after four hours."),
	}
	r := mustCompare(t, arts)
	for _, d := range r.Discrepancies {
		for _, v := range d.Values {
			if v.Source == "c" && strings.Contains(v.Text, "12 lives") {
				return
			}
		}
	}
	t.Errorf("no discrepancy sets c's 12 lives against 14 killed: %+v", r.Discrepancies)
}

// TestGradesConflict: "a Category 4 storm" and "a Category 3 storm" are
// one quantity whose values conflict.
func TestGradesConflict(t *testing.T) {
	tail := " The government opened 300 shelters on the coast."
	arts := []*article.Article{
		fromText(t, "a", "Storm", "Hurricane Dara came ashore on the coast on Monday as a Category 4 storm, officials said."+tail),
		fromText(t, "b", "Storm", "Hurricane Dara, a category-four storm, came ashore on the coast on Monday, officials said."+tail),
		fromText(t, "c", "Storm", "Hurricane Dara came ashore on the coast on Monday as a Category 3 storm, officials said."+tail),
	}
	r := mustCompare(t, arts)
	for _, d := range r.Discrepancies {
		if d.Kind == "rating" && len(d.Values) == 3 {
			return
		}
	}
	t.Errorf("no discrepancy of the storm's grade: %+v", r.Discrepancies)
}

// TestDiscrepancyTakesLaterToll: a source whose toll stands in a
// sentence of its own ("has risen to 27") joins the discrepancy of the
// claim whose sources give 23 and two dozen; a toll in a place none of
// them names does not.
func TestDiscrepancyTakesLaterToll(t *testing.T) {
	tail := " The prime minister visited Brano and promised aid."
	arts := []*article.Article{
		fromText(t, "a", "Floods", "Flash floods swept through villages in northern Kestria on Tuesday, killing 23 people, the interior ministry said."+tail),
		fromText(t, "b", "Floods", "The death toll from flooding in the north of Kestria has risen to 27, local officials said on Wednesday."+tail),
		fromText(t, "c", "Floods", "Flash floods swept through villages in northern Kestria on Tuesday, killing two dozen people, the interior ministry said."+tail),
		fromText(t, "d", "Floods", "Flash floods swept through villages in northern Kestria on Tuesday. The death toll in Ostrava has risen to three, officials said."+tail),
	}
	r := mustCompare(t, arts)
	for _, d := range r.Discrepancies {
		srcs := map[string]bool{}
		for _, v := range d.Values {
			srcs[v.Source] = true
		}
		if srcs["a"] && srcs["c"] {
			if !srcs["b"] || srcs["d"] {
				t.Errorf("toll discrepancy %+v: want a, b and c, not d", d.Values)
			}
			return
		}
	}
	t.Errorf("no toll discrepancy: %+v", r.Discrepancies)
}

// TestLeadTimesConflict: "about 14 hours before the storm hit" and "less
// than 12 hours before landfall" are one span, in dispute.
func TestLeadTimesConflict(t *testing.T) {
	tail := " The government opened 300 shelters on the coast."
	arts := []*article.Article{
		fromText(t, "a", "Storm", "The weather agency raised its hurricane warning on Monday morning, about 14 hours before the storm hit."+tail),
		fromText(t, "b", "Storm", "Critics say the weather service issued its hurricane warning less than 12 hours before landfall."+tail),
		fromText(t, "c", "Storm", "Officials said the hurricane warning came about 14 hours before the storm hit the coast."+tail),
	}
	if r := mustCompare(t, arts); !conflictOf(r, "14 hours", "12 hours") {
		t.Errorf("no conflict of the warnings' lead times: %+v", r.Discrepancies)
	}
}

// TestOnlyValueCountsTheBound: a discrepancy's value is shown with its
// bound ("nearly two years"), and a passage that holds it is only the
// value when it has few other words; the bound is one of them, as it was
// before it was shown, and the value is found whatever its case.
func TestOnlyValueCountsTheBound(t *testing.T) {
	for _, tc := range []struct {
		passage, value string
		want           bool
	}{
		{"Nearly two years passed.", "nearly two years", true},
		{"The trial lasted nearly two years, the court heard.", "nearly two years", true},
		{"The trial lasted nearly two years, the court in Vasgrad heard.", "nearly two years", false},
		{"The trial lasted two years, the court in Vasgrad heard.", "two years", true},
	} {
		if got := onlyValue(tc.passage, tc.value); got != tc.want {
			t.Errorf("onlyValue(%q, %q) = %v, want %v", tc.passage, tc.value, got, tc.want)
		}
	}
}

// TestMetresAgainstKilometres: an ash column "5 km" high in one report
// and "6,000 metres" in two others is one height in dispute; "5,000
// metres" is the same height as "5 km".
func TestMetresAgainstKilometres(t *testing.T) {
	lines := func(height string) []string {
		return []string{"Mount Sorvang erupted on Sunday, sending a column of ash " + height + " into the sky.", "About 8,000 villagers were evacuated from its slopes."}
	}
	r := reportOf(t, lines("5 km"), lines("6,000 metres"), lines("6,000 metres"))
	if !conflictOf(r, "5 km", "6,000 metres") {
		t.Errorf("5 km not set against 6,000 metres: %+v", r.Discrepancies)
	}
	if r := reportOf(t, lines("5 km"), lines("5,000 metres"), lines("five kilometres")); len(r.Discrepancies) > 0 {
		t.Errorf("one height in two units set against itself: %+v", r.Discrepancies)
	}
}

// TestCountOfABodysUnits: "Sixteen hospitals of the State Hospital
// Authority" names whose hospitals they are, not some of a set: the
// count is set against the others' 14.
func TestCountOfABodysUnits(t *testing.T) {
	tail := " The attackers demanded a ransom in bitcoin. Doctors moved patients to other hospitals."
	r := reportOf(t,
		[]string{"Sixteen hospitals of the State Hospital Authority were affected by a cyberattack on Tuesday, the Ministry of Health said." + tail},
		[]string{"A cyberattack on Tuesday affected 14 hospitals in the State Hospital Authority network." + tail},
		[]string{"The attack on Tuesday affected 14 hospitals in the State Hospital Authority network." + tail},
	)
	if !conflictOf(r, "Sixteen hospitals", "14 hospitals") {
		t.Errorf("16 hospitals not set against 14: %+v", r.Discrepancies)
	}
	r = reportOf(t,
		[]string{"Sixteen hospitals were affected by a cyberattack on Tuesday, the Ministry of Health said." + tail},
		[]string{"A cyberattack on Tuesday affected 14 hospitals in the State Hospital Authority network." + tail},
		[]string{"The attack on Tuesday affected 14 hospitals in the State Hospital Authority network." + tail},
	)
	if !conflictOf(r, "Sixteen hospitals", "14 hospitals") {
		t.Errorf("16 hospitals not set against 14 in a body's network: %+v", r.Discrepancies)
	}
}

// TestSoleDaysOfOneClaim: the one date of two sentences that report one
// thing, and open alike, is one quantity, though the words before the
// dates differ.
func TestSoleDaysOfOneClaim(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Vote", "The government of Prime Minister Anton Keller lost a no-confidence vote on Wednesday. Early elections are likely to be held on June 28."),
		fromText(t, "b", "Vote", "Prime Minister Anton Keller lost a vote of no confidence on Wednesday. Early elections are expected on June 21."),
		fromText(t, "c", "Vote", "Parliament ousted the government of Anton Keller in a no-confidence vote on Wednesday. Early elections are likely on June 28."),
	}
	for _, d := range mustCompare(t, arts).Discrepancies {
		if d.Kind == "date" {
			return
		}
	}
	t.Error("June 28 is not set against June 21")
}

// TestWithoutStrays: a source that gives a value near the others' and
// one more than ten times from every other source's ("The study of
// 3,900 patients"; "About 61,000 patients are diagnosed") keeps the
// near one in the group, which then disputes the trial's size; a
// source whose two values are both near others' is left to unambiguous.
func TestWithoutStrays(t *testing.T) {
	at := func(src int, s, text string) looseFig {
		return looseFig{fig: fig{f: figAt(t, s, text), src: src}}
	}
	figs := []looseFig{
		at(0, "The trial enrolled 4,212 patients.", "4,212 patients"),
		at(1, "The study of 3,900 patients showed it.", "3,900 patients"),
		at(1, "About 61,000 patients are diagnosed.", "61,000 patients"),
		at(2, "More than 4,000 patients took part.", "4,000 patients"),
	}
	if got := withoutStrays(figs, []int{0, 1, 2, 3}); !slices.Equal(got, []int{0, 1, 3}) {
		t.Errorf("withoutStrays = %v, want [0 1 3]: 61,000 is another quantity", got)
	}
	figs[2] = at(1, "About 4,500 patients were screened.", "4,500 patients")
	if got := withoutStrays(figs, []int{0, 1, 2, 3}); len(got) != 4 {
		t.Errorf("withoutStrays = %v, want all four: both of source 1's values are near others'", got)
	}
}
