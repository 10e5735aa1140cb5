package article

import (
	"slices"
	"strings"
	"testing"
)

func TestShapeKind(t *testing.T) {
	tests := []struct {
		name  string
		s     string
		alone bool
		want  Kind
	}{
		{name: "body", s: "Putin met Kim in Pyongyang on Wednesday.", alone: true, want: Body},
		{name: "lead-in stays body", s: "In a wide-ranging interview, the president also said:", alone: true, want: Body},
		{name: "agency tag", s: "(Reuters)", alone: true, want: Credit},
		{name: "photo agencies", s: "Jane Doe/AFP/Getty Images", alone: true, want: Credit},
		{name: "credit label", s: "Credit Jane Doe for The Daily", alone: true, want: Credit},
		{name: "contributor line", s: "Sam Roe contributed to this report.", alone: true, want: Credit},
		{name: "rights line", s: "All rights reserved.", alone: true, want: Credit},
		{name: "video by", s: "(Video by Sam Roe)", alone: true, want: Credit},
		{name: "staff byline", s: "2/26/2015 7:11 AM PST BY NEWS STAFF", alone: true, want: Credit},
		{name: "agency tag of two words", s: "(Kyodo News)", alone: false, want: Credit},
		{name: "bracketed sentence is body", s: "(The ministry later denied this.)", alone: true, want: Body},
		{name: "editing line", s: "Writing by Sam Roe; Editing by Jo Bloggs", alone: true, want: Credit},
		{name: "a Reuters staff line", s: "(Reporting by Ju-min Park in Seoul and Guy Faulconbridge in Moscow; Writing by Mark Trevelyan; Editing by Alex Richardson)", alone: false, want: Credit},
		{name: "additional reporting", s: "Additional reporting by Sam Roe.", alone: false, want: Credit},
		{name: "reporting by an outlet is body", s: "Reporting by the BBC found that the warnings came too late.", alone: true, want: Body},
		{name: "writing by a program is body", s: "Writing by ChatGPT is banned in the exam, the board said.", alone: true, want: Body},
		{name: "agency notice", s: "This material may not be published, broadcast, rewritten or redistributed without permission.", alone: false, want: Credit},
		{name: "writing by candlelight is body", s: "Writing by candlelight during power cuts, the prisoners said they had gone without heating for six weeks.", alone: true, want: Body},
		{name: "editing by a studio is body", s: "Editing by the studio removed several scenes from the film.", alone: true, want: Body},
		{name: "an embargo is body", s: "This material may not be published until the embargo lifts, the ministry told reporters.", alone: true, want: Body},
		{name: "agency standards", s: "Our Standards: The Thomson Reuters Trust Principles.", alone: true, want: Credit},
		{name: "photo caption label", s: "Photo caption: A fishing boat lies on its side in the harbour.", alone: true, want: Caption},
		{name: "read more", s: "Read more:", alone: true, want: Link},
		{name: "story updated", s: "This story has been updated with additional details.", alone: true, want: Link},
		{name: "first published elsewhere", s: "This article was originally published on The Conversation.", alone: true, want: Link},
		{name: "cookie notice", s: "We use cookies to improve your experience on our site.", alone: true, want: Link},
		{name: "editor's note", s: "Editor's note: An earlier version of this story misstated the toll.", alone: true, want: Link},
		{name: "a story told", s: "This story was told by her neighbours.", alone: true, want: Body},
		{name: "bracketed link", s: "[Read: Why the port reopened]", alone: true, want: Link},
		{name: "related", s: "Related: Ten things to know about tides", alone: true, want: Link},
		{name: "continue reading", s: "Continue reading the main story", alone: true, want: Link},
		{name: "media caption", s: "Media caption The minister spoke to reporters on Monday", alone: false, want: Caption},
		{name: "map label", s: "Map: Where the storm made landfall", alone: true, want: Caption},
		{name: "unpunctuated paragraph", s: "Rescuers search the rubble of a school in the old town", alone: true, want: Caption},
		{name: "unpunctuated last sentence of a paragraph", s: "Rescuers search the rubble of a school in the old town", alone: false, want: Body},
		{name: "heading", s: "Kenya trip", alone: true, want: Heading},
		{name: "list item", s: "1. Finland", alone: true, want: Heading},
		{name: "quote ends a paragraph", s: "\"We will rebuild,\" she said.", alone: true, want: Body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shapeKind(tt.s, tt.alone); got != tt.want {
				t.Errorf("shapeKind(%q, %v) = %v, want %v", tt.s, tt.alone, got, tt.want)
			}
		})
	}
}

func TestKindsFromMarkup(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Port reopens</title></head><body><article>
<h1>Port reopens after storm</h1>
<p>The harbour of Port Emma reopened on Tuesday, three days after the storm closed it to shipping and flooded the old quay.</p>
<figure><img src="a.jpg" alt="Dock workers clear sand from the old quay in Port Emma on Monday"><figcaption>Dock workers clear sand from the old quay on Monday. <span class="photo-credit">Photo: Ana Lobo for The Courier</span></figcaption></figure>
<p>Harbour master Jon Pell said forty ships had waited offshore and that the first of them would dock before nightfall.</p>
<p>Insurers put the damage to the quay at about 2 million euros, and the town council said repairs would take until spring.</p>
<p>Pell said the dredgers had worked through the night to clear the channel, which the storm had filled with sand and debris.</p>
</article></body></html>`
	a, err := Load(t.Context(), "courier=-", Options{Stdin: strings.NewReader(page)})
	if err != nil {
		t.Fatal(err)
	}
	var furniture []string
	for i, s := range a.Sentences {
		if a.Kind(i+1) != Body {
			furniture = append(furniture, a.Kind(i+1).String()+": "+s)
		}
	}
	want := []string{
		"heading: Port reopens after storm",
		"caption: Dock workers clear sand from the old quay on Monday.",
		"caption: Photo: Ana Lobo for The Courier",
	}
	if !slices.Equal(furniture, want) {
		t.Errorf("got furniture %q, want %q", furniture, want)
	}
	if len(a.Kinds) != len(a.Sentences) {
		t.Errorf("got %d kinds for %d sentences", len(a.Kinds), len(a.Sentences))
	}
}

func TestBodyStart(t *testing.T) {
	a := &Article{
		Sentences: []string{"© Photo Agency Ltd Port Emma The harbour reopened on Tuesday.", "The harbour reopened."},
		marked:    []markedText{{kind: Credit, text: foldMarked("© Photo Agency Ltd Port Emma")}},
	}
	if got, want := a.Sentences[0][a.BodyStart(1):], "The harbour reopened on Tuesday."; got != want {
		t.Errorf("got body %q, want %q", got, want)
	}
	if got := a.BodyStart(2); got != 0 {
		t.Errorf("got body start %d for an unmarked sentence, want 0", got)
	}
}

func TestShapeKindBio(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want Kind
	}{
		{name: "reporter bio", s: "Lucas Nolan is a reporter for the Tech desk covering free speech.", want: Credit},
		{name: "beat bio", s: "Steven Mufson covers the White House.", want: Credit},
		{name: "pronoun subject is body", s: "It covers mutual defence.", want: Body},
		{name: "one name is body", s: "Pell covers the cost himself.", want: Body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shapeKind(tt.s, true); got != tt.want {
				t.Errorf("shapeKind(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}
