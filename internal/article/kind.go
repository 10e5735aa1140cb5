package article

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Kind says what a sentence is on the page: the article's own text, or
// furniture around it. Furniture keeps its sentence number, so citations
// stay stable, but is never a key point, a summary sentence, a figure or a
// quote.
type Kind uint8

// The kinds of sentence. Body is the zero value: an article without kinds
// is all body.
const (
	// Body is the article's own text.
	Body Kind = iota
	// Caption describes a photo, video, map or chart.
	Caption
	// Credit names a photographer, agency, author or contributor.
	Credit
	// Link is a related link, a list of links or a call to action
	// ("Read more:", "Sign up for our newsletter").
	Link
	// Heading is a line that is not a sentence: a heading, a label, a
	// list item, a standfirst without a verb.
	Heading
)

var kindNames = [...]string{"body", "caption", "credit", "link", "heading"}

// String returns the kind's name: "body", "caption", "credit", "link" or
// "heading".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Kind returns the kind of sentence n (1-based); Body when the article
// has no kinds or n is out of range.
func (a *Article) Kind(n int) Kind {
	if n < 1 || n > len(a.Kinds) {
		return Body
	}
	return a.Kinds[n-1]
}

// markedText is the text of one element the page's markup calls a
// caption, credit or link list, folded by foldMarked. An image's alt text
// is kept as words instead (alt), since captions repeat it loosely.
type markedText struct {
	kind Kind
	text string
	alt  map[string]bool
}

// markupClasses maps words found in an element's class or id to the kind
// of furniture they mark. An element whose text is longer than maxMarked
// bytes is not furniture whatever its class says: a caption is short, and
// a wrapper named "related-content" may hold the whole article.
var markupClasses = []struct {
	word string
	kind Kind
}{
	{"caption", Caption},
	{"credit", Credit},
	{"byline", Credit},
	{"copyright", Credit},
	{"contributor", Credit},
	{"related", Link},
	{"read-more", Link},
	{"readmore", Link},
	{"newsletter", Link},
	{"more-stories", Link},
}

const maxMarked = 800

// markedTexts returns the texts of the elements of an HTML page that its
// markup marks as furniture: figcaption elements, and elements whose class
// or id names a caption, credit, byline or related links.
func markedTexts(data []byte) []markedText {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	var out []markedText
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" || n.Data == "style" || n.Data == "noscript" {
				return
			}
			if m, ok := altText(n); ok {
				out = append(out, m)
			}
			if k, ok := markupKind(n); ok {
				if t := foldMarked(nodeText(n)); t != "" && len(t) <= maxMarked {
					out = append(out, markedText{kind: k, text: t})
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// minAltWords is the fewest words an image's alt text needs before a
// sentence that repeats it counts as the image's caption; "Photo" or a
// name alone says nothing.
const minAltWords = 6

// altText returns the alt text of an img element as a caption mark.
func altText(n *html.Node) (markedText, bool) {
	if n.Data != "img" {
		return markedText{}, false
	}
	for _, at := range n.Attr {
		if at.Key != "alt" {
			continue
		}
		ws := wordSet(at.Val)
		if len(ws) < minAltWords {
			break
		}
		return markedText{kind: Caption, alt: ws}, true
	}
	return markedText{}, false
}

// wordSet returns the lowered words of s.
func wordSet(s string) map[string]bool {
	ws := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		ws[w] = true
	}
	return ws
}

// altShare is the share of a sentence's words that must occur in an
// image's alt text for the sentence to be that image's caption. Alt texts
// and captions are often typed apart, with small spelling differences.
const altShare = 0.75

// markupKind says whether element n is marked as furniture, and as what.
func markupKind(n *html.Node) (Kind, bool) {
	if n.Data == "figcaption" {
		return Caption, true
	}
	for _, at := range n.Attr {
		if at.Key != "class" && at.Key != "id" {
			continue
		}
		v := strings.ToLower(at.Val)
		for _, m := range markupClasses {
			if strings.Contains(v, m.word) {
				return m.kind, true
			}
		}
	}
	return Body, false
}

// nodeText is the text under n, its pieces joined by spaces.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// foldMarked lowers s and drops its white space, so that a sentence
// matches an element's text however the extractor spaced either.
func foldMarked(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// minMarkedMatch is the folded length below which a sentence counts as
// marked only when it is an element's whole text: a short sentence ("He
// said no.") could otherwise sit inside a caption by chance.
const minMarkedMatch = 16

// sentenceKinds gives each sentence its kind: from the page's markup
// where it marks the sentence, else from the sentence's shape.
func sentenceKinds(text string, sentences []string, marked []markedText) []Kind {
	kinds := make([]Kind, len(sentences))
	alone := wholeParagraphs(text, sentences)
	for i, s := range sentences {
		if k, ok := markedKind(s, marked); ok {
			kinds[i] = k
			continue
		}
		kinds[i] = shapeKind(s, alone[i])
	}
	return kinds
}

// markedKind finds s in the marked texts.
func markedKind(s string, marked []markedText) (Kind, bool) {
	f := foldMarked(s)
	if f == "" {
		return Body, false
	}
	var words map[string]bool
	for _, m := range marked {
		if m.alt != nil {
			if words == nil {
				words = wordSet(s)
			}
			if len(words) >= minAltWords && shareIn(words, m.alt) >= altShare {
				return m.kind, true
			}
			continue
		}
		if m.text == f || (len(f) >= minMarkedMatch && strings.Contains(m.text, f)) {
			return m.kind, true
		}
	}
	return Body, false
}

// shareIn is the share of words that are in set.
func shareIn(words, set map[string]bool) float64 {
	n := 0
	for w := range words {
		if set[w] {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// BodyStart returns where the body text of sentence n (1-based) begins:
// past a caption or credit the page's markup marks at its start, which
// the extractor ran into the first sentence of the paragraph after it
// ("© Provided by Agency Photo caption Nintendo and Apple shocked ...").
// It is 0 when nothing marked opens the sentence.
func (a *Article) BodyStart(n int) int {
	s := a.Sentence(n)
	f := foldMarked(s)
	best := 0
	for _, m := range a.marked {
		if m.alt == nil && len(m.text) >= minMarkedMatch && len(m.text) < len(f) && strings.HasPrefix(f, m.text) {
			best = max(best, len(m.text))
		}
	}
	if best == 0 {
		return 0
	}
	// Walk s until best folded bytes have gone by.
	seen := 0
	for i, r := range s {
		if seen >= best {
			return i + len(s[i:]) - len(strings.TrimLeft(s[i:], " "))
		}
		if !unicode.IsSpace(r) {
			seen += len(string(unicode.ToLower(r)))
		}
	}
	return 0
}

// wholeParagraphs reports for each sentence whether it is a paragraph of
// its own. Paragraphs are separated by blank lines; a sentence that cannot
// be found in order is taken not to be alone.
func wholeParagraphs(text string, sentences []string) []bool {
	alone := make([]bool, len(sentences))
	var paras []string
	for p := range strings.SplitSeq(text, "\n\n") {
		paras = append(paras, strings.Join(strings.Fields(p), " "))
	}
	p, off := 0, 0
	for i, s := range sentences {
		s = strings.Join(strings.Fields(s), " ")
		for p < len(paras) {
			if j := strings.Index(paras[p][off:], s); j >= 0 {
				alone[i] = off == 0 && j == 0 && len(s) == len(paras[p])
				off += j + len(s)
				break
			}
			p, off = p+1, 0
		}
		if p == len(paras) {
			break
		}
	}
	return alone
}

// staffLine is an agency's line of who reported, wrote and edited a
// story, names and places alone: "(Reporting by Ju-min Park in Seoul;
// Editing by Lincoln Feast)", "Additional reporting by Sam Roe". A
// sentence that goes on after "by" ("Reporting by the BBC found ...",
// "Writing by ChatGPT is banned") is none.
const staffLine = `\(?(?:additional )?(?:reporting|writing|editing) by ` + staffNames +
	`(?:[;,] ?(?:additional )?(?:reporting|writing|editing) by ` + staffNames + `)*\)?\.?$`

// staffNames is one name or more, each with the place it worked from,
// joined by commas or "and".
const staffNames = staffName + `(?:(?:, | and )` + staffName + `)*`

// staffName is a capitalised name of up to four words and its place.
const staffName = `(?-i:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})(?: in (?-i:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}))?`

// Shapes of furniture in plain text. Each is matched against a whole
// sentence.
var (
	// creditShape: photo and video credits, agency tags (a word or two
	// alone in brackets, "(Yonhap)"), bylines, contributor lines and an
	// agency's notices ("This material may not be published ...", "Our
	// Standards: ...").
	creditShape = regexp.MustCompile(`(?i)^(?:` +
		`\(?(?:photo|photograph|image|picture|video|illustration|graphic)s?(?: credit)?\s*(?:by\b|:|©)` +
		`|credits?\b|©|copyright\b|image copyright\b|all rights reserved\b|\(?(?:ap|afp|reuters|getty images|epa)\)\.?$` +
		`|` + staffLine + `|\([\w&-]+(?: [\w&-]+)?\)\.?$` +
		`|this material may not be published, broadcast\b|our standards\s*:` +
		`|(?:written |edited )?by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*$` +
		`|follow (?:him|her|them|us|@)` +
		`)|(?:contributed (?:to this report|reporting)|reported from [A-Z][\w -]+(?:, and [\w -]+ from [\w -]+)?)\.?$` +
		`|[\w.-]+ ?/ ?(?:AFP|AP|Reuters|EPA|Getty Images|Getty|Shutterstock|Bloomberg|Sipa)\b` +
		`|\bby [\w ]+ staff$` +
		`|^(?:[A-Z][\w.'-]+ ){2,3}(?:is (?:a|an|the) (?:[\w-]+ ){0,3}(?:reporter|correspondent|editor|writer|producer|columnist|contributor|photographer)\b|covers [\w ,.-]+\.$)`)
	// linkShape: related links, link lists, calls to action and page
	// furniture: notes on the story itself (updated, corrected, first
	// published elsewhere) and cookie notices.
	linkShape = regexp.MustCompile(`(?i)^(?:` +
		`\[.*\]$|(?:read|see|watch|listen)(?: more| also)?\s*:|related\s*:|more on this\b|read more\b` +
		`|continue reading\b|read the full\b|click here\b|check it out here\b|view (?:photo|gallery|slideshow)s?\b` +
		`|powered by\b|sign up\b|subscribe\b|share (?:this|on)\b|first published\b|most read\b` +
		`|this (?:story|article|report|page) (?:has been|was) (?:updated|corrected|amended)\b` +
		`|(?:this|the) (?:story|article) (?:was|is) (?:originally |first )?(?:published|republished|reproduced)\b` +
		`|(?:we|this (?:site|website)) uses? cookies\b|editor['’]?s note\s*:|correction\s*:` +
		`)`)
	// captionShape: labels that open a caption.
	captionShape = regexp.MustCompile(`(?i)^(?:media caption|image caption|photo caption|caption\s*:|map\s*:|chart\s*:|graphic\s*:|video\s*:|photo\s*:|pictured\s*:|clockwise from\b|above,|left,|right,|top,|from left\b)`)
)

// endsSentence reports whether s ends the way a sentence of running text
// does: a full stop, question or exclamation mark, or one of them inside a
// closing quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ”’\"')]»")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") ||
		strings.HasSuffix(s, "…") || strings.HasSuffix(s, ":")
}

// shapeKind types a sentence the markup did not mark, by its shape. alone
// says whether the sentence is a paragraph of its own: a paragraph that
// does not end like a sentence is a caption when it runs to a clause and a
// heading when it is shorter.
func shapeKind(s string, alone bool) Kind {
	s = strings.TrimSpace(s)
	n := len(strings.Fields(s))
	switch {
	case n <= 20 && creditShape.MatchString(s):
		return Credit
	case n <= 25 && linkShape.MatchString(s):
		return Link
	case captionShape.MatchString(s):
		return Caption
	case alone && !endsSentence(s) && n >= 6:
		return Caption
	case alone && !endsSentence(s):
		return Heading
	}
	return Body
}
