package compare

import (
	"slices"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

func TestHeadPhrases(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		want    []string
	}{
		{"qualified heads", "The bank cut its benchmark one-week repo rate on Thursday.", []string{"benchmark one-week repo rate"}},
		{"after a possessive", "Arden's main interest rate fell.", []string{"main interest rate"}},
		{"a bare head is no name", "The rate fell.", nil},
		{"the unit of a figure", "It fell by 25 basis points.", nil},
		{"after a name, a verb phrase", "Kim held talks with Putin.", nil},
		{"after a comma", "Kim, held talks with Putin.", nil},
		{"after to, a verb", "They agreed to provide military assistance.", nil},
		{"after an auxiliary", "The bank has cut interest rates.", nil},
		{"two things with one head", "It will build an electric arc furnace to replace the older blast furnace.", nil},
		{"two things, one before a relative clause", "It will spend €600m on an electric arc furnace that would replace that blast furnace.", nil},
		{"two things, one after a figure", "It will replace the older blast furnace with a 2.5 Mt/y electric arc furnace.", nil},
		{"rates in general, then the one", "The central bank cut interest rates, bringing its main rate down to 4.5%.", []string{"main rate"}},
		{"an ordinal qualifies nothing", "It was the second cut this year.", nil},
		{"a verb after a noun", "Arden's main interest rate fell as the storm hit.", []string{"main interest rate"}},
		{"a general noun heads nothing", "The former mining town mourned.", nil},
		{"a verb in its base form", "The budget would strengthen security and keep public finances sound.", nil},
		{"an irregular past", "A passenger jet that caught fire slid off the runway.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range headPhrases(tc.s) {
				got = append(got, p.text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHeadTerms(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Cut", "The Bank of Arden cut its benchmark repo rate by a quarter point to 4.5% on Thursday. Officials in Dorn welcomed the move."),
		fromText(t, "b", "Cut", "The Bank of Arden lowered its key policy rate to 4.5% on Thursday. Officials in Dorn welcomed the decision."),
		fromText(t, "c", "Cut", "On Thursday the Bank of Arden reduced its main interest rate to 4.5%. Farmers in Vell protested."),
	}
	r := mustCompare(t, arts)
	want := map[string]string{"a": "benchmark repo rate", "b": "key policy rate", "c": "main interest rate"}
	for _, tm := range r.Terms {
		if tm.BySource["a"] == want["a"] {
			for l, w := range want {
				if tm.BySource[l] != w {
					t.Errorf("%s calls it %q, want %q", l, tm.BySource[l], w)
				}
			}
			return
		}
	}
	t.Errorf("no term for the rate; terms: %+v", r.Terms)
}

func TestHeadTermsNeedThreeSources(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Cut", "The Bank of Arden cut its benchmark repo rate by a quarter point to 4.5% on Thursday."),
		fromText(t, "b", "Cut", "The Bank of Arden lowered its key policy rate to 4.5% on Thursday."),
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		if tm.BySource["a"] == "benchmark repo rate" {
			t.Errorf("two sources gave a term: %+v", tm)
		}
	}
}
