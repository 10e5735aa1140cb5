package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestFigureOmission gives three of four sources the toll, each in a
// sentence about something else, and the fourth none: the fourth leaves
// the toll out, and the matrix has a row for the toll with the figure
// in brackets. All four give the magnitude, so no one leaves it out.
func TestFigureOmission(t *testing.T) {
	lead := "A magnitude 6.1 earthquake struck the remote Dorn valley late on Monday. "
	arts := []*article.Article{
		fromText(t, "a", "Quake", lead+"Rescue teams reached villages on Tuesday where the quake had killed 48 people."),
		fromText(t, "b", "Earthquake", lead+"Officials, who put the number of dead at 48, said the search for survivors would go on."),
		fromText(t, "c", "Tremor", lead+"With 48 people dead, the prime minister declared three days of mourning."),
		fromText(t, "d", "Dorn quake", lead+"The mayor of Vell sent two trucks of blankets."),
	}
	r := mustCompare(t, arts)
	if !omits(r, "d", "48") {
		t.Errorf("d: the toll is not reported as left out; omissions %+v", r.Omissions["d"])
	}
	row := false
	for _, cl := range r.Matrix {
		if !strings.Contains(cl.Text, "[48") {
			continue
		}
		row = true
		if cl.Stated != 3 || cl.Cells["d"].State != Absent || cl.Cells["a"].State != Stated || cl.Cells["a"].Matcher != MatcherFigure {
			t.Errorf("toll row: %+v", cl)
		}
	}
	if !row {
		t.Errorf("no matrix row for the toll; rows %+v", r.Matrix)
	}
	for l, os := range r.Omissions {
		for _, o := range os {
			if strings.Contains(o.Text, "6.1") {
				t.Errorf("%s: reported as leaving out the magnitude, which it gives: %q", l, o.Text)
			}
		}
	}
}

// TestDatesSince: a source that dates a span's start with "since" a
// month, which is no figure of its own for the quantity, may give the
// span the others give in years.
func TestDatesSince(t *testing.T) {
	lead := "Premier Vale of Arden arrived in Dorn on Monday. "
	arts := []*article.Article{
		fromText(t, "a", "Visit", lead+"It was her first visit to the island in 24 years, her office said."),
		fromText(t, "b", "Visit", lead+"Officials said the premier, on her first visit in 24 years, would sign a fishing deal."),
		fromText(t, "c", "Visit", lead+"It was her first visit to the island since July 2000, her office said."),
		fromText(t, "d", "Visit", lead+"She will stay for two days."),
	}
	c, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return f.f.Kind == "duration" && f.src < 2 })
	if len(idx) != 2 {
		t.Fatalf("want the two spans of a and b, got %d figures", len(idx))
	}
	if !isSpan(figs, idx) && c.datesSince(2) {
		t.Error("c dates the span with \"since July 2000\" and may give it")
	}
	if isSpan(figs, idx) && c.datesSince(3) {
		t.Error("d gives no span")
	}
}

// TestMayGive: a source may give a quantity in a figure the ties missed
// when the figure is of its kind and unit, a bare number beside a count,
// or a count of another noun within a fifth of it ("3,000 services" for
// "3,400 trains"), and has a word most of the quantity's figures have
// beside them.
func TestMayGive(t *testing.T) {
	count := figureT{Kind: "count", Unit: "person", Value: 48}
	group := []looseFig{
		{fig: fig{f: count, src: 0}, ctx: []string{"quak", "dead", "villag"}},
		{fig: fig{f: count, src: 1}, ctx: []string{"dead", "official"}},
		{fig: fig{f: count, src: 2}, ctx: []string{"dead", "quak", "mourn"}},
	}
	for _, tc := range []struct {
		name string
		f    figureT
		ctx  []string
		want bool
	}{
		{"a bare number beside the toll's word", figureT{Kind: "number"}, []string{"dead", "ris"}, true},
		{"a count of the same thing", count, []string{"quak", "hospit"}, true},
		{"a word only one figure has", count, []string{"villag", "school"}, false},
		{"a share", figureT{Kind: "percent", Unit: "%"}, []string{"dead", "quak"}, false},
		{"a close count of another noun", figureT{Kind: "count", Unit: "victim", Value: 45}, []string{"dead", "quak"}, true},
		{"a count of another noun far off", figureT{Kind: "count", Unit: "victim", Value: 70}, []string{"dead", "quak"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			figs := append(append([]looseFig{}, group...), looseFig{fig: fig{f: tc.f, src: 3}, ctx: tc.ctx})
			idx := []int{0, 1, 2}
			if got := mayGive(figs, idx, coreWords(figs, idx), 3); got != tc.want {
				t.Errorf("mayGive = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSizeOfACutInPoints: "a quarter of a percentage point", "25bp" and
// "0.25 percentage points" are one change, whatever else their sentences
// say; a source that gives only the new level ("to 4.5%") leaves the
// size of the cut out, and a level is never set against a change.
func TestSizeOfACutInPoints(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Rate cut", "The National Bank cut its benchmark rate by a quarter of a percentage point to 4.50% on Thursday."),
		fromText(t, "b", "Bank eases", "The bank decided on Thursday to lower the repo rate by 0.25 percentage points to 4.50 percent, to support growth."),
		fromText(t, "c", "Markets", "The NBM cut the one-week repo rate 25bp to 4.50% on Thursday, in line with consensus."),
		fromText(t, "d", "Rates fall", "The National Bank lowered its key interest rate to 4.5 percent on Thursday."),
	}
	r := mustCompare(t, arts)
	if !omits(r, "d", "[") {
		t.Errorf("d: the size of the cut is not reported as left out; omissions %+v", r.Omissions["d"])
	}
	for _, d := range r.Discrepancies {
		t.Errorf("no figures disagree; got %+v", d)
	}
}

// TestGivesQuantity: an outlet that gives another value of the quantity
// a claim gives (another count of the crews, the area in other units)
// does not leave the claim out; one that gives none, or a value of
// something else, does.
func TestGivesQuantity(t *testing.T) {
	const (
		lead   = "A wildfire raged for a third day in Skarda province. "
		crews  = lead + "More than 700 firefighters and 14 aircraft are fighting the flames near the village of Orvenna."
		crews2 = lead + "More than 700 firefighters and 14 aircraft are fighting the flames near Orvenna, officials said."
		area   = lead + "According to the agency, the fire has affected an area of 9,800 hectares."
		area2  = lead + "The agency said the fire had affected an area of 9,800 hectares so far."
		none   = lead + "Residents blamed a power line for the blaze."
	)
	for _, tt := range []struct {
		name      string
		a, b, c   string
		claim     string // a words of the claim c may leave out
		leavesOut bool
	}{
		{"another count", crews, crews2, lead + "About 650 firefighters and a dozen water-bombing aircraft are tackling the blaze.", "700 firefighters", false},
		{"no count", crews, crews2, none, "700 firefighters", true},
		{"the area in other units", area, area2, lead + "The flames have swept across 120 sq km of pine-covered hillsides.", "9,800 hectares", false},
		{"no area", area, area2, none, "9,800 hectares", true},
		{"another area", area, area2, lead + "Crews cleared firebreaks of 40 hectares near the villages.", "9,800 hectares", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := mustCompare(t, []*article.Article{fromText(t, "a", "Fire", tt.a), fromText(t, "b", "Fire", tt.b), fromText(t, "c", "Fire", tt.c)})
			if got := omits(r, "c", tt.claim); got != tt.leavesOut {
				t.Errorf("c leaves out %q: %v, want %v (omissions %+v)", tt.claim, got, tt.leavesOut, r.Omissions)
			}
		})
	}
}

// TestQuotedFigureNotOmitted: three sources give the fire chief's "24
// hours", two of them in her quoted words, and the fourth gives no span.
// The span is then part of a quote, which the report shows with its
// renderings, and the fourth leaves out no quantity of the event.
func TestQuotedFigureNotOmitted(t *testing.T) {
	lead := "A forest fire forced hundreds of people from their homes in the hills above Vell on Monday. "
	arts := []*article.Article{
		fromText(t, "a", "Fire", lead+`"The next 24 hours will be decisive," fire chief Lena Moor said.`),
		fromText(t, "b", "Blaze", lead+`Moor told reporters: “We have 24 hours before the wind turns.”`),
		fromText(t, "c", "Wildfire", lead+`Moor said crews had 24 hours before the wind turned.`),
		fromText(t, "d", "Vell fire", lead+"The mayor of Vell opened the school gym to evacuees."),
	}
	c, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return strings.Contains(f.f.Text, "24 hours") })
	if len(idx) != 3 {
		t.Fatalf("found the span %d times, want 3", len(idx))
	}
	if !c.mostlyQuoted(figs, idx) {
		t.Errorf("the span, quoted in two sources of three, is not mostly quoted")
	}
	if c.mostlyQuoted(figs, slices.DeleteFunc(slices.Clone(idx), func(i int) bool { return figs[i].src != 2 })) {
		t.Errorf("c's span, in reported speech, counts as quoted")
	}
}

// TestVagueQuantityNotOmitted: half the sources that give the lives the
// evacuation saved give them as "thousands": an outlet giving none
// leaves out a manner of speaking, not a figure. Two of three precise
// figures are one.
func TestVagueQuantityNotOmitted(t *testing.T) {
	lead := "Hurricane Lina struck the coast of Perona on Monday. "
	arts := []*article.Article{
		fromText(t, "a", "Storm", lead+"The governor said the evacuation had saved thousands of lives."),
		fromText(t, "b", "Storm", lead+"Officials said the evacuation had saved thousands of lives."),
		fromText(t, "c", "Storm", lead+"Officials said the evacuation had saved some 3,000 lives."),
		fromText(t, "d", "Storm", lead+"Officials said the evacuation had saved 2,500 lives."),
	}
	_, figs, idx := figuresWhere(t, arts, func(f looseFig) bool { return strings.Contains(f.f.Text, "lives") })
	if len(idx) != 4 {
		t.Fatalf("found the lives %d times, want 4", len(idx))
	}
	if !mostlyVague(figs, idx) {
		t.Errorf("two vague figures of four are not mostly vague")
	}
	if mostlyVague(figs, idx[1:]) {
		t.Errorf("one vague figure of three is mostly vague")
	}
}

func TestInsideQuote(t *testing.T) {
	for _, tc := range []struct {
		s    string
		at   string
		want bool
	}{
		{`"The next 24 hours will be decisive," she said.`, "24", true},
		{`She said the next 24 hours would be decisive.`, "24", false},
		{`"It is over," she said of the 24 hours.`, "24", false},
		{`She said: “We have 24 hours.”`, "24", true},
		{`“We are ready,” she said, 24 hours later.`, "24", false},
		{`The next 24 hours will be decisive,” she said.`, "24", true},
		{`The next 24 hours will be decisive," Moor said of the 500 firefighters.`, "24", true},
		{`The next 24 hours will be decisive," Moor said of the 500 firefighters.`, "500", false},
		{`Crews laid a 6" pipe for 24 hours.`, "24", false},
		{`It is over," she said, adding that "24 hours" would tell.`, "24", true},
	} {
		if got := insideQuote(tc.s, strings.Index(tc.s, tc.at)); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.s, got, tc.want)
		}
	}
}

// figuresWhere scores arts, labelled a, b, c..., and returns the
// comparison, its context figures and the indexes of those keep takes.
func figuresWhere(t *testing.T, arts []*article.Article, keep func(looseFig) bool) (*comparison, []looseFig, []int) {
	t.Helper()
	labels := make([]string, len(arts))
	for i := range arts {
		labels[i] = string(rune('a' + i))
	}
	c, err := scored(t.Context(), arts, labels, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	figs := c.contextFigures(nil)
	var idx []int
	for i, f := range figs {
		if keep(f) {
			idx = append(idx, i)
		}
	}
	return c, figs, idx
}

// TestSubtotalMemberMakesNoMajority: two of five outlets give the
// country's count of damaged houses and a third the town's own count in
// the same words; the claim is then carried by two, not most, and the
// other two leave nothing out. Given as the country's, the third's count
// makes three of five, and the two that lack it leave it out.
func TestSubtotalMemberMakesNoMajority(t *testing.T) {
	lead := "Hurricane Vela struck the coast of Orlan on Monday night. "
	for _, tc := range []struct {
		name, third string
		omitted     bool
	}{
		{"the town's count", "The municipal engineering office has counted 3,100 damaged houses, officials said.", false},
		{"the country's count", "The national engineering office has counted 9,100 damaged houses, officials said.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts := []*article.Article{
				fromText(t, "a", "Storm", lead+"The disaster office has counted 8,000 damaged houses, officials said."),
				fromText(t, "b", "Storm", lead+"The disaster office has counted 8,000 damaged houses, officials said."),
				fromText(t, "c", "Storm", lead+tc.third),
				fromText(t, "d", "Storm", lead+"Rescue teams reached the villages of the north on Tuesday."),
				fromText(t, "e", "Storm", lead+"Schools in the region stayed closed on Tuesday."),
			}
			r := mustCompare(t, arts)
			if got := omits(r, "d", "damaged houses"); got != tc.omitted {
				t.Errorf("d leaves out the damaged houses: %v, want %v; omissions %+v", got, tc.omitted, r.Omissions["d"])
			}
		})
	}
}

// TestSharedFigurePhrase: "For the first time in 17 years", opening a
// sentence, gives a span another outlet gives as "since 2007" (in 2024):
// the phrase adds nothing of its own. The same phrase with the clause
// after its comma states a fact, and without the other outlet's year the
// phrase is a's own.
func TestSharedFigurePhrase(t *testing.T) {
	lead := "For the first time in 17 years, trains across Tervania stood still on Tuesday as drivers began a two-day strike."
	phrase := [2]int{0, strings.Index(lead, ",")}
	for _, tc := range []struct {
		name, b string
		sp      [2]int
		want    bool
	}{
		{"the phrase", "It is the first national rail strike since 2007.", phrase, true},
		{"with its clause", "It is the first national rail strike since 2007.", [2]int{0, len(lead)}, false},
		{"no year elsewhere", "It is the first national rail strike in memory.", phrase, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts := []*article.Article{
				fromText(t, "a", "Strike", lead),
				fromText(t, "b", "Strike", "Trains across Tervania stood still on Tuesday. "+tc.b),
				fromText(t, "c", "Strike", "Commuters crowded onto buses in the capital."),
			}
			c, err := scored(t.Context(), arts, []string{"a", "b", "c"}, DefaultThreshold, Options{})
			if err != nil {
				t.Fatal(err)
			}
			ui := slices.IndexFunc(c.units, func(u unit) bool { return u.src == 0 && u.n == 0 })
			if ui < 0 {
				t.Fatal("no clause in a's sentence")
			}
			if got := c.sharedFigurePhrase(ui, tc.sp); got != tc.want {
				t.Errorf("%q: shared %v, want %v", lead[tc.sp[0]:tc.sp[1]], got, tc.want)
			}
		})
	}
}

// TestFiguresElsewhere: a clause of few words whose figure is a
// quantity another source gives, with another value, reports that
// quantity; one whose figure no other source gives, or with many words
// besides, may be a fact of its own.
func TestFiguresElsewhere(t *testing.T) {
	lead := "A magnitude 6.1 earthquake struck the remote Dorn valley late on Monday. "
	arts := []*article.Article{
		fromText(t, "a", "Quake", lead+"The quake killed at least 48 people in the valley, officials said."),
		fromText(t, "b", "Quake", lead+"The death toll rose to 57 on Thursday. Some 300 goats died in the valley."),
		fromText(t, "c", "Quake", lead+"Rescue teams reached the last cut-off village of the valley on Wednesday, guided by 12 shepherds who knew the mountain paths well."),
	}
	labels := []string{"a", "b", "c"}
	c, err := scored(t.Context(), arts, labels, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	clause := func(si, n int) int {
		return c.sents[si][n].units[0]
	}
	whole := func(ui int) [2]int { return [2]int{c.units[ui].start, c.units[ui].end} }
	if ui := clause(1, 1); !c.figuresElsewhere(ui, whole(ui)) {
		t.Errorf("b's toll of 57 is reported as a fact of its own")
	}
	if ui := clause(1, 2); c.figuresElsewhere(ui, whole(ui)) {
		t.Errorf("b's 300 goats, which no one else gives, are taken for another source's quantity")
	}
}

// TestOccurrenceOmitted: three of four sources say the cut is the
// bank's second this year, each in its own words; the fourth does not,
// and leaves it out. "The 58th minute" counts no occurrence.
func TestOccurrenceOmitted(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Rates", "The central bank of Dorvia lowered its key interest rate for the second time this year on Thursday. The governor said inflation was falling."),
		fromText(t, "b", "Rates", "Dorvia's central bank cut its key rate on Thursday, the second cut since the summer. The governor said inflation was easing."),
		fromText(t, "c", "Rates", "The National Bank of Dorvia cut its main interest rate, its second reduction this year. The governor said inflation was falling."),
		fromText(t, "d", "Rates", "The central bank of Dorvia cut its key interest rate on Thursday. The governor said inflation was falling."),
	}
	r := mustCompare(t, arts)
	if !omits(r, "d", "second") {
		t.Errorf("d: the second cut is not reported as left out; omissions %+v", r.Omissions["d"])
	}
	for _, tc := range []struct {
		s, fig string
		want   bool
	}{
		{"The bank cut rates for the second time this year.", "second", true},
		{"He is set for a third consecutive term.", "third", true},
		{"Marl scored from the spot in the 58th minute.", "58th", false},
		{"It was the first time since 2009.", "first", false},
	} {
		f := figAt(t, tc.s, tc.fig)
		if got := occurrence(tc.s, f); got != tc.want {
			t.Errorf("occurrence(%q, %q) = %v, want %v", tc.s, tc.fig, got, tc.want)
		}
	}
}

// TestGradeAndMeasureOmitted: three of four sources grade the storm and
// give its winds in one sentence; the fourth gives neither, and leaves
// out both, the one omission not standing for the other.
func TestGradeAndMeasureOmitted(t *testing.T) {
	tail := " The government opened 300 shelters on the coast."
	arts := []*article.Article{
		fromText(t, "a", "Storm", "Hurricane Dara came ashore on the coast on Monday as a Category 4 storm with winds of 210 km/h, officials said."+tail),
		fromText(t, "b", "Storm", "Hurricane Dara, a category-four storm, came ashore on the coast on Monday with winds of 210 km/h, officials said."+tail),
		fromText(t, "c", "Storm", "Hurricane Dara came ashore on the coast on Monday with winds of 210 kilometres per hour, a Category 4 storm, officials said."+tail),
		fromText(t, "d", "Storm", "Hurricane Dara came ashore on the coast on Monday, officials said."+tail),
	}
	r := mustCompare(t, arts)
	if !omits(r, "d", "[Category 4]") && !omits(r, "d", "[category-four]") {
		t.Errorf("d: the storm's category is not reported as left out; omissions %+v", r.Omissions["d"])
	}
	if !omits(r, "d", "[210") {
		t.Errorf("d: the winds are not reported as left out; omissions %+v", r.Omissions["d"])
	}
}

// TestWorkforceOmitted: three sources give the works' workforce in
// their own words ("employs about 6,800 people", "Of the 6,800 people
// Danvik employs", "the works' 6,800 jobs"); the fourth leaves it out,
// and no workforce is set against the jobs the plan cuts.
func TestWorkforceOmitted(t *testing.T) {
	lead := "Lindqvist agreed on Tuesday to buy the steelmaker Danvik for 2.6 billion euros. "
	arts := []*article.Article{
		fromText(t, "a", "Steel", lead+"The deal was welcomed in Ostra, where the company employs about 6,800 people. Lindqvist intends to cut 900 jobs."),
		fromText(t, "b", "Steel", lead+"Of the 6,800 people Danvik employs, most live in Ostra. About 900 positions will go, the buyer said."),
		fromText(t, "c", "Steel", lead+"The union fears for up to 1,500 of the works' 6,800 jobs."),
		fromText(t, "d", "Steel", lead+"Lindqvist plans to cut 1,200 jobs at the works in Ostra."),
	}
	r := mustCompare(t, arts)
	if !omits(r, "d", "6,800") {
		t.Errorf("d: the workforce is not reported as left out; omissions %+v", r.Omissions["d"])
	}
	if conflictOf(r, "6,800 people", "900 jobs") || conflictOf(r, "6,800 jobs", "1,200 jobs") {
		t.Errorf("a workforce is set against a cut: %+v", r.Discrepancies)
	}
}

// TestStaffIsAWorkforce: "a manufacturer with about 1,200 staff" and
// "The group has 1,200 employees" give the workforce "employs about
// 1,200 people" does.
func TestStaffIsAWorkforce(t *testing.T) {
	lead := "Fire gutted the Orvani garment factory in Tarsis on Tuesday. "
	arts := []*article.Article{
		fromText(t, "a", "Fire", lead+"Orvani Textiles makes shirts for European retailers and employs about 1,200 people."),
		fromText(t, "b", "Fire", lead+"The plant is run by Orvani Textiles, a local manufacturer with about 1,200 staff."),
		fromText(t, "c", "Fire", lead+"The group has 1,200 employees at three sites."),
		fromText(t, "d", "Fire", lead+"Firefighters needed four hours to put out the blaze."),
	}
	if r := mustCompare(t, arts); !omits(r, "d", "1,200") {
		t.Errorf("d: the workforce is not reported as left out; omissions %+v", r.Omissions["d"])
	}
}

// TestQuantityOmissionMarksItsClaim: a quantity's omission whose clause
// is a shared claim's text with the figure in brackets is shown as the
// claim left out (✗) in its row, as the JSON report lists it.
func TestQuantityOmissionMarksItsClaim(t *testing.T) {
	text := "The Greens sided with the opposition over a 1.4 billion euro road contract."
	r := &Report{
		Sources: []Source{{Label: "a"}, {Label: "b"}, {Label: "c"}, {Label: "d"}},
		Shared:  []Shared{{Text: text, Sources: []string{"a", "b", "c"}, Evidence: map[string][]int{"a": {3}, "b": {2}, "c": {4}}, By: Engine}},
		Omissions: map[string][]Omission{"d": {{
			Text: "The Greens sided with the opposition over a [1.4 billion euro] road contract.", PresentIn: []string{"a", "b", "c"},
			Evidence: map[string][]int{"a": {3}, "b": {2}, "c": {4}}, By: Engine, quantity: true,
		}}},
	}
	r.BuildMatrix()
	omitted := r.omittedBy()
	for _, cl := range r.Matrix {
		if cl.Text == text {
			if got := cellMark(cl, "d", omitted); got != markOmits {
				t.Errorf("d's cell is %q, want %q", got, markOmits)
			}
			return
		}
	}
	t.Errorf("no matrix row for the claim: %+v", r.Matrix)
}

// TestConflictOfTheRowsQuantity: a cell is ≠ only for a discrepancy its
// row is about. Source a's sentence of the toll claim gives the toll
// the others give and, besides, a minority value of another dispute
// that no other sentence of the claim gives: a states the toll (✓).
func TestConflictOfTheRowsQuantity(t *testing.T) {
	r := &Report{
		Sources: []Source{{Label: "a"}, {Label: "b"}, {Label: "c"}},
		Shared:  []Shared{{Text: "Cholera has killed 38 people.", Sources: []string{"a", "b", "c"}, Evidence: map[string][]int{"a": {1}, "b": {1}, "c": {1}}, By: Engine}},
		Discrepancies: []Discrepancy{
			{Topic: "killed [?]", Values: []Value{{Source: "a", Text: "38", Sentence: 1, Class: 1}, {Source: "b", Text: "38", Sentence: 1, Class: 1}, {Source: "c", Text: "31", Sentence: 1, Class: 2}}},
			{Topic: "[?] centres", Values: []Value{{Source: "a", Text: "15", Sentence: 1, Class: 2}, {Source: "b", Text: "12", Sentence: 5, Class: 1}, {Source: "c", Text: "12", Sentence: 6, Class: 1}}},
		},
	}
	r.BuildMatrix()
	cells := r.Matrix[0].Cells
	if cells["a"].State != Stated || cells["c"].State != Conflicts {
		t.Errorf("a is %s and c %s, want a stated and c conflicting", cells["a"].State, cells["c"].State)
	}
}

// TestGustsAreNoSustainedWinds: a source that gives only a gust's speed
// leaves out the sustained winds the others give, though both are in
// km/h.
func TestGustsAreNoSustainedWinds(t *testing.T) {
	lead := "Hurricane Teodora struck the coast of Belmora on Monday night. "
	arts := []*article.Article{
		fromText(t, "a", "Hurricane", lead+"Rescuers said the storm, which brought maximum sustained winds of 185 km/h, flattened fishing villages."),
		fromText(t, "b", "Storm", lead+"With sustained winds of 185 km/h, the storm tore roofs from houses along the coast."),
		fromText(t, "c", "Teodora", lead+"Officials said the winds of 185 km/h had knocked out power across the region."),
		fromText(t, "d", "Teodora", lead+"Gusts of 210 km/h were measured at the port before its anemometer failed."),
	}
	r := mustCompare(t, arts)
	if !omits(r, "d", "185") {
		t.Errorf("d: the sustained winds are not reported as left out; omissions %+v", r.Omissions["d"])
	}
}
