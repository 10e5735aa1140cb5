package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

func TestNounPhrase(t *testing.T) {
	for _, tc := range []struct {
		name, s, want string
		ok            bool
	}{
		{"a name", "the mutual defence pact", "mutual defence pact", true},
		{"a proper name", "Treaty on Comprehensive Strategic Partnership", "Treaty on Comprehensive Strategic Partnership", true},
		{"a possessive opens a phrase", "Korea's", "", false},
		{"a curly possessive", "the country’s", "", false},
		{"a plural possessive", "the leaders'", "", false},
		{"a verb", "signs", "", false},
		{"a figure", "48 dead", "", false},
		{"ending in an adverb", "fully", "", false},
		{"a place", "near parliament", "", false},
		{"a thing and a place", "tear gas near parliament", "", false},
		{"opening with a preposition", "in Ukraine", "", false},
		{"opening with a conjunction", "but police", "", false},
		{"a preposition inside", "war in Ukraine", "war in Ukraine", true},
		{"a subject and its verb", "Ostria's unemployment rate fell", "", false},
		{"an attribution's opening word", "According", "", false},
		{"a day after it", "war on Tuesday", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := nounPhrase(tc.s)
			if got != tc.want || ok != tc.ok {
				t.Errorf("nounPhrase(%q) = %q, %v; want %q, %v", tc.s, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// noTermHolds fails t when a term of the comparison of three
// one-sentence sources gives a source a form holding one of the words.
func noTermHolds(t *testing.T, sentences [3]string, words ...string) {
	t.Helper()
	var arts []*article.Article
	for i, s := range sentences {
		arts = append(arts, fromText(t, string(rune('a'+i)), "Event", s))
	}
	for _, tm := range mustCompare(t, arts).Terms {
		for l, v := range tm.BySource {
			for _, w := range words {
				if strings.Contains(v, w) {
					t.Errorf("%s's %q is in a term: %v", l, w, tm.BySource)
				}
			}
		}
	}
}

// TestVerbSlotIsNoTerm: what outlets write after "will" in one claim
// ("will play", "will represent Varnia") is a verb, not a name.
func TestVerbSlotIsNoTerm(t *testing.T) {
	noTermHolds(t, [3]string{
		"As winners, Koranth will play in the Meridian Super Cup in August against the league champions.",
		"As winners, Koranth will represent Varnia in the Meridian Super Cup in August against the league champions.",
		"As winners, Koranth will compete in the Meridian Super Cup in August against the league champions.",
	}, "play", "represent", "compete")
}

// TestPlaceIsNoName: "tear gas near parliament" and "clashes near
// parliament" both name parliament; the words before "near" are not
// part of its name.
func TestPlaceIsNoName(t *testing.T) {
	noTermHolds(t, [3]string{
		"The march was largely peaceful, but police used tear gas near parliament after a group threw bottles.",
		"Clashes broke out near parliament in the evening and 15 people were detained.",
		"Police fired tear gas at protesters outside parliament in the evening.",
	}, "near", "outside")
}

// TestHyphenatedReferentIsAModifier: "forest-fire prevention spending"
// is spending; the words before it name no fire.
func TestHyphenatedReferentIsAModifier(t *testing.T) {
	noTermHolds(t, [3]string{
		"Critics say the government cut the forest fire prevention budget by 30 percent over two years.",
		"Critics say the government cut forest-fire prevention spending by 30 percent over two years.",
		"Critics say the government cut the forest fire prevention budget by 30 percent in two years.",
	}, "cut forest-fire", "forest-fire")
}

// TestRankIsNoName: "the worst accident" and "the deadliest accident"
// rank accidents; they name none. "The previous election" is another
// election, no name of this one.
func TestRankIsNoName(t *testing.T) {
	noTermHolds(t, [3]string{
		"It is the worst accident in the country's coal mines since 2011, when 17 miners died in a gas explosion.",
		"The deadliest accident in the region, in 2011, killed 17 miners in a gas explosion.",
		"In 2011, an accident at a nearby mine killed 17 miners in a gas explosion.",
	}, "worst", "deadliest")
	noTermHolds(t, [3]string{
		"Turnout in the parliamentary election was 61%, down from 67% at the previous election.",
		"Turnout in the parliamentary election was 61%, the electoral commission said.",
		"The electoral commission put turnout in the parliamentary election at 61%.",
	}, "previous")
}

// TestVerbAfterThatIsNoName: "a law that puts journalists" and "a law
// that places journalists" differ in a verb, not in a name of the
// journalists.
func TestVerbAfterThatIsNoName(t *testing.T) {
	noTermHolds(t, [3]string{
		"\"I cannot sign a law that puts journalists under government control,\" President Sofia Lenz said on Wednesday.",
		"President Sofia Lenz said on Wednesday she could not sign \"a law that places journalists under government control\".",
		"\"I will not sign a law that puts journalists under government control,\" President Sofia Lenz said on Wednesday.",
	}, "puts", "places")
	r := reportOf(t,
		[]string{"Health officials warned on Monday that this mystery virus spreads quickly among children."},
		[]string{"Health officials warned on Monday that the novel virus spreads quickly among children."},
		[]string{"Health officials warned on Monday that the unknown virus spreads quickly among children."},
	)
	if !slices.ContainsFunc(r.Terms, func(tm Term) bool { return strings.Contains(tm.BySource["b"], "novel virus") }) {
		t.Errorf("no term of the virus: %+v", r.Terms)
	}
}

// TestAgeOrSexIsNoName: "fired on children" and "fired on women" say
// different things happened, not what each outlet calls one group.
func TestAgeOrSexIsNoName(t *testing.T) {
	noTermHolds(t, [3]string{
		"On Monday soldiers fired on children in central Dorsk.",
		"On Monday soldiers fired on women in central Dorsk.",
		"On Monday soldiers fired on children in central Dorsk.",
	}, "women")
}

// TestBothNamesInOneSentence: a sentence that writes the name another
// source's wording has in the same place, and a second name besides,
// names two bodies; the second is no other name of the first.
func TestBothNamesInOneSentence(t *testing.T) {
	r := reportOf(t,
		[]string{"A ferry sank off Caldera on Friday, killing at least 31 people, the coast guard said.", "Rescuers pulled 168 people from the water and 27 were missing, the coast guard said."},
		[]string{"The death toll from the sinking of the ferry off Caldera rose to 31, the coast guard said.", "President Lucia Varo declared three days of mourning."},
		[]string{"At least 31 people died when a ferry sank off Caldera on Friday, the coast guard said.", "Some 168 people were rescued and 27 remain missing, the coast guard said."},
		[]string{"The Caldera Coast Guard rescued 168 people and 27 remain missing, the Ministry of Transport said.", "President Lucia Varo declared three days of mourning."},
	)
	noTermWith(t, r, "", "Ministry of Transport")
}

// TestTermBetweenMembers: outlets whose sentences differ only in one
// name ("as the state attorneys had asked", "as the prosecutors had
// asked") show it as a term with the anchor's outlets that write it in
// other words; one that writes another thing in that slot ("as his
// family had feared") does not.
func TestTermBetweenMembers(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Verdict", "The bribery case against former mayor Ivo Brand ended on Monday in a six-year jail term that the prosecutors had demanded."),
		fromText(t, "b", "Verdict", "Former mayor Ivo Brand was jailed for six years on Monday, as the state attorneys had asked."),
		fromText(t, "c", "Verdict", "Former mayor Ivo Brand was jailed for six years on Monday, as the prosecutors had asked."),
		fromText(t, "d", "Verdict", "Former mayor Ivo Brand was jailed for six years on Monday, as the prosecutors had asked."),
		fromText(t, "e", "Verdict", "Former mayor Ivo Brand was jailed for six years on Monday, as his family had feared."),
	}
	r := mustCompare(t, arts)
	tm := findTerm(t, r, "b", "state attorneys")
	for _, l := range []string{"a", "c", "d"} {
		if !hasForm(tm.BySource[l], "prosecutors") {
			t.Errorf("%s writes %q, want prosecutors (all: %v)", l, tm.BySource[l], tm.BySource)
		}
	}
	for _, tm := range r.Terms {
		if tm.BySource["e"] != "" {
			t.Errorf("e's family is a term: %v", tm.BySource)
		}
	}
}

// TestStormByItsName: a storm's proper name is a name of the storm in
// the same entry as "the hurricane" and "the cyclone", written whole
// ("Hurricane Tamsin", not "Hurricane"); another storm's name ("Typhoon
// Orla", in a year before) is none of its names, though the outlets
// name it too.
func TestStormByItsName(t *testing.T) {
	r := reportOf(t,
		[]string{"Hurricane Tamsin struck the coast on Monday and killed nine people.", "The hurricane flooded the port."},
		[]string{"The cyclone struck the coast on Monday and killed nine people.", "Typhoon Orla flooded the same port in 2009."},
		[]string{"Hurricane Tamsin hit the coast on Monday, killing nine people.", "The storm flooded the port."},
	)
	tm := findTerm(t, r, "b", "cyclone")
	if !hasForm(tm.BySource["a"], "Hurricane Tamsin") || !hasForm(tm.BySource["c"], "Hurricane Tamsin") {
		t.Errorf("the storm's term %v does not hold its name", tm.BySource)
	}
	for _, x := range r.Terms {
		for l, v := range x.BySource {
			if hasForm(v, "Hurricane") || strings.Contains(v, "Orla") && x.Concept == tm.Concept {
				t.Errorf("%s's %q: %v", l, v, x.BySource)
			}
		}
	}
}

// TestStormNamedFirst: the storm a coverage is about is the one most
// outlets name first, whole or by its name alone, though more of them
// name an earlier one; a possessive, another spelling and a title after
// the name are no part of it.
func TestStormNamedFirst(t *testing.T) {
	r := reportOf(t,
		[]string{"Hurricane Miltra struck the coast on Thursday, two weeks after Hurricane Helva.", "President Osk declared an emergency."},
		[]string{"Miltra struck the coast on Thursday.", "Hurricane Miltra's winds tore roofs off, two weeks after Hurricane Helva hit the state."},
		[]string{"A storm struck the coast on Thursday, two weeks after Hurricane Helva.", "After Hurricane Míltra President Osk declared an emergency."},
	)
	tm := findTerm(t, r, "a", "Hurricane Miltra")
	if !hasForm(tm.BySource["b"], "Hurricane Miltra") || !hasForm(tm.BySource["c"], "Hurricane Míltra") {
		t.Errorf("the storm's term %v does not hold its name in b and c", tm.BySource)
	}
	for l, v := range tm.BySource {
		if strings.Contains(v, "Helva") || strings.Contains(v, "'s") || strings.Contains(v, "President") {
			t.Errorf("%s's %q in the storm's term", l, v)
		}
	}
}

// TestFirmWithAmpersand: an ampersand joins a firm's name, and the name
// written with its trade and legal form is the same firm's.
func TestFirmWithAmpersand(t *testing.T) {
	r := reportOf(t,
		[]string{"The bridge collapsed on Tuesday.", "It was renovated in 2019 by Draven & Holt Construction Ltd."},
		[]string{"The bridge fell into the river on Tuesday.", "Draven & Holt renovated it in 2019."},
		[]string{"A bridge collapsed on Tuesday.", "The contractor Draven & Holt renovated it in 2019."},
	)
	tm := findTerm(t, r, "a", "Draven & Holt Construction Ltd")
	if !hasForm(tm.BySource["b"], "Draven & Holt") {
		t.Errorf("the firm's term %v", tm.BySource)
	}
}

// TestLooseSlotIsNoTerm: the last words of sentences that end in
// different clauses ("had to hold back the Sorrel bench", "had handled
// the ball", "on the pitchside monitor") have no word both keep beside
// them, and their heads are unalike: they name different things, not
// one referent. Function words kept around a slot ("the end of the
// runway", "the capital of Marovia") anchor nothing.
func TestLooseSlotIsNoTerm(t *testing.T) {
	noTermHolds(t, [3]string{
		"Pavel Dunik scored the penalty, and security staff had to hold back the Sorrel bench.",
		"Home captain Pavel Dunik tied the game with a penalty in the second half after a video check found that defender Marco Telli had handled the ball.",
		"Home captain Pavel Dunik levelled from the penalty spot in the 60th minute after referee Jon Brask reviewed a handball by defender Marco Telli on the pitchside monitor.",
	}, "bench", "ball", "monitor")
	noTermHolds(t, [3]string{
		"DORVIK (Wire) - Four people were killed and 27 injured on Thursday when a Skylane jet with an engine on fire made an emergency landing at Dorvik-Osten International Airport and ran off the end of the runway, officials said.",
		"Four people have died after a passenger plane that caught fire shortly after take-off skidded off the runway during an emergency landing in the Marovian capital, Dorvik.",
		"Three people were killed Thursday when a passenger jet that caught fire shortly after takeoff slid off a runway during an emergency landing in Dorvik, the capital of Marovia, officials said.",
	}, "end", "capital")
}

// TestModifierOfABodyIsNoName: "the county election office" is an
// office; "county" is no word of the election's name.
func TestModifierOfABodyIsNoName(t *testing.T) {
	r := reportOf(t,
		[]string{"The Alliance won the parliamentary election with 44 percent.", "It took 47 percent in the county, according to the county election office."},
		[]string{"The Alliance won the general election with 44 percent."},
		[]string{"The Alliance won the vote with 44 percent."},
	)
	findTerm(t, r, "b", "general election")
	noTermWith(t, r, "", "county election")
}

// TestRivalIsAnotherOne: "a rival offer" is another bidder's offer, no
// name of the one the coverage reports.
func TestRivalIsAnotherOne(t *testing.T) {
	r := reportOf(t,
		[]string{"Jiangxin's offer values the steelmaker at 2.6 billion euros.", "Jiangxin beat a rival offer from an Indian group, people familiar with the talks said."},
		[]string{"Jiangxin's bid values the steelmaker at 2.6 billion euros."},
		[]string{"Jiangxin's offer values the steelmaker at 2.6 billion euros."},
	)
	findTerm(t, r, "b", "bid")
	noTermWith(t, r, "", "rival offer")
}

// TestTwoSidesAreNoTerm: "the Teskavian side" and "the Drovnian side"
// in one slot are the two sides of a clash, not one named two ways.
func TestTwoSidesAreNoTerm(t *testing.T) {
	noTermHolds(t, [3]string{
		"Teskavia and Drovnia clashed on Tuesday. At the request of the Teskavian side, the two ministers spoke by phone in the evening.",
		"Teskavia and Drovnia clashed on Tuesday. At the request of the Drovnian side, the two ministers spoke by phone in the evening.",
		"Teskavia and Drovnia clashed on Tuesday. At the request of the Teskavian side, the two ministers spoke by phone in the evening.",
	}, "Drovnian side")
}

// TestWhoSaysItIsNoTerm: the slot before a closing "said", or after
// "according to" and a place's adjective, names who reports the fact,
// not one referent named two ways.
func TestWhoSaysItIsNoTerm(t *testing.T) {
	r := reportOf(t,
		[]string{"Drovnia and Teskavia traded fire on Tuesday.", "About 1,200 residents were evacuated from villages on the Teskavian side.", "A woman was killed when a shell hit her home in the village of Tuzgal, Drovnian officials said."},
		[]string{"Drovnia and Teskavia traded fire on Tuesday.", "About 1,200 residents were evacuated from villages, according to Teskavian emergency officials.", "A woman was killed when a shell hit her home in the village of Tuzgal, the ministry said."},
		[]string{"Drovnia and Teskavia traded fire on Tuesday.", "About 1,200 residents were evacuated from villages on the Teskavian side.", "A woman was killed when a shell hit her home in the village of Tuzgal, Drovnian officials said."},
	)
	noTermWith(t, r, "", "officials")
}
