package compare

import (
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestNameWithoutAccents lists a person whom one outlet writes without
// accents ("Teodora Vasic") with the others' "Teodora Vasić" / "Vasić".
func TestNameWithoutAccents(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Rate cut", "The central bank cut its main rate on Thursday. Governor Teodora Vasić said more cuts would follow. Vasić gave no date."),
		fromText(t, "b", "Bank eases", "The central bank lowered its main rate on Thursday. Vasić said the bank would move step by step."),
		fromText(t, "c", "Rates fall", "The central bank reduced its main rate on Thursday. Governor Teodora Vasic said there was room to ease."),
	}
	r := mustCompare(t, arts)
	for _, tm := range r.Terms {
		if strings.HasPrefix(tm.Concept, "Vasi") {
			if got := tm.BySource["c"]; got != "Teodora Vasic" {
				t.Errorf("term %q: c names her %q, want %q; all %v", tm.Concept, got, "Teodora Vasic", tm.BySource)
			}
			return
		}
	}
	t.Errorf("no term for the governor; terms %+v", r.Terms)
}

// TestFoldLettersOtherScripts keeps names in other scripts: a surname
// folded to nothing would key every such person alike.
func TestFoldLettersOtherScripts(t *testing.T) {
	a, b := foldLetters("Путин"), foldLetters("Навальный")
	if a == "" || b == "" || a == b {
		t.Errorf("foldLetters(Путин) = %q, foldLetters(Навальный) = %q: want two different keys", a, b)
	}
	if got := foldLetters("Vasić"); got != "vasic" {
		t.Errorf("foldLetters(Vasić) = %q, want %q", got, "vasic")
	}
}

func TestAnnualIsNoSubject(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Prices", "The central bank cut its main rate to 4.5% on Thursday. Annual inflation slowed to 3.1% in October."),
		fromText(t, "b", "Wages", "The central bank cut its main rate to 4.5% on Thursday. Annual wage growth reached 5.6% in October."),
		fromText(t, "c", "Rates", "The central bank cut its main rate to 4.5% on Thursday. Exporters welcomed the move."),
	}
	r := mustCompare(t, arts)
	if len(r.Discrepancies) != 0 {
		t.Errorf("got discrepancies %+v, want none: inflation and wage growth are two rates", r.Discrepancies)
	}
}
