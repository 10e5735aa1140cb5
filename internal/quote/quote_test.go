package quote

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/testfixture"
)

func TestExtractSeed(t *testing.T) {
	sents := testfixture.SeedSentences()
	got := Extract(sents)
	want := []Quote{
		{Text: "strongest ever treaty", Speaker: "Kim", Sentence: 6},
		{Text: "breakthrough document,", Speaker: "Putin", Sentence: 7},
		{Text: "imperialist hegemonistic policies", Speaker: "Putin", Sentence: 15},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.Text || g.Speaker != w.Speaker || g.Sentence != w.Sentence {
			t.Errorf("quote %d: got %q by %q in %d, want %q by %q in %d", i, g.Text, g.Speaker, g.Sentence, w.Text, w.Speaker, w.Sentence)
		}
		if s := sents[g.Sentence-1][g.Start:g.End]; s != g.Text {
			t.Errorf("quote %d: offsets give %q, want %q", i, s, g.Text)
		}
	}
	out, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/seed-quotes.golden", append(out, '\n'))
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		want      []Quote // Start and End are checked through Text
	}{
		{"said after", []string{`"We will win," Putin said.`}, []Quote{{Text: "We will win,", Speaker: "Putin", Sentence: 1}}},
		{"initials in a name", []string{`"We will not rest," said Prime Minister K.P. Sharma Oli.`}, []Quote{{Text: "We will not rest,", Speaker: "K.P. Sharma Oli", Sentence: 1}}},
		{"initials before the quote", []string{`Prime Minister K.P. Sharma Oli said: "We will not rest."`}, []Quote{{Text: "We will not rest.", Speaker: "K.P. Sharma Oli", Sentence: 1}}},
		{"agency quoted a title", []string{`Ambassador Li Wei arrived on Tuesday.`, `Xinhua quoted the ambassador as saying: "We stand ready to help."`}, []Quote{{Text: "We stand ready to help.", Speaker: "Li Wei", Source: "Xinhua", Sentence: 2}}},
		{"said inverted", []string{`"We will win," said President Vladimir Putin.`}, []Quote{{Text: "We will win,", Speaker: "Vladimir Putin", Sentence: 1}}},
		{"unnamed speaker is no earlier one", []string{`"We will win," Putin said.`, `"The door was locked," said one survivor, who asked not to be named.`}, []Quote{
			{Text: "We will win,", Speaker: "Putin", Sentence: 1}, {Text: "The door was locked,", Speaker: "", Sentence: 2}}},
		{"capitalised title alone", []string{`Minister of Health Joseph Kallo spoke on Wednesday.`, `"No citizen will be left without care," the Minister said.`}, []Quote{{Text: "No citizen will be left without care,", Speaker: "Joseph Kallo", Role: "Minister", Sentence: 2}}},
		{"head of government", []string{`Prime Minister Anton Keller lost the vote on Wednesday.`, `"The citizens will decide," the head of government said.`}, []Quote{{Text: "The citizens will decide,", Speaker: "Anton Keller", Role: "Prime Minister", Sentence: 2}}},
		{"the premier", []string{`Prime Minister Anton Keller lost the vote on Wednesday.`, `"The citizens will decide," the premier said.`}, []Quote{{Text: "The citizens will decide,", Speaker: "Anton Keller", Role: "Prime Minister", Sentence: 2}}},
		{"one prime minister named twice", []string{`The vote went against Prime Minister Anton Keller on Wednesday.`, `Prime Minister Keller accepted it. "The citizens will decide," the head of government said.`}, []Quote{{Text: "The citizens will decide,", Speaker: "Anton Keller", Role: "Prime Minister", Sentence: 2}}},
		{"two prime ministers", []string{`Prime Minister Anton Keller met Prime Minister Lena Varga on Wednesday.`, `"The citizens will decide," the premier said.`}, []Quote{{Text: "The citizens will decide,", Sentence: 2}}},
		{"a premier and a prime minister", []string{`Premier Li Qiang met Prime Minister Anton Keller on Wednesday.`, `"The citizens will decide," the prime minister said.`}, []Quote{{Text: "The citizens will decide,", Speaker: "Anton Keller", Role: "Prime Minister", Sentence: 2}}},
		{"the premier league is no premier", []string{`Premier League chief executive Richard Masters spoke on Wednesday.`, `"The season will go ahead," the premier said.`}, []Quote{{Text: "The season will go ahead,", Sentence: 2}}},
		{"the company described before its name", []string{`Shares in construction firm Vantek Construct fell on Thursday.`, `The company said it had "fully cooperated" with the authorities.`}, []Quote{{Text: "fully cooperated", Speaker: "Vantek Construct", Sentence: 2}}},
		{"the company described after its name", []string{`Electra Grid, the state power company, cut supplies.`, `"Repairs will take a week," the company said.`}, []Quote{{Text: "Repairs will take a week,", Speaker: "Electra Grid", Sentence: 2}}},
		{"a firm with an ampersand", []string{`Draven & Holt said in a statement that it was "cooperating fully" with the inquiry.`}, []Quote{{Text: "cooperating fully", Speaker: "Draven & Holt", Sentence: 1}}},
		{"two companies", []string{`Construction firm Vantek Construct sued construction firm Orbel Build.`, `"We are confident," the firm said.`}, []Quote{{Text: "We are confident,", Speaker: "firm", Sentence: 2}}},
		{"an office the article gives no one", []string{`The government lost the vote on Wednesday.`, `"The citizens will decide," the head of government said.`}, []Quote{{Text: "The citizens will decide,", Sentence: 2}}},
		{"a premier the article does not name", []string{`The government lost the vote on Wednesday.`, `"The citizens will decide," the premier said.`}, []Quote{{Text: "The citizens will decide,", Sentence: 2}}},
		{"said before curly", []string{`Kremlin spokesman Dmitry Peskov told reporters: “The talks were frank.”`}, []Quote{{Text: "The talks were frank.", Speaker: "Dmitry Peskov", Sentence: 1}}},
		{"according to a medium", []string{`According to Russian state media, "the deal is done".`}, []Quote{{Text: "the deal is done", Speaker: "", Sentence: 1}}},
		{"according to after", []string{`"It is over", according to the Kremlin.`}, []Quote{{Text: "It is over", Speaker: "Kremlin", Sentence: 1}}},
		{"called it", []string{`Kim called it "a new era".`}, []Quote{{Text: "a new era", Speaker: "Kim", Sentence: 1}}},
		{"title stripped", []string{`North Korean leader Kim Jong Un described the pact as the "strongest ever treaty".`}, []Quote{{Text: "strongest ever treaty", Speaker: "Kim Jong Un", Sentence: 1}}},
		{"appositive", []string{`Kim, the North Korean leader, said the pact was "peaceful" and "defensive".`}, []Quote{
			{Text: "peaceful", Speaker: "Kim", Sentence: 1}, {Text: "defensive", Speaker: "Kim", Sentence: 1}}},
		{"pronoun from earlier speaker", []string{`Putin said the talks went well.`, `He added that it was a "historic" day.`}, []Quote{{Text: "historic", Speaker: "Putin", Sentence: 2}}},
		{"pronoun from same sentence", []string{`Putin thanked Kim for what he termed "solidarity".`}, []Quote{{Text: "solidarity", Speaker: "Putin", Sentence: 1}}},
		{"pronoun unresolved", []string{`He said it was "fine".`}, []Quote{{Text: "fine", Speaker: "", Sentence: 1}}},
		{"scare quote", []string{`The so-called "special operation" continues.`}, []Quote{{Text: "special operation", Speaker: "", Sentence: 1}}},
		{"guillemets", []string{`Lavrov said: «We are ready».`}, []Quote{{Text: "We are ready", Speaker: "Lavrov", Sentence: 1}}},
		{"name and colon", []string{`Vesna Holmar: "We will strike again."`}, []Quote{{Text: "We will strike again.", Speaker: "Vesna Holmar", Sentence: 1}}},
		{"label and colon", []string{`Breaking: "We will strike again."`}, []Quote{{Text: "We will strike again.", Sentence: 1}}},
		{"a manner of speaking", []string{`"I am innocent!" Dane shouted as he left the court.`}, []Quote{{Text: "I am innocent!", Speaker: "Dane", Sentence: 1}}},
		{"a lone title of more words", []string{`Mark Dane, a former senator, was convicted on Wednesday.`, `"I am innocent!" the former senator shouted.`}, []Quote{{Text: "I am innocent!", Speaker: "Mark Dane", Role: "a former senator", Sentence: 2}}},
		{"a lone title of a name with a particle", []string{`Ramon dela Paz, a former senator, was convicted on Wednesday.`, `"I am innocent!" the former senator shouted.`}, []Quote{{Text: "I am innocent!", Speaker: "Ramon dela Paz", Sentence: 2}}},
		{"a description and the name beside it", []string{`"An insurance policy for humanity," welcomed the president of the conference, Anar Veli.`}, []Quote{{Text: "An insurance policy for humanity,", Speaker: "Anar Veli", Sentence: 1}}},
		{"a description and a clause", []string{`"We are ready," said the head of the union, which called the strike.`}, []Quote{{Text: "We are ready,", Sentence: 1}}},
		{"a lone title of no one named", []string{`"I am innocent!" the former senator shouted.`}, []Quote{{Text: "I am innocent!", Speaker: "former senator", Sentence: 1}}},
		{"an unnamed witness", []string{`"It was terrifying," a local resident said.`}, []Quote{{Text: "It was terrifying,", Speaker: "local resident", Sentence: 1}}},
		{"a descriptor opening the sentence", []string{`Farmer Teo Brandis, who saw the crash, said: "The engine was burning."`}, []Quote{{Text: "The engine was burning.", Speaker: "Teo Brandis", Sentence: 1}}},
		{"a body whose name holds of the", []string{`"Order was restored quickly," the Ministry of the Interior said in a statement.`}, []Quote{{Text: "Order was restored quickly,", Speaker: "Ministry of the Interior", Sentence: 1}}},
		{"a ministry by its portfolio", []string{`In a statement, the interior ministry said "order was restored quickly".`}, []Quote{{Text: "order was restored quickly", Speaker: "interior ministry", Sentence: 1}}},
		{"a ministry by its portfolio, named", []string{`The Ministry of the Interior banned the rally.`, `"Order was restored quickly," the interior ministry said.`}, []Quote{{Text: "Order was restored quickly,", Speaker: "Ministry of the Interior", Sentence: 2}}},
		{"descriptors between a body and the name", []string{`"This is a dark day for Selvan," said EU foreign policy chief Karin Vos.`}, []Quote{{Text: "This is a dark day for Selvan,", Speaker: "Karin Vos", Sentence: 1}}},
		{"quoted by an agency", []string{`Putin was quoted by TASS as saying: "We are ready to help our friends."`}, []Quote{{Text: "We are ready to help our friends.", Speaker: "Putin", Source: "TASS", Sentence: 1}}},
		{"quoted by state media, with that", []string{`Kim was quoted by state media as saying that the treaty was "peaceful and defensive".`}, []Quote{{Text: "peaceful and defensive", Speaker: "Kim", Source: "state media", Sentence: 1}}},
		{"a place after an opening quotation names no one else", []string{`"The water is still rising," said Mayor Jan Obel.`, `"Nobody will sleep outside tonight" was his promise to families in Upper Tarsa.`}, []Quote{{Text: "The water is still rising,", Speaker: "Jan Obel", Sentence: 1}, {Text: "Nobody will sleep outside tonight", Speaker: "Jan Obel", Sentence: 2}}},
		{"another person named after an opening quotation", []string{`Mayor Jon Pell told the BBC: "The water is still rising."`, `"The situation is critical, and we are sending help" was the verdict of Health Minister Irena Voss on Tuesday.`}, []Quote{{Text: "The water is still rising.", Speaker: "Jon Pell", Sentence: 1}, {Text: "The situation is critical, and we are sending help", Speaker: "", Sentence: 2}}},
		{"a dateline and a colon", []string{`NEW DELHI: "We will strike again," the minister said in a statement.`}, []Quote{{Text: "We will strike again,", Sentence: 1}}},
		{"a place after the comma", []string{`"We lost everything," said a farmer in the worst-hit district, Kessel.`}, []Quote{{Text: "We lost everything,", Sentence: 1}}},
		{"spaced guillemets", []string{"Lavrov said: « We are ready\u00a0»."}, []Quote{{Text: "We are ready", Speaker: "Lavrov", Sentence: 1}}},
		{"single quotes and apostrophes", []string{`Putin’s aide said it was a ‘historic’ day for the ’90s generation.`}, []Quote{{Text: "historic", Speaker: "Putin’s aide", Sentence: 1}}},
		{"straight single quotes", []string{`Kim said the pact was 'unbreakable', in Putin's words.`}, []Quote{{Text: "unbreakable", Speaker: "Kim", Sentence: 1}}},
		{"plural possessive inside single quotes", []string{`Kim hailed the ‘leaders’ summit’ as historic.`}, []Quote{{Text: "leaders’ summit", Speaker: "Kim", Sentence: 1}}},
		{"across sentences", []string{`“We are not done.`, `We will continue,” Kim added.`}, []Quote{{Text: "We are not done. We will continue,", Speaker: "Kim", Sentence: 1}}},
		{"nested", []string{`Kim said: "Putin called it 'historic' today."`}, []Quote{{Text: "Putin called it 'historic' today.", Speaker: "Kim", Sentence: 1}}},
		{"unclosed mark", []string{`He measured 6" across.`, `Nothing else.`}, nil},
		{"no quotes", []string{`Putin's first visit in 24 years.`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.sentences)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.Text {
					t.Errorf("quote %d text: got %q, want %q", i, g.Text, w.Text)
				}
				if g.Speaker != w.Speaker {
					t.Errorf("quote %d speaker: got %q, want %q", i, g.Speaker, w.Speaker)
				}
				if g.Sentence != w.Sentence {
					t.Errorf("quote %d sentence: got %d, want %d", i, g.Sentence, w.Sentence)
				}
				if w.Source != "" && g.Source != w.Source {
					t.Errorf("quote %d source: got %q, want %q", i, g.Source, w.Source)
				}
				s := tt.sentences[g.Sentence-1]
				if g.End == len(s) && len(g.Text) > g.End-g.Start {
					continue // runs into the next sentence
				}
				if s[g.Start:g.End] != g.Text {
					t.Errorf("quote %d offsets: got %q, want %q", i, s[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"curly quotes", "“Strongest” ‘ever’", `"strongest" 'ever'`},
		{"apostrophe", "Putin’s", "putin's"},
		{"dashes", "strongest—ever – treaty", "strongest-ever - treaty"},
		{"ellipses", "a ... b … c", "a … b … c"},
		{"bracketed ellipses", "a [...] b […] c", "a b c"},
		{"whitespace", "  a\t\n b\u00a0c ", "a b c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	sents := testfixture.SeedSentences()
	tests := []struct {
		name     string
		quote    string
		kind     MatchKind
		sentence int
		span     string
	}{
		{"verbatim", "strongest ever treaty", Verbatim, 6, "strongest ever treaty"},
		{"verbatim folded", "Strongest-Ever Treaty", Verbatim, 6, "strongest ever treaty"},
		{"verbatim with punctuation", "breakthrough document.", Verbatim, 7, "breakthrough document"},
		{"ellipsis", "imperialist … policies", Verbatim, 15, "imperialist hegemonistic policies"},
		{"bracketed ellipsis", "imperialist [...] policies of the United States", Verbatim, 15, `imperialist hegemonistic policies" of the United States`},
		{"paraphrased", "the strongest treaty ever signed", Paraphrased, 6, `the "strongest ever`},
		{"word changed", "imperialist hegemonic policies", Paraphrased, 15, "imperialist hegemonistic policies"},
		{"absent", "nuclear war is coming", Absent, 0, ""},
		{"function words only", "the of the and a", Absent, 0, ""},
		{"empty", "", Absent, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(sents, tt.quote)
			if got.Kind != tt.kind || got.Sentence != tt.sentence || got.Span != tt.span {
				t.Errorf("got %q in %d %q, want %q in %d %q", got.Kind, got.Sentence, got.Span, tt.kind, tt.sentence, tt.span)
			}
			switch {
			case got.Kind == Verbatim && got.Score != 1,
				got.Kind == Paraphrased && got.Score < ParaphraseThreshold,
				got.Kind == Absent && got.Score >= ParaphraseThreshold && tt.quote != "the of the and a":
				t.Errorf("score %v does not fit kind %q", got.Score, got.Kind)
			}
		})
	}
}

func TestFindAcrossSentences(t *testing.T) {
	sents := []string{"We are not done.", "We will continue."}
	got := Find(sents, "not done … we will continue")
	if got.Kind != Verbatim || got.Sentence != 1 || got.Span != "not done. We will continue" {
		t.Errorf("got %q in %d %q, want %q in 1 %q", got.Kind, got.Sentence, got.Span, Verbatim, "not done. We will continue")
	}
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"last name", "Putin", "Vladimir Putin", true},
		{"title", "Putin", "President Vladimir Putin", true},
		{"nationality and title", "Russian President Vladimir Putin", "Putin", true},
		{"korean surname", "Kim", "Kim Jong Un", true},
		{"hyphenated", "Kim Jong-un", "Kim Jong Un", true},
		{"possessive", "Putin's", "Putin", true},
		{"case", "PUTIN", "putin", true},
		{"different person same surname", "Kim Yo Jong", "Kim Jong Un", false},
		{"middle word", "Jong", "Kim Jong Un", false},
		{"different", "Putin", "Kim", false},
		{"transliterated", "Sergey Lavrov", "Sergei Lavrov", true},
		{"professor written two ways", "Prof Lena Hartwig", "Professor Lena Hartwig", true},
		{"transliterated with a letter more", "Volodymyr Zelensky", "Zelenskyy", true},
		{"two letters apart", "Peters", "Petersen", false},
		{"two people a vowel apart", "Maria Rossi", "Mario Rossi", false},
		{"two surnames a letter apart", "Clark", "Clarke", false},
		{"a doubled letter", "Mohamed Salah", "Mohammed Salah", true},
		{"short names one letter apart", "Jon Pell", "Jan Pell", false},
		{"organisation", "state media", "Russian state media", true},
		{"empty", "", "Putin", false},
		{"both empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SameSpeaker(tt.a, tt.b); got != tt.want {
				t.Errorf("SameSpeaker(%q, %q): got %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := SameSpeaker(tt.b, tt.a); got != tt.want {
				t.Errorf("SameSpeaker(%q, %q): got %v, want %v", tt.b, tt.a, got, tt.want)
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

func BenchmarkFind(b *testing.B) {
	sents := testfixture.ThousandWords()
	for b.Loop() {
		Find(sents, "the strongest treaty ever signed")
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{`"We will win," Putin said.`, `Kim hailed the ‘leaders’ summit’ «x»`, `“a. b,” he said`, "‘The «deal» is «done»’, he said.", "‘««'»’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sents := strings.SplitAfter(s, ". ")
		for _, q := range Extract(sents) {
			sent := sents[q.Sentence-1]
			if q.Start < 0 || q.End > len(sent) || q.Start > q.End {
				t.Fatalf("bad offsets %d-%d in %q", q.Start, q.End, sent)
			}
		}
		Find(sents, s)
	})
}

// FuzzNormalizeShortcut checks that Normalize's shortcut for plain text
// gives what the full folding gives.
func FuzzNormalizeShortcut(f *testing.F) {
	for _, s := range []string{"", "a", " a", "a ", "a  b", "a\tb", "Strongest Ever Treaty", "wait...", "[...] x",
		"\u201cq\u201d", "a\u00a0b", "it's", "A-B", "x.y", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ToLower(strings.Join(strings.Fields(folder.Replace(s)), " "))
		if got := Normalize(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestExtractSpeakersAndKinds(t *testing.T) {
	type sk struct {
		speaker string
		kind    Kind
	}
	tests := []struct {
		name      string
		sentences []string
		want      []sk
	}{
		{"honorific after the quote", []string{`Eric Reeves said he was worried.`, `"Nothing has changed in the capital," said Mr. Reeves, a fellow at the institute.`},
			[]sk{{"Reeves", Speech}}},
		{"middle initial", []string{`"Both sides will want calm," said Robert M. Danin, a fellow at the council.`}, []sk{{"Robert M. Danin", Speech}}},
		{"continuation paragraph", []string{`"The harbour is open," Pell said.`, `"The first ships dock tonight and more follow tomorrow."`},
			[]sk{{"Pell", Speech}, {"Pell", Speech}}},
		{"continuation too far", []string{`"The harbour is open," Pell said.`, `Ships waited.`, `Crews slept.`, `Tugs idled.`, `"The first ships dock tonight and more follow tomorrow."`},
			[]sk{{"Pell", Speech}, {"", Speech}}},
		{"participle", []string{`Jon Pell met crews on Monday.`, `Earlier Monday, Pell thanked the crews in a brief address, saying they had "worked through every night".`},
			[]sk{{"Pell", Speech}}},
		{"name between commas", []string{`The head of the port, Jon Pell, condemned the delay, calling it "a disgrace to the town".`}, []sk{{"Jon Pell", Speech}}},
		{"the body a person is from", []string{`Prof Lena Sorvik, of the University of Tarsa, who led the study, said: "The tablet works."`}, []sk{{"Lena Sorvik", Speech}}},
		{"the body after a relative clause", []string{`Lena Sorvik, who led the study at the University of Tarsa, said: "The tablet works."`}, []sk{{"Lena Sorvik", Speech}}},
		{"descriptor before the name", []string{`"We are concerned about the delays," said chief inspector Ana Lobo from the harbour police.`}, []sk{{"Ana Lobo", Speech}}},
		{"a title with two portfolios", []string{`"This strike has political goals," said Minister of Transport and Infrastructure Tomas Brenner.`}, []sk{{"Tomas Brenner", Speech}}},
		{"a body and another body", []string{`"We will help," said the Ministry of Health and UNICEF.`}, []sk{{"Ministry of Health", Speech}}},
		{"relation between commas", []string{`"She was a strong swimmer," her mother, Fiona, said in a statement.`}, []sk{{"Fiona", Speech}}},
		{"a person of a body, before the verb", []string{`"We will ask for a recount," Tomas Bellweather of the National Renewal Union said.`}, []sk{{"Tomas Bellweather", Speech}}},
		{"a person of a body, before the quote", []string{`Mira Holt of the Harbour Residents Association said the plan "gives real hope to families".`}, []sk{{"Mira Holt", Speech}}},
		{"pronoun to a name after a firm's name and a role", []string{`Tarsa Securities analyst Ines Vold raised her target.`, `"The data are cleaner than expected," she wrote in a note.`}, []sk{{"Ines Vold", Speech}}},
		{"a portfolio of two words", []string{`Minister of Culture and Heritage Ivo Stadler said: "We will bring it home."`}, []sk{{"Ivo Stadler", Speech}}},
		{"a police rank abbreviated", []string{`"They were professionals," said Det Ch Insp Mara Dellen.`}, []sk{{"Mara Dellen", Speech}}},
		{"a police rank", []string{`"They were professionals," said Chief Inspector Mara Dellen of the Aldora Metropolitan Police.`}, []sk{{"Mara Dellen", Speech}}},
		{"letters after a name", []string{`Callum Reeve KC, for the defence, said: "We will appeal."`}, []sk{{"Callum Reeve", Speech}}},
		{"a name's last letters", []string{`"We will appeal," said Ines Marr MP.`}, []sk{{"Ines Marr", Speech}}},
		{"the judge the article named", []string{"Judge Lena Strand sentenced the owner to six years.", `"This was not an accident," the judge said.`}, []sk{{"Lena Strand", Speech}}},
		{"the coach the article named", []string{"Coach Teodor Vasko was delighted.", `"We earned this," the coach said.`}, []sk{{"Teodor Vasko", Speech}}},
		{"a state's name before of", []string{`"The border is closed," the Democratic Republic of Congo said in a statement.`}, []sk{{"Democratic Republic of Congo", Speech}}},
		{"said by someone unnamed", []string{`"We will rebuild," the mayor said.`}, []sk{{"", Speech}}},
		{"a label that said nothing", []string{`The so-called "roadmap" said nothing about the border.`}, []sk{{"", Term}}},
		{"a title of another body", []string{`President Marcos Ibarra toured the port.`, `"We lost everything," said the President of the Brano Chamber of Commerce.`}, []sk{{"President", Speech}}},
		{"a leader by the country's adjective", []string{`Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang.`, `"This is a breakthrough," the Russian leader said.`, `The North Korean leader called it "the strongest treaty".`}, []sk{{"Vladimir Putin", Speech}, {"Kim Jong Un", Speech}}},
		{"no one of that country", []string{`Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang.`, `"We are grateful," the Lestovian president said.`}, []sk{{"Lestovian president", Speech}}},
		{"a title two people hold", []string{`Health Minister Joseph Kallo and Finance Minister Ana Pruss visited the camp.`, `"We will not rest," the Minister said.`}, []sk{{"Minister", Speech}}},
		{"it is the last organisation", []string{`The Harbour Authority warned sailors to stay away.`, `"We advise all boats to stay in port until the channel is cleared," it said.`}, []sk{{"Harbour Authority", Speech}}},
		{"pronoun to the last named subject", []string{`"It was hard," Pell said.`, `Ana Lobo organised the volunteers.`, `"We had no choice but to work through the night," she said.`}, []sk{{"Pell", Speech}, {"Ana Lobo", Speech}}},
		{"scare quote is a term", []string{`Critics called for a "reset" of the rules.`}, []sk{{"", Term}}},
		{"a body's call in its words", []string{`The Harbour Council, a regional body, called for "an immediate and unconditional ceasefire".`}, []sk{{"Harbour Council", Speech}}},
		{"a call on someone in the caller's words", []string{`The Harbour Council called on both parties to "cease fire immediately and without conditions".`}, []sk{{"Harbour Council", Speech}}},
		{"title is a term", []string{`"Harbour Lights" opens on Friday.`}, []sk{{"", Term}}},
		{"nickname is a term", []string{`Known as "Iron Anna", she ran the port for years.`}, []sk{{"", Term}}},
		{"imagined line is a term", []string{`He frowned as if to say "You think you have won this one?" and left.`}, []sk{{"", Term}}},
		{"object of a relative clause is no speaker", []string{`Pell shared an article that claimed Mayor Ana Lobo had lied and that the town now lived in a "post-truth" age.`}, []sk{{"", Term}}},
		{"two portfolios in the title", []string{`Minister of Transport and Infrastructure Tomas Brenner said: "The strike is political and it will fail."`}, []sk{{"Tomas Brenner", Speech}}},
		{"a ministry and an agency", []string{`"Schools will reopen on Monday," the Ministry of Health and UNICEF said in a joint statement.`}, []sk{{"UNICEF", Speech}}},
		{"hyphenated title", []string{`"The potential for further spread is very worrying," WHO Director-General Tomas Greve told reporters.`}, []sk{{"Tomas Greve", Speech}}},
		{"a day before the verb is no speaker", []string{`The UN secretary-general, Mariana Costa, on Monday declared that humanity had entered an "era of climate collapse".`}, []sk{{"Mariana Costa", Speech}}},
		{"a day right before the verb", []string{`Costa on Tuesday said the deal was "dead and buried".`}, []sk{{"Costa", Speech}}},
		{"United States is no verb", []string{`Mayor Jon Pell spoke on Monday.`, `Pell condemned what he termed the "reckless policies" of the United States and its allies.`}, []sk{{"Pell", Speech}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.sentences)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if got[i].Speaker != w.speaker || got[i].Kind != w.kind {
					t.Errorf("quote %d %q: got speaker %q, kind %q; want %q, %q", i, got[i].Text, got[i].Speaker, got[i].Kind, w.speaker, w.kind)
				}
			}
		})
	}
}

func TestExtractRolesAndSources(t *testing.T) {
	type want struct {
		speaker, role, source string
		kind                  Kind
	}
	tests := []struct {
		name      string
		sentences []string
		want      []want
	}{
		{"apposition after the name", []string{`"The toll is likely to rise," said Dilli Bhatta, a spokesman for the Home Ministry.`},
			[]want{{"Dilli Bhatta", "a spokesman for the Home Ministry", "", Speech}}},
		{"descriptor before the name", []string{`"We want guarantees in writing," said union president Gábor Horváth.`},
			[]want{{"Gábor Horváth", "union president", "", Speech}}},
		{"description before commas", []string{`Danubia's chief executive, Katalin Varga, said the deal gave it "the scale and the capital".`},
			[]want{{"Katalin Varga", "Danubia's chief executive", "", Speech}}},
		{"role carried to the surname", []string{`Gábor Horváth, president of the steelworkers' union, spoke first.`, `Horváth said members wanted "written guarantees".`},
			[]want{{"Horváth", "president of the steelworkers' union", "", Speech}}},
		{"a phrase before a comma is no role", []string{`In a statement, Horváth said members wanted "written guarantees".`},
			[]want{{"Horváth", "", "", Speech}}},
		{"a quotation after the name is no role", []string{`According to Hartwig, "the rains may not return before October."`},
			[]want{{"Hartwig", "", "", Speech}}},
		{"lower-case institution", []string{`Jobs could go, and the union has said it will not accept "a single compulsory redundancy".`},
			[]want{{"union", "", "", Speech}}},
		{"medium after the quote, speaker before", []string{`Putin called the pact "a breakthrough", Russian news agencies said.`},
			[]want{{"Putin", "", "Russian news agencies", Speech}}},
		{"medium alone", []string{`"The rescue goes on through the night," according to local media.`},
			[]want{{"", "", "local media", Speech}}},
		{"implausible phrase after, speaker before", []string{`Kim called it the "strongest ever treaty" between the two nations and said it was defensive.`},
			[]want{{"Kim", "", "", Speech}}},
		{"institution named by the article's organisation", []string{`The Kelby Dockers' Union met on Monday.`, `Later the union said it wanted "written guarantees".`},
			[]want{{"Kelby Dockers' Union", "", "", Speech}}},
		{"pronoun to a subject named before any quote", []string{`Maria Lopez leads the rescue.`, `"We will rebuild," she said, "and we will do it quickly."`},
			[]want{{"Maria Lopez", "", "", Speech}, {"Maria Lopez", "", "", Speech}}},
		{"quoted as saying", []string{`Russian news agencies quoted Putin as saying the pact was "a breakthrough".`},
			[]want{{"Putin", "", "", Speech}}},
		{"a spokesman for a body", []string{`"We will rebuild," said a spokesman for the Home Ministry.`},
			[]want{{"Home Ministry", "", "", Speech}}},
		{"a title resolved to the person given it", []string{`Rosa Quispe, the transport minister, visited the site.`, `"We will find the cause," the minister said.`},
			[]want{{"Rosa Quispe", "the transport minister", "", Speech}}},
		{"an age is no role", []string{`"We are watching closely," Reyes, 54, said.`},
			[]want{{"Reyes", "", "", Speech}}},
		{"a relative clause is no role", []string{`"This should never have happened," said Ana Rojas, whose brother was on the train.`},
			[]want{{"Ana Rojas", "", "", Speech}}},
		{"past an age and a description", []string{`Dorj, 52, a former finance minister, said the vote was "neither free nor fair".`},
			[]want{{"Dorj", "", "", Speech}}},
		{"an operator speaks as a body", []string{`The rail operator said in a statement that it was "cooperating fully" with investigators.`},
			[]want{{"operator", "", "", Speech}}},
		{"so-called is a label", []string{`Kim signed the so-called "comprehensive strategic partnership" on Wednesday.`},
			[]want{{"", "", "", Term}}},
		{"thanked", []string{`Putin, who flies on to Hanoi, also thanked Kim for his "unwavering support".`},
			[]want{{"Putin", "", "", Speech}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Helper()
			got := Extract(tt.sentences)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Speaker != w.speaker || g.Role != w.role || g.Source != w.source || g.Kind != w.kind {
					t.Errorf("quote %d %q: got speaker %q, role %q, source %q, kind %q; want %q, %q, %q, %q",
						i, g.Text, g.Speaker, g.Role, g.Source, g.Kind, w.speaker, w.role, w.source, w.kind)
				}
			}
		})
	}
}

func TestSpans(t *testing.T) {
	s := `Breck said: "Every one of them is coming home," and called it a 'first step' « today ».`
	var got []string
	for _, sp := range Spans(s) {
		got = append(got, s[sp[0]:sp[1]])
	}
	if want := []string{"Every one of them is coming home,", "today "}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
