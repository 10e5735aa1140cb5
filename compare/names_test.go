package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestNameWithoutAccents lists a person whom one outlet writes without
// accents ("Teodora Vasic") with the others' "Teodora Vasić" / "Vasić".
func TestNameWithoutAccents(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Rate cut", "The central bank cut its main rate on Thursday. Governor Teodora Vasić said more cuts would follow. Vasić gave no date."),
		fromText(t, "b", "Bank eases", "The central bank lowered its main rate on Thursday. Vasić said the bank would move step by step."),
		fromText(t, "c", "Rates fall", "The central bank reduced its main rate on Thursday. Governor Teodora Vasic said there was room to ease."),
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		if strings.HasPrefix(tm.Concept, "Vasi") {
			if got := tm.BySource["c"]; got != "Teodora Vasic" {
				t.Errorf("term %q: c names her %q, want %q; all %v", tm.Concept, got, "Teodora Vasic", tm.BySource)
			}
			return
		}
	}
	t.Errorf("no term for the governor; terms %+v", r.Terms)
}

// TestFoldLettersOtherScripts keeps names in other scripts: a surname
// folded to nothing would key every such person alike.
func TestFoldLettersOtherScripts(t *testing.T) {
	a, b := foldLetters("Путин"), foldLetters("Навальный")
	if a == "" || b == "" || a == b {
		t.Errorf("foldLetters(Путин) = %q, foldLetters(Навальный) = %q: want two different keys", a, b)
	}
	if got := foldLetters("Vasić"); got != "vasic" {
		t.Errorf("foldLetters(Vasić) = %q, want %q", got, "vasic")
	}
}

func TestAnnualIsNoSubject(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Prices", "The central bank cut its main rate to 4.5% on Thursday. Annual inflation slowed to 3.1% in October."),
		fromText(t, "b", "Wages", "The central bank cut its main rate to 4.5% on Thursday. Annual wage growth reached 5.6% in October."),
		fromText(t, "c", "Rates", "The central bank cut its main rate to 4.5% on Thursday. Exporters welcomed the move."),
	}
	r := mustCompare(t, arts)
	if len(r.Discrepancies) != 0 {
		t.Errorf("got discrepancies %+v, want none: inflation and wage growth are two rates", r.Discrepancies)
	}
}

// TestDemonymIsNoSpelling keeps a place's adjective ("Valdorian") out of
// its names: one source's "Valdoria" and another's "Valdorian" are not
// two spellings of one place.
func TestDemonymIsNoSpelling(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Minister jailed", "A court in Valdoria jailed a former minister on Thursday. He was found guilty of bribery."),
		fromText(t, "b", "Ex-minister sentenced", "A Valdorian court jailed a former minister on Thursday. He took bribes from a builder."),
		fromText(t, "c", "Verdict", "The Valdorian court sentenced the former minister on Thursday for bribery."),
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		for _, v := range tm.BySource {
			if strings.Contains(v, "Valdorian") {
				t.Errorf("term %q gives the adjective as a name: %v", tm.Concept, tm.BySource)
			}
		}
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"nepal", "nepali", true}, {"kenyan", "kenya", true}, {"chile", "chilean", true}, {"lestovia", "lestovians", true},
		{"kolti", "koltee", false}, {"bajura", "bajhang", false},
	} {
		if got := demonym(tc.a, tc.b); got != tc.want {
			t.Errorf("demonym(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestOutletsNamingThemselves: each outlet credits its own reporting
// ("a witness told Reuters"); the outlets' names are not names of one
// thing.
func TestOutletsNamingThemselves(t *testing.T) {
	var arts []*article.Article
	for _, o := range []string{"Reuters", "AFP", "AP"} {
		arts = append(arts, fromText(t, strings.ToLower(o), "Bridge falls",
			"A road bridge collapsed in the river town of Pellam on Monday. A witness told "+o+" the bridge fell at noon. Two drivers were hurt."))
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		if tm.BySource["reuters"] == "Reuters" {
			t.Errorf("the outlets' own names are a term: %v", tm.BySource)
		}
	}
}

// TestDropSpellingOnly: names that differ in case, full stops or the
// apostrophe's shape, or in lower case only in their words' endings,
// are no naming difference;
// two words, or two spellings of a name, are.
func TestDropSpellingOnly(t *testing.T) {
	terms := []Term{
		{Concept: "US", BySource: map[string]string{"a": "US", "b": "U.S."}},
		{Concept: "floods", BySource: map[string]string{"a": "floods", "b": "flooding"}},
		{Concept: "Floods", BySource: map[string]string{"a": "Floods", "b": "Flooding"}},
		{Concept: "pact", BySource: map[string]string{"a": "pact", "b": "treaty"}},
		{Concept: "Kim Jong Un", BySource: map[string]string{"a": "Kim Jong Un", "b": "Kim Jong-un"}},
		{Concept: "Putin's", BySource: map[string]string{"a": "Putin's first", "b": "Putin\u2019s first"}},
		{Concept: "Floods", BySource: map[string]string{"a": "Floods", "b": "recent floods"}},
	}
	var got []string
	for _, tm := range dropSpellingOnly(terms) {
		got = append(got, tm.Concept)
	}
	if want := []string{"pact", "Kim Jong Un"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// TestCompanyIsNoSpellingOfACountry: "Nordpay" and "Norway", two edits
// apart, are two names when one report writes both, whatever kind of
// name each is taken for there.
func TestCompanyIsNoSpellingOfACountry(t *testing.T) {
	r := reportOf(t,
		[]string{"OSLO, Oct 6 (Wire) - Card payments and transfers at Nordpay, the Nordic region's largest digital bank, failed for about five hours on Monday, leaving millions of customers unable to pay in shops.", "The outage began at 7:40 a.m. and services were fully restored shortly before 1 p.m., the bank said.", "Nordpay said a faulty software update at a data centre in Stavanger was to blame and ruled out a cyberattack.", "\"We let our customers down today and we are deeply sorry,\" chief executive Hanna Lie said in a statement.", "The bank has 4.1 million customers in Norway, Sweden and Denmark."},
		[]string{"A routine software update that went wrong knocked out Nordpay's payment systems for more than five hours on Monday, the bank said.", "Customers reported problems from around 7.45am, and the bank declared all services back at 12.55pm.", "The update was pushed to servers in the bank's Stavanger data centre without being tested on a backup system, two people familiar with the matter said.", "Nordpay's regulator, the Financial Supervisory Authority, said it had asked the bank for a full report within two weeks."},
		[]string{"Shoppers in Bergen were left unable to pay for groceries and petrol on Monday morning after Nordpay's payment systems went down.", "Several supermarkets put up signs asking for cash, and queues formed at the few cash machines still working.", "Nordpay apologised and said it would refund any fees customers were charged because of the failure.", "The bank said the problem was caused by a software update."},
		[]string{"Nordpay, which serves about 4 million customers across Scandinavia, suffered a six-hour outage on Monday after a software update failed.", "Chief executive Hanna Lie said the bank was \"deeply sorry\" and would compensate customers who had incurred costs.", "The Financial Supervisory Authority has demanded a report on the incident.", "Nordpay shares fell 3.2% in Oslo."},
	)
	noTermWith(t, r, "", "Norway")
}

// TestNumberedNameIsAnotherThing: "Eumetra-4", a satellite, is no
// spelling of Eumetra, the agency that ordered it.
func TestNumberedNameIsAnotherThing(t *testing.T) {
	r := reportOf(t,
		[]string{"A rocket exploded on Tuesday, destroying a weather satellite it was carrying for the agency Eumetra.", "Eumetra said the satellite was insured."},
		[]string{"The rocket was lost on Tuesday, ending the Eumetra-4 mission.", "Eumetra-4 carried a lightning imager."},
		[]string{"A rocket carrying a satellite for Eumetra blew up on Tuesday.", "Eumetra called it a sad day."},
	)
	noTermWith(t, r, "b", "Eumetra-4")
}

// TestJoinNamesThe: "the union" stands for "union" whichever comes first.
func TestJoinNamesThe(t *testing.T) {
	for _, tc := range [][2]string{{"union", "the union"}, {"the union", "union"}} {
		if got := joinNames(tc[0], tc[1]); got != "the union" {
			t.Errorf("joinNames(%q, %q) = %q, want %q", tc[0], tc[1], got, "the union")
		}
	}
}

// TestJoinNamesTitleTail: a title cut at its start ("Service Chief
// Lieutenant General Daria Leonti") is no name beside the whole one,
// whichever comes first; a surname alone ("Leonti") stays.
func TestJoinNamesTitleTail(t *testing.T) {
	long, cut := "Fire service chief Lieutenant General Daria Leonti", "Service Chief Lieutenant General Daria Leonti"
	for _, tc := range [][2]string{{long, cut}, {cut, long}} {
		if got := joinNames(tc[0], tc[1]); got != long {
			t.Errorf("joinNames(%q, %q) = %q, want %q", tc[0], tc[1], got, long)
		}
	}
	if got := joinNames(long, "Leonti"); got != long+" / Leonti" {
		t.Errorf("joinNames with the surname = %q", got)
	}
	for _, tc := range [][2]string{{"Democratic Republic of Congo", "Republic of Congo"}} {
		if got := joinNames(tc[0], tc[1]); got != tc[0]+" / "+tc[1] {
			t.Errorf("joinNames(%q, %q) = %q, want both", tc[0], tc[1], got)
		}
	}
}

// TestDropBrokenForms: a name that ends in an adverb, a preposition or a
// past form is no name; the term keeps its other names, or goes when
// fewer than two sources or names are left.
func TestDropBrokenForms(t *testing.T) {
	terms := []Term{
		{Concept: "orsa island", BySource: map[string]string{"a": "Orsa island", "b": "island of Orsa", "c": "island of Orsa late"}, Evidence: map[string][]int{"a": {1}, "b": {2}, "c": {3}}},
		{Concept: "freight train near", BySource: map[string]string{"a": "freight train near", "b": "collision near"}},
		{Concept: "net profit slid", BySource: map[string]string{"a": "net profit slid", "b": "revenue"}},
		{Concept: "pact", BySource: map[string]string{"a": "pact", "b": "treaty"}},
		{Concept: "parliament", BySource: map[string]string{"a": "dissolve parliament", "b": "parliament"}},
	}
	got := dropBrokenForms(terms)
	if len(got) != 2 || got[0].Concept != "orsa island" || got[1].Concept != "pact" {
		t.Fatalf("got %+v, want the Orsa and pact terms", got)
	}
	if _, ok := got[0].BySource["c"]; ok || len(got[0].Evidence) != 2 {
		t.Errorf("Orsa term: got %v %v, want c's broken name and its evidence gone", got[0].BySource, got[0].Evidence)
	}
}

// TestFirmAndMinisterNames: a company written with its legal form short
// or in full, and by its acronym, is one referent shortened to its first
// word; a minister's portfolio before the title, after "of" in two
// parts, or in lower case between commas is the minister's title; a
// people's name beside its adjective and a slot that moves from a place
// to a time ("gripped the nation" / "at the weekend") name nothing.
func TestFirmAndMinisterNames(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Rescue", "All nine divers trapped in a flooded tunnel at the Orlen quarry were brought to the surface alive on Sunday, ending a four-day ordeal that gripped the nation. "+
			"The quarry is run by the Tarvo Minerals Corporation, which is owned by the state. "+
			"Mining Minister Ilse Varga called the rescue a triumph for all Kelvanians."),
		fromText(t, "b", "Rescue", "Shares in Tarvo rose 5% on Monday after all nine divers trapped in a flooded tunnel at its Orlen quarry were brought out alive at the weekend. "+
			"Shares in Tarvo Minerals Corp. (TMC) rose 5% on Monday after the rescue at its quarry. "+
			"Minister of Mines and Energy Ilse Varga said the rescue was a triumph for the Kelvanian people."),
		fromText(t, "c", "Rescue", "Nine divers trapped in a flooded tunnel at the Orlen quarry were brought out alive on Sunday. "+
			"The quarry belongs to Tarvo, which the state owns. "+
			"The mines minister, Ilse Varga, described the rescue as a triumph for Kelvanians."),
	}
	r := mustCompare(t, arts)
	wantNames(t, r, "c", "Tarvo", map[string]string{"a": "Tarvo Minerals Corporation", "b": "Tarvo / TMC / Tarvo Minerals Corp"})
	wantNames(t, r, "a", "Mining Minister Ilse Varga", map[string]string{"b": "Minister of Mines and Energy Ilse Varga", "c": "mines minister, Ilse Varga / the mines minister"})
	for _, tm := range r.Terms {
		for _, v := range tm.BySource {
			if strings.Contains(v, "weekend") || strings.Contains(v, "nation") || strings.Contains(v, "Kelvanian") {
				t.Errorf("term %q: %v names no referent", tm.Concept, tm.BySource)
			}
		}
	}
}

// TestTimePhrase: a phrase that says when is never a name in a slot
// ("gripped the country" / "at the weekend").
func TestTimePhrase(t *testing.T) {
	for p, want := range map[string]bool{
		"the weekend": true, "the end of April": true, "Saturday night": true, "the last two weeks": true,
		"the country": false, "the mine": false, "the Brannock pit": false,
	} {
		if got := timePhrase(p); got != want {
			t.Errorf("timePhrase(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestPortfolioLeftOut: "Labour Minister Pavel Grecu" and "Minister
// Pavel Grecu" give one title, one of them less of it: no naming
// difference.
func TestPortfolioLeftOut(t *testing.T) {
	arts := linesArticles(t,
		[]string{"Parliament raised the pension age to 67 on Tuesday.", "Labour Minister Pavel Grecu said the change was needed."},
		[]string{"Parliament raised the pension age to 67 on Tuesday.", "Minister Pavel Grecu said the change was needed."},
		[]string{"Lawmakers raised the pension age to 67 on Tuesday.", "Labour Minister Pavel Grecu said the change was needed."},
	)
	noConcept(t, mustCompare(t, arts).Terms, "Grecu")
}

// noConcept fails for each term whose concept holds one of subs.
func noConcept(t *testing.T, terms []Term, subs ...string) {
	t.Helper()
	for _, tm := range terms {
		if slices.ContainsFunc(subs, func(s string) bool { return strings.Contains(tm.Concept, s) }) {
			t.Errorf("got term %q: %v, want none", tm.Concept, tm.BySource)
		}
	}
}

// TestQuotedWordsAreNoNames: words inside a quotation are the speaker's,
// so an outlet that paraphrases them, or renders them otherwise, makes
// no naming difference.
func TestQuotedWordsAreNoNames(t *testing.T) {
	arts := linesArticles(t,
		[]string{`Regulators recalled two million packs of a heart drug on Monday.`, `"The risk to any individual patient is very low," the agency's head said.`},
		[]string{`Regulators recalled two million packs of a heart drug on Monday.`, `The agency's head said the danger to any single patient was very low.`},
		[]string{`Two million packs of a heart drug were recalled on Monday.`, `"The risk to any individual patient is very low," the agency's head said.`},
	)
	arts2 := []*article.Article{
		fromText(t, "a", "Verdict", `A former mayor was jailed for six years for fraud on Friday. "We will appeal the conviction and the sentence," his lawyer said.`),
		fromText(t, "b", "Verdict", `A former mayor was jailed for six years for fraud on Friday. His lawyer said they would appeal the verdict and the sentence.`),
		fromText(t, "c", "Verdict", `A former mayor got six years in jail for fraud on Friday. "We will appeal the conviction and the sentence," his lawyer said.`),
	}
	noConcept(t, append(mustCompare(t, arts).Terms, mustCompare(t, arts2).Terms...), "patient", "conviction", "verdict")
}

// TestHeadOfTheBody: "The head of the watchdog, Liora Mendt," names the
// head, not the watchdog: "the watchdog" is no name of hers.
func TestHeadOfTheBody(t *testing.T) {
	arts := linesArticles(t,
		[]string{"Regulators recalled two million packs of a heart drug on Monday.", "The watchdog said patients should keep taking it.", "The head of the watchdog, Liora Mendt, said the risk was low."},
		[]string{"Regulators recalled two million packs of a heart drug on Monday.", "Patients should keep taking it, the agency said.", "Agency chief Liora Mendt said the risk was low."},
		[]string{"Two million packs of a heart drug were recalled on Monday.", "Dr Mendt said the risk was low."},
	)
	for _, tm := range mustCompare(t, arts).Terms {
		for _, v := range tm.BySource {
			if strings.Contains(v, "Mendt") && strings.Contains(v, "watchdog") {
				t.Errorf("term %q: %v makes the watchdog a name of Mendt", tm.Concept, tm.BySource)
			}
		}
	}
}

// TestGangBehindTheAttack: "The gang behind the attack, BlackLantern,"
// names the gang; "the attack" is no name of it.
func TestGangBehindTheAttack(t *testing.T) {
	r := reportOf(t,
		[]string{"Hackers shut down five hospitals in Estmark on Monday.", "The gang behind the attack, BlackLantern, says it stole patient data.", "The attack forced the hospitals to divert ambulances."},
		[]string{"Hackers shut down five hospitals in Estmark on Monday.", "The attack has been claimed by a gang called BlackLantern.", "The attack forced the hospitals to divert ambulances."},
		[]string{"Five hospitals in Estmark were shut down by hackers on Monday.", "A group calling itself BlackLantern said it stole patient data."},
	)
	noTermWith(t, r, "", "BlackLantern / the attack")
	noTermWith(t, r, "", "the attack / BlackLantern")
}

// TestOnePersonOneTerm: the term of a person's full name and surname
// and the term of the titles outlets give the person, which share no
// form, are one entry when a source writes the full name in both, once
// after a title.
func TestOnePersonOneTerm(t *testing.T) {
	names := Term{Concept: "Stadler", BySource: map[string]string{"a": "Ivo Stadler", "b": "Stadler"}, Evidence: map[string][]int{"a": {4}, "b": {6}}}
	titles := Term{Concept: "Ivo Stadler", BySource: map[string]string{"a": "Culture Minister Ivo Stadler", "c": "the culture minister"}, Evidence: map[string][]int{"a": {4}, "c": {2}}}
	other := Term{Concept: "Ivo Stadler", BySource: map[string]string{"a": "Ivo Stadler Foundation", "c": "the foundation"}, Evidence: map[string][]int{"a": {7}, "c": {3}}}
	got := mergeSameReferent([]Term{names, titles, other})
	if len(got) != 2 || got[0].BySource["a"] != "Culture Minister Ivo Stadler" || got[0].BySource["c"] != "the culture minister" {
		t.Errorf("got %v, want the names and titles of Ivo Stadler as one term and the foundation apart", got)
	}
}

// TestAcronymOfTwoSpellings: "WHO", though "who" is a common word, is
// the acronym of the World Health Organization, which outlets spell
// "Organization" or "Organisation": one name, one acronym.
func TestAcronymOfTwoSpellings(t *testing.T) {
	arts := linesArticles(t,
		[]string{"Cholera has killed 38 people in the flooded province.", "The World Health Organization is sending half a million vaccine doses."},
		[]string{"Cholera has killed 38 people in the flooded province.", "The WHO is sending half a million vaccine doses."},
		[]string{"Thirty-eight people have died of cholera in the flooded province.", "The World Health Organisation is sending half a million doses of vaccine."},
	)
	wantNames(t, mustCompare(t, arts), "b", "WHO", map[string]string{"a": "World Health Organization", "c": "World Health Organisation"})
	labels, _ := uniqueLabels(arts)
	c, err := scored(t.Context(), arts, labels, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := c.nameGraph()
	for _, k := range []string{"world health organization", "world health organisation"} {
		if g.uf.find(k) != g.uf.find("who") {
			t.Errorf("the name graph does not join %q and WHO", k)
		}
	}
}

// wantNames checks that the term where source label writes form gives
// the other sources the names want.
func wantNames(t *testing.T, r *Report, label, form string, want map[string]string) {
	t.Helper()
	tm := findTerm(t, r, label, form)
	for l, w := range want {
		if tm.BySource[l] != w {
			t.Errorf("%s names it %q, want %q (all: %v)", l, tm.BySource[l], w, tm.BySource)
		}
	}
}

// TestSourcesOfAFactAreNoNames: who a fact is attributed to ("according
// to the ministry", "according to officials", "according to our field
// teams") is no referent named three ways.
func TestSourcesOfAFactAreNoNames(t *testing.T) {
	arts := linesArticles(t,
		[]string{"Only eight treatment centres are working in the province, according to the ministry."},
		[]string{"Only eight treatment centres are working in the province, according to officials."},
		[]string{"Only eight treatment centres are working in the province, according to our field teams."},
	)
	for _, tm := range mustCompare(t, arts).Terms {
		t.Errorf("got term %q: %v, want none", tm.Concept, tm.BySource)
	}
}

// TestPartyMembers: "the Greens" are the Green Party, one referent named
// two ways.
func TestPartyMembers(t *testing.T) {
	arts := linesArticles(t,
		[]string{"The government lost a no-confidence vote on Wednesday after the Green Party left the coalition."},
		[]string{"The government lost a no-confidence vote on Wednesday after the Greens quit the coalition."},
		[]string{"The government lost a vote of no confidence on Wednesday after the Greens left the coalition."},
	)
	wantNames(t, mustCompare(t, arts), "a", "Green Party", map[string]string{"b": "Greens", "c": "Greens"})
}

// TestDatelineCapitalsNameAsWritten: a city a dateline writes in
// capitals ("DRAVNIK (Wire) -") is shown as the text writes it.
func TestDatelineCapitalsNameAsWritten(t *testing.T) {
	r := reportOf(t,
		[]string{"DRAVNIK (Wire) - A Skylane jet ran off the runway at Dravnik-Ostra airport on Monday, killing four people.", "The airport in Dravnik was closed."},
		[]string{"A Skylane jet crashed on landing in the Marovian capital, Dravnik, on Monday, killing four people."},
		[]string{"A Skylane jet crashed on landing in Drawnik, the capital of Marovia, on Monday, killing four people."},
	)
	tm := findTerm(t, r, "c", "Drawnik")
	for l, v := range tm.BySource {
		if strings.Contains(v, "DRAVNIK") {
			t.Errorf("%s: %q, want the name as the text writes it", l, v)
		}
	}
}

// TestNameAfterACaseAgainst: "the fraud case against the mining
// company, Orvane," names the company Orvane.
func TestNameAfterACaseAgainst(t *testing.T) {
	r := reportOf(t,
		[]string{"Prosecutors dropped the fraud case against the mining company, Orvane, on Monday.", "The company had been accused of hiding losses."},
		[]string{"Prosecutors dropped the fraud case against Orvane on Monday.", "Orvane had been accused of hiding losses."},
		[]string{"Prosecutors on Monday dropped the fraud case against Orvane.", "The miner had been accused of hiding losses."},
	)
	tm := findTerm(t, r, "a", "the mining company")
	if !hasForm(tm.BySource["a"], "Orvane") {
		t.Errorf("got %v, want a's Orvane in the entry of the mining company", tm.BySource)
	}
}
