// Package worddiff computes word-level differences between two texts and
// renders them for terminals and Markdown.
//
// Texts are cut into tokens (words, single punctuation marks and
// whitespace); each distinct token is mapped to one rune, the two rune
// strings are diffed with diffmatchpatch, and the result is mapped back.
// Diffing tokens instead of characters keeps edits on word boundaries and
// makes 20,000-word inputs cheap. Typographic trivia (curly versus straight
// quotes, dash variants, runs of whitespace) is normalised first so that it
// never shows as a change.
//
// The tokens are its own, not package words': a diff must give both texts
// back byte for byte, so white space is a token and only the joiners
// inside a word that the renderers expect stay in it. The package imports
// the standard library and github.com/sergi/go-diff, nothing of newslens.
package worddiff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Kind says whether an Op keeps, removes or adds text.
type Kind int8

// Kinds of Op.
const (
	Equal Kind = iota
	Delete
	Insert
)

// String returns "equal", "delete" or "insert".
func (k Kind) String() string {
	switch k {
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "equal"
}

// Op is one run of the diff: text common to both sides, only in the first
// (Delete) or only in the second (Insert).
type Op struct {
	Kind Kind
	Text string
}

// Diff returns the word-level differences that turn a into b, after
// normalising quotes, dashes and whitespace in both. Concatenating the
// Equal and Delete texts gives normalised a; Equal and Insert give
// normalised b. The result does not depend on machine load; two texts
// whose differing middle exceeds maxMiddle tokens get that middle as one
// deletion and one insertion.
func Diff(a, b string) []Op {
	return diff(a, b, true)
}

// maxMiddle bounds, in tokens (words, spaces and marks), the part of two
// texts between their common start and their common end that is diffed
// word by word. The diff's cost grows with that part's length times the
// number of edits in it, so two long texts that differ throughout (the
// same words in another order took seconds) would be slow; a longer part
// is reported as deleted and inserted whole. Sentences and passages are
// far shorter, and a size limit, unlike a time limit, keeps the output
// the same on every machine.
const maxMiddle = 6000

// replaceMiddle returns the coarse diff of ra and rb, their common start,
// the rest of each as one deletion and one insertion, and their common
// end, when that rest is over maxMiddle tokens; otherwise nil.
func replaceMiddle(ra, rb []rune) []diffmatchpatch.Diff {
	p := 0
	for p < len(ra) && p < len(rb) && ra[p] == rb[p] {
		p++
	}
	q := 0
	for q < len(ra)-p && q < len(rb)-p && ra[len(ra)-1-q] == rb[len(rb)-1-q] {
		q++
	}
	if len(ra)+len(rb)-2*(p+q) <= maxMiddle {
		return nil
	}
	var out []diffmatchpatch.Diff
	for _, d := range []diffmatchpatch.Diff{
		{Type: diffmatchpatch.DiffEqual, Text: string(ra[:p])},
		{Type: diffmatchpatch.DiffDelete, Text: string(ra[p : len(ra)-q])},
		{Type: diffmatchpatch.DiffInsert, Text: string(rb[p : len(rb)-q])},
		{Type: diffmatchpatch.DiffEqual, Text: string(ra[len(ra)-q:])},
	} {
		if d.Text != "" {
			out = append(out, d)
		}
	}
	return out
}

// Minimal is Diff without the semantic cleanup: the shortest token-level
// edit script, which keeps short common words such as "commits" in
// "the pact commits" as anchors. It suits callers that look for small
// replaced phrases; Diff reads better for people.
func Minimal(a, b string) []Op {
	return diff(a, b, false)
}

func diff(a, b string, semantic bool) []Op {
	a, b = Normalize(a), Normalize(b)
	if a == b {
		if a == "" {
			return nil
		}
		return []Op{{Equal, a}}
	}
	m := newMapper(len(a) + len(b))
	ra := m.runes(a)
	rb := m.runes(b)
	var diffs []diffmatchpatch.Diff
	if coarse := replaceMiddle(ra, rb); coarse != nil {
		diffs = coarse
	} else {
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0
		diffs = dmp.DiffMainRunes(ra, rb, false)
		if semantic {
			if cleaned := dmp.DiffCleanupSemantic(copyDiffs(diffs)); wellFormed(cleaned, ra, rb) {
				diffs = cleaned
			}
		}
	}
	ops := make([]Op, 0, len(diffs))
	for _, d := range diffs {
		if d.Text == "" {
			continue
		}
		k := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			k = Delete
		case diffmatchpatch.DiffInsert:
			k = Insert
		}
		text := m.text(d.Text)
		if n := len(ops); n > 0 && ops[n-1].Kind == k {
			ops[n-1].Text += text
			continue
		}
		ops = append(ops, Op{k, text})
	}
	return ops
}

func copyDiffs(d []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	return append([]diffmatchpatch.Diff(nil), d...)
}

// wellFormed checks that cleaned diffs still spell out both rune
// sequences. diffmatchpatch's semantic cleanup measures some shifts in
// runes and slices in bytes, which can split a multi-byte rune; when that
// happens the uncleaned diff, which is always correct, is used instead.
func wellFormed(diffs []diffmatchpatch.Diff, a, b []rune) bool {
	i, j := 0, 0
	for _, d := range diffs {
		if !utf8.ValidString(d.Text) {
			return false
		}
		for _, r := range d.Text {
			if d.Type != diffmatchpatch.DiffInsert {
				if i >= len(a) || a[i] != r {
					return false
				}
				i++
			}
			if d.Type != diffmatchpatch.DiffDelete {
				if j >= len(b) || b[j] != r {
					return false
				}
				j++
			}
		}
	}
	return i == len(a) && j == len(b)
}

// mapper assigns each distinct token a rune. Whitespace tokens map to
// ASCII space and newline so that diffmatchpatch's boundary scoring
// prefers to start and end edits at spaces; words get runes from U+0100
// upwards, skipping the surrogate range that cannot be encoded.
type mapper struct {
	ids    map[string]rune
	tokens []string
	next   rune
}

// newMapper makes a mapper for about n bytes of text: prose has about
// one distinct token in every eight bytes, and a map sized so is not
// rebuilt as it grows.
func newMapper(n int) *mapper {
	return &mapper{ids: make(map[string]rune, n/8), next: 0x100}
}

func (m *mapper) runes(s string) []rune {
	out := make([]rune, 0, len(s)/3)
	eachToken(s, func(tok string) {
		out = append(out, m.id(tok))
	})
	return out
}

func (m *mapper) id(tok string) rune {
	switch tok {
	case " ":
		return ' '
	case "\n\n":
		return '\n'
	}
	if r, ok := m.ids[tok]; ok {
		return r
	}
	r := m.next
	m.next++
	if m.next == 0xD800 {
		m.next = 0xE000
	}
	m.ids[tok] = r
	m.tokens = append(m.tokens, tok)
	return r
}

func (m *mapper) text(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteString("\n\n")
		case r >= 0xE000:
			b.WriteString(m.tokens[r-0x100-(0xE000-0xD800)])
		default:
			b.WriteString(m.tokens[r-0x100])
		}
	}
	return b.String()
}

// eachToken cuts normalised text into whitespace runs, words (letters and
// digits with inner apostrophes, hyphens and digit separators) and single
// other characters.
func eachToken(s string, f func(string)) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\n':
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
				j++
			}
			f(s[i:j])
			i = j
		case isWord(r):
			j := i + size
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if isWord(r2) {
					j += n
					continue
				}
				if (r2 == '\'' || r2 == '-' || r2 == ',' || r2 == '.') && j+n < len(s) {
					next, _ := utf8.DecodeRuneInString(s[j+n:])
					prev, _ := utf8.DecodeLastRuneInString(s[:j])
					if isWord(next) && (r2 == '\'' || r2 == '-' || unicode.IsDigit(prev) && unicode.IsDigit(next)) {
						j += n
						continue
					}
				}
				break
			}
			f(s[i:j])
			i = j
		default:
			f(s[i : i+size])
			i += size
		}
	}
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Normalize replaces curly quotes with straight ones and dash variants
// with "-" (spaced dashes become " - "), collapses whitespace without a
// blank line to one space and whitespace with one to a paragraph break
// ("\n\n"), and trims both ends.
func Normalize(s string) string {
	if isNormal(s) {
		return s
	}
	return normalize(s)
}

func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, para := false, false
	newlines := 0
	flush := func() {
		if b.Len() > 0 {
			if para {
				b.WriteString("\n\n")
			} else if space {
				b.WriteByte(' ')
			}
		}
		space, para, newlines = false, false, 0
	}
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			if r == '\n' {
				newlines++
				if newlines >= 2 {
					para = true
				}
			}
			continue
		}
		if space {
			flush()
		}
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc':
			r = '\''
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isNormal reports whether Normalize would return s unchanged: no white
// space but single spaces between words, and no curly quote, prime or dash
// variant. Checking is much cheaper than rebuilding, and sentences from
// the splitter mostly pass.
func isNormal(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are printable ASCII with
		// single spaces.
		if i+8 <= len(s) && plainASCII8(s[i:i+8]) {
			if s[i+7] == ' ' && i+8 < len(s) && s[i+8] == ' ' {
				return false
			}
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if s[i+1] == ' ' {
					return false
				}
			case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && n == 1 {
			return false // white space, or an invalid byte Normalize replaces
		}
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc',
			'\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb',
			'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			return false
		}
		i += n
	}
	return true
}

// plainASCII8 reports whether the 8 bytes of s are all ASCII at or above
// 0x20, with no two spaces in a row: no control character, no white space
// but single spaces, no part of a multi-byte character.
func plainASCII8(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	// A byte is below 0x20 exactly when subtracting 0x20 from it borrows
	// into its high bit while its own high bit was clear.
	if w&highs != 0 || (w-0x20*ones)&^w&highs != 0 {
		return false
	}
	// The high bit of each byte that is a space, without carries between
	// bytes; two in a row overlap when shifted by one byte.
	t := w ^ 0x20*ones
	spaces := ^((t&lows + lows) | t) & highs
	return spaces&(spaces>>8) == 0
}

// Same reports whether ops contain no insertion or deletion.
func Same(ops []Op) bool {
	for _, op := range ops {
		if op.Kind != Equal {
			return false
		}
	}
	return true
}

// ANSI escapes used by Text when color is true.
const (
	red   = "\x1b[31m"
	green = "\x1b[32m"
	reset = "\x1b[0m"
)

// Text renders ops as plain text with deletions as [-text-] and
// insertions as {+text+}, the notation of git's --word-diff=plain; with
// color, deletions are red and insertions green instead.
func Text(ops []Op, color bool) string {
	var b strings.Builder
	for _, op := range ops {
		switch {
		case op.Kind == Equal:
			b.WriteString(op.Text)
		case color:
			lead, core, trail := splitSpace(op.Text)
			b.WriteString(lead)
			if op.Kind == Delete {
				b.WriteString(red)
			} else {
				b.WriteString(green)
			}
			b.WriteString(core)
			b.WriteString(reset)
			b.WriteString(trail)
		case op.Kind == Delete:
			b.WriteString("[-" + op.Text + "-]")
		default:
			b.WriteString("{+" + op.Text + "+}")
		}
	}
	return b.String()
}

// Markdown renders ops for GitHub-flavoured Markdown: deletions as
// ~~text~~, insertions as **text**, with Markdown specials escaped and
// surrounding spaces kept outside the markers, where they must be for
// the emphasis to render.
func Markdown(ops []Op) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Kind == Equal {
			b.WriteString(Escape(op.Text))
			continue
		}
		lead, core, trail := splitSpace(op.Text)
		b.WriteString(lead)
		if core != "" {
			mark := "**"
			if op.Kind == Delete {
				mark = "~~"
			}
			b.WriteString(mark + Escape(core) + mark)
		}
		b.WriteString(trail)
	}
	return b.String()
}

func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " \n")
	lead = s[:len(s)-len(core)]
	trimmed := strings.TrimRight(core, " \n")
	trail = core[len(trimmed):]
	return lead, trimmed, trail
}

// Escape backslash-escapes the characters that Markdown or a GitHub table
// would otherwise interpret, and turns newlines into spaces so the text
// fits in a table cell.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '~', '[', ']', '<', '>', '|', '#':
			b.WriteByte('\\')
		case '\n':
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}
