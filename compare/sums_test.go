package compare

import (
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestSumInAnotherCurrency: three sources value a takeover in euros in
// one wording, the fourth in pounds in its own words; it is not said to
// leave the value out.
func TestSumInAnotherCurrency(t *testing.T) {
	shared := "Jiangxin agreed on Tuesday to buy the Vell steelworks, valuing the company at about 1.9 billion euros. "
	arts := []*article.Article{
		fromText(t, "a", "Takeover", shared+"The unions asked for talks."),
		fromText(t, "b", "Deal", shared+"Shares in Vell rose sharply."),
		fromText(t, "c", "Sale", shared+"The mayor welcomed the news."),
		fromText(t, "d", "Steel sale", "Arden's biggest steelmaker is to be taken over by a Chinese rival in a deal worth about £1.65bn. "+
			"The unions asked for talks. Shares in Vell rose sharply. The mayor welcomed the news."),
	}
	r := mustCompare(t, arts)
	for _, o := range r.Omissions["d"] {
		if strings.Contains(o.Text, "1.9 billion") {
			t.Errorf("d gives the value in pounds; reported as leaving it out: %q", o.Text)
		}
	}
}

// TestOneUncommonSum: four sources give the bribes' total, 2.4 million
// euros, in sentences with little else in common; a fourth gives none
// and leaves it out; a fifth gives the bribes in a currency with no rate
// here and is not said to leave it out; a sixth gives a sum in that
// currency for something else and leaves the bribes out.
func TestOneUncommonSum(t *testing.T) {
	lead := "A court in Dorn jailed former minister Ivo Marek for six years on Thursday. "
	arts := []*article.Article{
		fromText(t, "a", "Jailed", lead+"Judges found that Marek received 2.4 million euros from a road builder between 2018 and 2020."),
		fromText(t, "b", "Convicted", lead+"Marek, who ran the transport ministry from 2017, was convicted of accepting €2.4m in kickbacks."),
		fromText(t, "c", "Six years", lead+"The former minister pocketed 2.4 million euros to steer motorway contracts, the court said."),
		fromText(t, "d", "Verdict", lead+"His supporters gathered outside the court."),
		fromText(t, "e", "Sentenced", lead+"He accepted bribes totalling 19.2 million crowns, the court said."),
		fromText(t, "f", "Court", lead+"The city has spent 40 million crowns on a new stadium."),
		fromText(t, "g", "Guilty", lead+"Prosecutors said the 2.4 million euros were paid through a consultancy."),
	}
	r := mustCompare(t, arts)
	if !omits(r, "d", "2.4") {
		t.Errorf("d: the sum is not reported as left out; omissions %+v", r.Omissions["d"])
	}
	if !omits(r, "f", "2.4") {
		t.Errorf("f: its sum in crowns is for something else; the bribes are not reported as left out; omissions %+v", r.Omissions["f"])
	}
	for _, o := range r.Omissions["e"] {
		if strings.Contains(o.Text, "2.4") {
			t.Errorf("e gives a sum in crowns; reported as leaving the sum out: %q", o.Text)
		}
	}
}

func TestSpecific(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want bool
	}{{2.4e6, true}, {310e6, true}, {1850, true}, {500000, false}, {2e6, false}, {0, false}} {
		if got := specific(tc.v); got != tc.want {
			t.Errorf("specific(%g) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
