package compare

import (
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestJoinSharedValues: two discrepancies that hold one source's same
// figure are one dispute, shown once with every value; a join that would
// put one source on two sides is not made.
func TestJoinSharedValues(t *testing.T) {
	arts := linesArticles(t,
		[]string{"Hurricane Marcela killed at least 14 people in Belmora on Monday.", "About 300 homes were destroyed, and 12 more people were injured."},
		[]string{"At least 16 people were killed when Hurricane Marcela hit Belmora on Monday."},
		[]string{"The storm killed 12 people in Belmora, officials said on Monday."},
	)
	c, err := scored(t.Context(), arts, []string{"a", "b", "c"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	value := func(src int, text string) Value {
		t.Helper()
		for _, x := range c.allContextFigures() {
			if x.src == src && x.f.Text == text {
				return Value{Source: c.labels[src], Text: valueText(x.f), Sentence: x.n + 1}
			}
		}
		t.Fatalf("no figure %q in source %d", text, src)
		return Value{}
	}
	ds := []Discrepancy{
		{Kind: "count", Topic: "toll", Values: []Value{value(0, "14 people"), value(1, "16 people")}},
		{Kind: "count", Topic: "toll again", Values: []Value{value(0, "14 people"), value(2, "12 people")}},
	}
	got := c.joinSharedValues(ds)
	if len(got) != 1 || len(got[0].Values) != 3 || got[0].Topic != "toll" {
		t.Fatalf("joined: %+v", got)
	}
	classes := make(map[int]bool)
	for _, v := range got[0].Values {
		classes[v.Class] = true
	}
	if len(classes) != 3 {
		t.Errorf("three values in %d classes: %+v", len(classes), got[0].Values)
	}
	twoSides := []Discrepancy{
		{Kind: "count", Topic: "toll", Values: []Value{value(0, "14 people"), value(1, "16 people")}},
		{Kind: "count", Topic: "injured", Values: []Value{value(0, "14 people"), value(0, "12")}},
	}
	if got := c.joinSharedValues(twoSides); len(got) != 2 {
		t.Errorf("a source on two sides joined: %+v", got)
	}
}

// TestJoinTwoValuesInCommon: two discrepancies in four other sources
// that set the same two values against each other are one dispute.
func TestJoinTwoValuesInCommon(t *testing.T) {
	arts := linesArticles(t,
		[]string{"Jiangxin will pay about 1.9 billion euros for the stake, the company said."},
		[]string{"Jiangxin will pay 2.6 billion euros for the stake, the company said."},
		[]string{"The price of about €2.6bn values the works at twice their book value."},
		[]string{"The price of €1.9bn values the works at twice their book value."},
	)
	c, err := scored(t.Context(), arts, []string{"a", "b", "c", "d"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	value := func(src int) Value {
		for _, x := range c.allContextFigures() {
			if x.src == src && x.f.Kind == "money" {
				return Value{Source: c.labels[src], Text: valueText(x.f), Sentence: x.n + 1}
			}
		}
		t.Fatalf("no sum in source %d", src)
		return Value{}
	}
	ds := []Discrepancy{
		{Kind: "money", Topic: "price", Values: []Value{value(0), value(1)}},
		{Kind: "money", Topic: "price again", Values: []Value{value(2), value(3)}},
	}
	if got := c.joinSharedValues(ds); len(got) != 1 || len(got[0].Values) != 4 {
		t.Errorf("got %+v, want one dispute of four values", got)
	}
}

// TestJoinOneQuantity: two discrepancies that no source is in twice,
// with a value in common, whose figures describe one quantity are one
// dispute (a magnitude disputed in the lead and again in a later
// sentence); with no value in common they stay apart.
func TestJoinOneQuantity(t *testing.T) {
	arts := linesArticles(t,
		[]string{"A magnitude 6.2 earthquake struck the hills late on Tuesday."},
		[]string{"A magnitude 6.1 earthquake struck the hills late on Tuesday."},
		[]string{"The shallow 6.1-magnitude quake flattened stone houses."},
		[]string{"The shallow 6.4-magnitude quake flattened stone houses."},
		[]string{"The shallow 6.3-magnitude quake flattened stone houses."},
	)
	c, err := scored(t.Context(), arts, []string{"a", "b", "c", "d", "e"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	value := func(src int) Value {
		t.Helper()
		for _, x := range c.allContextFigures() {
			if x.src == src {
				return Value{Source: c.labels[src], Text: valueText(x.f), Sentence: x.n + 1}
			}
		}
		t.Fatalf("no figure in source %d", src)
		return Value{}
	}
	lead := Discrepancy{Kind: "number", Topic: "lead", Values: []Value{value(0), value(1)}}
	if got := c.joinSharedValues([]Discrepancy{lead, {Kind: "number", Topic: "later", Values: []Value{value(2), value(3)}}}); len(got) != 1 || len(got[0].Values) != 4 {
		t.Errorf("got %+v, want one dispute of four values", got)
	}
	if got := c.joinSharedValues([]Discrepancy{lead, {Kind: "number", Topic: "later", Values: []Value{value(3), value(4)}}}); len(got) != 2 {
		t.Errorf("no value in common, joined: %+v", got)
	}
}

// TestLoserShareIsNoDispute: outlets that give the winner's share and
// the loser's in one sentence ("52.4 percent against Stroud's 47.6
// percent") do not dispute another's "52%" or "just over 52 percent"
// with the loser's share.
func TestLoserShareIsNoDispute(t *testing.T) {
	r := mustCompare(t, []*article.Article{
		fromText(t, "wire", "Varn wins", "Ilka Varn won Sunday's mayoral election in Tervo with 52% of the vote, beating Pavel Stroud."),
		fromText(t, "local", "Varn wins", "Ilka Varn won Sunday's mayoral election in Tervo, taking 52.4 percent against Pavel Stroud's 47.6 percent."),
		fromText(t, "state", "Varn wins", "Ilka Varn won Sunday's mayoral election in Tervo with 52.4 percent of the votes cast, while Pavel Stroud received 47.6 percent."),
		fromText(t, "radio", "Varn wins", "Ilka Varn won Sunday's mayoral election in Tervo with just over 52 percent of the vote against Pavel Stroud."),
	})
	if len(r.Discrepancies) != 0 {
		t.Errorf("got %+v, want no discrepancy", r.Discrepancies)
	}
}
