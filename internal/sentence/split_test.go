package sentence

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "plain sentences",
			text: "Putin arrived. Kim greeted him. They talked.",
			want: []string{"Putin arrived.", "Kim greeted him.", "They talked."},
		},
		{
			name: "U.S. mid-sentence",
			text: "The U.S. condemned the pact. Seoul did too.",
			want: []string{"The U.S. condemned the pact.", "Seoul did too."},
		},
		{
			name: "titles",
			text: "Mr. Putin met Dr. Lee and Mrs. Kim. Ms. Park left.",
			want: []string{"Mr. Putin met Dr. Lee and Mrs. Kim.", "Ms. Park left."},
		},
		{
			name: "titles missing from training data",
			text: "Pres. Biden spoke. Mt. Paektu loomed. Gov. Brown and Capt. Ri agreed.",
			want: []string{"Pres. Biden spoke.", "Mt. Paektu loomed.", "Gov. Brown and Capt. Ri agreed."},
		},
		{
			name: "month abbreviations",
			text: "Talks began on Jan. 5 and ended Apr. 2 in Moscow. Nothing followed.",
			want: []string{"Talks began on Jan. 5 and ended Apr. 2 in Moscow.", "Nothing followed."},
		},
		{
			name: "initials",
			text: "George W. Bush and J. R. R. Tolkien never met. Both wrote.",
			want: []string{"George W. Bush and J. R. R. Tolkien never met.", "Both wrote."},
		},
		{
			name: "decimals and percentages",
			text: "Trade grew 3.5 per cent to $2.1 billion. Prices rose 0.4%. Then they fell.",
			want: []string{"Trade grew 3.5 per cent to $2.1 billion.", "Prices rose 0.4%.", "Then they fell."},
		},
		{
			name: "year ends a sentence",
			text: "The Soviet Union collapsed in 1991. The partnership is new.",
			want: []string{"The Soviet Union collapsed in 1991.", "The partnership is new."},
		},
		{
			name: "decimal ends a sentence",
			text: "The survey put its magnitude at 6.1. More than 150 people were hurt. The index closed at 4,512.7. Traders were calm.",
			want: []string{"The survey put its magnitude at 6.1.", "More than 150 people were hurt.", "The index closed at 4,512.7.", "Traders were calm."},
		},
		{
			name: "an amount with its scale ends a sentence",
			text: "Sales rose 6 percent to NOK 19.8bn. Snacks grew 11 percent. The club paid £600m. Fans were angry.",
			want: []string{"Sales rose 6 percent to NOK 19.8bn.", "Snacks grew 11 percent.", "The club paid £600m.", "Fans were angry."},
		},
		{
			name: "time of day ends a sentence",
			text: "The train left the tracks at around 7:40 p.m. Four carriages overturned. The storm hit at 11 p.m. ET Monday. It struck at 2:02 a.m. Beijing time on Wednesday. Police came at 3 a.m. Tuesday. Trading opened at 1 p.m. Hong Kong time. It hit at 7:40 p.m. A second quake followed.",
			want: []string{"The train left the tracks at around 7:40 p.m.", "Four carriages overturned.", "The storm hit at 11 p.m. ET Monday.", "It struck at 2:02 a.m. Beijing time on Wednesday.", "Police came at 3 a.m. Tuesday.", "Trading opened at 1 p.m. Hong Kong time.", "It hit at 7:40 p.m.", "A second quake followed."},
		},
		{
			name: "number before an opening quote",
			text: "He was born in 1952. “It matters,” he said.",
			want: []string{"He was born in 1952.", "“It matters,” he said."},
		},
		{
			name: "list number opening a sentence",
			text: "1. The pact was signed. 2. Aid was promised.",
			want: []string{"1. The pact was signed.", "2. Aid was promised."},
		},
		{
			name: "number before lowercase word",
			text: "Turn to page 5. then read on.",
			want: []string{"Turn to page 5. then read on."},
		},
		{
			name: "closing straight quote stays",
			text: `Kim called it the "strongest ever treaty." Putin agreed.`,
			want: []string{`Kim called it the "strongest ever treaty."`, "Putin agreed."},
		},
		{
			name: "closing curly quote stays",
			text: "Putin said: “It is a breakthrough document.” Kim nodded.",
			want: []string{"Putin said: “It is a breakthrough document.”", "Kim nodded."},
		},
		{
			name: "question inside quote before lowercase",
			text: "“Is it over?” he asked. “Yes.” She left.",
			want: []string{"“Is it over?” he asked.", "“Yes.”", "She left."},
		},
		{
			name: "quote then opening quote",
			text: "He said: “It is over.” ‘Not yet,’ she said.",
			want: []string{"He said: “It is over.”", "‘Not yet,’ she said."},
		},
		{
			name: "stray closing quote rejoins its sentence",
			text: "The talks ended. ” Kim left.",
			want: []string{"The talks ended.”", "Kim left."},
		},
		{
			name: "closing parenthesis",
			text: "(The statement was brief.) Then he left.",
			want: []string{"(The statement was brief.)", "Then he left."},
		},
		{
			name: "never joins across paragraphs",
			text: "A headline without a stop\n\nThe first sentence. The second one",
			want: []string{"A headline without a stop", "The first sentence.", "The second one"},
		},
		{
			name: "blank line holding spaces",
			text: "First paragraph\n \t\nSecond paragraph.",
			want: []string{"First paragraph", "Second paragraph."},
		},
		{
			name: "hard-wrapped lines join",
			text: "Putin arrived in\nPyongyang late. Kim\n  met him.",
			want: []string{"Putin arrived in Pyongyang late.", "Kim met him."},
		},
		{
			name: "dashes and quotes untouched",
			text: "It was — Kim said — ‘historic’. Putin’s view differed.",
			want: []string{"It was — Kim said — ‘historic’.", "Putin’s view differed."},
		},
		{
			name: "empty",
			text: "  \n\n \n",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSplitDeterministic(t *testing.T) {
	text := seedText(t)
	first := Split(text)
	for range 5 {
		if got := Split(text); !slices.Equal(got, first) {
			t.Fatalf("got %q, want %q", got, first)
		}
	}
}

// seedText returns the seed article's body as article.Load normalises it
// (testdata/seed.txt; TestSeedText keeps the two in step).
func seedText(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// BenchmarkSplit splits about 1,000 words of distinct paragraphs: each
// copy of the seed gets a line of its own, and the paragraph memo is
// emptied before each split, so every paragraph goes through the splitter.
func BenchmarkSplit(b *testing.B) {
	text := distinctThousandWords(b)
	b.ReportMetric(float64(len(strings.Fields(text))), "words")
	Split(text) // load the model before b.Loop starts the clock
	for b.Loop() {
		resetParagraphMemo()
		Split(text)
	}
}

// BenchmarkSplitRepeat splits the same text again: every paragraph comes
// from the memo.
func BenchmarkSplitRepeat(b *testing.B) {
	text := distinctThousandWords(b)
	Split(text)
	for b.Loop() {
		Split(text)
	}
}

func distinctThousandWords(tb testing.TB) string {
	seed := seedText(tb)
	var parts []string
	for i := 0; len(strings.Fields(strings.Join(parts, " "))) < 1000; i++ {
		parts = append(parts, strings.ReplaceAll(seed, "\n\n", fmt.Sprintf(" Copy %d.\n\n", i)))
	}
	return strings.Join(parts, "\n\n")
}

// TestSplitMemo checks that a split served from the paragraph memo is the
// split the splitter makes, including when another goroutine is still
// making it.
func TestSplitMemo(t *testing.T) {
	text := distinctThousandWords(t)
	resetParagraphMemo()
	want := Split(text)
	resetParagraphMemo()
	got := make([][]string, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = Split(text) })
	}
	wg.Wait()
	for i, g := range append(got, Split(text)) {
		if !slices.Equal(g, want) {
			t.Errorf("split %d differs from a fresh one", i)
		}
	}
}

// TestSplitConcurrent shares the tokenizer between goroutines; run with
// -race to check it is only read.
func TestSplitConcurrent(t *testing.T) {
	text := seedText(t)
	want := Split(text)
	var wg sync.WaitGroup
	got := make([][]string, 4)
	for i := range got {
		wg.Go(func() { got[i] = Split(text) })
	}
	wg.Wait()
	for i, g := range got {
		if !slices.Equal(g, want) {
			t.Errorf("goroutine %d: got %q, want %q", i, g, want)
		}
	}
}

// resetParagraphMemo empties the paragraph memo.
func resetParagraphMemo() {
	paragraphs.mu.Lock()
	defer paragraphs.mu.Unlock()
	clear(paragraphs.m)
	paragraphs.bytes = 0
}

var paragraphCases = []string{
	"", "\n", "\n\n", "\n\n\n", "a\n\nb", "a\n \t\nb", "a\n\u00a0\u3000\nb", "a\n\u200b\nb", "a\nb\n\nc\n",
	"a\n\n\nb", "a\n \n \nb", "\n\na", "a\n\n", "a\n\xff\nb", "a\n\u2028\nb", "a \n\n b",
}

func TestSplitParagraphs(t *testing.T) {
	for _, s := range paragraphCases {
		if got, want := splitParagraphs(s), paragraphBreak.compiled().Split(s, -1); !slices.Equal(got, want) {
			t.Errorf("splitParagraphs(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzSplitParagraphs(f *testing.F) {
	for _, s := range paragraphCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitParagraphs(s), paragraphBreak.compiled().Split(s, -1); !slices.Equal(got, want) {
			t.Errorf("splitParagraphs(%q) = %q, want %q", s, got, want)
		}
		for i, p := range strings.Split(s, "\n") {
			if got, want := startsWithCloser(strings.TrimLeft(p, " \t")), strayCloser.compiled().MatchString(strings.TrimLeft(p, " \t")); want && !got {
				t.Errorf("line %d %q: startsWithCloser false where strayCloser matches", i, p)
			}
		}
	})
}

// stopCases exercise numberEndCuts and quoteEndCuts: each way a match
// can start, stop short or touch another.
var stopCases = []string{
	"",
	"1. A list item",
	"(1. A",
	" 1. A",
	"in 1991. The partnership",
	"in 1991.  “The partnership",
	"in 1991. ‘(\"[The",
	"in 1991. the partnership",
	"in 1991.The",
	"in 1991 . The",
	"1991. The 1992. Then 1993. Ënd",
	"it was 1.5. Then",
	"closed at 4,512.7. Traders",
	"rose 1,2345. A",
	"rose 1,234,567. A",
	"rose 1,23. A",
	"at 6.1.5. A",
	"at 6.. A",
	"in 1991. 2. Then",
	"1. 2. 3. A",
	"a 1.\tÉtat",
	"a 1.\nB",
	"x[12. [Y",
	"he said.” ‘Not yet,’ she said",
	"he said.' \"Not",
	"he said?”’ “Ah",
	"he said!\"  'Él",
	"he said.” “not",
	"he said.”“Not",
	"he said. “Not",
	"he said.” ” Not",
	"over.” ‘Not.” ‘Yes.” “No",
	"ends.”",
	"ends.” ",
	"ends.” “",
	"é1. A",
	"\u00a01. A",
}

// regexpCuts is the reference: where group 1 of each match of re starts.
func regexpCuts(re *lazyRegexp, s string) []int {
	var cuts []int
	for _, m := range re.compiled().FindAllStringSubmatchIndex(s, -1) {
		cuts = append(cuts, m[2])
	}
	return cuts
}

func TestStopCuts(t *testing.T) {
	for _, s := range stopCases {
		checkStopCuts(t, s)
	}
	// Spot checks that the reference cuts where the cases say.
	if got := numberEndCuts("in 1991. The partnership"); !slices.Equal(got, []int{8}) {
		t.Errorf("numberEndCuts = %v, want [8]", got)
	}
	if got := quoteEndCuts("he said.” ‘Not yet,’ she said"); !slices.Equal(got, []int{11}) {
		t.Errorf("quoteEndCuts = %v, want [11]", got)
	}
}

func checkStopCuts(t *testing.T, s string) {
	t.Helper()
	if got, want := numberEndCuts(s), regexpCuts(numberEnd, s); !slices.Equal(got, want) {
		t.Errorf("numberEndCuts(%q) = %v, numberEnd finds %v", s, got, want)
	}
	if got, want := quoteEndCuts(s), regexpCuts(quoteEnd, s); !slices.Equal(got, want) {
		t.Errorf("quoteEndCuts(%q) = %v, quoteEnd finds %v", s, got, want)
	}
}

func FuzzStopCuts(f *testing.F) {
	for _, s := range stopCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkStopCuts(t, s)
	})
}

// TestSplitByParagraph checks what article.Article.Sentences promises:
// splitting a text gives the splits of its paragraphs, one after another.
func TestSplitByParagraph(t *testing.T) {
	text := seedText(t)
	var want []string
	for para := range strings.SplitSeq(text, "\n\n") {
		want = append(want, Split(para)...)
	}
	if got := Split(text); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTimeZoneAfterClock: "p.m." before a time zone ends no sentence.
func TestTimeZoneAfterClock(t *testing.T) {
	got := Split("The storm made landfall at 11 p.m. ET Monday near the port. It weakened overnight.")
	want := []string{"The storm made landfall at 11 p.m. ET Monday near the port.", "It weakened overnight."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	got = Split("He left at 9 a.m. The rest stayed.")
	if len(got) != 2 {
		t.Errorf("got %q, want two sentences", got)
	}
}
