package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

func TestNameRuns(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		want    []string
	}{
		{"joiners", "Officials at the Ministry of Mining and Heavy Industry said so.", []string{"Ministry of Mining and Heavy Industry"}},
		{"and before a head", "The National Seismic Monitoring and Research Centre said so.", []string{"National Seismic Monitoring and Research Centre"}},
		{"two bodies", "Soldiers of the Lakeland Police and Border Guard Force helped.", []string{"Lakeland Police", "Border Guard Force"}},
		{"and before a title", "He leads the Farmers' Party of Arden and President Tamsin Vale met him.", []string{"Farmers' Party of Arden", "President Tamsin Vale"}},
		{"on a weekday", "They met near Dorn Valley on Monday.", []string{"Dorn Valley"}},
		{"initials", "They met Premier J.R. Molloy.", []string{"Premier J.R. Molloy"}},
		{"possessive", "Officials said Arden's Home Ministry agreed.", []string{"Arden", "Home Ministry"}},
		{"possessive inside", "The Free People's Republic of Arden said so.", []string{"Free People's Republic of Arden"}},
		{"first word unknown", "Speaking in Dorn, Vale said so.", []string{"Dorn", "Vale"}},
		{"family name particles", "They met Ursula von der Leyen and Ramon dela Paz.", []string{"Ursula von der Leyen", "Ramon dela Paz"}},
		{"an office of the republic", "On Tuesday the President of the Republic Marcos Ibarra spoke.", []string{"President", "Marcos Ibarra"}},
		{"a legal form", "Shares of Halvern Pharma A/S rose.", []string{"Halvern Pharma"}},
		{"a body before a title", "It follows the death of Civic Union MP Gerald Fane.", []string{"Civic Union", "MP Gerald Fane"}},
		{"a word after a legal form", "Shares of Halvern Pharma A/S UK unit rose.", []string{"Halvern Pharma", "UK"}},
		{"numbers inside names", "The Five Star Movement and the Group of Seven met near the Three Gorges Dam.", []string{"Five Star Movement", "Group of Seven", "Three Gorges Dam"}},
		{"a number in words", "On Tuesday Ninety-five Ostmarkian soldiers came home.", []string{"Ostmarkian"}},
		{"a portfolio of two parts", "Minister of Mines and Energy Petar Anvel said so.", []string{"Mines and Energy", "Petar Anvel"}},
		{"a portfolio of two parts, no holder", "The Minister of Culture and Sport said so.", []string{"Minister of Culture and Sport"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range nameRuns(tc.s, ntokens(tc.s), map[string]bool{}) {
				got = append(got, r.form)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBracketAlias(t *testing.T) {
	for _, tc := range []struct {
		name, outer, inner string
		want               bool
	}{
		{"acronym", "Flood Relief Corps", "FRC", true},
		{"acronym with joiner", "Bank of Arden", "BOA", true},
		{"acronym of other words", "Flood Relief Corps", "XYZ", false},
		{"ticker", "Danubia Steel", "DNBS", true},
		{"two letters are no ticker", "European Commission", "EU", false},
		{"ticker of another name", "Danubia Steel", "JXIS", false},
		{"other name", "Dorn Copper Works", "Dorn Mining Company", true},
		{"dateline", "Dorn", "Wire", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := bracketAlias(tc.outer, tc.inner); got != tc.want {
				t.Errorf("bracketAlias(%q, %q) = %v, want %v", tc.outer, tc.inner, got, tc.want)
			}
		})
	}
}

// TestRefTerms runs three outlets' reports of an invented story through
// Sources and checks the names each is credited with for each referent.
func TestRefTerms(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Dispute ends", "Arden and the mining group Calder Holdings agreed on Monday to end a long dispute over Vell Ridge, the giant copper mine in the northern desert. "+
			"The Flood Relief Corps (FRC) will oversee the payments, the Ministry of Mining and Heavy Industry said. The copper mine employs about 9,000 people."),
		fromText(t, "b", "Quarrel settled", "Calder Holdings and the government of Arden settled their quarrel over Vell Ridge on Monday. "+
			"The FRC will oversee the payments, according to the ministry. The copper mine employs about 9,000 people."),
		fromText(t, "c", "Row resolved", "The government of Arden and Calder Holdings, the Anglo-Dutch miner, resolved their row over Vell Ridge on Monday. "+
			"The Flood Relief Corps will oversee the payments, the Mining Ministry said. The miner said Vell Ridge employs about 9,000 people."),
	}
	r := mustCompare(t, arts)
	want := map[string]map[string]string{
		"Vell Ridge":         {"a": "Vell Ridge / the giant copper mine / the copper mine", "b": "Vell Ridge / the copper mine", "c": "Vell Ridge"},
		"Flood Relief Corps": {"a": "FRC / Flood Relief Corps", "b": "FRC", "c": "Flood Relief Corps"},
		// every source names Calder Holdings alike; c alone also calls it
		// "the Anglo-Dutch miner", which is no shared name for it
		"Calder Holdings": nil,
	}
	got := make(map[string]map[string]string)
	for _, tm := range r.Terms {
		got[tm.Concept] = tm.BySource
	}
	for concept, by := range want {
		t.Run(concept, func(t *testing.T) {
			if by == nil && got[concept] != nil {
				t.Errorf("got %v, want no term", got[concept])
			}
			for l, w := range by {
				if got[concept][l] != w {
					t.Errorf("%s: got %q, want %q (all terms: %v)", l, got[concept][l], w, got)
				}
			}
		})
	}
	var ministry string
	for _, tm := range r.Terms {
		if strings.Contains(strings.ToLower(tm.Concept), "ministry") {
			ministry = tm.BySource["b"]
		}
	}
	if ministry != "the ministry" {
		t.Errorf("b's name for the ministry: got %q, want %q", ministry, "the ministry")
	}
}

func TestSkeleton(t *testing.T) {
	for _, tc := range []struct {
		name, a, b string
		same       bool
	}{
		{"transliteration", "Ulaanbaatar", "Ulan Bator", true},
		{"vowel ending", "Kolti", "Koltee", true},
		{"accents", "Khürelsükh", "Khurelsukh", true},
		{"hyphen", "Oyun-Erdene", "Oyunerdene", true},
		{"two countries", "Austria", "Australia", false},
		{"two names", "Kim Jong Un", "Kim Jong Il", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := skeleton(foldLetters(tc.a)), skeleton(foldLetters(tc.b))
			if (a == b) != tc.same {
				t.Errorf("skeletons %q and %q: same is %v, want %v", a, b, a == b, tc.same)
			}
		})
	}
}

// TestRefTermsShortNames checks the spellings and shortened names the
// coverage gives one person or place.
func TestRefTermsShortNames(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Visit", "Premier Tamsin Okonkwo-Vale arrived in Ulaanbaatar on Monday. Okonkwo-Vale met traders in Ulaanbaatar."),
		fromText(t, "b", "Visit", "Premier Tamsin Okonkwo-Vale arrived in Ulan Bator on Monday. She met traders in Ulan Bator."),
		fromText(t, "c", "Visit", "Okonkwo-Vale arrived in Ulaanbaatar on Monday. Okonkwo-Vale met traders there."),
	}
	r := mustCompare(t, arts)
	want := map[string]map[string]string{
		"Ulaanbaatar":  {"a": "Ulaanbaatar", "b": "Ulan Bator", "c": "Ulaanbaatar"},
		"Okonkwo-Vale": {"a": "Tamsin Okonkwo-Vale / Okonkwo-Vale", "b": "Tamsin Okonkwo-Vale", "c": "Okonkwo-Vale"},
	}
	for concept, by := range want {
		t.Run(concept, func(t *testing.T) {
			var got map[string]string
			for _, tm := range r.Terms {
				for _, v := range tm.BySource {
					if strings.Contains(v, concept) {
						got = tm.BySource
					}
				}
			}
			for l, w := range by {
				if got[l] != w {
					t.Errorf("%s: got %q, want %q (all: %v)", l, got[l], w, r.Terms)
				}
			}
		})
	}
}

func TestSubstitute(t *testing.T) {
	for _, tc := range []struct {
		name, a, b, ref, want string
	}{
		{"same slot", "Kim pledged support for Moscow's war in Ukraine.", "Kim pledged support for Russia's fight in Ukraine.", "war", "fight in Ukraine"},
		{"slot runs into the verb", "Officials said South Korea accuse Pyongyang of arms sales.", "Officials said its allies believe Pyongyang of arms sales.", "South Korea", ""},
		{"no anchor", "The deal was signed in the capital.", "The visit was long and busy in the capital.", "deal", ""},
		{"capital for a government", "Talks with North Korea resumed on Monday.", "Talks with Pyongyang resumed on Monday.", "North Korea", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := strings.Index(tc.a, tc.ref)
			got, ok := substitute(tc.a, tc.b, posItems(tc.a, tc.b), nameSpan{"k", at, at + len(tc.ref)}, nil)
			if !ok {
				got = ""
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDisasterNames checks that "the disaster" is one more name of the
// one disaster the coverage reports, and that a possessive description
// names the referent its head stands for.
func TestDisasterNames(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Flood", "A flood swept through Dorn Valley on Monday. The flood cut the road to Vell Ridge, the copper mine."),
		fromText(t, "b", "Flood", "Flooding swept through Dorn Valley on Monday. The disaster cut the road to Arden's copper mine."),
		fromText(t, "c", "Flood", "A flood swept through Dorn Valley on Monday. The flood cut the road to Vell Ridge."),
	}
	r := mustCompare(t, arts)
	want := map[string]string{"flood": "Flooding / disaster", "Vell Ridge": "Arden's copper mine"}
	for concept, w := range want {
		got := ""
		for _, tm := range r.Terms {
			if tm.Concept == concept {
				got = tm.BySource["b"]
			}
		}
		if got != w {
			t.Errorf("%s: b's names: got %q, want %q (all: %v)", concept, got, w, r.Terms)
		}
	}
}

// TestDisasterNamesWithoutRatings: a rating before the disaster's name
// ("a Category 3 hurricane", "a category-three storm") is no part of
// what an outlet calls it.
func TestDisasterNamesWithoutRatings(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Storm", "The hurricane struck the coast as a Category 3 storm on Monday."),
		fromText(t, "b", "Storm", "The cyclone struck the coast as a category-three hurricane on Monday."),
		fromText(t, "c", "Storm", "The hurricane struck the coast on Monday."),
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		for l, f := range tm.BySource {
			if strings.ContainsAny(f, "0123456789") || strings.Contains(f, "three") {
				t.Errorf("%s: %s calls it %q, with its rating", tm.Concept, l, f)
			}
		}
	}
	if len(r.Terms) == 0 {
		t.Error("no names found for the storm")
	}
}

// FuzzNameRuns checks that any sentence is read for names without a
// panic and that each name is a piece of the sentence.
func FuzzNameRuns(f *testing.F) {
	for _, s := range []string{
		"The Ministry of Mining and Heavy Industry (MMHI) said so.",
		"K.P. Sharma Oli, the prime minister, met the Workers' Party of Korea's chief.",
		"(", "A.", "Arden's", "the the the", "X (Y) Z, the z,",
		"Lt Gen Daria Leonti met the fire service chief İlker Şahin.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := ntokens(s)
		for _, r := range nameRuns(s, toks, map[string]bool{}) {
			if !strings.Contains(s, r.form) {
				t.Errorf("name %q is not in %q", r.form, s)
			}
			if _, name, titled, ok := titleAt(s, toks, r, map[string]bool{"leonti": true}); ok && (!strings.HasSuffix(titled, name) || !strings.Contains(s, titled)) {
				t.Errorf("titled name %q (name %q) is not in %q", titled, name, s)
			}
		}
		c := &comparison{arts: []*article.Article{{Sentences: []string{s}}, {Sentences: []string{s + " The mine."}}}, labels: []string{"a", "b"}}
		c.refTerms()
	})
}

// TestOwnerAndLowercaseNames checks "Arden's government" against
// "Ardenian government", and an acronym spelt out in lowercase words
// elsewhere in the coverage.
func TestOwnerAndLowercaseNames(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Plant", "Approval from Arden's government is needed. Calder will build an electric arc furnace at the plant."),
		fromText(t, "b", "Plant", "Approval from the Ardenian government is needed. Calder will build an electric arc furnace at the plant."),
		fromText(t, "c", "Plant", "Approval from Arden's government is needed. Calder will build an EAF at the plant, an electric arc furnace fed with scrap."),
	}
	r := mustCompare(t, arts)
	want := map[string]string{"Arden's government": "Ardenian government", "electric arc furnace": "EAF / electric arc furnace"}
	for concept, w := range want {
		got, by := "", ""
		for _, tm := range r.Terms {
			if tm.Concept == concept {
				got = tm.BySource["b"]
				by = tm.BySource["c"]
			}
		}
		if concept == "electric arc furnace" {
			got = by
		}
		if got != w {
			t.Errorf("%s: got %q, want %q (all: %v)", concept, got, w, r.Terms)
		}
	}
}

// TestDescriptionPicksTheInstitution: a description names the one of
// several institutions with its head whose name holds its possessor
// ("Arden's central bank" beside two other banks) or one of its
// qualifiers ("the anti-corruption court" beside the Supreme Court).
func TestDescriptionPicksTheInstitution(t *testing.T) {
	for _, tc := range []struct {
		name       string
		shared     string
		a, b, c    string
		named, got string // a's name and b's description of it
	}{
		{"possessor",
			"Inflation in Arden slowed to 3.1% in October. Exporters said they welcomed lower borrowing costs. ",
			"The National Bank of Arden cut its main rate to 4.5% on Thursday. With the European Central Bank's deposit rate at 2%, the gap has shrunk.",
			"Arden's central bank surprised few economists when it eased policy. Dorn Savings Bank, the city's largest lender, will lower its mortgage rates.",
			"On Thursday the National Bank of Arden lowered its main rate to 4.5%. Exporters welcomed the move.",
			"National Bank of Arden", "Arden's central bank"},
		{"qualifier",
			"Former minister Ivo Marek was jailed for six years on Thursday. His lawyer said he would appeal to the Supreme Court. ",
			"The Special Court for Corruption and Organised Crime found him guilty of taking bribes.",
			"Supporters said the anti-corruption court, which sat for a year, ignored the evidence.",
			"Court records show the anti-corruption court, in a separate ruling, also fined him.",
			"Special Court", "anti-corruption court"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts := []*article.Article{
				fromText(t, "a", "Report", tc.shared+tc.a),
				fromText(t, "b", "Report", tc.shared+tc.b),
				fromText(t, "c", "Report", tc.shared+tc.c),
			}
			r := mustCompare(t, arts)
			for _, tm := range r.Terms {
				if strings.Contains(tm.BySource["a"], tc.named) {
					if !strings.Contains(tm.BySource["b"], tc.got) {
						t.Errorf("b names it %q, want %q", tm.BySource["b"], tc.got)
					}
					return
				}
			}
			t.Errorf("no term for %s; terms %+v", tc.named, r.Terms)
		})
	}
}

func TestInstitutionKey(t *testing.T) {
	for _, tc := range []struct {
		form, want string
	}{
		{"Ministry of Home Affairs", "ministry:home"},
		{"Home Ministry", "ministry:home"},
		{"Jiangxin Iron and Steel Group", "group:iron jiangxin steel"},
		{"Jiangxin Iron & Steel Group", "group:iron jiangxin steel"},
		{"Katalin Varga", ""},
	} {
		t.Run(tc.form, func(t *testing.T) {
			if got := institutionKey(tc.form); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestAnotherEventOfTheKind: "the 2015 quake" is not a name of the quake
// the coverage reports.
func TestAnotherEventOfTheKind(t *testing.T) {
	shared := "Rescuers searched for survivors in Dorn on Tuesday. "
	arts := []*article.Article{
		fromText(t, "a", "Quake", shared+"An earthquake struck the Dorn valley late on Monday."),
		fromText(t, "b", "Tremor", shared+"A strong tremor struck the Dorn valley late on Monday. The disaster revived memories of the 2015 quake."),
		fromText(t, "c", "Temblor", shared+"A shallow temblor struck the Dorn valley late on Monday."),
	}
	r := mustCompare(t, arts)
	found := false
	for _, tm := range r.Terms {
		for l, f := range tm.BySource {
			if strings.Contains(f, "2015") {
				t.Errorf("%s: %q names the quake reported", l, f)
			}
			found = found || l == "b" && strings.Contains(f, "disaster")
		}
	}
	if !found {
		t.Errorf("b's \"the disaster\" is no name of the quake; terms %+v", r.Terms)
	}
}

// TestWhatANameOwnsOrDoes keeps a name's possession ("the European
// Central Bank's deposit rate") and the verb after it ("the National
// Bank cut its rate", "the Council voted 7-2") from being taken for a
// description of it.
func TestWhatANameOwnsOrDoes(t *testing.T) {
	shared := "Inflation in Arden slowed to 3.1% in October. Exporters said they welcomed lower borrowing costs. "
	arts := []*article.Article{
		fromText(t, "a", "Report", shared+"On Thursday the National Bank of Arden cut its main rate to 4.5%. The Monetary Policy Council voted 7-2 for the move."),
		fromText(t, "b", "Report", shared+"The National Bank of Arden lowered the rate to 4.5% on Thursday. With the European Central Bank's deposit rate at 2%, the gap has shrunk."),
		fromText(t, "c", "Report", shared+"Arden's central bank cut the rate on Thursday, the second cut this year. The European Central Bank held its rate."),
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		for l, v := range tm.BySource {
			for _, form := range strings.Split(v, " / ") {
				if strings.Contains(form, "deposit rate") || strings.Contains(form, "cut") || strings.Contains(form, "7-2") || form == "the rate" {
					t.Errorf("term %q: %s names it %q; all %v", tm.Concept, l, form, tm.BySource)
				}
			}
		}
	}
}

// TestPlaceShortensNoName: a country the coverage also names by its
// adjective ("Kerevian") is a place, not the short name of the company
// named after it ("Elektra Kerevia"), on the wildfire event.
func TestPlaceShortensNoName(t *testing.T) {
	r := mustCompare(t, goldArticles(t, "wildfire"))
	for _, tm := range r.Terms {
		company, country := false, false
		for _, v := range tm.BySource {
			company = company || strings.Contains(v, "Elektra Kerevia")
			country = country || v == "Kerevia"
		}
		if company && country {
			t.Errorf("the company and the country are one term: %+v", tm.BySource)
		}
	}
}

// TestDescriptionsDiffer: two outlets that describe one company in
// different words ("the national railway company", "the state-owned
// operator") name it differently, though all three write its name
// alike; one outlet's description alone is how it refers back.
func TestDescriptionsDiffer(t *testing.T) {
	run := func(b string) *Term {
		arts := []*article.Article{
			fromText(t, "a", "Strike", "Ferovia, the national railway company, cancelled 3,000 trains on Tuesday. Drivers walked out at dawn."),
			fromText(t, "b", "Strike", b+" Drivers walked out at dawn."),
			fromText(t, "c", "Strike", "Ferovia cancelled 3,000 trains on Tuesday. Drivers walked out at dawn."),
		}
		for _, tm := range mustCompare(t, arts).Terms {
			if tm.Concept == "Ferovia" {
				return &tm
			}
		}
		return nil
	}
	tm := run("The state-owned operator, Ferovia, cancelled 3,000 trains on Tuesday.")
	if tm == nil {
		t.Fatal("no term for Ferovia, which two outlets describe differently")
	}
	for l, want := range map[string]string{"a": "national railway company", "b": "state-owned operator", "c": "Ferovia"} {
		if !strings.Contains(tm.BySource[l], want) {
			t.Errorf("%s: %q, want it to hold %q (all %v)", l, tm.BySource[l], want, tm.BySource)
		}
	}
	// Every outlet writes "the national railway company"; b adds another
	// description beside the name, its own way of presenting the firm.
	arts := []*article.Article{
		fromText(t, "a", "Strike", "Ferovia, the national railway company, cancelled 3,000 trains on Tuesday."),
		fromText(t, "b", "Strike", "Ferovia, the national railway company, cancelled 3,000 trains on Tuesday. The state-owned operator, Ferovia, apologised."),
		fromText(t, "c", "Strike", "Ferovia, the national railway company, cancelled 3,000 trains on Tuesday."),
	}
	tm = nil
	for _, x := range mustCompare(t, arts).Terms {
		if x.Concept == "Ferovia" {
			tm = &x
		}
	}
	if tm == nil || !strings.Contains(tm.BySource["b"], "the state-owned operator") || strings.Contains(tm.BySource["a"], "state-owned") {
		t.Errorf("got %v, want a term where b alone adds the state-owned operator", tm)
	}
}

// TestFirmShortName: "Holmar Sporting Club" shortens to its first word,
// the word that says which club it is.
func TestFirmShortName(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Bribes", "Prosecutors said Holmar Sporting Club paid the official. The club denied it."),
		fromText(t, "b", "Bribes", "Prosecutors said Holmar paid the official. Holmar denied it."),
		fromText(t, "c", "Bribes", "Prosecutors said Holmar Sporting Club paid the official. Holmar denied it."),
	}
	tm := findTerm(t, mustCompare(t, arts), "a", "Holmar Sporting Club")
	if got := tm.BySource["b"]; got != "Holmar" {
		t.Errorf("b writes %q, want Holmar (all: %v)", got, tm.BySource)
	}
}

// TestTitleOfSeveralPeople: where the coverage calls two or more people
// ministers, "Zembla's finance minister" and "the prime minister" are
// not names of the one minister an outlet set a description beside.
func TestTitleOfSeveralPeople(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Resignation", "Zembla's finance minister, Lars Odin, resigned on Thursday. Prime Minister Anton Reiss said the deputy finance minister, Mia Holt, would take over."),
		fromText(t, "b", "Resignation", "Lars Odin stepped down as Zembla's minister of finance on Thursday. Mia Holt, his deputy, becomes acting minister. Ines Marr said the prime minister should also go."),
		fromText(t, "c", "Resignation", "Finance Minister Lars Odin has resigned. Prime Minister Reiss thanked him. Deputy minister Mia Holt will lead the ministry for now."),
	}
	for _, tm := range mustCompare(t, arts).Terms {
		for l, v := range tm.BySource {
			if strings.Contains(v, "Mia Holt") && (strings.Contains(v, "prime minister") || strings.Contains(v, "finance minister /")) {
				t.Errorf("%s: another minister's title names Mia Holt: %v", l, tm.BySource)
			}
		}
	}
}

func TestTitleRoleNamesItsHolder(t *testing.T) {
	shared := "Harbour City beat Northgate 2-1 in the cup final on Sunday. A crowd of 40,000 watched at the national stadium. "
	arts := []*article.Article{
		fromText(t, "a", "Report", shared+"Northgate protested after referee Aksel Brandt awarded a penalty in the 58th minute."),
		fromText(t, "b", "Report", shared+"Northgate protested after the referee awarded a penalty in the 58th minute."),
		fromText(t, "c", "Report", shared+"Aksel Brandt gave a penalty in the 58th minute when the video assistant referee called for a review."),
		fromText(t, "d", "Report", shared+"The referee pointed to the spot in the 58th minute, and Northgate protested."),
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		if !strings.Contains(tm.BySource["a"], "Aksel Brandt") {
			continue
		}
		for _, l := range []string{"b", "d"} {
			if !strings.EqualFold(tm.BySource[l], "the referee") {
				t.Errorf("%s names the referee %q, want %q", l, tm.BySource[l], "the referee")
			}
		}
		if c := tm.BySource["c"]; strings.Contains(c, "video") {
			t.Errorf("c's video assistant referee %q is joined to Aksel Brandt", c)
		}
		return
	}
	t.Errorf("no term for Aksel Brandt; terms %+v", r.Terms)
}

// TestDescriptorNamesTheFirm: "construction firm Vantor Build" makes a
// source that never names the firm and writes "a building company" name
// it so; "an electric arc furnace" is not "the older blast furnace, BF1",
// nor does "the worst fire Skarda has known" make Skarda a fire.
func TestDescriptorNamesTheFirm(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Verdict", "The court found that the former minister took 2.4 million euros from construction firm Vantor Build. Vantor plans to replace the older blast furnace, BF1, at its steel unit."),
		fromText(t, "b", "Verdict", "The former minister was convicted of taking €2.4m in kickbacks from a building company. It will build an electric arc furnace."),
		fromText(t, "c", "Verdict", "Judges found that the former minister pocketed 2.4 million euros from Vantor Build. The governor said it was the worst fire Skarda has known."),
	}
	r := mustCompare(t, arts)
	tm := findTerm(t, r, "a", "Vantor Build")
	if got := tm.BySource["b"]; got != "building company" {
		t.Errorf("b names Vantor Build %q, want %q (all: %v)", got, "building company", tm.BySource)
	}
	for _, tm := range r.Terms {
		for l, v := range tm.BySource {
			if strings.Contains(v, "electric arc furnace") || l == "c" && strings.Contains(v, "Skarda") && strings.Contains(v, "fire") {
				t.Errorf("%s: %q joined to %v", l, v, tm.BySource)
			}
		}
	}
}

func TestDescriptorBefore(t *testing.T) {
	for _, tc := range []struct {
		s, name, head string
	}{
		{"He took bribes from construction firm Vantor Build.", "Vantor", "company"},
		{"State power company Electrobel said power was back.", "Electrobel", "company"},
		{"On Monday the national grid operator Elektra Kerevia said so.", "Elektra", "operator"},
		{"The earthquake hit western Nepal.", "Nepal", ""},
		{"In the 87th minute Petrel scored.", "Petrel", ""},
		{"It was the worst fire Skarda has known.", "Skarda", ""},
		{"Analysts said firm Vantor would gain.", "Vantor", ""},
	} {
		toks := ntokens(tc.s)
		i := slices.IndexFunc(toks, func(t ntok) bool { return t.text == tc.name })
		if h, _ := descriptorBefore(toks, i); h != tc.head {
			t.Errorf("%q: head before %s = %q, want %q", tc.s, tc.name, h, tc.head)
		}
	}
}

func TestCutTitles(t *testing.T) {
	for form, want := range map[string]string{
		"President of the Republic Marcos Ibarra": "Marcos Ibarra",
		"Prime Minister Anton Reiss":              "Anton Reiss",
		"Mr Odin":                                 "Odin",
		"Bank of Marevia":                         "Bank of Marevia",
	} {
		if got, _ := cutTitles(form); got != want {
			t.Errorf("cutTitles(%q) = %q, want %q", form, got, want)
		}
	}
}

// TestCapitalisedTitleAlone: state media write a title used alone with a
// capital ("The President declared"); it names the one president of the
// coverage, as "the president" would.
func TestCapitalisedTitleAlone(t *testing.T) {
	shared := "Hurricane Teodora struck the coast of Belmora on Monday, killing 12 people. "
	arts := []*article.Article{
		fromText(t, "a", "Storm", shared+"President Marcos Ibarra declared a state of emergency in five provinces."),
		fromText(t, "b", "Storm", shared+"The President declared a state of emergency in the five coastal provinces."),
		fromText(t, "c", "Storm", shared+"The President said the state would rebuild every home."),
	}
	tm := findTerm(t, mustCompare(t, arts), "a", "Marcos Ibarra")
	if got := tm.BySource["b"]; !strings.Contains(got, "the President") {
		t.Errorf("b names Marcos Ibarra %q, want the President (all: %v)", got, tm.BySource)
	}
	toks := lowerTitles(ntokens("Then the President Marcos Ibarra spoke."))
	if toks[2].text != "President" {
		t.Errorf("a title before a name is lower-cased: %q", toks[2].text)
	}
}

// TestUnionOfAFederation: a workers' federation is "the union" to an
// outlet that does not name it.
func TestUnionOfAFederation(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Strike", "Train drivers walked out on Tuesday. The National Federation of Train Drivers called the strike over pay."),
		fromText(t, "b", "Strike", "Train drivers walked out on Tuesday. The union called the strike over pay."),
		fromText(t, "c", "Strike", "Train drivers walked out on Tuesday. The union called the strike to win a pay rise."),
	}
	tm := findTerm(t, mustCompare(t, arts), "a", "National Federation of Train Drivers")
	if got := tm.BySource["b"]; !strings.EqualFold(got, "the union") {
		t.Errorf("b names the federation %q, want the union (all: %v)", got, tm.BySource)
	}
}

// TestKinBody: "the country's disaster agency" is the one body whose
// name holds "disaster" when no body of the coverage is an agency; a
// possessive place picks none ("Arden's weather agency" is not another
// country's weather service), and a word no name holds picks none ("the
// health agency", "the tax agency").
func TestKinBody(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Storm", "At least 30 people are missing, the National Emergency and Disaster Office (NEDO) said. The Ostria Weather Service warned of more rain in Ostria."),
		fromText(t, "b", "Storm", "At least 30 people are missing, the country's disaster agency said. Arden's weather agency warned of more rain. The health agency sent doctors."),
		fromText(t, "c", "Storm", "Thirty people are missing, NEDO said. More rain is expected. The tax agency will waive fees."),
	}
	r := mustCompare(t, arts)
	tm := findTerm(t, r, "a", "National Emergency and Disaster Office")
	if got := tm.BySource["b"]; got != "the country's disaster agency" {
		t.Errorf("b names the office %q, want the country's disaster agency (all: %v)", got, tm.BySource)
	}
	for _, tm := range r.Terms {
		for l, v := range tm.BySource {
			if strings.Contains(v, "weather agency") || strings.Contains(v, "health") || strings.Contains(v, "tax") {
				t.Errorf("%s: %q joined to %v", l, v, tm.BySource)
			}
		}
	}
}

// TestHeadOfState: "the Head of State" is the president an outlet names
// elsewhere, and shown among its ways of naming him, with the office
// it writes before his name ("President of the Republic").
func TestHeadOfState(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Storm", "President Marcos Ibarra declared a state of emergency on Tuesday. He visited the port."),
		fromText(t, "b", "Storm", "President of the Republic Marcos Ibarra declared a state of emergency on Tuesday. The Head of State visited the port."),
		fromText(t, "c", "Storm", "President Marcos Ibarra declared a state of emergency on Tuesday. He visited the port of Lindo."),
	}
	tm := findTerm(t, mustCompare(t, arts), "a", "President Marcos Ibarra")
	if got := tm.BySource["b"]; !strings.Contains(got, "the Head of State") {
		t.Errorf("b names the president %q, want the Head of State among its forms (all: %v)", got, tm.BySource)
	}
}

// TestMinisterByTitleWords: an outlet that never names the minister
// calls him by the words of his title ("the country's labour minister"
// for "Labour Minister Pavel Grecu").
func TestMinisterByTitleWords(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Fire", "A fire at a garment factory killed 14 workers. Labour Minister Pavel Grecu ordered an inspection of all textile plants."),
		fromText(t, "b", "Fire", "A fire at a clothing factory killed 14 workers. The country's labour minister promised that the owners would face justice."),
		fromText(t, "c", "Fire", "Fourteen workers died in a factory fire. Minister Grecu ordered inspections of textile plants."),
	}
	tm := findTerm(t, mustCompare(t, arts), "a", "Pavel Grecu")
	if got := tm.BySource["b"]; got != "the country's labour minister" {
		t.Errorf("b names the minister %q, want the country's labour minister (all: %v)", got, tm.BySource)
	}
}

// TestNamedInOtherWords: each case's reports name one referent in
// different words, and the term shows each source's: "the transport
// ministry put participation at 46%" is the Ministry of Transport and
// Infrastructure although a Ministry of Finance is named too (the words
// before "ministry" pick it, not the verb and object after it);
// "Alexander Novak" is "Aleksandr Novak" transliterated another way.
func TestNamedInOtherWords(t *testing.T) {
	for _, tc := range []struct {
		name  string
		texts [3]string
		named string            // a's name for the referent
		want  map[string]string // what the other sources write
	}{
		{"a ministry before a verb", [3]string{
			"Train drivers walked out on Monday. According to the Ministry of Transport and Infrastructure, fewer than half of drivers took part. The Ministry of Finance put the cost at 200 million euros a day.",
			"Train drivers walked out on Monday. The transport ministry put participation at 46%. The union said nine in ten drivers joined.",
			"Train drivers walked out on Monday. The transport ministry put turnout at under half. The finance ministry put the cost at 200 million euros a day.",
		}, "Ministry of Transport and Infrastructure", map[string]string{"b": "the transport ministry", "c": "the transport ministry"}},
		{"a transliteration", [3]string{
			"Ruvenia's runoff was won on Sunday by Aleksandr Novak, the election commission said.",
			"Ruvenia's runoff was won on Sunday by Alexander Novak, the election commission said.",
			"Ruvenia's runoff was won on Sunday by Aleksandr Novak, officials said.",
		}, "Aleksandr Novak", map[string]string{"b": "Alexander Novak"}},
		{"a British spelling", [3]string{
			"The Kessel Defence Centre said the drill ended on Monday.",
			"The Kessel Defense Center said the drill ended on Monday.",
			"The Kessel Defence Centre said on Monday the drill had ended.",
		}, "Kessel Defence Centre", map[string]string{"b": "Kessel Defense Center"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm := findTerm(t, reportOf(t, []string{tc.texts[0]}, []string{tc.texts[1]}, []string{tc.texts[2]}), "a", tc.named)
			for l, want := range tc.want {
				if got := tm.BySource[l]; got != want {
					t.Errorf("%s writes %q, want %q (all: %v)", l, got, want, tm.BySource)
				}
			}
		})
	}
}

// TestAttributionIsNoApposition: "According to the National Statistics
// Office, the unemployment rate was 5.8 percent" describes no office as
// "the unemployment rate".
func TestAttributionIsNoApposition(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Jobs", "Ostria's unemployment rate fell to 5.8% in June, the national statistics office said. The rate was 6.1% in May."),
		fromText(t, "b", "Jobs", "According to the National Statistics Office, the unemployment rate in June was 5.8 percent."),
		fromText(t, "c", "Jobs", "Unemployment in Ostria fell to 5.8% in June, the National Statistics Office said."),
	}
	for _, tm := range mustCompare(t, arts).Terms {
		for l, v := range tm.BySource {
			if strings.Contains(strings.ToLower(v), "rate") {
				t.Errorf("%s: %q named as %v", l, v, tm.BySource)
			}
		}
	}
}

// TestDescriptionBesideTheName: a description a source sets beside the
// name in one sentence is its way of naming the body, and a source that
// only writes "the country's ..." has not named it; a description written
// later, alone, points back to the name.
func TestDescriptionBesideTheName(t *testing.T) {
	a := []string{"Gridwell said 90,000 homes in Norvale were still without power on Friday.", "Gridwell said repairs would take a week."}
	c := []string{"Gridwell said about 90,000 homes had no electricity on Friday.", "Crews of Gridwell were out in every district."}
	t.Run("apposition", func(t *testing.T) {
		r := reportOf(t, a,
			[]string{"More than 90,000 homes lost power, Gridwell, the regional electricity utility, said on Friday.", "Repairs would take a week."}, c)
		tm := findTerm(t, r, "a", "Gridwell")
		if got := tm.BySource["b"]; !strings.Contains(got, "the regional electricity utility") {
			t.Errorf("b names Gridwell %q, want the utility beside it (all: %v)", got, tm.BySource)
		}
	})
	t.Run("the country's institute", func(t *testing.T) {
		r := reportOf(t,
			[]string{"The storm reached the coast at dawn, the Norvale Institute of Meteorology (NIM) said.", "NIM had warned of floods on Thursday."},
			[]string{"The storm reached the coast at dawn, the country's meteorological institute said.", "It had warned of floods."},
			[]string{"The storm reached the coast at dawn, according to the Norvale Institute of Meteorology (NIM).", "Rain is forecast for Sunday."},
		)
		tm := findTerm(t, r, "a", "NIM")
		if got := tm.BySource["b"]; got != "the country's meteorological institute" {
			t.Errorf("b names NIM %q, want the country's institute (all: %v)", got, tm.BySource)
		}
	})
	t.Run("the country's institute of another work", func(t *testing.T) {
		r := reportOf(t,
			[]string{"A magnitude 5.8 earthquake struck northern Veldia on Sunday, the Ravel Institute said.", "The quake was centred near the town of Osk at a depth of 10 km.", "Aftershocks continued through the night, the Ravel Institute said."},
			[]string{"An earthquake of magnitude 5.8 hit northern Veldia on Sunday, according to the Ravel Institute.", "Its centre was near Osk, at a depth of 10 km.", "The Ravel Institute recorded dozens of aftershocks overnight."},
			[]string{"A magnitude 5.8 earthquake struck northern Veldia on Sunday, officials said.", "The quake was centred near Osk at a depth of 10 km.", "The country's statistics institute said about 12,000 people live in Osk."},
		)
		noTermWith(t, r, "c", "statistics institute")
	})
	t.Run("a pointer back", func(t *testing.T) {
		r := reportOf(t, a, []string{"Gridwell said more than 90,000 homes lost power on Friday.", "The utility said repairs would take a week."}, c)
		noTermWith(t, r, "b", "utility")
	})
}

// TestMinistryOfAnotherWork: "the regional health ministry" is not the
// Ministry of Defence, though it is the one ministry the coverage names.
func TestMinistryOfAnotherWork(t *testing.T) {
	r := reportOf(t,
		[]string{"An air strike hit a market in Dorvan on Thursday, killing at least 27 people, according to the regional health ministry.", "The army said it had targeted a weapons depot."},
		[]string{"The air force struck a rebel weapons depot near Dorvan on Thursday, the Ministry of Defence said.", "The ministry said it was looking into reports of civilian casualties."},
		[]string{"At least 27 people were killed when an air strike hit a market in Dorvan on Thursday, health officials said.", "The military said it had struck a rebel arms depot."},
		[]string{"At least 34 civilians were killed when warplanes bombed the market of Dorvan on Thursday morning, the health directorate said.", "The attack was a war crime, the Liberation Front said."},
	)
	noTermWith(t, r, "a", "health ministry")
	// "The defense ministry" is the Ministry of Defence in American.
	r = reportOf(t,
		[]string{"The Ministry of Defence said on Wednesday that troops would hold drills near the northern border next week.", "About 4,000 soldiers will take part, the ministry said."},
		[]string{"The defense ministry announced on Wednesday that troops would hold drills near the northern border next week.", "Some 4,000 soldiers will take part in the five-day exercise, the defense ministry said."},
		[]string{"Troops will hold drills near the northern border next week, the defence ministry said on Wednesday."},
	)
	if tm := findTerm(t, r, "a", "Ministry of Defence"); !strings.Contains(tm.BySource["b"], "defense ministry") {
		t.Errorf("b names the Ministry of Defence %q, want the defense ministry (all: %v)", tm.BySource["b"], tm.BySource)
	}
}

// TestDatelineIsNoName: the place an agency filed from, in capitals
// before its first sentence, is no name any report gives.
func TestDatelineIsNoName(t *testing.T) {
	r := reportOf(t,
		[]string{"LINDFIELD, April 9 (Wire) - Ostrava Rovers came from two goals down to draw 2-2 at Lindfield Athletic on Wednesday.", "Lindfield led 2-0 at half-time."},
		[]string{"Lindfield Athletic threw away a two-goal lead as Ostrava Rovers snatched a 2-2 draw on Wednesday night.", "Marco Feld opened the scoring for Lindfield."},
		[]string{"Captain Ivan Soto scored late as Ostrava Rovers drew 2-2 in Lindfield on Wednesday.", "Feld and Prieto had given the hosts the lead."},
		[]string{"Lindfield Athletic and Ostrava Rovers drew 2-2 in the first leg of the semi-final on Wednesday.", "Attendance: 41,213."},
	)
	noTermWith(t, r, "", "LINDFIELD")
}

// TestSpelledAcronym: "UN Security Council" and "United Nations Security
// Council" name one body; "UN Security Council" is not "Union Navy
// Security Council".
func TestSpelledAcronym(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Vote", "The UN Security Council met on Friday after the blast at the port. The Harbour Security Council met too."),
		fromText(t, "b", "Vote", "The United Nations Security Council met on Friday after the blast at the port."),
		fromText(t, "c", "Vote", "The United Nations' Security Council met on Friday after the blast at the port."),
	}
	tm := findTerm(t, mustCompare(t, arts), "a", "UN Security Council")
	for _, l := range []string{"b", "c"} {
		if got := tm.BySource[l]; !strings.Contains(got, "United Nations") {
			t.Errorf("%s writes %q, want the spelled-out name (all: %v)", l, got, tm.BySource)
		}
	}
	if strings.Contains(tm.BySource["a"], "Harbour") {
		t.Errorf("another council joined: %v", tm.BySource)
	}
}

// TestApposedDescription: "Miravel, the sprawling capital," names the
// city there; "Kestra, the region's largest lender," is a judgement,
// "Lasko, the agency said" no description, and "Orbel, a town of
// 6,000," says what kind of place it is.
// TestApposedDescriptionNotAList: "Miravel, the northern suburbs, and
// Orbel" lists places, and "the Alps" is a name, not a description.
func TestApposedDescriptionNotAList(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Outage", "Power failed in Miravel and Orbel on Monday. Trains stopped in Grenoble and Lyon."),
		fromText(t, "b", "Outage", "Power failed in Miravel, the northern suburbs, and Orbel on Monday. Trains stopped in Grenoble, the Alps, and Lyon."),
		fromText(t, "c", "Outage", "Power failed in Miravel and Orbel on Monday. Trains stopped in Grenoble and Lyon."),
	}
	noTermWith(t, mustCompare(t, arts), "b", "the")
}

func TestApposedDescription(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Strike", "Trains stopped in Miravel on Monday. Branches of Kestra and Lasko shut. Homes in Orbel lost power."),
		fromText(t, "b", "Strike", "Trains stopped in Miravel, the sprawling capital, on Monday. Branches of Kestra, the region's largest lender, and Lasko shut, the agency said. Homes in Orbel, a town of 6,000, lost power."),
		fromText(t, "c", "Strike", "Trains stopped in Miravel on Monday. Branches of Kestra and Lasko shut. Homes in Orbel lost power."),
	}
	r := mustCompare(t, arts)
	tm := findTerm(t, r, "b", "the sprawling capital")
	if !hasForm(tm.BySource["a"], "Miravel") {
		t.Errorf("a names the capital %q, want Miravel (all: %v)", tm.BySource["a"], tm.BySource)
	}
	for _, tm := range r.Terms {
		if v := tm.BySource["b"]; strings.Contains(v, "lender") || strings.Contains(v, "agency") || strings.Contains(v, "town") {
			t.Errorf("b's %q is a name: %v", v, tm.BySource)
		}
	}
}

// TestOwnerNamesAnotherBody: "Valdria's defence ministry" is not the
// "Ministry of Defence of Ostmark", the one ministry the coverage
// names, and an outlet's "the ministry" after it is Valdria's.
func TestOwnerNamesAnotherBody(t *testing.T) {
	shared := "Valdria and Ostmark exchanged 190 prisoners on Tuesday. Valdrian and Ostmarkian officials met at the border. "
	arts := []*article.Article{
		fromText(t, "a", "Swap", shared+"The talks took three months, Valdria's defence ministry said. Among those freed were 12 officers, the ministry said."),
		fromText(t, "b", "Swap", shared+"The Ministry of Defence of Ostmark said 95 soldiers were home. In return 95 Valdrians were freed, the ministry said."),
		fromText(t, "c", "Swap", shared+"The Ministry of Defence of Ostmark said the soldiers would be flown home."),
	}
	for _, tm := range mustCompare(t, arts).Terms {
		if a := tm.BySource["a"]; strings.Contains(strings.ToLower(tm.BySource["b"]+tm.BySource["c"]), "ostmark") && strings.Contains(a, "ministry") {
			t.Errorf("a's %q names Ostmark's ministry: %v", a, tm.BySource)
		}
	}
}

// TestInstitutionOfAPlace: "the Ministry of Foreign Affairs of the
// Republic of Corvania" is Corvania's; "Estmaria's foreign ministry" is
// not it.
func TestInstitutionOfAPlace(t *testing.T) {
	shared := "Corvania expelled 12 Estmarian diplomats on Tuesday. Corvanian and Estmarian officials traded accusations. "
	arts := []*article.Article{
		fromText(t, "a", "Expulsion", shared+"The Ministry of Foreign Affairs of the Republic of Corvania gave them 72 hours to leave."),
		fromText(t, "b", "Expulsion", shared+"Estmaria's foreign ministry called the decision groundless."),
		fromText(t, "c", "Expulsion", shared+"The Ministry of Foreign Affairs said the diplomats must leave within 72 hours."),
	}
	for _, tm := range mustCompare(t, arts).Terms {
		if strings.Contains(tm.BySource["b"], "Estmaria") && strings.Contains(tm.BySource["a"]+tm.BySource["c"], "Ministry of Foreign Affairs") {
			t.Errorf("Estmaria's ministry is Corvania's: %v", tm.BySource)
		}
	}
}
