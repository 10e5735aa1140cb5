package worddiff

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	_ "github.com/newslens/newslens/internal/golden" // for -update; no golden files here
)

func TestDiffText(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string
	}{
		{"replacement", "Putin's first visit in 24 years.", "Putin's first visit in 23 years.", "Putin's first visit in [-24-]{+23+} years."},
		{"insertion", "Kim greeted Putin at the airport.", "Kim greeted Putin at the airport before dawn.", "Kim greeted Putin at the airport{+ before dawn+}."},
		{"deletion", "They met on Wednesday in Pyongyang.", "They met in Pyongyang.", "They met[- on Wednesday-] in Pyongyang."},
		{"curly quotes are trivia", "the \u201cstrongest ever treaty\u201d", "the \"strongest ever treaty\"", "the \"strongest ever treaty\""},
		{"dashes and spaces are trivia", "Kim \u2014  and Putin", "Kim -\nand Putin", "Kim - and Putin"},
		{"whole words, not letters", "the war in Ukraine", "the conflict in Ukraine", "the [-war-]{+conflict+} in Ukraine"},
		{"empty to text", "", "New.", "{+New.+}"},
		{"both empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(Diff(tt.a, tt.b), false); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSame(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"equal", "a b c", "a b c", true},
		{"trivia only", "it\u2019s \u201cdone\u201d", "it's \"done\"", true},
		{"changed", "a b c", "a x c", false},
		{"empty", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Same(Diff(tt.a, tt.b)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTextColor(t *testing.T) {
	got := Text(Diff("in 24 years", "in 23 years"), true)
	want := "in \x1b[31m24\x1b[0m\x1b[32m23\x1b[0m years"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string
	}{
		{"markers outside spaces", "the war in Ukraine", "the special operation in Ukraine", "the ~~war~~**special operation** in Ukraine"},
		{"specials escaped", "a *b* c", "a *b* d | e", "a \\*b\\* ~~c~~**d \\| e**"},
		{"insertion with leading space", "at the airport.", "at the airport before dawn.", "at the airport **before dawn**."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Markdown(Diff(tt.a, tt.b)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMinimalKeepsAnchors(t *testing.T) {
	got := Text(Minimal("The partnership agreement commits both countries", "The Treaty on Partnership commits the two countries"), false)
	want := "The [-partnership-]{+Treaty+} [-agreement-]{+on Partnership+} commits [-both-]{+the two+} countries"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDiffRoundTrip checks on random inputs that the ops always spell out
// both normalised texts, including when the semantic cleanup would have
// split a multi-byte rune.
func TestDiffRoundTrip(t *testing.T) {
	vocab := strings.Fields("the a of Kim Putin treaty pact war , . \u201cquote\u201d 24 years Пхеньян -")
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func() string {
		var w []string
		for range rng.IntN(40) {
			w = append(w, vocab[rng.IntN(len(vocab))])
		}
		return strings.Join(w, " ")
	}
	for i := range 3000 {
		a, b := gen(), gen()
		for _, ops := range [][]Op{Diff(a, b), Minimal(a, b)} {
			if got, want := side(ops, Delete), Normalize(a); got != want {
				t.Fatalf("case %d: old side: got %q, want %q", i, got, want)
			}
			if got, want := side(ops, Insert), Normalize(b); got != want {
				t.Fatalf("case %d: new side: got %q, want %q", i, got, want)
			}
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"quotes", "\u2018a\u2019 \u201cb\u201d", "'a' \"b\""},
		{"paragraphs kept", "one.\n\n\n two.\nthree.", "one.\n\ntwo. three."},
		{"trimmed", "  x  ", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// normalCases are inputs for the isNormal shortcut: already normal ones
// and ones off by a single character in each way Normalize changes text.
var normalCases = []string{
	"", "x", "Putin met Kim.", "one two", "one  two", " x", "x ", "a\tb", "a\nb", "a\rb",
	"a\u00a0b", "a\u0085b", "a\u2003b", "\u201cquoted\u201d", "it\u2019s", "1\u20132", "a \u2014 b",
	"\u00abx\u00bb", "Kim\u02bcs", "bad \xff byte", "caf\u00e9 \u65e5\u672c", "end.\n\nNext.",
	"Putin met Kim in Pyongyang on Wednesday.", "Putin met Kim\tin Pyongyang", "Putin met Kim in  Pyongyang",
	"abcdefgh\x01ijklmnop", "abcdefghijklmno\u2019s", "abcdefghijklmnop\r", "abcdefg\u00e9hijklmnop",
}

// FuzzNormalizeShortcut checks that Normalize's shortcut only skips text
// the full rewrite would leave as it is.
func FuzzNormalizeShortcut(f *testing.F) {
	for _, c := range normalCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		full := normalize(s)
		if isNormal(s) && full != s {
			t.Errorf("isNormal(%q) but normalize gives %q", s, full)
		}
		if Normalize(s) != full {
			t.Errorf("Normalize(%q) = %q, want %q", s, Normalize(s), full)
		}
	})
}

// bigPair returns two n-word texts that differ in about one word in fifty.
func bigPair(n int) (string, string) {
	rng := rand.New(rand.NewPCG(3, 4))
	var a, b strings.Builder
	for i := range n {
		w := fmt.Sprintf("w%d", rng.IntN(3000))
		a.WriteString(w + " ")
		switch rng.IntN(50) {
		case 0:
			b.WriteString("changed ")
		case 1:
		default:
			b.WriteString(w + " ")
		}
		if i%15 == 14 {
			a.WriteString(". ")
			b.WriteString(". ")
		}
	}
	return a.String(), b.String()
}

// BenchmarkDiff1000Words diffs two 1,000-word texts word by word.
func BenchmarkDiff1000Words(b *testing.B) {
	x, y := bigPair(1000)
	for b.Loop() {
		Diff(x, y)
	}
}

// BenchmarkDiff20000Words diffs two 20,000-word texts whose edits are
// spread throughout: over maxMiddle, so it measures the coarse path.
func BenchmarkDiff20000Words(b *testing.B) {
	x, y := bigPair(20000)
	for b.Loop() {
		Diff(x, y)
	}
}

// TestDiffLongMiddle checks the bound on the part diffed word by word: a
// long text with one edit is still diffed exactly, and two long texts
// that differ throughout get their middle as one deletion and one
// insertion, with the common start and end kept.
func TestDiffLongMiddle(t *testing.T) {
	words := func(n int, f func(i int) string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = f(i)
		}
		return strings.Join(parts, " ")
	}
	long := words(5000, func(i int) string { return fmt.Sprintf("w%d", i) })
	edited := strings.Replace(long, " w2500 ", " changed ", 1)
	got := Text(Diff(long, edited), false)
	if !strings.Contains(got, "[-w2500-]{+changed+}") || strings.Count(got, "[-") != 1 {
		t.Errorf("one edit in a long text: got %d deletions, want exactly [-w2500-]{+changed+}", strings.Count(got, "[-"))
	}

	shuffled := words(5000, func(i int) string { return fmt.Sprintf("w%d", (i*7919)%5000) })
	a, b := "Kim met Putin. "+long+" They parted.", "Kim met Putin. "+shuffled+" They parted."
	// Minimal: without the bound, its shortest edit script keeps many
	// scattered words as equal.
	ops := Minimal(a, b)
	kinds := make([]Kind, len(ops))
	var oldText, newText strings.Builder
	for i, op := range ops {
		kinds[i] = op.Kind
		if op.Kind != Insert {
			oldText.WriteString(op.Text)
		}
		if op.Kind != Delete {
			newText.WriteString(op.Text)
		}
	}
	if want := []Kind{Equal, Delete, Insert, Equal}; !slices.Equal(kinds, want) {
		t.Errorf("texts that differ throughout: got op kinds %v, want %v", kinds, want)
	}
	if oldText.String() != Normalize(a) || newText.String() != Normalize(b) {
		t.Error("the coarse ops do not rebuild the two texts")
	}
	if !strings.HasPrefix(ops[0].Text, "Kim met Putin. w0") || !strings.HasSuffix(ops[len(ops)-1].Text, "They parted.") {
		t.Errorf("got common start %q and end %q, want the shared words kept", ops[0].Text, ops[len(ops)-1].Text)
	}
}

// side returns one text of a diff: the Equal runs and those of kind keep
// (Delete for the first text, Insert for the second).
func side(ops []Op, keep Kind) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Kind == Equal || op.Kind == keep {
			b.WriteString(op.Text)
		}
	}
	return b.String()
}
