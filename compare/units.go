package compare

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/lexicon"
	"github.com/newslens/newslens/internal/words"
)

// minUnitTerms is the fewest content words a clause needs to stand as a
// fact of its own; a shorter one ("Putin said", "and it was hot") stays
// with the clause before it.
const minUnitTerms = 4

// clauseStarters open a clause that adds a fact after a comma.
var clauseStarters = map[string]bool{
	"which": true, "while": true, "whereas": true, "although": true, "though": true,
	"adding": true, "saying": true, "but": true, "and": true,
}

// notParticiples end in -ing but open no clause of their own.
var notParticiples = map[string]bool{"including": true, "according": true, "during": true, "following": true, "regarding": true, "concerning": true}

// subjects may open a new clause after "and": a pronoun or determiner
// starting a noun phrase that does something new.
var subjects = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true,
	"the": true, "its": true, "their": true, "his": true, "her": true, "this": true,
}

// clauseSpans splits a sentence into the byte spans of its clauses: at a
// semicolon; before "which", "while", "although", "adding", "saying" or
// another participle ("reviving", "raising") after a comma; before "but"; before ", and" when a subject follows
// ("..., and he said"); never inside a quotation. Clauses with fewer than
// minUnitTerms content words are joined to their neighbour, so every
// span can be judged on its own.
func clauseSpans(s string, terms []lexicon.Term) [][2]int {
	cuts := clauseCuts(s)
	spans := make([][2]int, 0, len(cuts)+1)
	start := 0
	for _, c := range cuts {
		spans = append(spans, [2]int{start, c})
		start = c
	}
	spans = append(spans, [2]int{start, len(s)})
	count := func(sp [2]int) int {
		if namesOnly(terms, sp) {
			// "Jiangxin Iron & Steel Group, which ...": a name alone
			// is the subject of the next clause, not a fact.
			return 0
		}
		n := 0
		for _, t := range terms {
			if t.Start >= sp[0] && t.Start < sp[1] {
				n++
			}
		}
		return n
	}
	out := spans[:0]
	for _, sp := range spans {
		if len(out) > 0 && (count(sp) < minUnitTerms || count(out[len(out)-1]) < minUnitTerms) {
			out[len(out)-1][1] = sp[1]
			continue
		}
		out = append(out, sp)
	}
	return out
}

// namesOnly reports whether the terms in span sp are all names or
// figures, a capitalised word opening the sentence counted as a name: a
// subject before its clause ("Jiangxin Iron & Steel Group, which ...")
// or the last items of a list ("..., Uttar Pradesh and Delhi"), which
// state nothing on their own.
func namesOnly(terms []lexicon.Term, sp [2]int) bool {
	for _, t := range terms {
		if t.Start >= sp[0] && t.Start < sp[1] && t.Kind == words.Word && !words.IsCapitalized(t.Token) {
			return false
		}
	}
	return true
}

// clauseCuts returns the byte offsets where a new clause starts.
func clauseCuts(s string) []int {
	var cuts []int
	inQuote := false
	afterComma := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"' || r == '\u201c' || r == '\u201d':
			inQuote = r == '\u201c' || r == '"' && !inQuote
			if r == '\u201d' {
				inQuote = false
			}
		case inQuote:
		case r == ';':
			cuts = append(cuts, nextWord(s, i+size))
		case r == ',':
			afterComma = true
			i += size
			continue
		case unicode.IsLetter(r) && (i == 0 || s[i-1] == ' '):
			w := strings.ToLower(wordAt(s, i))
			switch {
			case w == "but":
				cuts = append(cuts, i)
			case w == "that" && relativeThat(s, i):
				cuts = append(cuts, i)
			case afterComma && w == "and":
				if next := strings.ToLower(wordAt(s, nextWord(s, i+len(w)))); subjects[next] || isUpperAt(s, nextWord(s, i+len(w))) || verbAhead(s, i+len(w)) {
					cuts = append(cuts, i)
				}
			case afterComma && clauseStarters[w] && w != "and",
				afterComma && len(w) > 5 && strings.HasSuffix(w, "ing") && !isUpperAt(s, i) && !notParticiples[w]:
				cuts = append(cuts, i)
			}
		}
		if !unicode.IsSpace(r) {
			afterComma = false
		}
		i += size
	}
	return cuts
}

// auxiliaries mark a finite verb: "..., and rescuers were walking".
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "could": true, "can": true, "may": true, "might": true, "did": true,
}

// verbAhead reports whether the words after s[i], up to the next comma
// or the fifth word, hold a verb in the past or an auxiliary: after ", and"
// a new clause with a subject of its own, not the last item of a list
// ("trade, investment, and culture").
func verbAhead(s string, i int) bool {
	for k := 0; k < 5; k++ {
		i = nextWord(s, i)
		raw := wordAt(s, i)
		if raw == "" {
			return false
		}
		w := strings.ToLower(raw)
		if auxiliaries[w] || k > 0 && len(w) > 4 && strings.HasSuffix(w, "ed") {
			return true
		}
		i += len(raw)
	}
	return false
}

func nextWord(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func wordAt(s string, i int) string {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return s[i:j]
}

func isUpperAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// unitText is a clause as shown in a report: without the spaces and
// punctuation left at its ends by the cut.
func unitText(s string, sp [2]int) string {
	return strings.Trim(s[sp[0]:sp[1]], " ,;:")
}

// dateline matches the place and date an agency puts before its first
// sentence, where the story was filed and not a fact of it, in the forms
// agencies use: "PYONGYANG, June 19 (Reuters) - ", "SEOUL (AP) — ",
// "KYIV, Ukraine (AP) — ", "CASTRONA, Kerevia, Aug 13 - ",
// "PYONGYANG, June 19 (Xinhua) -- ", "MOSCOW -- " and TASS's
// "PYONGYANG, June 19. /TASS/. ", which the splitter may leave as a
// sentence of its own.
var dateline = regexp.MustCompile(`^[A-Z][A-Z .'’-]+[A-Z](?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][a-z]+\.? \d{1,2})?| ?, [A-Z][a-z]+\.? \d{1,2})?\.?` +
	`(?: ?\([A-Za-z .]+\) ?(?:[-–—]{1,2}|:) | ?[-–—]{1,2} | ?/[A-Za-z .-]+/\.?(?: |$))`)

// datelineEnd returns where the body of a first sentence starts.
func datelineEnd(s string) int {
	return len(dateline.FindString(s))
}

// isLabelLine reports whether a "sentence" is a byline or a caption,
// which a comparison of facts must not count: "By Jane Doe", "Caption:
// Residents search the rubble".
func isLabelLine(s string) bool {
	first, rest, _ := strings.Cut(s, " ")
	switch strings.TrimRight(first, ":") {
	case "By":
		return len(strings.Fields(rest)) <= 6 && !strings.ContainsAny(rest, ",;")
	case "Caption", "Photo", "Picture", "Image", "Video", "Watch", "Related", "Read":
		return strings.HasSuffix(first, ":") || strings.HasPrefix(rest, "more:")
	}
	return false
}

// relativeThat reports whether the "that" at s[i] opens a relative
// clause that adds a fact about the noun before it ("an agreement that
// commits each side to ..."): the word before is no verb (not "said
// that") and the word after is a verb in the present or a modal.
func relativeThat(s string, i int) bool {
	before := strings.Fields(s[:i])
	if len(before) == 0 {
		return false
	}
	prev := strings.ToLower(strings.Trim(before[len(before)-1], ",;:\"'”’"))
	if prev == "" || strings.HasSuffix(prev, "ed") || strings.HasSuffix(prev, "s") || strings.HasSuffix(prev, "ing") || reportingVerbs[prev] {
		return false
	}
	next := strings.ToLower(wordAt(s, nextWord(s, i+len("that"))))
	return len(next) > 3 && strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") || next == "will" || next == "would"
}

// reportingVerbs introduce what someone said, not a relative clause.
var reportingVerbs = map[string]bool{"say": true, "tell": true, "warn": true, "believe": true, "think": true, "know": true, "fear": true, "hope": true, "suggest": true, "show": true, "argue": true, "claim": true, "insist": true, "deny": true, "add": true, "note": true}
