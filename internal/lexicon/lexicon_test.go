package lexicon

import (
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/words"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

func keys(s string) []string {
	var out []string
	for _, t := range Terms(s) {
		out = append(out, t.Key)
	}
	return out
}

func TestTermsNormalise(t *testing.T) {
	tests := []struct {
		name, a, b string
	}{
		{"transliteration", "They met Kim Jong-un.", "They met Kim Jong Un."},
		{"country alias", "The DPRK signed it.", "North Korea signed it."},
		{"demonym", "The North Korean side agreed.", "The North Korea side agreed."},
		{"formal name", "The Democratic People's Republic of Korea agreed.", "The DPRK agreed."},
		{"possessive", "The DPRK's leader and the EU's money.", "North Korea's leader and the European Union's money."},
		{"a name that opens with a possessive", "The People's Republic of China agreed.", "China agreed."},
		{"capital by description", "He landed in the North Korean capital.", "He landed in Pyongyang."},
		{"accents", "The works in Vasvölgy, said Vasić.", "The works in Vasvolgy, said Vasic."},
		{"number words", "It took twenty-four years and two days.", "It took 24 years and 2 days."},
		{"digit separators", "About 1,000 people.", "About 1000 people."},
		{"equivalents", "They inked a pact.", "They signed a treaty."},
		{"toll", "Officials said 48 were killed.", "Officials said 48 were dead."},
		{"a labour dispute", "The walkout halted trains.", "The strike halted trains."},
		{"job cuts", "It will lay off 1,200 employees.", "It will cut 1,200 jobs."},
		{"a resignation", "They demanded that he step down.", "They demanded his resignation."},
		{"protesters", "Policemen fired tear gas at demonstrators.", "Police fired tear gas at protesters."},
		{"a landing is an arrival", "Putin landed in Pyongyang.", "Putin arrived in Pyongyang."},
		{"heading somewhere", "Putin is next heading to Vietnam.", "Putin is next departing to Vietnam."},
		{"a train's cars", "Seven coaches came off the track.", "Seven carriages came off the track."},
		{"an approval", "The deal still needs clearance.", "The deal still needs approval."},
		{"size", "It was the biggest rally in years.", "It was the largest rally in years."},
		{"the jobless", "The jobless rate dropped.", "The unemployment rate fell."},
		{"an aircraft's recorders", "Both black boxes were found.", "Both flight recorders were found."},
		{"a recall", "It is recalling 310,000 vehicles after three crashes.", "It is recalling 310,000 cars after three accidents."},
		{"a rise", "Revenue is rising.", "Revenue rose."},
		{"degrees", "It reached 46.2C and 115F.", "It reached 46.2 Celsius and 115 Fahrenheit."},
		{"a death put gently", "She passed away on Tuesday.", "She died on Tuesday."},
		{"tv", "It became a TV drama.", "It became a television drama."},
		{"a law in force", "The law will enter into force on 1 September.", "The law takes effect on 1 September."},
		{"a truce", "The cessation of hostilities will free 42 servicemen.", "The truce will release 42 soldiers."},
		{"a halt to the fighting", "The council urged a halt to the fighting.", "The council urged a ceasefire."},
		{"a core measure", "Underlying inflation slowed.", "Core inflation slowed."},
		{"added time", "He scored in stoppage time.", "He scored in added time."},
		{"an expulsion", "The expulsion of 11 diplomats.", "They expelled 11 diplomats."},
		{"a diplomat sent home", "Eleven diplomats were declared persona non grata.", "Eleven diplomats were declared expelled."},
		{"a go-between", "The swap was brokered by Merania.", "The swap was mediated by Merania."},
		{"an arrest", "The captain was taken into custody.", "The captain was arrested."},
		{"a hyphen in a compound", "It landed 14 minutes after take-off.", "It landed 14 minutes after takeoff."},
		{"a landing", "The jet touched down at 9.", "The jet landed at 9."},
		{"lawmakers", "Fourteen MPs defected.", "Fourteen lawmakers defected."},
		{"members of parliament", "Fourteen members of parliament defected.", "Fourteen deputies defected."},
		{"a no-confidence vote", "The assembly adopted a censure motion.", "The assembly adopted a no-confidence vote."},
		{"a pension age", "It would raise the pension age to 65.", "It would raise the retirement age to 65."},
		{"an overloaded ship", "The ferry was overloaded.", "The ferry was overcrowded."},
		{"stolen data", "They stole patient data.", "They have stolen patient data."},
		{"people relocated", "8,000 people were relocated.", "8,000 people were evacuated."},
		{"a delay", "Operations were delayed.", "Operations were postponed."},
		{"honorific", "Respected Comrade Kim spoke.", "Kim spoke."},
		{"british spelling", "They organised it.", "They organized it."},
		{"an agent noun in either spelling", "The organisers said so.", "The organizers said so."},
		{"the organisers organised it", "The organisers spoke.", "The organised spoke."},
		{"promise keeps its s", "Each promises help.", "Each promise help."},
		{"a time with a.m.", "It fell at 8:15 a.m. on Monday.", "It fell at 8:15 am on Monday."},
		{"p.m. on the 24-hour clock", "It struck at 10 p.m.", "It struck at 10:00 p.m."},
		{"pm written together", "It struck at 10pm.", "It struck at 10 p.m."},
		{"a time written the British way", "It struck at 8.15am.", "It struck at 8:15 a.m."},
		{"a British time with a space", "It struck at 10.30 pm.", "It struck at 10:30 p.m."},
		{"an hour with a leading zero", "It struck at 08:15.", "It struck at 8:15."},
		{"a number and its unit joined by a hyphen", "A 60-metre section fell.", "A 60 metre section fell."},
		{"a number and its unit written together", "Winds of 185km were measured.", "Winds of 185 km were measured."},
		{"an age", "A 79-year-old man died.", "A 79 man died."},
		{"speed units", "Winds of 140 kph.", "Winds of 140 kilometres per hour."},
		{"speed units with a slash", "Winds of 140 km/h.", "Winds of 140 km an hour."},
		{"miles an hour", "Winds of 87 mph.", "Winds of 87 miles per hour."},
		{"a currency code written against its amount", "It made NOK19.8bn.", "It made NOK 19.8 billion."},
		{"crowns by name and by code", "It made 19.8 billion crowns.", "It made 19.8 billion NOK."},
		{"lakh", "About 2.5 lakh people fled.", "About 250,000 people fled."},
		{"shares and stock", "Its shares closed up 4.9%.", "Its stock closed up 4.9%."},
		{"guidance and forecast", "It kept its guidance for the year.", "It kept its forecast for the year."},
		{"turnover and revenue", "Turnover grew 6%.", "Revenue grew 6%."},
		{"reduced to ash", "Dozens of homes were reduced to ash.", "Dozens of homes were destroyed."},
		{"power reconnected", "Crews reconnected 95,000 homes.", "Crews restored 95,000 homes."},
		{"a range is both its numbers", "Growth of 4-5% is expected.", "Growth of 4% to 5% is expected."},
		{"a score is both its numbers", "They won 3-2.", "They won three to two."},
		{"a stock market is a market", "The wider stock market fell.", "The wider market fell."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := keys(tt.a), keys(tt.b); !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestTermsKeepApart(t *testing.T) {
	tests := []struct {
		name, a, b string
	}{
		{"us the pronoun", "He told us.", "He told the US."},
		{"different countries", "South Korea agreed.", "North Korea agreed."},
		{"a refusal is no fall", "The bank declined to comment.", "The bank fell to comment."},
		{"different numbers", "24 years", "14 years"},
		{"according to is no accord", "According to the bank, they met.", "The accord of the bank, they met."},
		{"promise is not prom", "They promised.", "They promized."},
		{"a morning and an evening time", "It struck at 10 a.m.", "It struck at 10 p.m."},
		{"a verse is no time of day", "He quoted John 3:16.", "He quoted John 3:16 p.m."},
		{"a race time is no time of day", "She won in 2:01:09.", "She won at 2:01 p.m."},
		{"a prime minister after a comma is no time", "Inflation eased to 5.02%, PM Modi said.", "Inflation eased to 5.02%, Modi said."},
		{"a shop's name is no unit", "They robbed a 7-Eleven store.", "They robbed a 7 11 store."},
		{"a distance is no speed", "A queue of 30 km.", "A queue of 30 kph."},
		{"a charge is no law", "She billed the state.", "She bills the state."},
		{"signing again is no resignation", "The striker re-signed with the club.", "The striker resigned from the club."},
		{"land is no arrival", "A metre of land.", "A metre of arrival."},
		{"a head office is no departure", "The head office stays.", "The departed office stays."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, other := keys(tt.a), keys(tt.b); slices.Equal(got, other) {
				t.Errorf("got the same keys %q for %q and %q", got, tt.a, tt.b)
			}
		})
	}
}

func TestNameRuns(t *testing.T) {
	ts := Terms("Russian President Vladimir Putin met Kim Jong Un in Pyongyang.")
	names := map[string]int{}
	for _, tm := range ts {
		names[tm.Key] = tm.Name
	}
	if names["president"] == 0 || names["president"] != names["putin"] || names["vladimir"] != names["putin"] {
		t.Errorf("got name runs %v, want president, vladimir and putin in one run", names)
	}
	if names["kim"] == names["putin"] || names["kim"] != names["un"] {
		t.Errorf("got name runs %v, want kim jong un in a run of its own", names)
	}
	if names["russia"] != 0 {
		t.Errorf("got russia in name run %d, want a place outside any run", names["russia"])
	}
}

func TestReferents(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // key=form
	}{
		{"country names", "The DPRK and North Korea are one.", []string{"north_korea=DPRK", "north_korea=North Korea"}},
		{"treaty name", "They signed the Treaty on Comprehensive Strategic Partnership on Wednesday.", []string{"agreement=Treaty on Comprehensive Strategic Partnership"}},
		{"war phrase", "Support for the special military operation.", []string{"war=special military operation"}},
		{"person spellings", "Kim Jong-un met Kim Jong Un.", []string{"person:kim jong un=Kim Jong-un", "person:kim jong un=Kim Jong Un"}},
		{"no adjective", "The North Korean side agreed.", nil},
		{"pronoun us", "He told us.", nil},
		{"event names", "The blaze, a wildfire, spread after the flooding.", []string{"fire=blaze", "fire=wildfire", "flood=flooding"}},
		{"payments", "He took kickbacks, the bribes that won the contracts.", []string{"bribes=kickbacks", "bribes=bribes"}},
		{"charges", "Convicted of bribery, or corruption as his party calls it.", []string{"bribes=bribery", "bribes=corruption"}},
		{"a labour dispute", "The stoppage, a strike over pay, is industrial action; stoppage time is none.", []string{"strike=stoppage", "strike=strike", "strike=industrial action"}},
		{"a parliament", "The National Assembly, the country's parliament, met.", []string{"parliament=National Assembly", "parliament=parliament"}},
		{"a parliament on a weekday", "The National Assembly on Tuesday adopted it.", []string{"parliament=National Assembly"}},
		{"a company sold", "The sale, a takeover by a rival, ends years of losses; sales fell.", []string{"takeover=sale", "takeover=takeover"}},
		{"a day's vote is the election", "Sunday's vote and the vote on Sunday and the November vote.", []string{"election=vote", "election=vote", "election=vote"}},
		{"a body's vote is no election", "The MPC vote was 7-2; the vote on the council was close; the vote is in May.", []string{"election=vote"}},
		{"a confidence vote is no election", "He lost a confidence vote and then a no-confidence vote.", nil},
		{"opinion polls are no election", "His party leads in opinion polls before the election.", []string{"opinion_poll=opinion polls", "election=election"}},
		{"the union and its capital", "Brussels, the EU and the European Commission; the UN but not un-.", []string{"european_union=Brussels", "european_union=EU", "european_union=European Commission", "united_nations=UN"}},
		{"a storm", "The hurricane, a tropical storm by nightfall, was a cyclone no more.", []string{"storm=hurricane", "storm=tropical storm", "storm=cyclone"}},
		{"a crash", "The air disaster, a plane crash the ministry calls an aviation accident, was not a collision.", []string{"crash=air disaster", "crash=plane crash", "crash=aviation accident"}},
		{"an outbreak", "The cholera outbreak, an epidemic the WHO fears will spread, grew.", []string{"outbreak=outbreak", "outbreak=epidemic", "who=WHO"}},
		{"the outbreak of a war", "Since the outbreak of the war, a fresh outbreak of fighting.", []string{"war=war"}},
		{"a storm surge is no storm", "The storm brought a storm surge.", []string{"storm=storm", "storm_surge=storm surge"}},
		{"a UN agency", "The WHO, the UN health agency, helps those who fled; the World Health Organisation said so.", []string{"who=WHO", "who=UN health agency", "who=World Health Organisation"}},
		{"the nuclear watchdog", "The UN nuclear watchdog, the IAEA, sent inspectors.", []string{"iaea=UN nuclear watchdog", "iaea=IAEA"}},
		{"a drug trial", "The study, a clinical trial, compared the drug with a dummy pill; side effects and adverse events were rare.", []string{"trial=study", "trial=clinical trial", "placebo=dummy pill", "side_effects=side effects", "side_effects=adverse events"}},
		{"a border clash", "The skirmish, an exchange of fire with drones, followed clashes; fighting is no row of its own.", []string{"clash=skirmish", "clash=exchange of fire", "drones=drones", "clash=clashes"}},
		{"a clash as state media name it", "An armed provocation, an act of aggression; the raid came without provocation.", []string{"clash=armed provocation", "clash=act of aggression"}},
		{"loaded names", "Militants, or rebels as others call the fighters, held asylum seekers.", []string{"fighters=Militants", "fighters=rebels", "fighters=fighters", "migrants=asylum seekers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range Referents(tt.text) {
				got = append(got, r.Key+"="+tt.text[r.Start:r.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEquivalentRowsDisjoint: a word in two rows of the equivalents
// table would silently belong to the later one only.
func TestEquivalentRowsDisjoint(t *testing.T) {
	seen := map[string]string{} // stem -> canonical of its first row
	for _, row := range equivalentRows {
		c := words.Stem(row[0])
		for _, w := range row {
			st := words.Stem(w)
			if prev, ok := seen[st]; ok && prev != c {
				t.Errorf("%q (stem %q) is in the rows of %q and %q", w, st, prev, c)
			}
			seen[st] = c
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		name, a, b string
	}{
		{"symbol and suffix", "It is worth €1.9bn.", "It is worth 1.9 billion euros."},
		{"code glued to amount", "They paid HUF4,150 a share.", "They paid 4,150 forints a share."},
		{"code apart", "They paid HUF 4,150 a share.", "They paid 4,150 forints a share."},
		{"million", "A loss of $600m.", "A loss of 600 million dollars."},
		{"pounds", "Worth £1.65bn.", "Worth 1.65 billion pounds sterling."},
		{"decimal scale", "It cost $8.2 million.", "It cost $8,200,000."},
		{"US dollars", "They want 5 million US dollars.", "They want $5m."},
		{"the peso sign", "He took P1.2 billion.", "He took 1.2 billion pesos."},
		{"the peso symbol", "He took ₱50 million.", "He took P50 million."},
		{"the peso sign and a hyphened scale", "The P183-million scam.", "The 183 million pesos scam."},
		{"U.S. dollars", "They want 5 million U.S. dollars.", "They want US$5m."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := keys(tt.a), keys(tt.b)
			slices.Sort(a)
			slices.Sort(b)
			a, b = slices.Compact(a), slices.Compact(b)
			if !slices.Equal(a, b) {
				t.Errorf("got %q and %q, want the same keys", a, b)
			}
		})
	}
	for _, s := range []string{"They rub it in.", "He won the vote.", "Eur is no code.", "Raheem Sterling scored twice.", "He finished P2 in qualifying."} {
		for _, k := range keys(s) {
			if k == "rouble" || k == "euro" || k == "pound" || k == "peso" {
				t.Errorf("%q: got currency %q from an ordinary word", s, k)
			}
		}
	}
	if a, b := keys("They built a 100 m wall."), keys("They built a 100 million wall."); slices.Equal(a, b) {
		t.Errorf("a 100 m wall and 100 million have the same keys %q", a)
	}
}

// TestEquivalentsSpareNames: a word of the equivalents table that is
// part of a name keeps its own key.
func TestEquivalentsSpareNames(t *testing.T) {
	for _, tc := range []struct{ s, not string }{
		{"Microsoft founder Bill Gates said so.", "law"},
		{"Fighters of the Free Syrian Army withdrew.", "releas"},
		{"He went to the Job Centre on Monday.", "worker"},
	} {
		if k := keys(tc.s); slices.Contains(k, tc.not) {
			t.Errorf("%q: keys %q hold %q", tc.s, k, tc.not)
		}
	}
}

// FuzzTerms: every term of any text lies inside it, its Token the text
// at its offsets (in any case: "Jong-un" gives the name part "Un").
func FuzzTerms(f *testing.F) {
	for _, s := range []string{"Kim Jong-un met the DPRK's leader.", "HUF4,150 a share; €1.9bn ($2.2 billion).", "ȺȺ İİ twenty-four Rs 50 million", "They organised 8.2 million."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tm := range Terms(s) {
			if tm.Start < 0 || tm.End > len(s) || tm.Start > tm.End {
				t.Fatalf("term %+v outside %q", tm, s)
			}
			if !strings.EqualFold(tm.Token, s[tm.Start:tm.End]) {
				t.Fatalf("term %+v: token is not the text %q at its offsets", tm, s[tm.Start:tm.End])
			}
		}
	})
}

func TestAdjectiveOf(t *testing.T) {
	for w, want := range map[string]string{
		"calmly": "calm", "transparently": "transparent", "heavily": "heavy", "probably": "probable",
		"officially": "official", "family": "family", "early": "early", "assembly": "assembly", "calm": "calm",
		"deeply": "deep", "sharply": "sharp", "simply": "simple", "hardly": "hardly", "unlikely": "unlikely", "gently": "gently",
	} {
		if got := AdjectiveOf(w); got != want {
			t.Errorf("AdjectiveOf(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestClockKeys: a time after noon is keyed on the 24-hour clock, as
// outlets that write "22:00" key it.
func TestClockKeys(t *testing.T) {
	if got := keys("It struck at 10 p.m."); !slices.Contains(got, "22:00") {
		t.Errorf("10 p.m.: keys %q, want 22:00 among them", got)
	}
	if got := keys("It struck at 22:00."); !slices.Contains(got, "22:00") {
		t.Errorf("22:00: keys %q, want 22:00 among them", got)
	}
}
