package summarize

import (
	"context"
	"os"
	"strconv"
	"time"

	"github.com/newslens/newslens/internal/article"
)

// Engine turns one article into a Summary.
type Engine interface {
	Summarize(ctx context.Context, a *article.Article) (*Summary, error)
}

// Article summarises a with engine and runs the grounding checks on the
// result, whichever engine made it.
func Article(ctx context.Context, a *article.Article, engine Engine) (*Summary, error) {
	s, err := engine.Summarize(ctx, a)
	if err != nil {
		return nil, err
	}
	Check(s, a)
	return s, nil
}

// SourceOf is the Source block of a summary of a, for callers that report
// on an article without a summary, such as one that failed in a batch.
func SourceOf(a *article.Article) Source { return sourceOf(a) }

// sourceOf fills the Source block from the article.
func sourceOf(a *article.Article) Source {
	return Source{
		Label:     a.Label,
		Path:      a.Path,
		URL:       a.URL,
		Title:     a.Title,
		Date:      a.Date,
		SHA256:    a.SHA256,
		Sentences: len(a.Sentences),
	}
}

// Clock returns the time to stamp on provenance and whether the run is
// reproducible. With SOURCE_DATE_EPOCH set (the reproducible-builds
// convention), that instant is used and durations are reported as 0, so
// the same inputs give byte-identical output.
func Clock() (now time.Time, reproducible bool) {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC(), true
		}
	}
	return time.Now().UTC(), false
}

// stamp fills the time fields of p for work that began at start.
func stamp(p *Provenance, start time.Time) {
	now, reproducible := Clock()
	p.Created = now.Format(time.RFC3339)
	if !reproducible {
		p.DurationMS = time.Since(start).Milliseconds()
	}
}
