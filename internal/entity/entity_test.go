package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/testfixture"
)

func TestExtractSeed(t *testing.T) {
	got := Extract(testfixture.SeedSentences())
	var b strings.Builder
	for _, e := range got {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%d\n", e.First, e.Type, e.Name, e.Count)
	}
	golden.Check(t, "testdata/seed-entities.golden", []byte(b.String()))

	want := map[string]string{
		"Vladimir Putin": "person", "Kim Jong Un": "person", "Russia": "place",
		"North Korea": "place", "Moscow": "place", "Pyongyang": "place",
		"Soviet Union": "place", "Ukraine": "place", "United States": "place",
		"Kremlin": "organisation",
	}
	seen := map[string]bool{}
	for _, e := range got {
		if typ, ok := want[e.Name]; ok && e.Type != typ {
			t.Errorf("%s: got type %q, want %q", e.Name, e.Type, typ)
		}
		seen[e.Name] = true
		if e.Name == "Putin" || e.Name == "Kim" {
			t.Errorf("short form %q was not merged into the full name", e.Name)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("missing %q", name)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		want      []Entity
	}{
		{
			name:      "title and short form",
			sentences: []string{"Russian President Vladimir Putin arrived.", "Putin said little."},
			want:      []Entity{{"Russia", "place", 1, 1}, {"Vladimir Putin", "person", 2, 1}},
		},
		{
			name:      "a name with a particle opens the sentence",
			sentences: []string{"Ramon dela Paz, a former senator, was convicted on Wednesday."},
			want:      []Entity{{"Ramon dela Paz", "other", 1, 1}},
		},
		{
			name:      "the office of a republic's president",
			sentences: []string{"President of the Republic Marcos Ibarra chaired a meeting."},
			want:      []Entity{{"Marcos Ibarra", "person", 1, 1}},
		},
		{
			name:      "an ampersand joins a firm's name",
			sentences: []string{"Shares in Draven & Holt fell on Wednesday."},
			want:      []Entity{{"Draven & Holt", "organisation", 1, 1}},
		},
		{
			name:      "a role word opening a company's name",
			sentences: []string{"The Student Loans Company said it would write to borrowers."},
			want:      []Entity{{"Student Loans Company", "organisation", 1, 1}},
		},
		{
			name:      "a role written as a title",
			sentences: []string{"Coach Enzo Marl resigned on Saturday.", "Marl said he was sad."},
			want:      []Entity{{"Enzo Marl", "person", 2, 1}},
		},
		{
			name:      "short form first",
			sentences: []string{"Officials said Putin would come.", "President Vladimir Putin came."},
			want:      []Entity{{"Vladimir Putin", "person", 2, 1}},
		},
		{
			name:      "lower-case title and korean surname",
			sentences: []string{"The visit honoured North Korean leader Kim Jong Un.", "Kim greeted him."},
			want:      []Entity{{"North Korea", "place", 1, 1}, {"Kim Jong Un", "person", 2, 1}},
		},
		{
			name:      "organisation with of",
			sentences: []string{"The statement came from the Ministry of Foreign Affairs in Moscow."},
			want:      []Entity{{"Ministry of Foreign Affairs", "organisation", 1, 1}, {"Moscow", "place", 1, 1}},
		},
		{
			name:      "family names with particles",
			sentences: []string{"Commission President Ursula von der Leyen spoke.", "The court convicted former senator Ramon dela Paz."},
			want:      []Entity{{"Ursula von der Leyen", "person", 1, 1}, {"Ramon dela Paz", "person", 1, 2}},
		},
		{
			name:      "a number word is no particle",
			sentences: []string{"In Gaza ten Palestinians were killed overnight."},
			want:      []Entity{{"Gaza", "place", 1, 1}, {"Palestinians", "other", 1, 1}},
		},
		{
			name:      "secretary of state",
			sentences: []string{"Secretary of State Antony Blinken spoke to CNN."},
			want:      []Entity{{"Antony Blinken", "person", 1, 1}, {"CNN", "organisation", 1, 1}},
		},
		{
			name:      "aliases fold to one place",
			sentences: []string{"The DPRK signed.", "North Korea's envoy agreed, as did the U.S. and America."},
			want:      []Entity{{"North Korea", "place", 2, 1}, {"United States", "place", 2, 2}},
		},
		{
			name:      "sentence-initial unknown word dropped",
			sentences: []string{"Security was tight in Pyongyang.", "Details were scarce."},
			want:      []Entity{{"Pyongyang", "place", 1, 1}},
		},
		{
			name:      "sentence-initial speaker kept",
			sentences: []string{"Peskov said the talks were useful."},
			want:      []Entity{{"Peskov", "person", 1, 1}},
		},
		{
			name:      "calendar words ignored",
			sentences: []string{"They met on Wednesday in June at the Kremlin."},
			want:      []Entity{{"Kremlin", "organisation", 1, 1}},
		},
		{
			name:      "possessive",
			sentences: []string{"It was Putin's first visit since the Kremlin's decision."},
			want:      []Entity{{"Putin", "other", 1, 1}, {"Kremlin", "organisation", 1, 1}},
		},
		{
			name:      "office holder after the office",
			sentences: []string{"The deal was signed by Putin and DPRK Chairman of State Affairs Kim Jong Un."},
			want:      []Entity{{"Putin", "other", 1, 1}, {"North Korea", "place", 1, 1}, {"Kim Jong Un", "person", 1, 1}},
		},
		{
			name:      "office that names an organisation",
			sentences: []string{"He met Chairman of the State Affairs Commission Kim Jong Un."},
			want:      []Entity{{"State Affairs Commission", "organisation", 1, 1}, {"Kim Jong Un", "person", 1, 1}},
		},
		{
			name:      "compound of places",
			sentences: []string{"It marked a new heyday of DPRK-Russia friendship and Russian-Chinese trade."},
			want:      []Entity{{"North Korea", "place", 1, 1}, {"Russia", "place", 2, 1}, {"China", "place", 1, 1}},
		},
		{
			name:      "holder after a place",
			sentences: []string{"They met President of Russia Vladimir Putin."},
			want:      []Entity{{"Russia", "place", 1, 1}, {"Vladimir Putin", "person", 1, 1}},
		},
		{
			name:      "office without a holder is not a person",
			sentences: []string{"The speech by Kim, General Secretary of the Workers' Party of Korea, was long."},
			want:      []Entity{{"Kim", "other", 1, 1}, {"Workers' Party of Korea", "organisation", 1, 1}},
		},
		{
			name:      "office that is a place",
			sentences: []string{"They met the President of Russia."},
			want:      []Entity{{"Russia", "place", 1, 1}},
		},
		{
			name:      "holder after an organisation",
			sentences: []string{"The envoy met Chairman of the State Affairs Commission Kim Jong Un."},
			want:      []Entity{{"State Affairs Commission", "organisation", 1, 1}, {"Kim Jong Un", "person", 1, 1}},
		},
		{
			name:      "holder after the longest place",
			sentences: []string{"The envoy met President of the United States of America Joe Biden."},
			want:      []Entity{{"United States", "place", 1, 1}, {"Joe Biden", "person", 1, 1}},
		},
		{
			name:      "plural possessive before an ordinary word",
			sentences: []string{"The Americans' Ukraine policy failed.", "\u2018We will not bow to the United States\u2019 Peskov said."},
			want:      []Entity{{"Americans", "other", 1, 1}, {"Ukraine", "place", 1, 1}, {"United States", "place", 1, 2}, {"Peskov", "person", 1, 2}},
		},
		{
			name:      "curly apostrophe in a name",
			sentences: []string{"The Workers\u2019 Party of Korea met.", "The Workers' Party of Korea met again."},
			want:      []Entity{{"Workers' Party of Korea", "organisation", 2, 1}},
		},
		{
			name:      "treaty on",
			sentences: []string{"They signed the Treaty on Comprehensive Strategic Partnership on Wednesday."},
			want:      []Entity{{"Treaty on Comprehensive Strategic Partnership", "other", 1, 1}},
		},
		{
			name:      "compound before a name",
			sentences: []string{"He received a Russian-made Aurus limousine."},
			want:      []Entity{{"Russia", "place", 1, 1}, {"Aurus", "other", 1, 1}},
		},
		{
			name:      "middle initial",
			sentences: []string{"Officials briefed Donald J. Trump's team.", "Mr. Trump said nothing."},
			want:      []Entity{{"Donald J. Trump", "person", 2, 1}},
		},
		{
			name:      "arabic surname prefix",
			sentences: []string{"The court charged Sudan's president, Omar Hassan al-Bashir, with genocide.", "Officials said Mr. Bashir must answer."},
			want:      []Entity{{"Sudan", "place", 1, 1}, {"Omar Hassan al-Bashir", "person", 2, 1}},
		},
		{
			name:      "organisation field joined by and",
			sentences: []string{"He is a fellow at the Bagnoud Center for Health and Human Rights at Harvard University."},
			want:      []Entity{{"Bagnoud Center for Health and Human Rights", "organisation", 1, 1}, {"Harvard University", "organisation", 1, 1}},
		},
		{
			name:      "company before a title",
			sentences: []string{"Harbour CEO Ana Lobo said the port was open."},
			want:      []Entity{{"Ana Lobo", "person", 1, 1}},
		},
		{
			name:      "role word before a name",
			sentences: []string{"Harbour resident Margie Kim waited."},
			want:      []Entity{{"Margie Kim", "person", 1, 1}},
		},
		{
			name:      "full name opening a sentence",
			sentences: []string{"Fiona Parry issued a plea.", "Parry spoke again."},
			want:      []Entity{{"Fiona Parry", "person", 2, 1}},
		},
		{
			name:      "group noun is no person",
			sentences: []string{"Tunisian Islamists marched.", "Islamists left."},
			want:      []Entity{{"Islamists", "other", 2, 1}},
		},
		{
			name:      "generic word and time abbreviation alone",
			sentences: []string{"They met at the \"Blue House\" at 9 AM."},
			want:      nil,
		},
		{
			name:      "a portfolio of two parts before the holder",
			sentences: []string{"Minister of Culture and Heritage Ivo Stadler said the crown would come home."},
			want:      []Entity{{"Ivo Stadler", "person", 1, 1}},
		},
		{
			name:      "a portfolio of two parts and no holder",
			sentences: []string{"The Minister of Culture and Sport said so."},
			want:      nil,
		},
		{
			name:      "empty",
			sentences: nil,
			want:      nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.sentences)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestOccurs(t *testing.T) {
	sents := testfixture.SeedSentences()
	tests := []struct {
		name      string
		sentences []string
		entity    string
		want      bool
	}{
		{"full name", sents, "Vladimir Putin", true},
		{"short form in text", []string{"Putin arrived."}, "Vladimir Putin", true},
		{"title ignored", sents, "President Putin", true},
		{"korean surname", []string{"Kim greeted him."}, "Kim Jong Un", true},
		{"hyphen variant", sents, "Kim Jong-un", true},
		{"alias", sents, "DPRK", true},
		{"demonym", []string{"Russian officials came."}, "Russia", true},
		{"org", sents, "Kremlin", true},
		{"absent", sents, "NATO", false},
		{"no partial word", []string{"Putinism is a word."}, "Putin", false},
		{"first name alone is not enough", []string{"Vladimir came."}, "Vladimir Putin", false},
		{"empty name", sents, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Occurs(tt.sentences, tt.entity); got != tt.want {
				t.Errorf("Occurs(%q): got %v, want %v", tt.entity, got, tt.want)
			}
		})
	}
}

func TestBareName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"title", "President Vladimir Putin", "Vladimir Putin"},
		{"nationality and title", "Russian President Vladimir Putin", "Vladimir Putin"},
		{"lower-case title", "North Korean leader Kim Jong Un", "Kim Jong Un"},
		{"description", "Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"},
		{"of phrase", "Secretary of State Antony Blinken", "Antony Blinken"},
		{"two-word portfolio", "Minister of Home Affairs Amit Shah", "Amit Shah"},
		{"two portfolios", "Minister of Transport and Infrastructure Tomas Brenner", "Tomas Brenner"},
		{"for phrase", "Minister for Foreign Affairs Penny Wong", "Penny Wong"},
		{"a portfolio and no name", "Minister for Foreign Affairs", "Minister for Foreign Affairs"},
		{"for the department", "Spokesman for the State Department Matthew Miller", "Matthew Miller"},
		{"two portfolio words joined", "Secretary of Health and Human Services Robert Kennedy", "Robert Kennedy"},
		{"hyphenated title", "UN Secretary-General Antonio Guterres", "Antonio Guterres"},
		{"body and hyphenated title", "WHO Director-General Tomas Greve", "Tomas Greve"},
		{"article", "the Kremlin", "Kremlin"},
		{"possessive", "Putin's", "Putin"},
		{"no title", "Russian state media", "Russian state media"},
		{"title only", "President", "President"},
		{"capitalised company title", "Chief Executive Maja Solberg", "Maja Solberg"},
		{"headline title", "Boss Maja Solberg", "Maja Solberg"},
		{"chief executive officer", "Chief Executive Officer Jane Roe", "Jane Roe"},
		{"professor", "Professor Lena Hartwig", "Lena Hartwig"},
		{"abbreviated professor", "Prof Lena Hartwig", "Lena Hartwig"},
		{"a coach station is no title", "Victoria Coach Station", "Victoria Coach Station"},
		{"an executive body", "Executive Yuan", "Executive Yuan"},
		{"a council", "Executive Council", "Executive Council"},
		{"a company named after a boss", "Hugo Boss AG", "Hugo Boss AG"},
		{"a name and its country", "President Lucia Morel of Ardenza", "Lucia Morel"},
		{"a title of a country", "President of Ardenza Lucia Morel", "Lucia Morel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BareName(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	sents := testfixture.ThousandWords()
	for b.Loop() {
		Extract(sents)
	}
}
