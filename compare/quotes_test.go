package compare

import (
	"testing"

	"github.com/newslens/newslens/internal/article"
)

func TestGenericSpeaker(t *testing.T) {
	for _, tc := range []struct {
		name, speaker string
		want          bool
	}{
		{"description", "Local officials", true},
		{"lowercase description", "rescue workers", true},
		{"full name", "Maria Lopez", false},
		{"title and name", "Fire Chief Lopez", false},
		{"institution", "Interior Ministry", false},
		{"one word", "Lopez", false},
		{"unknown", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := genericSpeaker(tc.speaker); got != tc.want {
				t.Errorf("genericSpeaker(%q) = %v, want %v", tc.speaker, got, tc.want)
			}
		})
	}
}

// A fragment credited to a description of the speaker joins the named
// speaker's full quote that contains it, and only that one; a named
// speaker never joins another named speaker's quote on overlap alone.
func TestQuoteFragmentOfDescribedSpeaker(t *testing.T) {
	a := fromText(t, "a", "Floods", `Heavy rain flooded the river valley on Monday. "Whole streets are underwater, and the pumps cannot keep up," said Maria Lopez, the town's fire chief. Crews worked through the night.`)
	b := fromText(t, "b", "Floods", `The river burst its banks after heavy rain on Monday. Town officials said whole streets were "underwater" by the evening. Crews worked through the night.`)
	c := fromText(t, "c", "Floods", `Heavy rain flooded the valley on Monday. "The pumps cannot keep up with this," said Tom Reyes, a resident. Crews worked through the night.`)
	r, err := Sources(t.Context(), []*article.Article{a, b, c}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := r.Quotes
	if len(got) != 1 {
		t.Fatalf("got %d quote groups %+v, want 1", len(got), got)
	}
	q := got[0]
	if q.Speaker != "Maria Lopez" {
		t.Errorf("got speaker %q, want %q", q.Speaker, "Maria Lopez")
	}
	if len(q.Variants) != 2 || q.Variants[1].Text != "underwater" || q.Variants[1].Sources[0] != "b" {
		t.Errorf("got variants %+v, want the full quote of a and the fragment of b", q.Variants)
	}
}
