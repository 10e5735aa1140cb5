package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MatchKind says how a quotation was found in an article.
type MatchKind string

// The kinds of Match.
const (
	Verbatim    MatchKind = "verbatim"
	Paraphrased MatchKind = "paraphrased"
	Absent      MatchKind = "absent"
)

// ParaphraseThreshold is the share of the quote's words that must appear,
// in order, within one sentence for the quote to count as paraphrased
// rather than absent.
const ParaphraseThreshold = 0.6

// Match is where, and how closely, a quotation appears in an article.
type Match struct {
	// Kind is Verbatim, Paraphrased or Absent.
	Kind MatchKind
	// Sentence is the 1-based sentence where the matching span starts, 0
	// when Absent.
	Sentence int
	// Span is the matching article text as written, "" when Absent.
	Span string
	// Score is the share of the quote's words matched in order: 1 for
	// Verbatim, at least ParaphraseThreshold for Paraphrased, and the best
	// score found for Absent.
	Score float64
}

var folder = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`, "″", `"`,
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "‹", "'", "›", "'", "′", "'",
	"‐", "-", "‑", "-", "‒", "-", "–", "-", "—", "-", "―", "-", "−", "-",
	"[...]", " ", "[…]", " ", "...", "…",
)

// Normalize folds the typographic variation that does not change what a
// quotation says: curly and straight quote marks and apostrophes become
// straight, dashes become "-", "..." becomes "…", a bracketed ellipsis
// ("[...]", "[…]") is removed, runs of white space become one space, and
// letters are lower-cased.
func Normalize(s string) string {
	if !plainSpaced(s) {
		s = strings.Join(strings.Fields(folder.Replace(s)), " ")
	}
	return strings.ToLower(s)
}

// plainSpaced reports whether folding and collapsing white space would
// leave s as it is: it is ASCII (every mark folder replaces is not)
// without "...", and its words are separated by single spaces. Most
// sentences are, and checking is much cheaper than rebuilding them.
func plainSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		case c == '.' && strings.HasPrefix(s[i:], "..."):
			return false
		}
	}
	return true
}

// fword is one normalised word with its place in the original text.
type fword struct {
	norm       string
	sent       int
	start, end int
}

// splitWords returns the normalised words of s. Apostrophes stay inside a
// word; every other non-letter, non-digit separates words.
func splitWords(s string, sent int, out []fword) []fword {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' {
				if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); j+n2 < len(s) && unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		out = append(out, fword{norm: Normalize(s[i:j]), sent: sent, start: i, end: j})
		i = j
	}
	return out
}

// maxGap is how many article words an ellipsis in a quotation may skip.
const maxGap = 60

// Find looks for quote in sentences (sentence n is sentences[n-1]).
//
// It is Verbatim when the quote's words appear in order and unbroken after
// Normalize (punctuation is ignored, and each ellipsis in the quote may
// skip up to 60 words). Otherwise the best window of at most twice the
// quote's length inside one sentence is scored by the longest common
// subsequence of words divided by the quote's word count; a score of at
// least ParaphraseThreshold, with at least one word that is not a function
// word matched, makes it Paraphrased. Anything less is Absent.
func Find(sentences []string, quote string) Match {
	quote = bracketEllipsis.Replace(quote)
	var segs [][]fword
	var all []fword
	for _, part := range strings.Split(Normalize(quote), "…") {
		ws := splitWords(part, 0, nil)
		if len(ws) > 0 {
			segs = append(segs, ws)
			all = append(all, ws...)
		}
	}
	if len(all) == 0 {
		return Match{Kind: Absent}
	}
	var text []fword
	for i, s := range sentences {
		text = splitWords(s, i, text)
	}
	if first, last, ok := verbatim(text, segs); ok {
		return Match{Kind: Verbatim, Sentence: text[first].sent + 1, Span: spanText(sentences, text[first], text[last]), Score: 1}
	}
	best, bestFirst, bestLast := 0.0, -1, -1
	for i := range text {
		if !contains(all, text[i].norm) {
			continue
		}
		end := i
		for end < len(text) && end < i+2*len(all) && text[end].sent == text[i].sent {
			end++
		}
		n, last, content := lcs(all, text[i:end])
		if n == 0 || !content {
			continue
		}
		score := float64(n) / float64(len(all))
		if score > best || (score == best && bestFirst >= 0 && last < bestLast-bestFirst) {
			best, bestFirst, bestLast = score, i, i+last
		}
	}
	if best >= ParaphraseThreshold && bestFirst >= 0 {
		return Match{Kind: Paraphrased, Sentence: text[bestFirst].sent + 1, Span: spanText(sentences, text[bestFirst], text[bestLast]), Score: best}
	}
	return Match{Kind: Absent, Score: best}
}

// verbatim finds the segments in order, each unbroken, with at most
// maxGap words between them.
func verbatim(text []fword, segs [][]fword) (int, int, bool) {
	for i := range text {
		if !runAt(text, i, segs[0]) {
			continue
		}
		pos := i + len(segs[0])
		ok := true
		for _, seg := range segs[1:] {
			found := false
			for j := pos; j <= pos+maxGap && j < len(text); j++ {
				if runAt(text, j, seg) {
					pos = j + len(seg)
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return i, pos - 1, true
		}
	}
	return 0, 0, false
}

func runAt(text []fword, i int, seg []fword) bool {
	if i+len(seg) > len(text) {
		return false
	}
	for k, w := range seg {
		if text[i+k].norm != w.norm {
			return false
		}
	}
	return true
}

func contains(ws []fword, w string) bool {
	for _, x := range ws {
		if x.norm == w {
			return true
		}
	}
	return false
}

// lcs returns the length of the longest common subsequence of q and w, the
// index in w of the last word it needs, and whether it matches a word that
// is not a function word.
func lcs(q, w []fword) (int, int, bool) {
	m, n := len(q), len(w)
	dp := make([][]int, m+1)
	for i := range dp {
		dp[i] = make([]int, n+1)
	}
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			switch {
			case q[i-1].norm == w[j-1].norm:
				dp[i][j] = dp[i-1][j-1] + 1
			case dp[i-1][j] >= dp[i][j-1]:
				dp[i][j] = dp[i-1][j]
			default:
				dp[i][j] = dp[i][j-1]
			}
		}
	}
	best := dp[m][n]
	last := n - 1
	for j := 1; j <= n; j++ {
		if dp[m][j] == best {
			last = j - 1
			break
		}
	}
	// Walk back to see whether a content word is among the matches.
	content := false
	for i, j := m, last+1; i > 0 && j > 0; {
		switch {
		case q[i-1].norm == w[j-1].norm:
			if !functionWords[q[i-1].norm] {
				content = true
			}
			i--
			j--
		case dp[i-1][j] >= dp[i][j-1]:
			i--
		default:
			j--
		}
	}
	return best, last, content
}

var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true,
	"on": true, "and": true, "or": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "it": true, "that": true, "this": true,
	"for": true, "with": true, "as": true, "at": true, "by": true, "we": true,
	"i": true, "you": true, "he": true, "she": true, "they": true, "our": true,
	"their": true, "his": true, "her": true, "its": true, "not": true,
	"will": true, "would": true, "has": true, "have": true, "had": true,
}

// spanText returns the article text from word a to word b, joining
// sentences with a space when the span crosses them.
func spanText(sentences []string, a, b fword) string {
	if a.sent == b.sent {
		return sentences[a.sent][a.start:b.end]
	}
	parts := []string{sentences[a.sent][a.start:]}
	for s := a.sent + 1; s < b.sent; s++ {
		parts = append(parts, sentences[s])
	}
	parts = append(parts, sentences[b.sent][:b.end])
	return strings.Join(parts, " ")
}

// bracketEllipsis marks an editor's elision as an ellipsis.
var bracketEllipsis = strings.NewReplacer("[...]", "…", "[…]", "…")
