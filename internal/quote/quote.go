// Package quote finds direct quotations in an article, attributes them to
// their speakers, and checks whether a quotation given in a summary appears
// in the article verbatim, paraphrased, or not at all.
//
// Invented or doctored quotes are among the most damaging errors a summary
// can make, so Find is strict: "verbatim" means the quoted words appear in
// order and unbroken once case, quote marks, dashes, punctuation and
// whitespace are folded; an ellipsis in the quote may stand for any run of
// omitted words.
//
// Attribution is rule-based. A quote's speaker is taken, in this order,
// from an attribution right after it (`"...", Putin said`, `"...", said
// Mr. Reeves`, `"...", her mother, Fiona, said`, `"...", according to
// TASS`), from the last speech verb before it in its sentence (`Putin said
// "..."`, `Kim described the pact as the "..."`, `what he termed the
// "..."`, `according to X, "..."`), from a participle (`Yoon apologized
// in an address, saying they "..."`: the first person named in the
// clause), from a name and a colon opening the sentence (`Holmar: "..."`,
// not a label such as "Breaking:"), or from a speech verb later in its
// sentence. Quotation marks may be straight, curly, low-high („…“) or
// guillemets, French-spaced or not (« … »). The speaker is a
// name as written, with titles, honorifics and descriptions removed
// ("Russian President Vladimir Putin" becomes "Vladimir Putin", "Mr.
// Reeves" becomes "Reeves", "Seoul resident Margie Kim" becomes "Margie
// Kim", as does a descriptor that opens the sentence ("Farmer Teo
// Brandis said" gives "Teo Brandis"), "Minister of Transport and Infrastructure Tomas Brenner" becomes
// "Tomas Brenner"), or an organisation ("Russian state media"); never a phrase that
// is not one: a verb's object ("an article that claimed Trump ... a
// "post-truth" society") and a word that only looks like a verb ("United
// States") give no speaker. "He" or "she" resolves to the first person
// named earlier in the same sentence, else to the most recent of the last
// named speaker and the last person named as a sentence's subject; "it" to
// the last organisation that spoke; a lone title ("the minister said",
// "the former senator shouted") to the person the article described with
// it, when it described one ("a local resident said" stays a local
// resident). Verbs of the manner of speaking ("shouted",
// "whispered", "joked") attribute as "said" does. "The union said" is the
// union the article names ("Danubia Steelworkers' Union"), and "a
// spokesman for the Home Ministry said" is the ministry.
//
// The description given with a speaker is kept as Role ("a spokesman for
// the Home Ministry", "union president", "Danubia's chief executive"),
// so that callers can tell that a person speaks for a body. A medium the
// words are credited through ("according to local media", "Russian news
// agencies said", "agencies quoted Putin as saying") is kept as Source,
// never as the speaker. A quotation that opens its sentence
// with no attribution of its own, within two sentences of the last one,
// continues it (news writing gives the speaker once per run of quoted
// paragraphs), unless the rest of its sentence names another person
// ("... was the verdict of Health Minister Irena Voss"). "Putin was
// quoted by TASS as saying" gives the speaker Putin and the source TASS.
//
// Kind separates speech from words that are merely in quote marks: a
// quotation is Speech when it has a speaker, runs to minSpeechWords
// words or is credited by a speech verb right after it ("the mayor
// said", though the article names no mayor), and Term otherwise (scare quotes, titles, nicknames), as is one
// introduced as imagined ("as if to say"). Callers that list what people
// said keep Speech only.
package quote

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/entity"
	textwords "github.com/newslens/newslens/internal/words"
)

// namesOther reports whether text, the rest of a quotation's sentence,
// credits the words to a person other than speaker ("— that was the
// verdict of Health Minister Irena Voss"): the quotation is not the last
// speaker's going on. Places and bodies after other words ("his promise
// to families in Upper Tarsa", "a figure the Red Cross later put at
// 250") credit nothing.
func namesOther(text, speaker string) bool {
	loc := creditOf.FindStringIndex(text)
	if loc == nil {
		return false
	}
	ws := words(text[loc[1]:])
	run := 0
	for _, w := range ws {
		if !w.capital {
			break
		}
		run++
		if strings.Contains(speaker, w.text) {
			return false
		}
	}
	return run >= 2
}

// creditOf ends the words that credit a quotation to someone named after
// them: "was the verdict of", "in the words of".
var creditOf = regexp.MustCompile(`(?i)\b(?:verdict|words|view|assessment|message|warning|promise|reply|response|answer|opinion|judgment|judgement)\s+of\s+`)

// Quote is one direct quotation.
type Quote struct {
	// Text is the quoted words without the quote marks, as written. A
	// quote that runs on into later sentences continues here, the
	// sentences joined by one space.
	Text string
	// Speaker is the best name of the speaker as written in the article,
	// titles removed ("Kim", "Vladimir Putin", "Russian state media"), or
	// "" when unknown.
	Speaker string
	// Role is the description the article gives the speaker, as written:
	// "a spokesman for the Home Ministry", "union president", "Danubia's
	// chief executive"; "" when none. A role given once with the full
	// name carries over to later quotes of the same speaker.
	Role string
	// Source is the medium the words are credited through, kept apart
	// from the speaker: "local media" in `according to local media`,
	// "Russian news agencies" in `..., Russian news agencies said`.
	Source string
	// Sentence is the 1-based number of the sentence where the quote
	// starts.
	Sentence int
	// Start and End are the byte offsets of Text within that sentence.
	// For a quote that runs past its sentence, End is the sentence's
	// length.
	Start, End int
	// Kind is Speech for words someone said or wrote, Term for words in
	// quote marks that are not speech: a scare quote, a title, a
	// nickname, a reporter's imagined line.
	Kind Kind
}

// Kind says whether a quotation is speech.
type Kind string

// The kinds of quotation.
const (
	// Speech is a quotation with a speaker, or one long enough to be
	// speech (minSpeechWords) that is not introduced as imagined.
	Speech Kind = "speech"
	// Term is anything else in quote marks: "Blue House", "fake news",
	// "Gucci Grace", "Super Mario Run", as if to say "...".
	Term Kind = "term"
)

// minSpeechWords is the fewest words an unattributed quotation needs to
// count as speech: scare quotes, titles and nicknames are shorter, while
// a quoted sentence whose speaker the article gave earlier is longer.
const minSpeechWords = 6

// imagined are the phrases that introduce words nobody said ("as if to
// say", "as though") or that the writer holds at a distance as a label
// ("so-called").
var imagined = []string{"as if to say", "as if", "as though", "so to speak", "so-called", "so called"}

// kindOf types a quotation by its speaker, its length and the words
// before it.
func kindOf(q Quote, before string) Kind {
	b := strings.ToLower(strings.TrimRight(before, " ,:"))
	for _, p := range imagined {
		if strings.HasSuffix(b, p) {
			return Term
		}
	}
	if q.Speaker != "" || q.Source != "" || len(strings.Fields(q.Text)) >= minSpeechWords {
		return Speech
	}
	return Term
}

// endsSpoken reports whether a quotation ends as words someone said
// before their attribution do, with a comma or a question or exclamation
// mark inside the marks: `"We will rebuild," the mayor said`, not `the
// so-called "roadmap" said nothing`.
func endsSpoken(text string) bool {
	return strings.HasSuffix(text, ",") || strings.HasSuffix(text, "?") || strings.HasSuffix(text, "!")
}

// saidAfter reports whether the words right after a quotation credit it
// with a speech verb, within four words of the closing mark ("said one
// survivor", "the mayor said"), whoever the speaker is.
func saidAfter(after string) bool {
	ws := words(after)
	for v := 0; v < len(ws) && v < 4; v++ {
		if v > 0 && ws[v].breakBefore {
			return false
		}
		if isVerb(ws[v]) {
			return true
		}
	}
	return false
}

// maxSpan is how many sentences a quotation may run across; an opening
// mark left unclosed for longer is treated as stray.
const maxSpan = 4

type span struct {
	open, close int // offsets of the marks in the joined text
	openLen     int
}

// Extract returns the direct quotations in sentences (sentence n is
// sentences[n-1]) in order of appearance.
func Extract(sentences []string) []Quote {
	joined, starts := join(sentences)
	spans := findSpans(joined, starts)
	a := newAttributor(sentences)
	var quotes []Quote
	var prevSent = -1
	var prevSpeaker string
	var prevClose int
	si := 0
	for _, sp := range spans {
		textStart := sp.open + sp.openLen
		s := sentenceAt(starts, sp.open)
		// Named speakers of sentences before this one feed pronoun
		// resolution.
		for ; si < s; si++ {
			a.observe(si)
		}
		cs := sentenceAt(starts, sp.close)
		q := Quote{
			Text:     strings.TrimRight(strings.ReplaceAll(joined[textStart:sp.close], "\n", " "), " \u00a0\u202f"),
			Sentence: s + 1,
			Start:    textStart - starts[s],
		}
		q.End = q.Start + len(q.Text)
		if cs != s {
			q.End = len(sentences[s])
		}
		beforeFrom := 0
		if prevSent == s {
			// A quote nested in the previous one opens before that one
			// closed: its attribution starts where the sentence does.
			beforeFrom = min(max(prevClose-starts[s], 0), sp.open-starts[s])
		}
		before := sentences[s][beforeFrom : sp.open-starts[s]]
		afterFrom := sp.close - starts[cs]
		after := sentences[cs][afterFrom:]
		if k := nextOpen(after); k >= 0 {
			after = after[:k]
		}
		long := len(strings.Fields(q.Text)) >= callWords
		q.Speaker, q.Source = a.speaker(s, before, after, sp.open-starts[s], long)
		if q.Speaker == "" && prevSent == s && prevSpeaker != "" && !strings.ContainsAny(before, ".;") {
			// `Putin called it "historic" and "a breakthrough"`.
			q.Speaker = prevSpeaker
		}
		if q.Speaker == "" && strings.TrimSpace(before) == "" && prevSpeaker != "" && a.near(prevSent, s) && !(saidAfter(after) && endsSpoken(q.Text)) && !namesOther(after, prevSpeaker) {
			// A quotation that opens its sentence with no attribution
			// of its own goes on from the last one.
			q.Speaker = prevSpeaker
		}
		if q.Speaker != "" {
			a.heard(q.Speaker, s)
			q.Role = a.role(q.Speaker, cs)
		}
		q.Kind = kindOf(q, before)
		if q.Kind == Term && saidAfter(after) && endsSpoken(q.Text) {
			q.Kind = Speech // `"We will rebuild," the mayor said`: said, by someone the article does not name
		}
		quotes = append(quotes, q)
		prevSent, prevSpeaker, prevClose = s, q.Speaker, sp.close
		if cs != s {
			prevSent = cs
			prevClose = sp.close
		}
	}
	return quotes
}

// join concatenates the sentences with a newline, the one character no
// quotation mark can be, and records where each sentence starts.
func join(sentences []string) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(sentences))
	for i, s := range sentences {
		if i > 0 {
			b.WriteByte('\n')
		}
		starts[i] = b.Len()
		b.WriteString(s)
	}
	return b.String(), starts
}

func sentenceAt(starts []int, off int) int {
	i := 0
	for i+1 < len(starts) && starts[i+1] <= off {
		i++
	}
	return i
}

var closers = map[rune]rune{'"': '"', '“': '”', '«': '»', '„': '“', '‘': '’', '\'': '\''}

func isDouble(r rune) bool { return r == '"' || r == '“' || r == '«' || r == '„' }

// Spans returns the byte spans of the text within double quotation
// marks ("...", “...”, „...“, «...») in sentence s, marks excluded.
func Spans(s string) [][2]int {
	var out [][2]int
	for _, sp := range findSpans(s, []int{0}) {
		if r, _ := utf8.DecodeRuneInString(s[sp.open:]); isDouble(r) {
			out = append(out, [2]int{sp.open + sp.openLen, sp.close})
		}
	}
	return out
}

// findSpans pairs quotation marks: double marks first, then single marks
// outside them, so nested quotes stay inside their outer quote.
func findSpans(s string, starts []int) []span {
	var spans []span
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		open := n
		if r == '«' {
			open += spaceAfter(s, i+n) // French spacing: « Nous sommes prêts »
		}
		if !isDouble(r) || !opensAt(s, i, open) {
			i += n
			continue
		}
		c := findClose(s, i+open, closers[r], false, starts, sentenceAt(starts, i))
		if c < 0 {
			i += n
			continue
		}
		spans = append(spans, span{open: i, close: c, openLen: open})
		_, cn := utf8.DecodeRuneInString(s[c:])
		i = c + cn
	}
	var singles []span
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r != '‘' && r != '\'') || !opensAt(s, i, n) || inside(spans, i) || isElision(s, i+n) {
			i += n
			continue
		}
		c := findClose(s, i+n, closers[r], true, starts, sentenceAt(starts, i))
		if c < 0 || inside(spans, c) {
			i += n
			continue
		}
		singles = append(singles, span{open: i, close: c, openLen: n})
		_, cn := utf8.DecodeRuneInString(s[c:])
		i = c + cn
	}
	return mergeSpans(spans, singles)
}

// spaceAfter returns the length of the spaces (a plain, no-break or
// narrow no-break one) at i of s, at most one.
func spaceAfter(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == ' ' || r == '\u00a0' || r == '\u202f' {
		return n
	}
	return 0
}

func mergeSpans(a, b []span) []span {
	out := make([]span, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || (i < len(a) && a[i].open < b[j].open) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

func inside(spans []span, off int) bool {
	for _, sp := range spans {
		if off > sp.open && off < sp.close {
			return true
		}
	}
	return false
}

// opensAt reports whether the mark at i (n bytes long) can open a quote:
// it follows a space, an opening bracket or dash, or starts the text, and a
// non-space follows it.
func opensAt(s string, i, n int) bool {
	if i+n >= len(s) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	if unicode.IsSpace(next) {
		return false
	}
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:", prev) || isDouble(prev)
}

// isElision reports whether an apostrophe is followed by a shortened year
// or word rather than quoted text: '90s, 'em, 'tis.
func isElision(s string, i int) bool {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > i && j < len(s) && s[j] == 's' {
		return true
	}
	rest := strings.ToLower(s[i:min(len(s), i+4)])
	return strings.HasPrefix(rest, "em ") || strings.HasPrefix(rest, "tis") || strings.HasPrefix(rest, "n ")
}

// findClose finds the mark c closing a quote whose text starts at i,
// within maxSpan sentences of sentence si. For single marks it skips
// apostrophes: one followed by a letter ("Putin’s"), and a plural
// possessive ("leaders’ summit") when a later candidate exists in the
// same sentence.
func findClose(s string, i int, c rune, single bool, starts []int, si int) int {
	limit := len(s)
	last := si + maxSpan
	if single {
		last = si + 1
	}
	if last < len(starts) {
		limit = starts[last]
	}
	var candidates []int
	for j := i; j < limit; {
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == '\n' && single {
			break
		}
		if r == c && j > i {
			if !single {
				return j
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:j])
			next, _ := utf8.DecodeRuneInString(s[j+n:])
			if !unicode.IsSpace(prev) && (j+n >= len(s) || !unicode.IsLetter(next) && !unicode.IsDigit(next)) {
				candidates = append(candidates, j)
			}
		}
		j += n
	}
	for k, j := range candidates {
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		after := j + utf8.RuneLen(c)
		if prev == 's' && k+1 < len(candidates) && after+1 < len(s) && s[after] == ' ' {
			if next, _ := utf8.DecodeRuneInString(s[after+1:]); unicode.IsLower(next) {
				continue
			}
		}
		return j
	}
	return -1
}

// nextOpen returns the offset of the next opening double quote in s, or
// -1.
func nextOpen(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isDouble(r) && i > 0 && opensAt(s, i, n) {
			return i
		}
		i += n
	}
	return -1
}

// SameSpeaker reports whether two speaker names refer to the same speaker:
// "Putin", "Vladimir Putin" and "President Vladimir Putin" do, as do "Kim"
// and "Kim Jong Un" or "Kim Jong-un", and "Sergey Lavrov" and "Sergei
// Lavrov". After titles are removed, the shorter name must be a run of
// the longer's words that includes its first or last word, a word of
// five letters or more matching one transliterated another way
// (respelt). Empty names match nothing.
func SameSpeaker(a, b string) bool {
	return SameSpeakerWords(SpeakerWords(a), SpeakerWords(b))
}

// SpeakerWords returns the words SameSpeaker compares a name by, for
// callers that compare one name many times.
func SpeakerWords(name string) []string { return speakerWords(name) }

// SameSpeakerWords is SameSpeaker on names already turned into words by
// SpeakerWords.
func SameSpeakerWords(wa, wb []string) bool {
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if hasRun(wb[:len(wa)], wa) || hasRun(wb[len(wb)-len(wa):], wa) {
		return true
	}
	return false
}

func hasRun(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] && !respelt(a[i], b[i]) {
			return false
		}
	}
	return true
}

// respelt reports whether two words of five letters or more are one
// name transliterated two ways: one "i" written "y" ("Sergei",
// "Sergey"), or one letter doubled ("Zelensky", "Zelenskyy"; "Mohamed",
// "Mohammed"). Other one-letter differences tell people apart ("Maria",
// "Mario"; "Clark", "Clarke").
func respelt(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || a[0] != b[0] {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				if a[i]+b[i] != 'i'+'y' || a[i] != 'i' && a[i] != 'y' {
					return false
				}
				diff++
			}
		}
		return diff == 1
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return i > 0 && b[i] == b[i-1] && a[i:] == b[i+1:]
	}
	return false
}

func speakerWords(s string) []string {
	s = entity.BareName(strings.TrimSpace(s))
	s = textwords.FoldAccents(strings.ToLower(s)) // "Vasić" is "Vasic"
	s = speakerFolder.Replace(s)
	return strings.Fields(s)
}

// speakerFolder folds hyphens, apostrophes and dots in names.
var speakerFolder = strings.NewReplacer("-", " ", "‐", " ", "’", "'", ".", " ")
