package compare

import (
	"strings"
	"time"

	"github.com/newslens/newslens/internal/figure"
	"github.com/newslens/newslens/internal/quote"
)

// The quote and figure packages are reached through these few functions
// so that the rules reading their results stay independent of how they
// find them.

type quoteT = quote.Quote

// quoteNormalize is a quotation's identity as a rendering: case, quote
// marks and spacing aside, and without the comma or period that English
// punctuation puts inside the closing quote ("a breakthrough document,"
// he said), which is typography, not wording. A final ? or ! stays.
func quoteNormalize(s string) string {
	return strings.TrimRight(quote.Normalize(s), ",.;: ")
}

// quoteSameSpeaker treats an unknown speaker as compatible with any
// speaker: an unattributed rendering of a quote still belongs with the
// attributed ones when its words match.
func quoteSameSpeaker(a, b string) bool {
	return a == "" || b == "" || quote.SameSpeaker(a, b)
}

type figureT = figure.Figure

func figuresOf(s string) []figureT { return figure.Extract(s) }

func figEqual(a, b figureT) bool { return figure.Equal(a, b) }

func figRounding(a, b figureT) bool { return figure.Rounding(a, b) }

func figConflict(a, b figureT) bool { return figure.Conflict(a, b) }

func figCompatible(a, b figureT) bool { return figure.Compatible(a, b) }

func figSinceGap(since, dur figureT, ref time.Time) (float64, bool) {
	return figure.SinceGap(since, dur, ref)
}
