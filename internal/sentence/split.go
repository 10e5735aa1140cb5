package sentence

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// extraAbbrevs are abbreviations common in news copy that the English
// training data lacks. Without them punkt ends a sentence at "Mt." in
// "Mt. Fuji" or at "Pres." in "Pres. Biden".
var extraAbbrevs = []string{
	"approx", "apr", "atty", "capt", "cmdr", "cpl", "dept", "det", "gov",
	"govt", "hon", "jul", "jun", "mar", "mt", "mts", "pres",
	"pvt", "rev", "sens", "sgt", "supt",
}

// tokenizer is built once: the model is read on first use, and Tokenize
// only reads it afterwards, so one value is safe to share between
// goroutines.
var tokenizer = sync.OnceValues(func() (*punktSplitter, error) {
	m, err := parseModel(englishModel)
	if err != nil {
		return nil, err
	}
	for _, a := range extraAbbrevs {
		m.abbrevs.Add(a)
	}
	return newPunktSplitter(m), nil
})

// The splitter's regular expressions are compiled on first use: those
// with Unicode classes such as \p{Lu} take a while to compile, and many
// runs (a warm one, or one without such sentences) never need them.
var (
	// paragraphBreak separates paragraphs: a blank line, possibly holding
	// spaces when Split is given text that was not normalised.
	// splitParagraphs does its work; the expression states it.
	paragraphBreak = newLazyRegexp(`\n[ \t\p{Zs}]*\n`)
	// lineBreak is a single line break inside a paragraph, with the
	// spaces around it; hard-wrapped lines join with one space.
	lineBreak = newLazyRegexp(`[ \t]*\n[ \t]*`)
	// numberEnd finds a number ending a sentence before a capital. The
	// English tokenizer treats every "1991." as a list number and never
	// breaks after it ("in 1991. The partnership ..." stays one
	// sentence), nor after most decimals ("put its magnitude at 6.1. More
	// than 150 people were injured") or an amount with its scale ("to
	// NOK 19.8bn. Snacks grew"), so Split breaks there itself. Group
	// 1 is the space. numberEndCuts does its work; the expression states
	// it.
	numberEnd = newLazyRegexp(`(?:^|[\s(\[])\d+(?:,\d{3})*(?:\.\d+)?(?:bn|mn|m|k|tn)?\.(\s+)["'“‘(\[]*\p{Lu}`)
	// quoteEnd finds a quotation ending a sentence right before another
	// opens; punkt only breaks there when a capital follows directly.
	// quoteEndCuts does its work; the expression states it.
	quoteEnd = newLazyRegexp(`[.?!][”’"']+(\s+)[“‘"']\p{Lu}`)
	// strayCloser is a closing quote or bracket left at the start of a
	// sentence; it belongs to the sentence before.
	strayCloser = newLazyRegexp(`^[”’"')\]]+(?:\s|$)`)
)

// lazyRegexp is a regular expression and its source, compiled when first
// needed.
type lazyRegexp struct {
	expr     string
	compiled func() *regexp.Regexp
}

func newLazyRegexp(expr string) *lazyRegexp {
	return &lazyRegexp{expr: expr, compiled: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
}

// Split splits normalised text into sentences. Paragraphs (separated by a
// blank line) are split independently, so no sentence spans a paragraph
// break; line breaks inside a sentence become single spaces, and each
// sentence is trimmed. The result is deterministic for a given text.
//
// Each distinct paragraph is split once per process: two versions of an
// article, or outlets running the same wire copy, share most paragraphs.
// A paragraph another goroutine is splitting is collected at the end, so
// goroutines splitting similar texts share the work instead of waiting.
func Split(text string) []string {
	paras := splitParagraphs(text)
	got := make([][]string, len(paras))
	var later []int
	pending := make(map[int]*splitting)
	for i, para := range paras {
		if strings.TrimSpace(para) == "" {
			continue
		}
		e, mine := paragraphs.claim(para)
		if mine {
			e.split(para)
		}
		select {
		case <-e.done:
			got[i] = e.sentences
		default:
			later = append(later, i)
			pending[i] = e
		}
	}
	for _, i := range later {
		e := pending[i]
		<-e.done
		got[i] = e.sentences
	}
	return slices.Concat(got...)
}

// splitParagraph splits one paragraph.
func splitParagraph(para string) []string {
	tok, err := tokenizer()
	if err != nil {
		// The training data is compiled into the binary; failing to
		// decode it is a build defect, not an input problem.
		panic("sentence: load model: " + err.Error())
	}
	var parts []string
	for _, s := range tok.split(para) {
		parts = append(parts, splitMissed(s)...)
	}
	parts = reattachClosers(parts)
	parts = rejoinZones(parts)
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if strings.Contains(p, "\n") {
			p = lineBreak.compiled().ReplaceAllString(p, " ")
		}
		p = strings.TrimSpace(p)
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// paragraphs remembers the split of each paragraph seen, up to
// paragraphMemoSize of them or paragraphMemoBytes of text; when full it
// starts afresh.
var paragraphs = &paragraphMemo{m: make(map[string]*splitting)}

const (
	paragraphMemoSize  = 8192
	paragraphMemoBytes = 16 << 20
)

type paragraphMemo struct {
	mu    sync.Mutex
	m     map[string]*splitting
	bytes int
}

// splitting is one paragraph's split: sentences is set before done is
// closed, and only read after.
type splitting struct {
	done      chan struct{}
	sentences []string
}

// claim returns the entry for para, and true if the caller is the first
// to ask and so must split it and close done.
func (pm *paragraphMemo) claim(para string) (*splitting, bool) {
	pm.mu.Lock()
	defer pm.mu.Unlock()
	if e, ok := pm.m[para]; ok {
		return e, false
	}
	if len(pm.m) >= paragraphMemoSize || pm.bytes+len(para) > paragraphMemoBytes {
		clear(pm.m) // entries in use live on with their holders
		pm.bytes = 0
	}
	e := &splitting{done: make(chan struct{})}
	// A copy, so that the memo does not keep whole article texts alive.
	pm.m[strings.Clone(para)] = e
	pm.bytes += len(para)
	return e, true
}

// split splits para into e and marks e done, even if splitting panics,
// so that no goroutine waits on it for ever.
func (e *splitting) split(para string) {
	defer close(e.done)
	e.sentences = splitParagraph(para)
}

// splitMissed breaks s where the English tokenizer misses a sentence end:
// after a number before a capital (except a number opening s, which is
// a list marker like "1. First ..."), after a time of day before a
// capital (clockEndCuts), and between a closing and an opening quote
// ("... over.” ‘Not yet,’ she said").
func splitMissed(s string) []string {
	// The cheap checks skip the scans for most sentences.
	var cuts []int
	if hasNumberStop(s) {
		for _, c := range numberEndCuts(s) {
			if strings.ContainsAny(strings.TrimSpace(s[:c]), " \t\n") {
				cuts = append(cuts, c)
			}
		}
	}
	if hasQuoteStop(s) {
		cuts = append(cuts, quoteEndCuts(s)...)
	}
	if strings.Contains(s, ".m. ") {
		cuts = append(cuts, clockEndCuts(s)...)
	}
	if len(cuts) == 0 {
		return []string{s}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	parts := make([]string, 0, len(cuts)+1)
	start := 0
	for _, c := range cuts {
		parts = append(parts, s[start:c])
		start = c
	}
	return append(parts, s[start:])
}

// numberEndCuts returns where group 1 of each match of numberEnd in s
// starts, as numberEnd.FindAllStringSubmatchIndex would, by a byte scan:
// quote-heavy copy spent a third of its splitting time in the regular
// expression's backtracker. The expression's parts match disjoint
// classes, so a match is found without backtracking, and no match starts
// inside a multi-byte character, since every way one can begin is ASCII.
func numberEndCuts(s string) []int { return scanCuts(s, numberEndAt) }

// clockEnd finds a time of day ending a sentence before a capital: "at
// around 7:40 p.m. Four carriages overturned". Punkt takes "p.m." for an
// abbreviation inside the sentence unless a common sentence opener
// follows. Group 1 is the space, group 2 the capitalised word and group
// 3 up to three words after it, which clockEndCuts reads to keep "11
// p.m. ET Monday", "3 a.m. Tuesday" and "1 p.m. Hong Kong time" whole.
var clockEnd = newLazyRegexp(`\d\s?[ap]\.m\.(\s+)(\p{Lu}[\p{L}'’-]*)((?:\s+[\p{L}'’-]+){0,3})`)

// clockWords may follow "a.m." or "p.m." inside a sentence: days,
// months and the names of time zones.
var clockWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"eastern": true, "central": true, "mountain": true, "pacific": true, "atlantic": true, "local": true,
	"greenwich": true, "universal": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// clockEndCuts returns where a sentence ends after a time of day
// (clockEnd): before a capitalised word that is no day, month or time
// zone (an acronym such as "ET" or "GMT"), that no other capitalised
// word follows ("1 p.m. Hong Kong time", "11 a.m. Christmas Day"), and
// that "time" does not follow within three words ("3 p.m. Moscow time").
func clockEndCuts(s string) []int {
	var cuts []int
	for _, m := range clockEnd.compiled().FindAllStringSubmatchIndex(s, -1) {
		w := s[m[4]:m[5]]
		if clockWords[strings.ToLower(w)] || len(w) > 1 && w == strings.ToUpper(w) {
			continue
		}
		after := strings.Fields(s[m[6]:m[7]])
		if len(after) > 0 && unicode.IsUpper([]rune(after[0])[0]) || slices.ContainsFunc(after, func(a string) bool { return strings.EqualFold(a, "time") }) {
			continue
		}
		cuts = append(cuts, m[2])
	}
	return cuts
}

// quoteEndCuts is numberEndCuts for quoteEnd.
func quoteEndCuts(s string) []int { return scanCuts(s, quoteEndAt) }

// scanCuts finds successive non-overlapping matches of at in s, leftmost
// first, and returns where group 1 of each starts.
func scanCuts(s string, at func(s string, i int) (end, group int, ok bool)) []int {
	var cuts []int
	for i := 0; i < len(s); {
		if end, g, ok := at(s, i); ok {
			cuts = append(cuts, g)
			i = end
			continue
		}
		i++
	}
	return cuts
}

// numberEndAt matches numberEnd at s[i:], returning the match's end and
// the start of group 1.
func numberEndAt(s string, i int) (end, group int, ok bool) {
	j := i // where the digits start: (?:^|[\s(\[])
	switch c := s[i]; {
	case i == 0 && isDigit(c):
	case isRESpace(c) || c == '(' || c == '[':
		j++
	default:
		return 0, 0, false
	}
	d := j // \d+
	for d < len(s) && isDigit(s[d]) {
		d++
	}
	if d == j {
		return 0, 0, false
	}
	for d+3 < len(s) && s[d] == ',' && isDigit(s[d+1]) && isDigit(s[d+2]) && isDigit(s[d+3]) { // (?:,\d{3})*
		d += 4
	}
	if d+1 < len(s) && s[d] == '.' && isDigit(s[d+1]) { // (?:\.\d+)?
		for d++; d < len(s) && isDigit(s[d]); d++ {
		}
	}
	d += scaleSuffix(s[d:])         // (?:bn|mn|m|k|tn)?
	if d >= len(s) || s[d] != '.' { // \.
		return 0, 0, false
	}
	group = d + 1 // (\s+)
	k := group
	for k < len(s) && isRESpace(s[k]) {
		k++
	}
	if k == group {
		return 0, 0, false
	}
	for k < len(s) { // ["'“‘(\[]*
		if c := s[k]; c == '"' || c == '\'' || c == '(' || c == '[' {
			k++
		} else if strings.HasPrefix(s[k:], "“") || strings.HasPrefix(s[k:], "‘") {
			k += len("“")
		} else {
			break
		}
	}
	return upperAt(s, k, group)
}

// quoteEndAt matches quoteEnd at s[i:], returning the match's end and
// the start of group 1.
func quoteEndAt(s string, i int) (end, group int, ok bool) {
	if c := s[i]; c != '.' && c != '?' && c != '!' { // [.?!]
		return 0, 0, false
	}
	k := i + 1
	for k < len(s) { // [”’"']+
		if c := s[k]; c == '"' || c == '\'' {
			k++
		} else if strings.HasPrefix(s[k:], "”") || strings.HasPrefix(s[k:], "’") {
			k += len("”")
		} else {
			break
		}
	}
	if k == i+1 {
		return 0, 0, false
	}
	group = k // (\s+)
	for k < len(s) && isRESpace(s[k]) {
		k++
	}
	if k == group || k >= len(s) {
		return 0, 0, false
	}
	switch { // [“‘"']
	case s[k] == '"' || s[k] == '\'':
		k++
	case strings.HasPrefix(s[k:], "“") || strings.HasPrefix(s[k:], "‘"):
		k += len("“")
	default:
		return 0, 0, false
	}
	return upperAt(s, k, group)
}

// upperAt ends a match at an upper-case letter (\p{Lu}) at s[k:].
func upperAt(s string, k, group int) (end, g int, ok bool) {
	if k >= len(s) {
		return 0, 0, false
	}
	if c := s[k]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return k + 1, group, true
		}
		return 0, 0, false
	}
	r, n := utf8.DecodeRuneInString(s[k:])
	if !unicode.Is(unicode.Lu, r) {
		return 0, 0, false
	}
	return k + n, group, true
}

// hasNumberStop reports whether s has a digit (perhaps with a scale
// suffix), a period and white space in a row, the shape numberEnd needs.
func hasNumberStop(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		k := strings.IndexByte(s[i:len(s)-1], '.')
		if k < 0 {
			return false
		}
		i += k
		if !isRESpace(s[i+1]) {
			continue
		}
		if isDigit(s[i-1]) {
			return true
		}
		for _, suf := range scaleSuffixes {
			if n := len(suf); i > n && s[i-n:i] == suf && isDigit(s[i-n-1]) {
				return true
			}
		}
	}
	return false
}

// scaleSuffixes are the scales written against an amount: "NOK 19.8bn.",
// "£600m.", "12k." end a sentence as the bare number would.
var scaleSuffixes = []string{"bn", "mn", "m", "k", "tn"}

// scaleSuffix returns the length of the scale suffix s opens with, when
// a period follows it, or 0.
func scaleSuffix(s string) int {
	for _, suf := range scaleSuffixes {
		if n := len(suf); len(s) > n && s[:n] == suf && s[n] == '.' {
			return n
		}
	}
	return 0
}

// hasQuoteStop reports whether s has end punctuation followed by a
// closing quote, the shape quoteEnd needs.
func hasQuoteStop(s string) bool {
	if strings.IndexByte(s, '"') < 0 && strings.IndexByte(s, '\'') < 0 && !strings.Contains(s, "”") && !strings.Contains(s, "’") {
		return false
	}
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '.', '?', '!':
			rest := s[i+1:]
			if rest[0] == '"' || rest[0] == '\'' || strings.HasPrefix(rest, "”") || strings.HasPrefix(rest, "’") {
				return true
			}
		}
	}
	return false
}

// isRESpace reports whether c is white space to \s in a regular
// expression.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// splitParagraphs splits text at each match of paragraphBreak, as
// paragraphBreak.Split(text, -1) does, with a byte loop: on a long article
// the regular expression cost as much as splitting a tenth of it.
func splitParagraphs(text string) []string {
	var paras []string
	start := 0
	for i := 0; i < len(text); i++ {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		i += k
		j := i + 1
		for j < len(text) {
			if c := text[j]; c == ' ' || c == '\t' {
				j++
				continue
			} else if c < utf8.RuneSelf {
				break
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.Is(unicode.Zs, r) {
				break
			}
			j += n
		}
		if j < len(text) && text[j] == '\n' {
			paras = append(paras, text[start:i])
			start = j + 1
			i = j
		}
	}
	return append(paras, text[start:])
}

// clockZones are the time zones written after "a.m." or "p.m." ("11 p.m.
// ET Monday"), which punkt takes for the start of a new sentence.
var clockZones = map[string]bool{
	"ET": true, "EST": true, "EDT": true, "CT": true, "CST": true, "CDT": true, "MT": true, "PT": true,
	"PST": true, "PDT": true, "GMT": true, "UTC": true, "BST": true, "CET": true, "CEST": true,
	"EET": true, "IST": true, "JST": true, "KST": true, "AEST": true, "WIB": true,
}

// rejoinZones joins to the sentence before it a part that starts with a
// time zone when that sentence ends in "a.m." or "p.m.": "The storm made
// landfall at 11 p.m. ET Monday" is one sentence.
func rejoinZones(parts []string) []string {
	out := parts[:0]
	for i, p := range parts {
		if i > 0 && len(out) > 0 {
			prev := strings.TrimRight(out[len(out)-1], " \t\n")
			lead := strings.TrimLeft(p, " \t\n")
			first, _, _ := strings.Cut(lead, " ")
			first = strings.TrimRight(first, ".,;:")
			if (strings.HasSuffix(prev, "a.m.") || strings.HasSuffix(prev, "p.m.")) && clockZones[first] {
				out[len(out)-1] += p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// startsWithCloser reports whether s starts with a character strayCloser
// begins with.
func startsWithCloser(s string) bool {
	return s != "" && (strings.IndexByte(`"')]`, s[0]) >= 0 || strings.HasPrefix(s, "”") || strings.HasPrefix(s, "’"))
}

// reattachClosers moves a closing quote or bracket that begins a sentence
// to the end of the sentence before it.
func reattachClosers(parts []string) []string {
	for i := 1; i < len(parts); i++ {
		lead := strings.TrimLeft(parts[i], " \t\n")
		if !startsWithCloser(lead) {
			continue
		}
		m := strayCloser.compiled().FindString(lead)
		if m == "" {
			continue
		}
		closer := strings.TrimRight(m, " \t\n")
		parts[i-1] = strings.TrimRight(parts[i-1], " \t\n") + closer
		parts[i] = lead[len(closer):]
	}
	return parts
}
