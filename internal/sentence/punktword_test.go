package sentence

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// punktPair is the library's English tokenizer and ours, each over its
// own copy of the model with the same extra abbreviations.
type punktPair struct {
	lib, ours *sentences.DefaultSentenceTokenizer
	libWord   *english.WordTokenizer
	ourWord   *punktWord
	splitter  *punktSplitter // over ours's parts
}

func newPunktPair(tb testing.TB) punktPair {
	tb.Helper()
	libModel := libraryModel(tb)
	ourModel, err := parseModel(englishModel)
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range extraAbbrevs {
		libModel.AbbrevTypes.Add(a)
		ourModel.abbrevs.Add(a)
	}
	lib, err := english.NewSentenceTokenizer(libModel)
	if err != nil {
		tb.Fatal(err)
	}
	ours := newPunktTokenizer(ourModel)
	return punktPair{
		lib:      lib,
		ours:     ours,
		libWord:  english.NewWordTokenizer(sentences.NewPunctStrings()),
		ourWord:  ours.WordTokenizer.(*punktWord),
		splitter: &punktSplitter{word: ours.WordTokenizer.(*punktWord), passes: ours.Annotations},
	}
}

// checkWord compares every answer the two word parsers give about w.
func (p punktPair) checkWord(t *testing.T, w string) {
	t.Helper()
	for _, sentBreak := range []bool{false, true} {
		lt, ot := sentences.NewToken(w), sentences.NewToken(w)
		lt.SentBreak, ot.SentBreak = sentBreak, sentBreak
		l, o := p.libWord, p.ourWord
		strs := []struct {
			name      string
			got, want string
		}{
			{"Type", o.Type(ot), l.Type(lt)},
			{"TypeNoPeriod", o.TypeNoPeriod(ot), l.TypeNoPeriod(lt)},
			{"TypeNoSentPeriod", o.TypeNoSentPeriod(ot), l.TypeNoSentPeriod(lt)},
		}
		for _, c := range strs {
			if c.got != c.want {
				t.Errorf("%s(%q) = %q, library says %q", c.name, w, c.got, c.want)
			}
		}
		bools := []struct {
			name      string
			got, want bool
		}{
			{"FirstUpper", o.FirstUpper(ot), l.FirstUpper(lt)},
			{"FirstLower", o.FirstLower(ot), l.FirstLower(lt)},
			{"IsEllipsis", o.IsEllipsis(ot), l.IsEllipsis(lt)},
			{"IsInitial", o.IsInitial(ot), l.IsInitial(lt)},
			{"IsListNumber", o.IsListNumber(ot), l.IsListNumber(lt)},
			{"IsAlpha", o.IsAlpha(ot), l.IsAlpha(lt)},
			{"IsNumber", o.IsNumber(ot), l.IsNumber(lt)},
			{"IsNonPunct", o.IsNonPunct(ot), l.IsNonPunct(lt)},
			{"IsCoordinatePartOne", o.IsCoordinatePartOne(ot), l.IsCoordinatePartOne(lt)},
			{"IsCoordinatePartTwo", o.IsCoordinatePartTwo(ot), l.IsCoordinatePartTwo(lt)},
			{"HasPeriodFinal", o.HasPeriodFinal(ot), l.HasPeriodFinal(lt)},
			{"HasSentEndChars", o.HasSentEndChars(ot), l.HasSentEndChars(lt)},
			{"HasUnreliableEndChars", o.HasUnreliableEndChars(ot), l.HasUnreliableEndChars(lt)},
			{"hasAbbrevShape", hasAbbrevShape(w), libAbbrevShape.MatchString(w)},
			{"HasSentencePunct", (&punktPunct{}).HasSentencePunct(w), sentences.NewPunctStrings().HasSentencePunct(w)},
			// The pre-checks in splitMissed may only skip text its
			// expressions would not match.
			{"hasQuoteStop", hasQuoteStop(w) || !quoteEnd.compiled().MatchString(w), true},
			{"hasNumberStop", hasNumberStop(w) || !numberEnd.compiled().MatchString(w), true},
		}
		for _, c := range bools {
			if c.got != c.want {
				t.Errorf("%s(%q) = %t, library says %t", c.name, w, c.got, c.want)
			}
		}
	}
}

// checkText compares the two tokenizers' sentences and every annotation
// they make on text.
func (p punktPair) checkText(t *testing.T, text string) {
	t.Helper()
	want, got := p.lib.AnnotatedTokens(text), p.ours.AnnotatedTokens(text)
	if len(got) != len(want) {
		t.Fatalf("%q: %d words, library has %d", text, len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if g.Tok != w.Tok || g.Position != w.Position || g.SentBreak != w.SentBreak ||
			g.Abbr != w.Abbr || g.ParaStart != w.ParaStart || g.LineStart != w.LineStart {
			t.Errorf("%q: word %d is %v, library has %v", text, i, g, w)
		}
	}
	libSentences := p.lib.Tokenize(text)
	if g := p.ours.Tokenize(text); !reflect.DeepEqual(g, libSentences) {
		t.Errorf("%q: sentences %v, library has %v", text, g, libSentences)
	}
	var texts []string
	for _, s := range libSentences {
		texts = append(texts, s.Text)
	}
	// Twice, the second time over reused tokens.
	for range 2 {
		if g := p.splitter.split(text); !slices.Equal(g, texts) {
			t.Errorf("%q: punktSplitter gives %q, library %q", text, g, texts)
		}
	}
}

// punktCases are words and passages chosen for the branches of each
// predicate: numbers in every shape, initials, list markers, coordinates,
// abbreviations, quotes and brackets after end punctuation, ellipses and
// non-ASCII letters.
var punktCases = []string{
	"", ".", "..", "...", "a", "A.", "a.", "ab.", "U.S.", "U.S", "e.g.", "i.e.,", "F.B.I.", "a.b", "_.x.",
	"1", "1.", "12.", "1)", "1.)", "12a)", "12))", "1é", "1é)", "1\n", "123456",
	"-1", "-.5", ",5", "1,000", "1,000.", "2024-06-19", "3.5%", "$4.2bn.", "x-1", "a1", "a.1.", "--1",
	"1.2.3.", "1026.253.553.", "..1.", "1.2.3.4.", "N°.", "No.", "no.",
	`over."`, `over.'`, "over.)", "over.’", "over.”", "why?", "why?”", "no!", "no!)", "end.[1]", "end.(a)",
	"what?[", "wow!(", `say."he`, "ok.'x", "’", "”", ".’", "?”", "!)",
	"Étienne", "élan", "Ünal.", "İstanbul", "ŞEHİR.", "日本。", "\xff", "\xffa.", "Pyongyang.", "Kim's",
	"He said it was over. Then he left.",
	"The U.S. and the U.K. met on Wed. June 19. Talks went on.",
	"Mr. Putin met Mr. Kim. Dr. Smith said so.",
	"1. The first item. 2. The second item.",
	"You can find it at N°. 1026.253.553. That is where the treasure is.",
	"She turned to him, \"This is great.\" She held the book out to show him.",
	"I never meant that.... She left the store.",
	"The practice was not abandoned. . . . Next one.",
	"They met in 1991. The pact followed. It cost $4.2bn. Talks ended at 3 p.m. Friday.",
	"“It is over.” ‘Not yet,’ she said. (He left.) [Then he came back.] Ok!",
	"J. S. Bach wrote it. E. coli is a bacterium.",
	"He was born in the U.S.A. He moved to Paris.",
	"Line one\nline two.\n\nNew paragraph. Another one.",
	"It was over.” ‘Not yet,’ she said. “Done.’ “Yes.\" ‘No!' \"Why?” “So.",
	"The talks ended. ” Kim left. It was done. ) He went.",
	"They met in 1991.\fThe pact followed in 2024.\rIt held.",
	"Approx. ten came. Apr. was cold. Atty. Gen. Smith spoke. Capt. Lee, Cmdr. Park, Cpl. Cho and Det. Yoon came. " +
		"The Dept. of State and the Gov. met. Govt. aides and Hon. members sat. Jul. and Jun. passed. Mar. ended. " +
		"He climbed Mt. Fuji and the Mts. beyond with Pres. Biden. Pvt. Ryan and Rev. King met Sens. Kim and Lee. " +
		"Sgt. Oh and Supt. Han left.",
	"In 1991.\tThe end. Then 12.\nNext. Page 3. (See 4.) “5. Fine.”",
}

var libAbbrevShape = regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)

func TestPunktWordMatchesLibrary(t *testing.T) {
	p := newPunktPair(t)
	texts := append([]string(nil), punktCases...)
	paths, err := filepath.Glob("../../testdata/articles/*/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles found (%v)", err)
	}
	paths = append(paths, "../article/testdata/summit-2024-06-19.txt")
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		for para := range strings.SplitSeq(string(b), "\n\n") {
			texts = append(texts, para)
		}
	}
	for _, text := range texts {
		for _, w := range strings.Fields(text) {
			p.checkWord(t, w)
		}
		p.checkWord(t, text)
		p.checkText(t, text)
	}
}

// FuzzPunktWord checks that punktWord and multiPunct agree with the
// library on any input: run `go test ./internal/sentence -fuzz FuzzPunktWord`
// to search; plain `go test` runs the seeds.
func FuzzPunktWord(f *testing.F) {
	for _, c := range punktCases {
		f.Add(c)
	}
	p := newPunktPair(f)
	f.Fuzz(func(t *testing.T, s string) {
		p.checkWord(t, s)
		for _, w := range strings.Fields(s) {
			p.checkWord(t, w)
		}
		p.checkText(t, s)
	})
}

func BenchmarkPunkt(b *testing.B) {
	p := newPunktPair(b)
	text := seedText(b)
	b.Run("library", func(b *testing.B) {
		for b.Loop() {
			p.lib.Tokenize(text)
		}
	})
	b.Run("ours", func(b *testing.B) {
		for b.Loop() {
			p.ours.Tokenize(text)
		}
	})
}
