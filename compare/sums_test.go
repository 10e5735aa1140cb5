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
