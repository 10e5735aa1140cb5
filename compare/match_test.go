package compare

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/lexicon"
)

func TestClauseSpans(t *testing.T) {
	tests := []struct {
		name, s string
		want    []string
	}{
		{"which clause", "After talks they signed a broad partnership pact, which Putin said included a mutual defence clause.",
			[]string{"After talks they signed a broad partnership pact", "which Putin said included a mutual defence clause."}},
		{"participle", "The ministers approved the new budget plan on Monday, raising fuel taxes across the country.",
			[]string{"The ministers approved the new budget plan on Monday", "raising fuel taxes across the country."}},
		{"short tail stays", "The mayor opened the new bridge over the river, officials said.",
			[]string{"The mayor opened the new bridge over the river, officials said."}},
		{"according is no clause", "The quake struck at a depth of ten kilometres, according to the national seismology centre.",
			[]string{"The quake struck at a depth of ten kilometres, according to the national seismology centre."}},
		{"not inside a quote", `He said "we will build roads, which our people need badly" at the rally in the city.`,
			[]string{`He said "we will build roads, which our people need badly" at the rally in the city.`}},
		{"relative that", "The leaders signed a defence treaty that commits each side to help the other if attacked.",
			[]string{"The leaders signed a defence treaty", "that commits each side to help the other if attacked."}},
		{"and with a verb", "Floodwater closed the main road into the valley, and rescue teams were walking to the villages.",
			[]string{"Floodwater closed the main road into the valley", "and rescue teams were walking to the villages."}},
		{"a name alone is no clause", "Harlow Water Services Limited, which supplies the valley, has raised its prices by a fifth this spring.",
			[]string{"Harlow Water Services Limited, which supplies the valley, has raised its prices by a fifth this spring."}},
		{"and ending a list", "The two sides signed agreements covering energy trade, farm exports, and student exchanges.",
			[]string{"The two sides signed agreements covering energy trade, farm exports, and student exchanges."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range clauseSpans(tt.s, lexicon.Terms(tt.s)) {
				got = append(got, unitText(tt.s, sp))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// paraphraseSet is three outlets reporting one flood in their own words:
// the same facts reworded, one outlet adding a clause of its own inside a
// shared sentence, one leaving out the evacuation, and a toll that
// disagrees in sentences that do not otherwise match.
func paraphraseSet(t *testing.T) []*article.Article {
	t.Helper()
	return []*article.Article{
		fromText(t, "alpha", "Floods hit Rivertown", "Heavy rain flooded the centre of Rivertown on Monday, forcing the evacuation of 2,000 residents. The regional governor declared a state of emergency in the province. Officials said the floods left 12 dead."),
		fromText(t, "beta", "Rivertown under water", "Torrential rain flooded downtown Rivertown on Monday, and about 2,000 residents were evacuated from their homes. The governor of the region declared an emergency across the province, saying army engineers would rebuild the collapsed dam within a month. The death toll from the floods rose to 15, the officials said."),
		fromText(t, "gamma", "Rivertown floods", "Heavy rains flooded the center of Rivertown on Monday. The regional governor declared a state of emergency in the province. The floods left 12 dead, officials said."),
	}
}

func TestParaphraseFindings(t *testing.T) {
	r, err := Sources(t.Context(), paraphraseSet(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("reworded facts are not unique", func(t *testing.T) {
		for l, us := range r.Unique {
			for _, u := range us {
				if strings.Contains(u.Text, "state of emergency") || strings.Contains(u.Text, "an emergency across") {
					t.Errorf("got unique[%s] %q, want the emergency shared", l, u.Text)
				}
			}
		}
	})
	t.Run("unique clause inside a shared sentence", func(t *testing.T) {
		if !hasSentence(r.Unique["beta"], "rebuild the collapsed dam", 2) {
			t.Errorf("got unique[beta] %+v, want the dam clause of sentence 2", r.Unique["beta"])
		}
		for _, u := range r.Unique["beta"] {
			if strings.Contains(u.Text, "governor") {
				t.Errorf("got unique %q, want only the clause no other outlet has", u.Text)
			}
		}
	})
	t.Run("omission", func(t *testing.T) {
		if findOmission(r.Omissions["gamma"], "evacuat") == nil {
			t.Errorf("got omissions[gamma] %+v, want the evacuation", r.Omissions["gamma"])
		}
	})
	t.Run("never both left out and only in", func(t *testing.T) {
		for l, os := range r.Omissions {
			for _, o := range os {
				for _, u := range r.Unique[l] {
					if strings.Contains(o.Text, u.Text) || strings.Contains(u.Text, o.Text) {
						t.Errorf("%s: %q is both left out and only in it", l, u.Text)
					}
				}
			}
		}
	})
	t.Run("toll across sentences", func(t *testing.T) {
		d := findDiscrepancy(t, r, "beta", "15")
		if !hasValue(d, "alpha", "12") || !hasValue(d, "gamma", "12") {
			t.Errorf("got values %+v, want alpha and gamma at 12", d.Values)
		}
	})
}

func TestAddingASourceKeepsUnrelatedFindings(t *testing.T) {
	arts := paraphraseSet(t)
	before, err := Sources(t.Context(), arts[:2], Options{})
	if err != nil {
		t.Fatal(err)
	}
	extra := fromText(t, "delta", "Markets", "Shares in the regional power company fell sharply on Tuesday after a profit warning.")
	after, err := Sources(t.Context(), append(arts[:2:2], extra), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"alpha", "beta"} {
		if !slices.Equal(texts(before.Unique[l]), texts(after.Unique[l])) {
			t.Errorf("%s: got unique %q with delta, want %q as without it", l, texts(after.Unique[l]), texts(before.Unique[l]))
		}
	}
}

func texts(ss []Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

func TestSinceAgreesAcrossSentences(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "one", "Visit", "The minister arrived in Hanoi on a rare trip. It is her first visit to Vietnam in 24 years."),
		fromText(t, "two", "Visit", "The minister landed in Hanoi for talks. She has not made a visit to Vietnam since 2000, the ministry said."),
		fromText(t, "three", "Visit", "Crowds met the minister in Hanoi. Her first visit to Vietnam in 14 years drew attention."),
	}
	r := mustCompare(t, arts)
	d := findDiscrepancy(t, r, "three", "14 years")
	if !hasValue(d, "one", "24 years") {
		t.Errorf("got values %+v, want one's 24 years set against 14", d.Values)
	}
	for _, v := range d.Values {
		if v.Source == "two" && v.Class != classOf(d, "one") {
			t.Errorf("got since 2000 in class %d, want the class of 24 years", v.Class)
		}
	}
}

func classOf(d Discrepancy, source string) int {
	for _, v := range d.Values {
		if v.Source == source {
			return v.Class
		}
	}
	return -1
}

func TestSpeakerIsNotTheMedia(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Q", `Russian news agencies said Putin called the deal "a historic step forward for both of our peoples".`),
		fromText(t, "b", "Q", `Putin called the deal "a historic step forward for both of our peoples", the Kremlin said.`),
	}
	r := mustCompare(t, arts)
	for _, q := range r.Quoted {
		if strings.Contains(strings.ToLower(q.Speaker), "agencies") {
			t.Errorf("got speaker %q, want no media attribution as a speaker", q.Speaker)
		}
	}
}

// TestTwoFactsOfOneSentence: a sentence that states the signing and the
// mutual-defence clause supports two claims, so the sources that report
// only the signing are reported as leaving the clause out.
func TestTwoFactsOfOneSentence(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Pact signed", "The two presidents signed a security treaty in the capital on Friday that commits each side to defend the other if it is attacked. Markets in both countries were closed for a public holiday."),
		fromText(t, "b", "Leaders sign pact", "On Friday the two presidents signed a security treaty in the capital that obliges each side to defend the other if it comes under attack."),
		fromText(t, "c", "Treaty", "A security treaty was signed by the two presidents on Friday in the capital. Each country pledges to defend the other in case of an attack."),
		fromText(t, "d", "Presidents meet", "The two presidents signed a security treaty in the capital on Friday. They also discussed fishing rights in the disputed strait."),
		fromText(t, "e", "Summit ends", "On Friday the two presidents signed a security treaty in the capital. A joint press conference was cancelled at short notice."),
	}
	r := mustCompare(t, arts)
	for _, l := range []string{"d", "e"} {
		found := false
		for _, o := range r.Omissions[l] {
			if strings.Contains(o.Text, "defend") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no omission of the defence clause; omissions %+v", l, r.Omissions[l])
		}
	}
	for _, l := range []string{"a", "b", "c"} {
		for _, o := range r.Omissions[l] {
			if strings.Contains(o.Text, "defend") {
				t.Errorf("%s states the defence clause but is said to leave it out", l)
			}
		}
	}
}

// TestAnUnrelatedArticleChangesNothing adds to each event of the
// evaluation set an article about another event: it is left out with a
// warning, and every finding about the event stays as it was (without
// the rule, it would change which facts most sources carry and the weight
// of every word).
func TestAnUnrelatedArticleChangesNothing(t *testing.T) {
	for _, tt := range []struct{ event, other string }{{"summit", "quake"}, {"quake", "steel"}, {"steel", "summit"}} {
		t.Run(tt.event, func(t *testing.T) {
			ev, err := loadGold(t.Context(), filepath.Join(evalDir, tt.event))
			if err != nil {
				t.Fatal(err)
			}
			other, err := loadGold(t.Context(), filepath.Join(evalDir, tt.other))
			if err != nil {
				t.Fatal(err)
			}
			before, err := Sources(t.Context(), ev.arts, Options{})
			if err != nil {
				t.Fatal(err)
			}
			extra := *other.arts[0]
			extra.Label = "elsewhere"
			after, err := Sources(t.Context(), append(slices.Clone(ev.arts), &extra), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(after.Warnings) == 0 || !strings.Contains(after.Warnings[len(after.Warnings)-1], "elsewhere") {
				t.Errorf("got warnings %q, want one about the unrelated article", after.Warnings)
			}
			after.Warnings, after.LeftOut = before.Warnings, nil
			b, _ := json.Marshal(before)
			a, _ := json.Marshal(after)
			if !bytes.Equal(a, b) {
				t.Errorf("the report changed when an unrelated article was added")
			}
		})
	}
}

func TestIsAttribution(t *testing.T) {
	tests := []struct {
		part string
		want bool
	}{
		{" according to the Ministry of Home Affairs.", true},
		{"officials said on Wednesday.", true},
		{" a police spokesman told reporters.", true},
		{"the two companies said.", true},
		{" Gábor Horváth said on Tuesday.", true},
		{" a TASS correspondent reports.", true},
		{" according to Nepali officials, and the toll is expected to rise.", false},
		{"Rescue work was slowed by landslides.", false},
		{"which employs nearly 7,000 people", false},
	}
	for _, tt := range tests {
		t.Run(tt.part, func(t *testing.T) {
			if got := isAttribution(tt.part); got != tt.want {
				t.Errorf("isAttribution(%q) = %v, want %v", tt.part, got, tt.want)
			}
		})
	}
}

// TestAttributionIsNoUniqueFact: a sentence whose facts the other
// sources state between them, credited to a body nobody else names, does
// not make "according to ..." a fact of its own.
func TestAttributionIsNoUniqueFact(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Quake", "At least 53 people died and 143 were hurt when the quake struck Karvi and nearby valleys at 11:47 pm on Tuesday, according to the Ministry of Home Affairs."),
		fromText(t, "b", "Quake", "The quake struck Karvi at 11:47 pm on Tuesday."),
		fromText(t, "c", "Quake", "At least 53 people died and 143 were hurt in the Karvi valleys."),
	}
	r := mustCompare(t, arts)
	for _, u := range r.Unique["a"] {
		if strings.Contains(u.Text, "according to") {
			t.Errorf("got unique %q for a: an attribution is no fact", u.Text)
		}
	}
}

func TestNamesOnly(t *testing.T) {
	tests := []struct {
		name, s string
		want    bool
	}{
		{"list tail", "Uttar Pradesh and Delhi-NCR.", true},
		{"figures and names", "Bajura 41, Bajhang 12.", true},
		{"a fact", "Tremors were felt in Delhi.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A list's tail follows a comma: start the span after one.
			s := "They said, " + tt.s
			sp := [2]int{len("They said, "), len(s)}
			if got := namesOnly(lexicon.Terms(s), sp); got != tt.want {
				t.Errorf("namesOnly(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}

// TestOneWordLinesAreNoFacts: "Definitely." or "For example:" in two
// outlets is no shared fact, and in one no fact of its own.
func TestOneWordLinesAreNoFacts(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Rain", "Heavy rain closed the coastal road near Harlow on Monday. Definitely."),
		fromText(t, "b", "Rain", "Definitely. The harbour master kept the fishing fleet in port at Kessel all week."),
	}
	r := mustCompare(t, arts)
	for _, sh := range r.Shared {
		if strings.Contains(sh.Text, "Definitely") {
			t.Errorf("got shared claim %q", sh.Text)
		}
	}
	for _, l := range []string{"a", "b"} {
		for _, u := range r.Unique[l] {
			if u.Text == "Definitely." {
				t.Errorf("%s: got unique %q", l, u.Text)
			}
		}
	}
}

// TestWideLetters: letters whose lower case has another byte length
// ("Ⱥ" is two bytes, "ⱥ" three; "İ" two, "i̇" three) before an acronym's
// expansion, "the disaster" or a clause cut compare without a panic.
func TestWideLetters(t *testing.T) {
	sets := [][]string{
		{"Calder will build an EAF at the plant.", "Calder will build an EAF at the plant.", "ȺȺȺȺ plant will build an electric arc furnace at the plant, Calder said."},
		{"An earthquake struck Karvi on Tuesday, killing 12 people.", "The earthquake in Karvi killed 12 people on Tuesday.", "ȺȺȺȺȺȺȺȺȺȺ mourned the disaster in Karvi, where the earthquake killed 12 people."},
		{"The river rose quickly overnight, and xȺȺȺȺ.", "The river rose quickly overnight.", "İİİİ The river rose overnight, and the town flooded."},
	}
	for i, set := range sets {
		var arts []*article.Article
		for k, s := range set {
			arts = append(arts, fromText(t, string(rune('a'+k)), "Wide", s))
		}
		if _, err := Sources(t.Context(), arts, Options{}); err != nil {
			t.Errorf("set %d: %v", i, err)
		}
	}
	clauseCuts("The river rose quickly overnight, and xȺȺȺȺ")
}

// TestLeftOutKeepsLabels: the labels given when the articles came in
// stay theirs when one is left out, so "wire#2" never names two
// articles.
func TestLeftOutKeepsLabels(t *testing.T) {
	summit, quake := goldArticles(t, "summit"), goldArticles(t, "quake")
	relabel := func(a *article.Article, l string) *article.Article {
		c := *a
		c.Label = l
		return &c
	}
	arts := []*article.Article{
		relabel(summit[0], "wire"), relabel(quake[0], "wire"),
		relabel(summit[1], "wire"), relabel(summit[2], "kcna"),
	}
	r := mustCompare(t, arts)
	if len(r.LeftOut) != 1 || r.LeftOut[0].Label != "wire#2" {
		t.Fatalf("got left out %+v, want wire#2", r.LeftOut)
	}
	var got []string
	for _, s := range r.Sources {
		got = append(got, s.Label)
	}
	if want := []string{"wire", "wire#3", "kcna"}; !slices.Equal(got, want) {
		t.Errorf("got sources %q, want %q", got, want)
	}
}

func TestCommaCuts(t *testing.T) {
	s := `More than 10,000 containers went north, officials said, "and more, later" by sea.`
	var got []string
	for _, c := range commaCuts(s, 0, len(s)) {
		got = append(got, s[:c])
	}
	want := []string{"More than 10,000 containers went north,", "More than 10,000 containers went north, officials said,"}
	if !slices.Equal(got, want) {
		t.Errorf("got cuts after %q, want %q", got, want)
	}
}

// TestClauseTail: the part after a comma is a clause of its own unless
// it opens with an apposition or inside a list.
func TestClauseTail(t *testing.T) {
	for _, tc := range []struct {
		s    string
		tail string // the text after the cut
		want bool
	}{
		{"Some passengers were affected, and traffic around Miravel, the capital, slowed to a crawl.", "and traffic around Miravel, the capital, slowed to a crawl.", true},
		{"Some passengers were affected, and traffic around Miravel, the capital, slowed to a crawl.", "the capital, slowed to a crawl.", false},
		{"Ferovia, the national railway company, kept a minimum service running.", "the national railway company, kept a minimum service running.", false},
		{"Ferovia, the national railway company, kept a minimum service running.", "kept a minimum service running.", true},
		{"He backed the operation of the Russian government, army and people to defend the country.", "army and people to defend the country.", false},
		{"The deal was signed on Wednesday, Kim and Putin said.", "Kim and Putin said.", true},
		{"The quake struck at night, and the toll is expected to rise.", "and the toll is expected to rise.", true},
		{"As the flood barrier gave way, police and soldiers evacuated 300 homes.", "police and soldiers evacuated 300 homes.", true},
		{"When the water reached the town hall on Monday, the mayor, who took office in May, closed all schools.", "the mayor, who took office in May, closed all schools.", true},
	} {
		cuts := commaCuts(tc.s, 0, len(tc.s))
		i := slices.IndexFunc(cuts, func(c int) bool { return tc.s[c:] == " "+tc.tail })
		if i < 0 {
			t.Fatalf("no cut before %q in %q", tc.tail, tc.s)
		}
		if got := clauseTail(tc.s, cuts, i, len(tc.s)); got != tc.want {
			t.Errorf("clauseTail(%q) = %v, want %v", tc.tail, got, tc.want)
		}
	}
}

func TestOwnerStem(t *testing.T) {
	same := [][2]string{{"hungary", "hungarian"}, {"austria", "austrian"}, {"australia", "australian"}, {"china", "chinese"}, {"nepal", "nepali"}}
	for _, p := range same {
		if ownerStem(p[0]) != ownerStem(p[1]) {
			t.Errorf("ownerStem(%q) = %q, ownerStem(%q) = %q, want one", p[0], ownerStem(p[0]), p[1], ownerStem(p[1]))
		}
	}
	apart := [][2]string{{"austria", "australian"}, {"slovakia", "slovenian"}, {"austrian", "australia"}}
	for _, p := range apart {
		if ownerStem(p[0]) == ownerStem(p[1]) {
			t.Errorf("ownerStem(%q) = ownerStem(%q) = %q, want two", p[0], p[1], ownerStem(p[0]))
		}
	}
}

// FuzzSources compares three articles cut from arbitrary text: whatever
// the letters, quotes, figures and punctuation, Sources returns a report
// or an error, never a panic.
func FuzzSources(f *testing.F) {
	for _, s := range []string{
		"Putin and Kim signed a pact on Wednesday, killing 38 and injuring more than 100.|The pact was signed by Kim Jong-un, the DPRK said.|‘The «deal» is «done»’, he said.",
		"ȺȺȺȺ plant will build an electric arc furnace (EAF).|Calder will build an EAF.|İİİİ The river rose overnight, and the town flooded.",
		"Xinhua quoted the ambassador as saying: \"We stand ready.\"|Prime Minister K.P. Sharma Oli said: \"half a million\" fled.|According to the Ministry, 1,850 houses, 3,100 damaged, €1.9bn, HUF4,150.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parts := strings.SplitN(s, "|", 3)
		var arts []*article.Article
		for i, p := range parts {
			body := "title: T\ndate: 2024-06-19\n\nThe river rose. " + p
			a, err := article.Load(t.Context(), string(rune('a'+i))+"=-", article.Options{Stdin: strings.NewReader(body)})
			if err != nil {
				return
			}
			arts = append(arts, a)
		}
		if len(arts) < 2 {
			return
		}
		r, err := Sources(t.Context(), arts, Options{})
		if err != nil {
			return
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("report does not marshal: %v", err)
		}
	})
}

// TestScatteredSourcesWarn: when half the sources or more share next to
// nothing, none is left out, but the report says they do not seem to
// report one event; one event's coverage gets no such warning.
func TestScatteredSourcesWarn(t *testing.T) {
	summit, quake, rates := goldArticles(t, "summit"), goldArticles(t, "quake"), goldArticles(t, "rates")
	r := mustCompare(t, []*article.Article{summit[0], quake[0], rates[0]})
	if len(r.LeftOut) != 0 || !scattered(r) {
		t.Errorf("three events: left out %+v, warnings %q; want none left out and the warning", r.LeftOut, r.Warnings)
	}
	if r := mustCompare(t, summit[:4]); scattered(r) {
		t.Errorf("one event: warnings %q", r.Warnings)
	}
}

// TestParaphrasedCoverageIsOneEvent: four outlets that word every fact
// their own way share no clause, but three name the same company, its
// chief and its regulator: one event, no warning. The fourth names
// nobody, and is not left out for the others' names.
func TestParaphrasedCoverageIsOneEvent(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "wire", "Breach", "Norvik Telecom said on Tuesday that hackers had stolen the personal data of about 2.1 million customers. Chief executive Lena Sorvik apologised and said the breach had been contained. The national data protection authority said it had opened an investigation. Norvik shares fell 6% in Oslo trading."),
		fromText(t, "business", "Breach", "Shares in the operator dropped 7.5% after it disclosed a breach affecting 2.3 million customer accounts. Analysts said the fine could reach 120 million euros. The chief executive said no payment information had been taken."),
		fromText(t, "local", "Breach", "The head of Norvik Telecom has apologised after criminals took the names and phone numbers of some 2.1 million customers. Lena Sorvik told a news conference the company had failed its customers. The Data Protection Authority has launched an inquiry."),
		fromText(t, "state", "Breach", "The Data Protection Authority announced an investigation into a leak of customer data at Norvik Telecom. The operator could face a fine of up to four percent of its yearly turnover. Minister of Digital Affairs Per Holm said security rules would be reviewed."),
	}
	r := mustCompare(t, arts)
	for _, w := range r.Warnings {
		if strings.Contains(w, "do not seem to report the same event") {
			t.Errorf("one event's coverage warned: %q", w)
		}
	}
	if len(r.LeftOut) != 0 {
		t.Errorf("left out %+v", r.LeftOut)
	}
}

// varoTollReports are three outlets' reports of one quake's toll, whose
// headlines all name the district.
func varoTollReports(t *testing.T) []*article.Article {
	return []*article.Article{
		fromText(t, "a", "Quake kills at least 48 in Varo hills", "A magnitude 6.1 earthquake struck the hill district of Varo late on Tuesday, killing at least 48 people. More than 200 people were injured, officials said. The quake destroyed about 1,800 homes."),
		fromText(t, "b", "Toll from Varo quake rises to 52", "The death toll from Tuesday's quake in Varo district rose to 52 on Wednesday. Officials said 186 people had been hurt. Some 2,300 houses were flattened."),
		fromText(t, "c", "Strong earthquake hits Varo", "At least 48 people died when a strong earthquake hit Varo on Tuesday night. More than 150 people were injured. The quake damaged or destroyed 1,800 homes, the district office said."),
	}
}

// TestHeadlineNameKeepsASource: a short piece on a quake's survivors
// shares no clause with three reports of the toll, but its headline
// names the district theirs do: it is compared, not left out.
func TestHeadlineNameKeepsASource(t *testing.T) {
	arts := append(varoTollReports(t),
		fromText(t, "d", "Survivors sleep outside after Varo quake", "Thousands of people spent a second night in the open after the earthquake, which killed 50 people. Many houses of stone and mud collapsed in the hillside villages. The army sent helicopters with tents and blankets."))
	comparedAll(t, arts)
}

// scattered reports whether r warns that its articles do not seem to
// report one event.
func scattered(r *Report) bool {
	return slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.Contains(w, "do not seem to report the same event") })
}

// TestRegionsLinkNoEvents: three articles on different events that all
// mention North and South America share no fact; the regions
// do not make them one event, and the report warns.
func TestRegionsLinkNoEvents(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Airline orders jets", "Skyline Air ordered 40 new jets for its routes to North America. The carrier also plans flights to South America next year."),
		fromText(t, "b", "Drought hits farms", "A drought has cut wheat harvests across North America by a fifth. Farmers in South America face the same problem."),
		fromText(t, "c", "Museum reopens", "The city museum reopened after a two-year renovation. Its new wing shows art from North America and South America."),
	}
	r := mustCompare(t, arts)
	if !scattered(r) {
		t.Errorf("warnings %q, want the warning that the articles report different events", r.Warnings)
	}
}

// TestNamesWrittenInFull: a name of two words links two articles only
// when the other writes it in full: "Temple Run" and "Blue Harbour" are
// not in "a long run" or "the harbour".
func TestNamesWrittenInFull(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Games", "The studio behind Temple Run released a sequel set in Blue Harbour, a seaside town with a long line of fans. It sold a million copies in a week."),
		fromText(t, "b", "Marathon", "Runners from the Red Town and Grand Line clubs finished a long run along the harbour. Thousands cheered as the winner crossed the finish."),
		fromText(t, "c", "Budget", "The council approved its budget for the year. Spending on schools rises by a tenth."),
	}
	r := mustCompare(t, arts)
	if !scattered(r) {
		t.Errorf("warnings %q, want the warning that the articles report different events", r.Warnings)
	}
}

// comparedAll compares arts and checks that none is left out.
func comparedAll(t *testing.T, arts []*article.Article) *Report {
	t.Helper()
	r := mustCompare(t, arts)
	if len(r.LeftOut) != 0 || len(r.Sources) != len(arts) {
		t.Errorf("left out %+v; compared %d sources, want %d", r.LeftOut, len(r.Sources), len(arts))
	}
	return r
}

// TestSharedFigureKeepsASource: a ministry's report of an outbreak words
// every fact its own way and names no one the others name, but gives
// the toll another outlet gives: it is compared, not left out.
func TestSharedFigureKeepsASource(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "wire", "Cholera outbreak in Sarvenia kills 63", "A cholera outbreak in eastern Sarvenia has killed 63 people and infected more than 2,100 since mid-August, the World Health Organization said. Most of the cases are in Orsha province, where heavy rains damaged water pipes. The WHO said it was sending 500,000 doses of oral vaccine."),
		fromText(t, "ukbc", "Sarvenia cholera: dozens dead", "At least 58 people have died of cholera in Sarvenia, the country's health ministry says. About 2,000 suspected cases have been recorded, mostly in the eastern province of Orsha. The World Health Organization is sending 500,000 doses of vaccine."),
		fromText(t, "journal", "Outbreak follows floods", "The cholera outbreak in Sarvenia, with 63 deaths among roughly 2,100 cases reported to the WHO, began after floods in Orsha province. The WHO has shipped half a million doses of oral cholera vaccine."),
		fromText(t, "state", "Health ministry steps up fight against cholera", "The Ministry of Health has deployed 40 medical teams to Orsha province to contain the outbreak, Health Minister Petra Vlok said on Saturday. According to the ministry, 58 deaths have been registered since 14 August. Free treatment is available at all public clinics."),
	}
	comparedAll(t, arts)
}

// TestSameTollOfAnotherEvent: a bus crash that kills as many people as
// the quake three outlets report names none of the quake's places: it
// is left out, its toll no value of the quake's.
func TestSameTollOfAnotherEvent(t *testing.T) {
	leftOutBesideVaro(t, "Bus plunges into gorge", "A crowded bus plunged into a gorge on a mountain road in the north on Tuesday, killing 48 people, police said. The driver lost control on a sharp bend, witnesses said. Rescuers worked through the night to reach the wreck.")
}

// leftOutBesideVaro checks that an article with headline title and text
// body, compared with the three Varo quake reports, is left out.
func leftOutBesideVaro(t *testing.T, title, body string) {
	t.Helper()
	r := mustCompare(t, append(varoTollReports(t), fromText(t, "d", title, body)))
	if len(r.LeftOut) != 1 || r.LeftOut[0].Label != "d" {
		t.Errorf("left out %+v, want d", r.LeftOut)
	}
}

// TestHeadlineOfAnotherEventThere: an article on another event in the
// same town names the town in its headline, but shares no other word of
// the others' headlines: it is still left out.
func TestHeadlineOfAnotherEventThere(t *testing.T) {
	leftOutBesideVaro(t, "New Varo bridge approved by council", "The town council approved plans for a new road bridge across the river. Construction is due to start in the spring and take two years. The bridge will cost 40 million crowns.")
}

// TestNamesOnlyDoNotState: a sentence that shares a clause's names and
// hardly any of its other words does not state it.
func TestNamesOnlyDoNotState(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Takeover", "Orlen Varga of Kestor Holdings told Brindle Mills staff in Tarnow and Lodz that the works would stay open."),
		fromText(t, "b", "Takeover", "Orlen Varga of Kestor Holdings visited Brindle Mills in Tarnow and Lodz on Monday."),
	}
	c, err := scored(t.Context(), arts, []string{"a", "b"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got float64
	for h := range c.hitsOf(0) {
		got = h.score
	}
	u := &c.units[0]
	var full float64
	for _, sl := range u.slots {
		if c.holds(1, 0, sl.ids) {
			full += sl.w
		}
	}
	full /= u.weight
	if full < DefaultThreshold {
		t.Fatalf("the second sentence holds %.2f of the clause; the test needs a names-heavy match at the threshold or above", full)
	}
	if got >= DefaultThreshold {
		t.Errorf("the clause is stated at %.2f by a sentence sharing its names only, want below %.2f", got, DefaultThreshold)
	}
}

// TestRegionName: a point of the compass before a continent or sea is a
// region; before anything else it may open an organisation's name.
func TestRegionName(t *testing.T) {
	for name, want := range map[string]bool{
		"North America": true, "Middle East": true, "South Pacific": true,
		"South East Asia": true, "North Sea": true, "West Coast": true, "Eastern Mediterranean": true,
		"Southwest Airlines": false, "Western Union": false, "Central Election Commission": false,
	} {
		if got := regionName(name); got != want {
			t.Errorf("regionName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestWritesInFullFolds: a name is written in full whatever the accents
// and the apostrophes, and a dateline's capitals; a word in lower case
// is no name.
func TestWritesInFullFolds(t *testing.T) {
	c := &comparison{arts: []*article.Article{{Sentences: []string{"Declan O’Brien and Luiz Inácio Lula da Silva met in Orsha.", "The ferry's hull was torn."}}}}
	for _, name := range []string{"Declan O'Brien", "Luiz Inacio Lula da Silva", "ORSHA"} {
		if !c.writesInFull(0, name) {
			t.Errorf("%q is not found written in full", name)
		}
	}
	if c.writesInFull(0, "Temple Run") {
		t.Error("Temple Run is found")
	}
	if c.writesInFull(0, "Lul") || c.writesInFull(0, "Orsh") {
		t.Error("a name is found inside a longer word")
	}
	if c.writesInFull(0, "Hull") {
		t.Error("the town of Hull is found in a ferry's hull")
	}
}

// TestDatelineAfterHeadline: a plain text whose first line is a headline
// has its dateline in its second sentence, and the dateline is still no
// part of a clause.
func TestDatelineAfterHeadline(t *testing.T) {
	a, err := article.Load(t.Context(), "a=-", article.Options{Stdin: strings.NewReader(
		"Government orders inspections after the factory fire\n\nTARSIS, March 4 (STA) -- The labour minister ordered an inspection of all textile plants.\n")})
	if err != nil {
		t.Fatal(err)
	}
	b := fromText(t, "b", "Fire", "The labour minister ordered an inspection of all textile plants.")
	c, err := scored(t.Context(), []*article.Article{a, b}, []string{"a", "b"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range c.units {
		if s := c.arts[u.src].Sentences[u.n][u.start:u.end]; strings.Contains(s, "TARSIS") {
			t.Errorf("clause %q holds the dateline", s)
		}
	}
}

// TestDatelineNotShown: a shared claim whose anchor opens an agency's
// story is shown without its dateline, and so is the wording of a
// source that opens with its own.
func TestDatelineNotShown(t *testing.T) {
	load := func(label, text string) *article.Article {
		a, err := article.Load(t.Context(), label+"=-", article.Options{Stdin: strings.NewReader("Hospitals hit by cyberattack\n\n" + text + "\n")})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	r := mustCompare(t, []*article.Article{
		load("a", "HALVIK, May 9 (TSNA) - A cyberattack shut down the computer systems of 14 hospitals in Terovia on Tuesday. The attackers demanded a ransom."),
		load("b", "HALVIK, May 9 (Wire) - A cyberattack shut down computer systems at 14 hospitals in Terovia on Tuesday. The health minister said no ransom would be paid."),
		load("c", "A cyberattack shut down computer systems at 14 Terovian hospitals on Tuesday. Surgeries were postponed."),
	})
	found := false
	for _, sh := range r.Shared {
		if !strings.Contains(sh.Text, "cyberattack") {
			continue
		}
		found = true
		if strings.Contains(sh.Text, "HALVIK") {
			t.Errorf("claim shown with its dateline: %q", sh.Text)
		}
		for _, w := range sh.Wording {
			if strings.Contains(w.Text, "HALVIK") || strings.Contains(w.Diff, "HALVIK") {
				t.Errorf("%s's wording shown with a dateline: %q", w.Source, w.Diff)
			}
		}
	}
	if !found {
		t.Errorf("no shared claim of the cyberattack: %+v", r.Shared)
	}
}

// TestCloseTollKeepsALocalReport: a local paper's hospital story names
// no one the others name in full and states no clause of theirs, but
// gives the outbreak's toll close to theirs ("killed 29" beside 31 and
// 27) and shares a rare word with every source ("cholera"): it is
// compared, and its toll is in the discrepancy.
func TestCloseTollKeepsALocalReport(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "wire", "Cholera outbreak kills 31 in Marovia's north", "A cholera outbreak has killed 31 people and sickened more than 1,400 in northern Marovia since mid-June, the health ministry said on Wednesday. Most of the cases have been recorded in Lunda province, where floods contaminated wells last month. The World Health Organization said it was sending 200,000 doses of oral vaccine and a team of epidemiologists. \"We are racing against time to get clean water to the camps,\" said Dr Amara Fenn, the WHO's representative in Marovia. Health Minister Joseph Kallo said treatment centres had been opened in six districts. The outbreak is the country's worst since 2017, when more than 90 people died."),
		fromText(t, "state", "Government steps up fight against cholera", "The Ministry of Health has recorded 1,352 cases of cholera and 27 deaths in Lunda and Tessa provinces, Minister of Health Joseph Kallo announced on Wednesday. Minister Kallo said the situation was under control and that the government had opened treatment centres in six districts. \"Every patient receives free treatment, and no citizen will be left without care,\" the Minister said. The government thanked the World Health Organization for its support. Citizens are urged to boil water and wash their hands regularly."),
		fromText(t, "ukbc", "Marovia cholera: Deaths rise as outbreak spreads", "At least 31 people have died in a cholera outbreak in northern Marovia, health officials say. More than 1,400 cases have been reported since the middle of June, most of them in Lunda province. Aid agencies say floods last month polluted wells that thousands of families rely on. The WHO is flying in 200,000 vaccine doses. \"We are in a race against time to bring clean water to the camps,\" the WHO's country representative, Amara Fenn, told the ukbc. Doctors at Lunda's main hospital said they were running out of rehydration salts."),
		fromText(t, "local", "Lunda hospital overwhelmed as cholera spreads", "Lunda General Hospital has admitted 380 cholera patients in a week, its director Dr Nia Obote said on Wednesday. Patients lie on mats in corridors because all 120 beds are full. Nationally, the outbreak has killed 29 people and infected 1,410, according to the health ministry. Dr Obote said the hospital had run out of rehydration salts on Monday and was relying on donations. The outbreak began after floods contaminated wells in the north of the province in June."),
	}
	r := comparedAll(t, arts)
	for _, d := range r.Discrepancies {
		for _, v := range d.Values {
			if v.Source == "local" && bareValue(v.Text) == "29 people" {
				return
			}
		}
	}
	t.Errorf("local's toll is in no discrepancy: %+v", r.Discrepancies)
}

// TestOutletNamingItselfIsNoWord: "records seen by Wire" in Wire's own
// report names the outlet, not anything the fact is about; another
// outlet citing Wire names a source it read.
func TestOutletNamingItselfIsNoWord(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "Wire", "Engine", "Records seen by Wire show that the engine had an overheating warning nine days earlier."),
		fromText(t, "Herald", "Engine", "Wire reported that the engine had an overheating warning nine days earlier."),
	}
	c, err := scored(t.Context(), arts, []string{"Wire", "Herald"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, ok := c.ids[lexicon.Key("wire")]
	if !ok {
		t.Fatal("no word for Wire")
	}
	for _, u := range c.units {
		has := slices.ContainsFunc(u.slots, func(sl slot) bool { return slices.Contains(sl.ids, id) })
		if has != (u.src == 1) {
			t.Errorf("source %d: Wire is a word of its clause: %v, want %v", u.src, has, u.src == 1)
		}
	}
}
