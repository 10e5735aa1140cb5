package sentence

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// The punkt tokenizer asks a dozen questions of every word ("is it an
// initial?", "what is its type?") and the library answers most of them
// with a regular expression per call; on news copy that is about two
// thirds of the splitter's time. punktWord and multiPunct answer the same
// questions with byte loops. They are drop-in replacements, and
// TestPunktWordMatchesLibrary and FuzzPunktWord check every answer, and
// every split, against the library's English tokenizer.

// newPunktTokenizer builds the English punkt tokenizer over m the way
// english.NewSentenceTokenizer does over its storage, with punktWord in
// place of its word parser and typePass, tokenPass and multiPunct in
// place of its three annotation passes.
func newPunktTokenizer(m *punktModel) *sentences.DefaultSentenceTokenizer {
	// The abbreviations english.NewSentenceTokenizer adds.
	for _, a := range []string{"sgt", "gov", "no"} {
		m.abbrevs.Add(a)
	}
	lang := &punktPunct{}
	word := &punktWord{}
	word.PunctStrings = lang
	return &sentences.DefaultSentenceTokenizer{
		// No sentences.Storage: nothing but the passes reads the model,
		// and they read m.
		PunctStrings:  lang,
		WordTokenizer: word,
		Annotations: []sentences.AnnotateTokens{
			&typePass{m: m, word: word},
			&tokenPass{m: m, word: word},
			&multiPunct{m: m, word: word},
		},
	}
}

// punktSplitter splits a paragraph into sentences as
// sentences.DefaultSentenceTokenizer.Tokenize does with the parts
// newPunktTokenizer gives it, reusing its word tokens from one paragraph
// to the next.
type punktSplitter struct {
	word   *punktWord
	passes []sentences.AnnotateTokens
}

func newPunktSplitter(m *punktModel) *punktSplitter {
	t := newPunktTokenizer(m)
	return &punktSplitter{word: t.WordTokenizer.(*punktWord), passes: t.Annotations}
}

var tokenBufs = sync.Pool{New: func() any { return new(tokenBuf) }}

// split returns the sentences of text, untrimmed: each runs from the end
// of the one before to the end of its last word.
func (p *punktSplitter) split(text string) []string {
	if text == "" {
		return nil
	}
	b := tokenBufs.Get().(*tokenBuf)
	defer func() {
		b.reset()
		tokenBufs.Put(b)
	}()
	tokens := p.word.tokenize(text, b)
	for _, pass := range p.passes {
		tokens = pass.Annotate(tokens)
	}
	var out []string
	last := 0
	for _, t := range tokens {
		if t.SentBreak {
			out = append(out, text[last:t.Position])
			last = t.Position
		}
	}
	if last != len(text) {
		out = append(out, text[last:])
	}
	return out
}

// punktWord is english.WordTokenizer with its regular expressions
// replaced by equivalent byte loops. Every method the library implements
// through another (TypeNoPeriod through Type, say) is overridden too, since
// Go would otherwise call the embedded, slow version.
type punktWord struct {
	english.WordTokenizer
}

// Tokenize splits text into words exactly as the library's word
// tokenizer does, but allocates the tokens in blocks instead of one by
// one. The tokens leave the library's regular expressions unset;
// punktWord answers every question that would use them.
func (w *punktWord) Tokenize(text string, onlyPeriodContext bool) []*sentences.Token {
	if onlyPeriodContext || text == "" {
		return w.WordTokenizer.Tokenize(text, onlyPeriodContext)
	}
	return w.tokenize(text, &tokenBuf{})
}

// tokenBlock is how many tokens a tokenBuf allocates at a time.
const tokenBlock = 256

// tokenBuf holds word tokens for reuse: the tokens of a long article were
// half of the bytes Split allocated, and in a short run every fresh page
// of memory costs a page fault. punktSplitter hands a paragraph's tokens
// back once it has its sentences.
type tokenBuf struct {
	blocks [][]sentences.Token
	used   int // tokens handed out since the last reset
	ptrs   []*sentences.Token
}

// add appends a token to b.ptrs, in b's memory.
func (b *tokenBuf) add(t sentences.Token) {
	i, j := b.used/tokenBlock, b.used%tokenBlock
	if i == len(b.blocks) {
		b.blocks = append(b.blocks, make([]sentences.Token, tokenBlock))
	}
	b.used++
	b.blocks[i][j] = t
	b.ptrs = append(b.ptrs, &b.blocks[i][j])
}

// reset forgets the tokens handed out, and the text they refer to.
func (b *tokenBuf) reset() {
	for i := 0; i*tokenBlock < b.used; i++ {
		clear(b.blocks[i][:min(tokenBlock, b.used-i*tokenBlock)])
	}
	clear(b.ptrs)
	b.ptrs, b.used = b.ptrs[:0], 0
}

// tokenize is Tokenize for non-empty text, with the tokens in b.
func (w *punktWord) tokenize(text string, b *tokenBuf) []*sentences.Token {
	var (
		lastSpace int
		lineStart bool
		paraStart bool
	)
	newToken := func(word string, pos int) {
		b.add(sentences.Token{Tok: word, Position: pos, ParaStart: paraStart, LineStart: lineStart})
	}
	last := len(text) - 1
	for next := 0; next < len(text); {
		// ASCII letters and marks, most of the text, end no word (but
		// the last byte always does).
		for next < last && asciiWordByte[text[next]] {
			next++
		}
		// The rune at i, decoded as ranging over text would.
		i, r, size := next, rune(text[next]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		next += size
		if !isTokenSpace(r) && !sentences.IsCjkPunct(r) && i != last {
			continue
		}
		if sentences.IsCjkPunct(r) {
			i += utf8.RuneLen(r)
		}
		if r == '\n' {
			if lineStart {
				paraStart = true
			}
			lineStart = true
		}
		cursor := i
		if i == last {
			cursor = len(text)
		}
		word := strings.TrimSpace(text[lastSpace:cursor])
		if word == "" {
			continue
		}
		newToken(word, cursor)
		lastSpace = cursor
		lineStart, paraStart = false, false
	}
	if len(b.ptrs) == 0 {
		lineStart, paraStart = false, false
		newToken(text, len(text))
	}
	return b.ptrs
}

// Type is the word lower-cased, with a trailing number replaced by
// "##number##" and commas dropped (unless it is one character long).
func (w *punktWord) Type(t *sentences.Token) string {
	typ := numberType(strings.ToLower(t.Tok))
	if len(typ) == 1 {
		return typ
	}
	return strings.ReplaceAll(typ, ",", "")
}

// numberType replaces the leftmost match of `-?[\.,]?\d[\d,\.-]*\.?$` in
// s with "##number##". A match runs to the end of s and holds only digits,
// commas, periods and hyphens, so it starts inside the longest such
// suffix; the first position there where `-?[\.,]?\d` matches is the
// leftmost match.
func numberType(s string) string {
	start := len(s)
	for start > 0 && isNumberByte(s[start-1]) {
		start--
	}
	for i := start; i < len(s); i++ {
		j := i
		if s[j] == '-' {
			j++
		}
		if j < len(s) && (s[j] == '.' || s[j] == ',') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			return s[:i] + "##number##"
		}
	}
	return s
}

// TypeNoPeriod is Type without a final period.
func (w *punktWord) TypeNoPeriod(t *sentences.Token) string {
	typ := w.Type(t)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// TypeNoSentPeriod is Type without a final period if the word ends a
// sentence.
func (w *punktWord) TypeNoSentPeriod(t *sentences.Token) string {
	if t.SentBreak {
		return w.TypeNoPeriod(t)
	}
	return w.Type(t)
}

// FirstUpper reports whether the word's first character is upper case.
func (w *punktWord) FirstUpper(t *sentences.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return t.Tok != "" && unicode.IsUpper(r)
}

// FirstLower reports whether the word's first character is lower case.
func (w *punktWord) FirstLower(t *sentences.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Tok)
	return t.Tok != "" && unicode.IsLower(r)
}

// IsEllipsis reports whether the word ends in two or more periods.
func (w *punktWord) IsEllipsis(t *sentences.Token) bool {
	return strings.HasSuffix(t.Tok, "..")
}

// IsInitial reports whether the word is one ASCII letter and a period.
func (w *punktWord) IsInitial(t *sentences.Token) bool {
	s := t.Tok
	return len(s) == 2 && isASCIILetter(s[0]) && s[1] == '.'
}

// IsListNumber matches `^\d+.?\)?$`: digits, then perhaps any one
// character but a newline, then perhaps ")". Taking every leading digit
// is safe: giving one back to `.?` leaves at most ")" after it, which
// the longer run of digits accepts too.
func (w *punktWord) IsListNumber(t *sentences.Token) bool {
	s := t.Tok
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	rest := s[i:]
	if rest == "" || rest == ")" {
		return true
	}
	r, n := utf8.DecodeRuneInString(rest)
	if r == '\n' {
		return false
	}
	rest = rest[n:]
	return rest == "" || rest == ")"
}

// IsAlpha reports whether the word is all ASCII letters.
func (w *punktWord) IsAlpha(t *sentences.Token) bool {
	s := t.Tok
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) {
			return false
		}
	}
	return s != ""
}

// IsCoordinatePartTwo matches `^[0-9]*\.[0-9]*\.[0-9]*\.$`: digits and
// exactly three periods, the last at the end.
func (w *punktWord) IsCoordinatePartTwo(t *sentences.Token) bool {
	s := t.Tok
	if s == "" || s[len(s)-1] != '.' {
		return false
	}
	periods := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
			periods++
		case !isDigit(s[i]):
			return false
		}
	}
	return periods == 3
}

// IsNonPunct matches `[^\W\d]` against the word's type: an ASCII letter
// or an underscore somewhere in it.
func (w *punktWord) IsNonPunct(t *sentences.Token) bool {
	typ := w.Type(t)
	for i := 0; i < len(typ); i++ {
		if isASCIILetter(typ[i]) || typ[i] == '_' {
			return true
		}
	}
	return false
}

// HasSentEndChars reports whether the word ends in "?" or "!", or in
// ".", "?" or "!" and a closing quote or parenthesis, or holds ".[",
// ".(", `."`, ".'", "?[", "?(", "![" or "!(" anywhere.
func (w *punktWord) HasSentEndChars(t *sentences.Token) bool {
	s := t.Tok
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || w.HasUnreliableEndChars(t) {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '.':
			switch s[i+1] {
			case '[', '(', '"', '\'':
				return true
			}
		case '?', '!':
			switch s[i+1] {
			case '[', '(':
				return true
			}
		}
	}
	return false
}

// HasUnreliableEndChars reports whether the word ends in ".", "?" or "!"
// followed by a closing quote or parenthesis.
func (w *punktWord) HasUnreliableEndChars(t *sentences.Token) bool {
	s := t.Tok
	var last int
	switch {
	case strings.HasSuffix(s, `"`), strings.HasSuffix(s, `'`), strings.HasSuffix(s, `)`):
		last = 1
	case strings.HasSuffix(s, "’"), strings.HasSuffix(s, "”"):
		last = len("’")
	default:
		return false
	}
	if len(s) <= last {
		return false
	}
	switch s[len(s)-last-1] {
	case '.', '?', '!':
		return true
	}
	return false
}

// punktPunct is sentences.DefaultPunctStrings with a single pass for
// HasSentencePunct, which the word splitter calls on every word.
type punktPunct struct {
	sentences.DefaultPunctStrings
}

// HasSentencePunct reports whether text holds any of . ! ? 。 ！ ？.
func (*punktPunct) HasSentencePunct(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '.' || c == '!' || c == '?':
			return true
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(text[i:], ".!?。！？")
		}
	}
	return false
}

// multiPunct is english.MultiPunctWordAnnotation, the pass that handles
// list numbers, coordinates, abbreviations such as "U.S." and periods
// inside quotes, with its one regular expression replaced by
// hasAbbrevShape.
type multiPunct struct {
	m    *punktModel
	word *punktWord
}

// Annotate applies the pass to each word and the one after it.
func (a *multiPunct) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for i := 0; i+1 < len(tokens); i++ {
		a.annotate(tokens[i], tokens[i+1])
	}
	return tokens
}

func (a *multiPunct) annotate(one, two *sentences.Token) {
	if !one.SentBreak && plainWord(one.Tok) {
		// All the pass could do to a plain word is clear its SentBreak.
		return
	}
	if a.word.IsListNumber(one) || a.word.IsCoordinatePartOne(one) {
		one.SentBreak = false
		return
	}
	if strings.HasSuffix(one.Tok, ".") && two.Tok == "." {
		one.SentBreak = false
		return
	}
	if !hasAbbrevShape(one.Tok) && one.Tok != "." && !a.word.HasUnreliableEndChars(one) && !a.word.IsCoordinatePartTwo(one) {
		return
	}
	if a.word.IsInitial(one) {
		return
	}
	one.Abbr = true
	one.SentBreak = false

	nextTyp := a.word.TypeNoSentPeriod(two)
	if a.m.orthoHeuristic(a.word, two) == 1 {
		one.SentBreak = true
		return
	}
	if a.word.FirstUpper(two) && (a.m.starters[nextTyp] != 0 || a.word.HasUnreliableEndChars(one) || one.Tok == "." || a.word.IsCoordinatePartTwo(one)) {
		one.SentBreak = true
	}
}

// hasAbbrevShape reports whether `((?:[\w]\.)+[\w]*\.)` matches inside
// s. Any match begins with a word character and a period and goes on
// with word characters up to another period, and that shorter shape is
// itself a match, so it is the one to look for.
func hasAbbrevShape(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if !isWordByte(s[i]) || s[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '.' {
			return true
		}
	}
	return false
}

// isTokenSpace is unicode.IsSpace with a table for ASCII.
func isTokenSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// asciiWordByte holds the bytes that are a whole ASCII character other
// than white space.
var asciiWordByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiSpace[c]
	}
	return t
}()

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isWordByte(c byte) bool    { return isDigit(c) || isASCIILetter(c) || c == '_' }
func isNumberByte(c byte) bool  { return isDigit(c) || c == ',' || c == '.' || c == '-' }
