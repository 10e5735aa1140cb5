package compare

import (
	"slices"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestNearSourcesMakeAMajority: two of five outlets report the flooded
// homes in the same words and a third in near ones ("houses",
// "wrecked"); the three are a majority, so the two others leave it out,
// and the third is not said to.
func TestNearSourcesMakeAMajority(t *testing.T) {
	shared := "Heavy rain hit the Orla valley on Monday, and the river burst its banks near Senn. "
	arts := []*article.Article{
		fromText(t, "a", "Flood", shared+"The regional ministry said 40 homes in Senn were destroyed by the flood waters."),
		fromText(t, "b", "Flood", shared+"According to the regional ministry, 40 homes in Senn were destroyed by the flood waters."),
		fromText(t, "c", "Flood", shared+"Flood waters wrecked 40 houses in the village, the provincial government reported."),
		fromText(t, "d", "Flood", shared+"Schools in the valley will stay closed until Thursday."),
		fromText(t, "e", "Flood", shared+"Forecasters expect more rain on Wednesday."),
	}
	r := mustCompare(t, arts)
	left := func(l string) bool {
		return slices.ContainsFunc(r.Omissions[l], func(o Omission) bool { return slices.Contains(o.PresentIn, "a") })
	}
	if !left("d") || !left("e") {
		t.Errorf("d and e are not said to leave out the homes: %+v", r.Omissions)
	}
	if left("c") {
		t.Errorf("c, which words it its own way, is said to leave it out: %+v", r.Omissions["c"])
	}
}
