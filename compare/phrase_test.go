package compare

import (
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestSharedPhraseIsNotUnique gives two of three sources one fact in
// wordings that share little more than "rates would fall again": b's,
// which a's covers in near words, is not unique.
// Two donors offering help in like words are two facts, and each stays
// unique to its source.
func TestSharedPhraseIsNotUnique(t *testing.T) {
	shared := "The central bank of Arden cut its main rate to four percent on Thursday. Inflation in Arden slowed to three percent in October."
	arts := []*article.Article{
		fromText(t, "a", "Arden cuts", shared+" The governor gave no indication of when interest rates would fall again. Vell said it stood ready to provide assistance."),
		fromText(t, "b", "Rate cut", shared+" She declined to say whether interest rates would fall again at the next meeting in March."),
		fromText(t, "c", "Bank eases", shared+" Dorn is ready to provide relief supplies to the victims of the floods. Shares in Arden's banks rose sharply after the announcement."),
	}
	r := mustCompare(t, arts)
	has := func(l, word string) bool {
		for _, u := range r.Unique[l] {
			if strings.Contains(u.Text, word) {
				return true
			}
		}
		return false
	}
	if has("b", "declined") {
		t.Errorf("b: the governor's silence on further cuts is reported as unique: %+v", r.Unique["b"])
	}
	if !has("a", "Vell") || !has("c", "Dorn") {
		t.Errorf("each donor's offer should stay unique: a %+v, c %+v", r.Unique["a"], r.Unique["c"])
	}
	if !has("c", "Shares") {
		t.Errorf("c: the rise in shares is not reported as unique; got %+v", r.Unique["c"])
	}
}
