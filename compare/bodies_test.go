package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/article"
)

// TestTheFirmIsTheCompany: "the firm said it would appeal" is the
// company every source names saying so; a public body every source
// names is no such company.
func TestTheFirmIsTheCompany(t *testing.T) {
	arts := []*article.Article{
		fromText(t, "a", "Fine", "The European Commission fined tech group Veltrix 1.84 billion euros on Tuesday over music streaming apps. Veltrix said it would appeal."),
		fromText(t, "b", "Fine", "European regulators fined Veltrix nearly $2 billion on Tuesday. Veltrix called the decision misguided."),
		fromText(t, "c", "Fine", "Tech giant Veltrix has been fined by the EU for breaking competition law over music streaming. The firm said it would appeal against the ruling."),
	}
	r := mustCompare(t, arts)
	if !slices.ContainsFunc(r.Shared, func(s Shared) bool {
		return slices.Contains(s.Sources, "a") && slices.Contains(s.Sources, "c") && strings.Contains(s.Text, "appeal")
	}) {
		t.Errorf("the appeal is not one claim of a and c: %+v", r.Shared)
	}
	c, err := scored(t.Context(), arts, []string{"a", "b", "c"}, DefaultThreshold, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.coverageCompany(); got != "Veltrix" {
		t.Errorf("coverageCompany = %q, want Veltrix", got)
	}
	if publicBody("Veltrix") || !publicBody("European Commission") || !publicBody("EU") {
		t.Error("publicBody misreads Veltrix, the European Commission or the EU")
	}
}
