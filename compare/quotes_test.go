package compare

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

func TestGenericSpeaker(t *testing.T) {
	for _, tc := range []struct {
		name, speaker string
		want          bool
	}{
		{"description", "Local officials", true},
		{"lowercase description", "rescue workers", true},
		{"full name", "Maria Lopez", false},
		{"title and name", "Fire Chief Lopez", false},
		{"institution", "Interior Ministry", false},
		{"one word", "Lopez", false},
		{"unknown", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := genericSpeaker(tc.speaker); got != tc.want {
				t.Errorf("genericSpeaker(%q) = %v, want %v", tc.speaker, got, tc.want)
			}
		})
	}
}

// A fragment credited to a description of the speaker joins the named
// speaker's full quote that contains it, and only that one; a named
// speaker never joins another named speaker's quote on overlap alone.
func TestQuoteFragmentOfDescribedSpeaker(t *testing.T) {
	a := fromText(t, "a", "Floods", `Heavy rain flooded the river valley on Monday. "Whole streets are underwater, and the pumps cannot keep up," said Maria Lopez, the town's fire chief. Crews worked through the night.`)
	b := fromText(t, "b", "Floods", `The river burst its banks after heavy rain on Monday. Town officials said whole streets were "underwater" by the evening. Crews worked through the night.`)
	c := fromText(t, "c", "Floods", `Heavy rain flooded the valley on Monday. "The pumps cannot keep up with this," said Tom Reyes, a resident. Crews worked through the night.`)
	r, err := Sources(t.Context(), []*article.Article{a, b, c}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := r.Quotes
	if len(got) != 1 {
		t.Fatalf("got %d quote groups %+v, want 1", len(got), got)
	}
	q := got[0]
	if q.Speaker != "Maria Lopez" {
		t.Errorf("got speaker %q, want %q", q.Speaker, "Maria Lopez")
	}
	if len(q.Variants) != 2 || q.Variants[1].Text != "underwater" || q.Variants[1].Sources[0] != "b" {
		t.Errorf("got variants %+v, want the full quote of a and the fragment of b", q.Variants)
	}
}

// quoteGroups compares the texts and returns their quote groups as
// speaker and the sources of each variant.
func quoteGroups(t *testing.T, texts ...string) []Quote {
	t.Helper()
	var arts []*article.Article
	for i, s := range texts {
		arts = append(arts, fromText(t, string(rune('a'+i)), "Port", s))
	}
	r := mustCompare(t, arts)
	return r.Quotes
}

func TestQuoteVariants(t *testing.T) {
	tests := []struct {
		name        string
		texts       []string
		wantSpeaker []string // one per quote group, in order
		wantSources [][]int  // how many sources each group's variants have
	}{
		{
			name: "a body and the person who speaks for it",
			texts: []string{
				`A storm shut the port of Kelby on Monday. "The damage is likely to rise as our crews reach the outer docks," said Ana Lobo, a spokeswoman for the Harbour Board.`,
				`The port of Kelby closed on Monday after a storm. The Harbour Board warned that the damage "could increase" as crews reach the outer docks.`,
			},
			wantSpeaker: []string{"Ana Lobo"},
			wantSources: [][]int{{1, 1}},
		},
		{
			name: "a body joins a person its role is given for in another outlet",
			texts: []string{
				`A storm shut the port of Kelby on Monday. "The damage is likely to rise as our crews reach the outer docks," said Ana Lobo, a spokeswoman for the Harbour Board.`,
				`The port of Kelby closed on Monday after a storm. "The damage is likely to rise as our crews reach the outer docks," Lobo said.`,
				`Kelby's port was shut by a storm on Monday. The Harbour Board warned that the damage "could increase" as crews reach the outer docks.`,
			},
			wantSpeaker: []string{"Ana Lobo"},
			wantSources: [][]int{{2, 1}},
		},
		{
			name: "a quote split by its attribution",
			texts: []string{
				`A storm shut the port of Kelby on Monday. "We will rebuild the harbour wall," Ana Lobo said, "and we will finish before the winter storms."`,
				`The port of Kelby closed on Monday after a storm. "We will rebuild the harbour wall, and we will finish before the winter storms," said Ana Lobo.`,
			},
			wantSpeaker: []string{"Ana Lobo"},
			wantSources: [][]int{{2}},
		},
		{
			name: "a label in quote marks is no quotation",
			texts: []string{
				`A storm shut the port of Kelby on Monday under the so-called "red flag plan" of the council.`,
				`The port of Kelby closed on Monday after a storm, and the council invoked its "red flag plan" for the docks.`,
			},
		},
		{
			name: "a medium is no speaker",
			texts: []string{
				`A storm shut the port of Kelby on Monday. Mayor Jon Pell called the damage "worse than anything since 1990", local media reported.`,
				`The port of Kelby closed on Monday after a storm. Pell said the damage was "worse than anything since 1990".`,
			},
			wantSpeaker: []string{"Jon Pell"},
			wantSources: [][]int{{2}},
		},
		{
			name: "a fragment met before the statement that holds it",
			texts: []string{
				`A storm shut the port of Kelby on Monday. The dockers' union would not accept "a single compulsory redundancy", it said.`,
				`The port of Kelby closed on Monday after a storm. Union leader Ana Lobo said members wanted "written guarantees" first.`,
				`Kelby's port was shut by a storm on Monday. "We want guarantees in writing, and we will not accept a single compulsory redundancy," said union leader Ana Lobo.`,
			},
			wantSpeaker: []string{"Ana Lobo"},
			wantSources: [][]int{{1, 1, 1}},
		},
		{
			name: "translations of one statement",
			texts: []string{
				`A train left the rails near Ollanta on Sunday. "We will not rest until we know what caused this tragedy," Transport Minister Rosa Quispe told reporters at the site.`,
				`Dozens were hurt when a train came off the tracks near Ollanta on Sunday. "We will not stop until we find out what caused this disaster," Quispe said on Monday.`,
			},
			wantSpeaker: []string{"Rosa Quispe"},
			wantSources: [][]int{{1, 1}},
		},
		{
			name: "two statements of one speaker stay apart",
			texts: []string{
				`A train left the rails near Ollanta on Sunday. "The line will stay closed until the track is checked," said Rosa Quispe, the transport minister. "Families will get help with funeral costs," Quispe added.`,
				`A train came off the tracks near Ollanta on Sunday. "Families will get help with funeral costs," Quispe said. "The line stays closed until every bridge is checked," she added.`,
			},
			wantSpeaker: []string{"Rosa Quispe", "Rosa Quispe"},
			wantSources: [][]int{{1, 1}, {2}},
		},
		{
			name: "two statements of one speaker on one topic stay apart",
			texts: []string{
				`The river flooded Kelby on Monday. "Entire streets have been flooded, and we still cannot reach some of them," said Ana Lobo, the fire chief.`,
				`Floods hit Kelby on Monday. "We have sent boats, but it will take at least a day to reach some streets," Lobo said.`,
			},
		},
		{
			name: "two statements of one speaker with one word in common stay apart",
			texts: []string{
				`An express train derailed near Brezno on Tuesday. "We will find out exactly what happened and who is responsible," Transport Minister Anna Kovalik told reporters at the scene.`,
				`A passenger train derailed near Brezno on Tuesday. "Those responsible will be held to account," Transport Minister Anna Kovalik said.`,
			},
		},
		{
			name: "two speakers stay apart",
			texts: []string{
				`A storm shut the port of Kelby on Monday. "The docks will reopen within a week," said Mayor Jon Pell.`,
				`The port of Kelby closed on Monday after a storm. "The docks will not reopen within a week," said harbour master Ana Lobo.`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quoteGroups(t, tt.texts...)
			if len(got) != len(tt.wantSpeaker) {
				t.Fatalf("got %d quote groups %+v, want %d", len(got), got, len(tt.wantSpeaker))
			}
			for i, q := range got {
				if q.Speaker != tt.wantSpeaker[i] {
					t.Errorf("group %d: got speaker %q, want %q", i, q.Speaker, tt.wantSpeaker[i])
				}
				var ns []int
				for _, v := range q.Variants {
					ns = append(ns, len(v.Sources))
				}
				if !slices.Equal(ns, tt.wantSources[i]) {
					t.Errorf("group %d: got variants with %v sources, want %v", i, ns, tt.wantSources[i])
				}
			}
		})
	}
}

// TestAdverbAndAdjective: a rendering that gives the speaker's adverbs
// as adjectives ("calm and transparent" for "proceeding calmly,
// transparently") is the same quotation.
func TestAdverbAndAdjective(t *testing.T) {
	got := quoteGroups(t,
		`Officials counted ballots through the night. "The count is proceeding calmly, transparently and in full accordance with the law," commission chairman Anton Reisz told a news conference.`,
		`Officials counted ballots through the night. Commission chairman Anton Reisz said the count had been "calm and transparent" and that every complaint would be examined.`,
		`Officials counted ballots through the night. The opposition said it would contest the result in court.`)
	if len(got) != 1 || len(got[0].Variants) != 2 {
		t.Errorf("got quote groups %+v, want one with both renderings", got)
	}
}

// TestBodyAndItsChairman: the body quoted in one outlet and its
// chairman, named by his role in it, in another share one statement.
func TestBodyAndItsChairman(t *testing.T) {
	got := quoteGroups(t,
		`Ballots were counted in Dravenna overnight. Commission chairman Anton Reisz said the count had been "calm and transparent".`,
		`Ballots were counted in Dravenna overnight. The Central Electoral Commission has promised a "transparent" count.`,
		`Ballots were counted in Dravenna overnight. The opposition said it would contest the result in court.`)
	if len(got) != 1 || len(got[0].Variants) != 2 {
		t.Errorf("got quote groups %+v, want one with both renderings", got)
	}
}

// TestOneWordOfTheSpeaker: a word in quote marks joins the statement it
// is taken from when its sentence names the speaker, and never otherwise.
func TestOneWordOfTheSpeaker(t *testing.T) {
	const (
		a = `Polls closed on Sunday. "Lestovians have chosen stability over chaos," Prime Minister Oren Vaskar told supporters.`
		b = `Polls closed on Sunday. Vaskar said voters chose "stability over chaos".`
		d = `Polls closed on Sunday. The opposition said it would contest the result in court.`
	)
	got := quoteGroups(t, a, b, `Polls closed on Sunday. Mr Vaskar's talk of "stability" rang hollow in the capital, where the Alliance won most districts.`, d)
	if len(got) != 1 || len(got[0].Variants) != 3 {
		t.Fatalf("got quote groups %+v, want one with three renderings", got)
	}
	got = quoteGroups(t, a, b, `Polls closed on Sunday. Markets welcomed the "stability" of the currency.`, d)
	if len(got) != 1 || len(got[0].Variants) != 2 {
		t.Errorf("got quote groups %+v, want one with two renderings: the label names no speaker", got)
	}
}

// TestAnotherPartysChairman: the chairman of one party does not speak for
// another.
func TestAnotherPartysChairman(t *testing.T) {
	a := quoteRef{q: quoteT{Speaker: "Labour Party"}}
	b := quoteRef{q: quoteT{Speaker: "John Smith", Role: "Conservative Party chairman"}, roleKeys: keySet("Conservative Party chairman")}
	if headsRole(a.q.Speaker, b.roleKeys) {
		t.Error("the Conservative Party's chairman speaks for the Labour Party")
	}
	if !headsRole("Central Electoral Commission", keySet("Commission chairman")) {
		t.Error("the commission's chairman does not speak for the Central Electoral Commission")
	}
}

// TestQuotedSpeakerSpelling: "Who is quoted" names a speaker as most
// outlets spell the fullest name, not as the first one does.
func TestQuotedSpeakerSpelling(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Sanctions", `"Russia will answer this," Foreign Minister Sergey Lavrov said in Moscow.`),
		fromText(t, "b", "Sanctions", `"Russia will answer this with all means," Foreign Minister Sergei Lavrov said.`),
		fromText(t, "c", "Sanctions", `"We will answer this," Sergei Lavrov told reporters.`),
	}
	r := mustCompare(t, arts)
	if len(r.Quoted) != 1 || r.Quoted[0].Speaker != "Sergei Lavrov" {
		t.Errorf("quoted %+v, want Sergei Lavrov once", r.Quoted)
	}
}

// TestSpeakerFullName: a speaker quoted by family name alone is shown by
// the one full name the coverage writes ("Lind" is "Petra Lind"), and
// two people of one family name leave it as it is.
func TestSpeakerFullName(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Strike", `Union leader Petra Lind said the deal was fair. "We never wanted to stop the port," Lind said.`),
		fromText(t, "b", "Strike", `"We never wanted to stop the port," Lind said on Monday. The port reopened.`),
	}
	c, err := scored(t.Context(), arts, []string{"a", "b"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.fullName("Lind"); got != "Petra Lind" {
		t.Errorf("fullName(Lind) = %q, want Petra Lind", got)
	}
	if got := c.fullName(""); got != "" {
		t.Errorf("fullName of no speaker = %q, want none", got)
	}
	two := []*article.Article{
		fromText(t, "a", "Strike", "Union leader Petra Lind spoke. Minister Jonas Lind replied."),
		fromText(t, "b", "Strike", "Lind said so."),
	}
	if c, err = scored(t.Context(), two, []string{"a", "b"}, DefaultThreshold, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := c.fullName("Lind"); got != "Lind" {
		t.Errorf("fullName(Lind) with two Linds = %q, want Lind", got)
	}
}

// TestQuoteInTwoLanguages: a quotation given with its translation in
// brackets is matched by the translation another outlet gives, shown as
// its own rendering; a quotation of function words alone ("This is not
// over yet") is still compared; the speaker, "dela Paz" in both, is
// shown by the full name the coverage writes.
func TestQuoteInTwoLanguages(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Verdict", `The court convicted former senator Ramon dela Paz of plunder on Thursday. "Hindi pa ito tapos (This is not over yet)," dela Paz told reporters as he left.`),
		fromText(t, "b", "Verdict", `The court on Thursday convicted former senator Ramon dela Paz of plunder. "This is not over yet," dela Paz said as he left the court.`),
	}
	r := mustCompare(t, arts)
	if len(r.Quotes) != 1 || len(r.Quotes[0].Variants) != 2 {
		t.Fatalf("quotes = %+v, want one quote in two renderings", r.Quotes)
	}
	if q := r.Quotes[0]; q.Speaker != "Ramon dela Paz" || q.Variants[1].Text != "This is not over yet," {
		t.Errorf("quote = %+v, want Ramon dela Paz's, the English rendering apart", q)
	}
}

// TestQuoteTranslatedApart: a translation given after the quotation
// ("which translates as \"...\"") or in brackets outside its marks joins
// the outlets that quote the original words to those that quote the
// translation: one quotation, four sources.
func TestQuoteTranslatedApart(t *testing.T) {
	lead := "The anti-graft court convicted former senator Ramon dela Paz of plunder on Wednesday. "
	arts := []*article.Article{
		fromText(t, "a", "Verdict", lead+`"Hindi ako magnanakaw," dela Paz told reporters in Filipino, which translates as "I am not a thief."`),
		fromText(t, "b", "Verdict", lead+`"I am not a thief," dela Paz said after the ruling.`),
		fromText(t, "c", "Verdict", lead+`"Hindi ako magnanakaw" (I am not a thief), dela Paz said as he left the courtroom.`),
		fromText(t, "d", "Verdict", lead+`"Hindi ako magnanakaw!" dela Paz shouted as he left the court.`),
	}
	r := mustCompare(t, arts)
	if len(r.Quotes) != 1 {
		t.Fatalf("quotes = %+v, want one", r.Quotes)
	}
	srcs := map[string]bool{}
	for _, v := range r.Quotes[0].Variants {
		for _, l := range v.Sources {
			srcs[l] = true
		}
	}
	if len(srcs) != 4 {
		t.Errorf("the quotation is rendered by %v, want all four sources: %+v", srcs, r.Quotes[0])
	}
	if r := mustCompare(t, []*article.Article{arts[1], arts[2]}); len(r.Quotes) != 1 {
		t.Errorf("the translation in brackets after the marks does not match the English: quotes %+v", r.Quotes)
	}
}

func TestMarkTranslations(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{`"Hindi ako magnanakaw," he told reporters in Filipino, which translates as "I am not a thief."`, true},
		{`"Hindi ako magnanakaw" — meaning "I am not a thief" — he said.`, true},
		{`"The investment will keep the furnaces burning," Ana Lobo said, adding that the deal would translate into "thousands of new jobs".`, false},
		{`"We are ready," she said, meaning the strike "could last weeks".`, false},
	} {
		qs := quotesOf([]string{tc.s})
		refs := make([]quoteRef, len(qs))
		for i, q := range qs {
			refs[i] = quoteRef{q: q, n: q.Sentence - 1}
		}
		markTranslations([]string{tc.s}, refs)
		if got := len(refs) == 2 && refs[1].original >= 0; got != tc.want {
			t.Errorf("%s: translation %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestTranslated(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Hindi pa ito tapos (This is not over yet),", "This is not over yet"},
		{"We will appeal (to the Supreme Court) at once", "We will appeal (to the Supreme Court) at once"},
		{"We will appeal to the court (the Supreme Court).", "We will appeal to the court (the Supreme Court)."},
		{"We have rebuilt every school and every clinic the storm destroyed (in the province of Leyte)", "We have rebuilt every school and every clinic the storm destroyed (in the province of Leyte)"},
		{"Hindi pa (ito) tapos (This is not over yet)", "Hindi pa (ito) tapos (This is not over yet)"},
		{"It is (not) over", "It is (not) over"},
		{"(This is not over yet)", "(This is not over yet)"},
	} {
		if got := translated(tc.in); got != tc.want {
			t.Errorf("translated(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestQuoteGoingOnInTheNextSentence: a quotation one outlet attributes
// and then continues in a sentence of its own is one quotation with the
// others' renderings of it, whatever order the outlets are given in, and
// the outlet's two parts are one rendering.
func TestQuoteGoingOnInTheNextSentence(t *testing.T) {
	texts := map[string]string{
		"local": "Mount Sorvang erupted on Sunday. Ana Brezic, a farmer from Tessel, said: \"At midday the sky went black. The ground just kept shaking.\" About 8,000 people were evacuated.",
		"usnet": "Mount Sorvang erupted on Sunday. \"The sky turned black at noon,\" said Ana Brezic, a grandmother from Tessel. \"The ground would not stop shaking.\" About 8,000 people were evacuated.",
		"ukbc":  "Mount Sorvang erupted on Sunday. \"It went dark in the middle of the day and the earth would not stop shaking,\" said Ana Brezic. About 8,000 people were evacuated.",
		"wire":  "Mount Sorvang erupted on Sunday. \"The sky turned black at midday and the ground would not stop shaking,\" said Ana Brezic, who fled Tessel. About 8,000 people were evacuated.",
	}
	for _, order := range [][]string{{"local", "ukbc", "usnet", "wire"}, {"wire", "local", "ukbc", "usnet"}} {
		if groups := renderingCounts(t, texts, order, "Volcano", "Ana Brezic"); fmt.Sprint(groups) != "[4]" {
			t.Errorf("order %v: Ana Brezic's renderings in groups of %v, want one of 4", order, groups)
		}
	}
}

// renderingCounts compares texts, labelled, in the order given, and returns
// the number of renderings of each quote group whose speaker is speaker
// ("" for every group).
func renderingCounts(t *testing.T, texts map[string]string, order []string, title, speaker string) []int {
	t.Helper()
	var arts []*article.Article
	for _, l := range order {
		arts = append(arts, fromText(t, l, title, texts[l]))
	}
	var groups []int
	for _, q := range mustCompare(t, arts).Quotes {
		if speaker != "" && q.Speaker != speaker {
			continue
		}
		n := 0
		for _, v := range q.Variants {
			n += len(v.Sources)
		}
		groups = append(groups, n)
	}
	return groups
}

// TestQuotationLeftOutOnce: a source that leaves out a quotation the
// others give in two sentences, or split around its attribution, leaves
// out one thing, not each part.
func TestQuotationLeftOutOnce(t *testing.T) {
	lead := "Mount Sorvang erupted on Sunday, and about 8,000 people were evacuated from villages on its slopes. The airport at Pellin was closed."
	r := mustCompare(t, []*article.Article{
		fromText(t, "local", "Volcano", lead+" Ana Brezic, a farmer from Tessel, said: \"At midday the sky went black. The ground would not stop shaking.\""),
		fromText(t, "usnet", "Volcano", lead+" \"At midday the sky went black,\" said Ana Brezic, a grandmother from Tessel. \"The ground would not stop shaking.\""),
		fromText(t, "wire", "Volcano", lead+" \"At midday the sky went black and the ground would not stop shaking,\" said Ana Brezic, who fled Tessel."),
		fromText(t, "state", "Volcano", lead+" The government sent buses and tents to the area."),
		fromText(t, "science", "Volcano", lead+" Volcanologists said the eruption could go on for weeks."),
	})
	n := 0
	for _, o := range r.Omissions["state"] {
		if strings.Contains(o.Text, "sky") || strings.Contains(o.Text, "shaking") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("state leaves out Ana Brezic's quotation %d times, want once: %+v", n, r.Omissions["state"])
	}
}

// TestQuoteGoingOnWithItsOwnAttribution: a quotation carried on in the
// next sentence with an attribution of its own ("..., she said") is the
// same quotation, in any order of the outlets.
func TestQuoteGoingOnWithItsOwnAttribution(t *testing.T) {
	lead := "Judge Imelda Strand jailed the quarry owner for six years on Friday over the collapse that killed four men."
	texts := map[string]string{
		"wire":  lead + " \"This was not an accident,\" the judge said. \"It was a choice you made every day for three years,\" she said.",
		"ukbc":  lead + " \"This was not an accident. It was a choice you made every day for three years,\" Judge Strand said.",
		"usnet": lead + " \"This was not an accident,\" Strand said. \"It was a choice you made every day for three years.\"",
	}
	for _, order := range [][]string{{"ukbc", "usnet", "wire"}, {"wire", "usnet", "ukbc"}} {
		if groups := renderingCounts(t, texts, order, "Verdict", ""); fmt.Sprint(groups) != "[3]" {
			t.Errorf("order %v: renderings in groups of %v, want one of 3", order, groups)
		}
	}
}

// TestQuoteClauseJoinsItsQuotation: a sentence whose first clause joins
// one claim ("Ms Moran refused to accept the result") and whose quoted
// clause another ("calling the vote "daylight robbery"") brings the
// quoted clause's claim to the quotation's other renderings, so that
// four of seven outlets carry it and the other three leave it out.
// Read in label order the refusal is met first; before, its claim stood
// for the sentence and the quotation's claims were not joined.
func TestQuoteClauseJoinsItsQuotation(t *testing.T) {
	arts := slices.Clone(goldArticles(t, "election"))
	slices.SortFunc(arts, func(a, b *article.Article) int { return strings.Compare(a.Label, b.Label) })
	r := mustCompare(t, arts)
	for _, l := range []string{"busdaily", "localpaper", "stateagency"} {
		if !omits(r, l, "daylight") {
			t.Errorf("%s does not leave out Moran's quotation; omissions: %v", l, r.Omissions[l])
		}
	}
}
