package summarize

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// flawedSeedSummary is a summary of the seed article with one of each
// mistake the checks look for.
func flawedSeedSummary() *Summary {
	return &Summary{
		Headline: "Putin and Kim sign partnership pact on Wednesday",
		Summary:  "Vladimir Putin and Kim Jong Un formalised a new partnership agreement at a summit on Wednesday, June 19.",
		KeyPoints: []KeyPoint{
			{Text: "Putin and Kim formalised a new partnership agreement at a summit.", Evidence: []int{1}},
			{Text: "It was Putin's first visit to North Korea in 14 years.", Evidence: []int{3}},
			{Text: "The pact commits each country to aid the other if it is attacked.", Evidence: []int{2, 42}},
			{Text: "Kim promised full support to Russia over Ukraine.", Evidence: []int{14}},
			{Text: "The two countries also signed agreements on healthcare, medical education and science.", Evidence: []int{12}},
		},
		Entities: []Entity{
			{Name: "Vladimir Putin", Type: "person"},
			{Name: "Kim Jong-un", Type: "person"},
			{Name: "North Korea", Type: "place"},
			{Name: "Joe Biden", Type: "person"},
			{Name: "Pyongyang", Type: "place"},
		},
		Quotes: []Quote{
			{Speaker: "Kim", Text: "strongest ever treaty"},
			{Speaker: "Vladimir Putin", Text: "breakthrough document to elevate their partnership", Sentence: 7},
			{Speaker: "Vladimir Putin", Text: "we will never abandon our friends"},
		},
		Figures: []Figure{
			{Value: "24 years", Context: "since Putin's last visit", Sentence: 3},
			{Value: "1991", Context: "collapse of the Soviet Union", Sentence: 3},
		},
		Warnings: []string{"from the engine"},
	}
}

func TestCheckFlawedSeed(t *testing.T) {
	a := loadArticle(t, "seed.txt")
	s := flawedSeedSummary()
	Check(s, a)

	wantWarnings := []string{
		"from the engine",
		`quote "breakthrough document to elevate their partnership" (Vladimir Putin) is paraphrased, not verbatim; closest in sentence 7: "breakthrough document,\" highlighting a mutual aspiration to elevate their partnership"`,
		`quote "we will never abandon our friends" (Vladimir Putin) not found in the article`,
		`figure "14 years" in key point 2 does not occur in the article`,
		`key point 3 cites sentence 42; the article has 15`,
		`key point 4 is weakly supported by sentence 14 (1 of its 6 content words)`,
		`entity "Joe Biden" (person) does not occur in the article`,
	}
	if !slices.Equal(s.Warnings, wantWarnings) {
		t.Errorf("warnings:\ngot  %q\nwant %q", s.Warnings, wantWarnings)
	}
	if !s.Failed() {
		t.Error("Failed: got false, want true")
	}
	want := Checks{
		Quotes: QuoteChecks{Verified: 1, Total: 3,
			Paraphrased: []string{"breakthrough document to elevate their partnership"},
			NotFound:    []string{"we will never abandon our friends"}},
		Figures:  FigureChecks{Supported: 7, Total: 8, Unsupported: []string{"14 years"}},
		Evidence: EvidenceChecks{Valid: 3, Total: 5, OutOfRange: []int{3}, Weak: []int{4}},
		Entities: EntityChecks{Found: 4, Total: 5, Missing: []string{"Joe Biden"}},
		Score:    0.71, // 15 of 21
	}
	if got := checksLine(s.Checks); got != checksLine(&want) {
		t.Errorf("checks:\ngot  %s\nwant %s", got, checksLine(&want))
	}
	if s.Checks.Score != want.Score {
		t.Errorf("score: got %v, want %v", s.Checks.Score, want.Score)
	}

	// Per-item results.
	var verified, matches []string
	for _, q := range s.Quotes {
		verified = append(verified, map[bool]string{true: "yes", false: "no"}[q.Verified])
		matches = append(matches, q.Match)
	}
	if want := []string{"yes", "no", "no"}; !slices.Equal(verified, want) {
		t.Errorf("quotes verified: got %q, want %q", verified, want)
	}
	if want := []string{"verbatim", "paraphrased", "absent"}; !slices.Equal(matches, want) {
		t.Errorf("quote matches: got %q, want %q", matches, want)
	}
	if got := s.Quotes[0].Sentence; got != 6 {
		t.Errorf("quote sentence filled from the match: got %d, want 6", got)
	}
	if got, want := s.Quotes[1].Closest, "breakthrough document,\" highlighting a mutual aspiration to elevate their partnership"; got != want {
		t.Errorf("closest: got %q, want %q", got, want)
	}
	if got := s.Quotes[1].ClosestSentence; got != 7 {
		t.Errorf("closest sentence: got %d, want 7", got)
	}
	if got := s.Quotes[2].Sentence; got != 0 {
		t.Errorf("absent quote sentence: got %d, want 0", got)
	}
	var supported []bool
	for _, p := range s.KeyPoints {
		supported = append(supported, p.Supported)
	}
	// Key point 2 has a wrong figure but good evidence: evidence is about
	// the citation only.
	if want := []bool{true, true, false, false, true}; !slices.Equal(supported, want) {
		t.Errorf("key points supported: got %v, want %v", supported, want)
	}
	var found []bool
	for _, e := range s.Entities {
		found = append(found, e.Found)
	}
	if want := []bool{true, true, true, false, true}; !slices.Equal(found, want) {
		t.Errorf("entities found: got %v, want %v", found, want)
	}
}

func TestCheckClean(t *testing.T) {
	a := loadArticle(t, "seed.txt")
	s := &Summary{
		Headline: "Putin makes first visit to North Korea in twenty-four years",
		Summary:  "Putin and Kim signed a partnership agreement on 19 June 2024, a Wednesday, pledging mutual aid if either is attacked.",
		KeyPoints: []KeyPoint{
			{Text: "Putin and Kim formalised a new partnership agreement at a summit held on a Wednesday.", Evidence: []int{1}},
			{Text: "The pact commits each country to aid the other if it is attacked.", Evidence: []int{2}},
			{Text: "It was Putin's first visit to North Korea in 24 years.", Evidence: []int{3}},
			{Text: "Kim promised full support to Russia over Ukraine, calling the pact the strongest ever treaty.", Evidence: []int{5, 6}},
		},
		Entities: []Entity{{Name: "President Putin", Type: "person"}, {Name: "Kim", Type: "person"}, {Name: "DPRK", Type: "place"}},
		Quotes:   []Quote{{Speaker: "Putin", Text: "Imperialist hegemonistic policies", Sentence: 15}},
		Figures:  []Figure{{Value: "twenty-four years", Context: "since the last visit"}, {Value: "Wednesday", Context: "day of the summit"}},
	}
	Check(s, a)
	if s.Failed() {
		t.Errorf("Failed: got true, want false (warnings %q)", s.Warnings)
	}
	if s.Checks.Score != 1 {
		t.Errorf("score: got %v, want 1", s.Checks.Score)
	}
	if len(s.Warnings) != 0 {
		t.Errorf("warnings: got %q, want none", s.Warnings)
	}
	if s.Warnings == nil {
		t.Error("warnings: got nil, want an empty list so JSON has []")
	}
}

func TestCheckNothingToCheck(t *testing.T) {
	s := &Summary{Headline: "Leaders meet", Summary: "The leaders met."}
	Check(s, loadArticle(t, "seed.txt"))
	if s.Checks.Score != 1 || s.Failed() {
		t.Errorf("got score %v, failed %v; want 1, false", s.Checks.Score, s.Failed())
	}
	if got, want := checksLine(s.Checks), "nothing to check; score 1"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFailedUnchecked(t *testing.T) {
	if (&Summary{}).Failed() {
		t.Error("an unchecked summary: got failed, want not")
	}
}

func TestCheckFigures(t *testing.T) {
	tests := []struct {
		name    string
		article string
		text    string // used as the summary
		want    []string
	}{
		{name: "digits for words", article: "seed.txt", text: "Putin's first visit in twenty-four years."},
		{name: "wrong duration", article: "seed.txt", text: "Putin's first visit in 23 years.",
			want: []string{`figure "23 years" in the summary does not occur in the article`}},
		{name: "wrong weekday", article: "seed.txt", text: "They met on Tuesday.",
			want: []string{`figure "Tuesday" in the summary does not occur in the article`}},
		{name: "date from the date line", article: "seed.txt", text: "They met on June 19, 2024."},
		{name: "wrong date", article: "seed.txt", text: "They met on June 18, 2024.",
			want: []string{`figure "June 18, 2024" in the summary does not occur in the article`}},
		{name: "year", article: "seed.txt", text: "The Soviet Union collapsed in 1991."},
		{name: "count with another noun", article: "seed.txt", text: "The two countries signed a pact."},
		{name: "count with a number not in the article", article: "seed.txt", text: "The three countries signed a pact.",
			want: []string{`figure "three countries" in the summary does not occur in the article`}},
		{name: "duration equal to since", article: "rustate.txt", text: "It was Putin's first visit in 24 years."},
		{name: "duration not equal to since", article: "rustate.txt", text: "It was Putin's first visit in 20 years.",
			want: []string{`figure "20 years" in the summary does not occur in the article`}},
		{name: "repeated figure once per place", article: "seed.txt", text: "In 14 years, and again 14 years.",
			want: []string{`figure "14 years" in the summary does not occur in the article`}},
		{name: "percent", article: "seed.txt", text: "Support rose 40%.",
			want: []string{`figure "40%" in the summary does not occur in the article`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Summary{Summary: tt.text}
			Check(s, loadArticle(t, tt.article))
			if !slices.Equal(s.Warnings, tt.want) && (len(s.Warnings) > 0 || len(tt.want) > 0) {
				t.Errorf("warnings: got %q, want %q", s.Warnings, tt.want)
			}
		})
	}
}

func TestCheckFiguresList(t *testing.T) {
	s := &Summary{Figures: []Figure{
		{Value: "24 years"},
		{Value: "military-technical"},
		{Value: "dozens"},
		{Value: "14 years"},
	}}
	Check(s, loadArticle(t, "seed.txt"))
	want := []string{
		`figure "dozens" in figures item 3 does not occur in the article`,
		`figure "14 years" in figures item 4 does not occur in the article`,
	}
	if !slices.Equal(s.Warnings, want) {
		t.Errorf("warnings: got %q, want %q", s.Warnings, want)
	}
	if got := s.Checks.Figures; got.Supported != 2 || got.Total != 4 {
		t.Errorf("figures: got %d/%d, want 2/4", got.Supported, got.Total)
	}
}

func TestCheckEvidence(t *testing.T) {
	tests := []struct {
		name     string
		point    KeyPoint
		want     []string
		wantGood bool
	}{
		{name: "own sentence", point: KeyPoint{Text: "Kim emphasised the agreement was peaceful and defensive.", Evidence: []int{10}}, wantGood: true},
		{name: "spread over sentences", point: KeyPoint{Text: "The pact was signed at a summit and lauded as a breakthrough document.", Evidence: []int{1, 7}}, wantGood: true},
		{name: "no evidence", point: KeyPoint{Text: "The pact was signed."},
			want: []string{"key point 1 cites no sentence"}},
		{name: "zero", point: KeyPoint{Text: "The pact was signed.", Evidence: []int{0}},
			want: []string{"key point 1 cites sentence 0; the article has 15"}},
		{name: "unrelated sentence", point: KeyPoint{Text: "Kim emphasised the agreement was peaceful and defensive.", Evidence: []int{4}},
			want: []string{"key point 1 is weakly supported by sentence 4 (0 of its 5 content words)"}},
		{name: "weak over two", point: KeyPoint{Text: "Crowds of spectators cheered the Western motorcade loudly today, waving flags and banners.", Evidence: []int{3, 4}},
			want: []string{"key point 1 is weakly supported by sentences 3 and 4 (1 of its 10 content words)"}},
		{name: "no content words", point: KeyPoint{Text: "It was.", Evidence: []int{1}},
			want: []string{"key point 1 is weakly supported by sentence 1 (0 of its 0 content words)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Summary{KeyPoints: []KeyPoint{tt.point}}
			Check(s, loadArticle(t, "seed.txt"))
			if !slices.Equal(s.Warnings, tt.want) && (len(s.Warnings) > 0 || len(tt.want) > 0) {
				t.Errorf("warnings: got %q, want %q", s.Warnings, tt.want)
			}
			if got := s.KeyPoints[0].Supported; got != tt.wantGood {
				t.Errorf("supported: got %v, want %v", got, tt.wantGood)
			}
		})
	}
}

func TestCheckQuoteFastPath(t *testing.T) {
	// The fast path must agree with quote.Find on what is verbatim.
	tests := []struct {
		name, text, want string
	}{
		{name: "exact", text: "strongest ever treaty", want: "verbatim"},
		{name: "case and marks", text: "“Breakthrough Document,”", want: "verbatim"},
		{name: "part of a word", text: "rongest ever treaty", want: "paraphrased"},
		{name: "possessive", text: "Putin", want: "verbatim"},
		{name: "ellipsis", text: "strongest ... treaty", want: "verbatim"},
		{name: "across sentences", text: "their partnership. Security and international issues", want: "verbatim"},
	}
	a := loadArticle(t, "seed.txt")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Summary{Quotes: []Quote{{Text: tt.text}}}
			Check(s, a)
			if got := s.Quotes[0].Match; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckEntities(t *testing.T) {
	tests := []struct {
		name, entity string
		want         bool
	}{
		{name: "full name", entity: "Vladimir Putin", want: true},
		{name: "title", entity: "President Vladimir Putin", want: true},
		{name: "hyphenated", entity: "Kim Jong-un", want: true},
		{name: "alias", entity: "DPRK", want: true},
		{name: "from the title", entity: "Cold War", want: true},
		{name: "part of a word", entity: "Korea Times", want: false},
		{name: "absent", entity: "Seoul", want: false},
		{name: "empty", entity: " ", want: false},
	}
	a := loadArticle(t, "broadsheet.txt")
	a.Sentences = slices.DeleteFunc(slices.Clone(a.Sentences), func(s string) bool { return strings.Contains(s, "Seoul") })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Summary{Entities: []Entity{{Name: tt.entity, Type: "place"}}}
			Check(s, a)
			if got := s.Entities[0].Found; got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestChecksLine(t *testing.T) {
	tests := []struct {
		name   string
		checks *Checks
		want   string
	}{
		{name: "unchecked", checks: nil, want: ""},
		{
			name: "all passed",
			checks: &Checks{Quotes: QuoteChecks{Verified: 3, Total: 3}, Figures: FigureChecks{Supported: 5, Total: 5},
				Evidence: EvidenceChecks{Valid: 7, Total: 7}, Entities: EntityChecks{Found: 9, Total: 9}, Score: 1},
			want: "quotes 3/3 verified; figures 5/5 supported; evidence 7/7; entities 9/9; score 1",
		},
		{
			name: "failures named",
			checks: &Checks{
				Quotes:   QuoteChecks{Verified: 3, Total: 4, NotFound: []string{"we will never abandon our friends, whatever the West may say"}},
				Figures:  FigureChecks{Supported: 5, Total: 6, Unsupported: []string{"14 years"}},
				Evidence: EvidenceChecks{Valid: 5, Total: 7, OutOfRange: []int{3}, Weak: []int{2, 6}},
				Entities: EntityChecks{Found: 8, Total: 9, Missing: []string{"Joe Biden"}},
				Score:    0.85,
			},
			want: `quotes 3/4 verified — 1 not found: "we will never abandon our friends, whate…"; ` +
				`figures 5/6 supported — "14 years" not in article; ` +
				`evidence 5/7 — key point 3 out of range, key points 2, 6 weakly supported; ` +
				`entities 8/9 — "Joe Biden" not in article; score 0.85`,
		},
		{
			name:   "paraphrased and only quotes",
			checks: &Checks{Quotes: QuoteChecks{Verified: 0, Total: 1, Paraphrased: []string{"breakthrough"}}, Score: 0},
			want:   `quotes 0/1 verified — 1 paraphrased: "breakthrough"; score 0`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checksLine(tt.checks); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestChecksRendered(t *testing.T) {
	s := flawedSeedSummary()
	a := loadArticle(t, "seed.txt")
	s.Source = sourceOf(a)
	Check(s, a)
	line := checksLine(s.Checks)
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
		want  string
	}{
		{name: "text", write: func(b *bytes.Buffer) error { return WriteText(b, []*Summary{s}, false) }, want: "\nChecks " + line + "\n"},
		{name: "markdown", write: func(b *bytes.Buffer) error { return WriteMarkdown(b, []*Summary{s}) }, want: "\n### Checks\n\n" + mdEscape(line) + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("got %q, want it to contain %q", b.String(), tt.want)
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	a := thousandWords(b)
	s, err := Extractive{}.Summarize(b.Context(), a)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c := *s
		c.KeyPoints = slices.Clone(s.KeyPoints)
		c.Quotes = slices.Clone(s.Quotes)
		c.Entities = slices.Clone(s.Entities)
		c.Warnings = nil
		Check(&c, a)
	}
}

func TestCheckUnattributedQuote(t *testing.T) {
	tests := []struct {
		name     string
		speaker  string
		wantList []string
	}{
		{name: "attributed", speaker: "Kim", wantList: nil},
		{name: "no speaker", speaker: "", wantList: []string{"strongest ever treaty"}},
		{name: "blank speaker", speaker: "  ", wantList: []string{"strongest ever treaty"}},
	}
	a := loadArticle(t, "seed.txt")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Summary{Quotes: []Quote{{Speaker: tt.speaker, Text: "strongest ever treaty"}}}
			Check(s, a)
			if got := s.Checks.Quotes.Unattributed; !slices.Equal(got, tt.wantList) {
				t.Errorf("got unattributed %q, want %q", got, tt.wantList)
			}
			warned := slices.ContainsFunc(s.Warnings, func(w string) bool { return strings.Contains(w, "no attribution") })
			if warned != (tt.wantList != nil) {
				t.Errorf("got warnings %q; want a no-attribution warning: %v", s.Warnings, tt.wantList != nil)
			}
			if s.Failed() {
				t.Errorf("an unattributed but verbatim quote failed the checks: %q", s.Warnings)
			}
		})
	}
}
