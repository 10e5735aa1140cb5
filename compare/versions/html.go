package versions

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/newslens/newslens/internal/htmlpage"
	"github.com/newslens/newslens/internal/worddiff"
)

//go:embed diff.html.tmpl
var diffTemplate string

var diffHTML = htmlpage.Template("diff", diffTemplate, template.FuncMap{
	"pair": func(role string, v htmlVersion) versionRow { return versionRow{role, v} },
})

// versionRow is one row of the versions table.
type versionRow struct {
	Role string
	V    htmlVersion
}

// WriteHTML renders the diff as one self-contained HTML page: the two
// versions with their titles, dates and links, the title's word diff,
// then each change with its sentence numbers, deleted words in <del> and
// inserted ones in <ins>. The page holds no script and fetches nothing
// (see package htmlpage).
func (v *Report) WriteHTML(w io.Writer) error {
	return htmlpage.Execute(w, diffHTML, v.htmlView())
}

type htmlDiff struct {
	Title     string
	Old, New  htmlVersion
	TitleDiff []htmlpage.Seg
	Identical bool
	Changes   []htmlChange
	Stats     Stats
}

type htmlVersion struct {
	Name, Title, Date, Link, Origin string
	Sentences                       int
}

type htmlChange struct {
	ID, Kind, Old, New string
	Diff               []htmlpage.Seg
}

func (v *Report) htmlView() htmlDiff {
	d := htmlDiff{
		Title:     fmt.Sprintf("Changes from %s to %s", versionName(v.Old), versionName(v.New)),
		Old:       htmlVersionOf(v.Old),
		New:       htmlVersionOf(v.New),
		Identical: v.Identical(),
		Stats:     v.Stats,
	}
	if v.Title != "" {
		d.TitleDiff = segs(v.titleOps, v.Title)
	}
	for i, c := range v.Changes {
		d.Changes = append(d.Changes, htmlChange{
			ID: fmt.Sprintf("change-%d", i+1), Kind: c.Kind,
			Old: sentenceRange(c.Old), New: sentenceRange(c.New),
			Diff: segs(c.ops, c.Diff),
		})
	}
	return d
}

func htmlVersionOf(s Source) htmlVersion {
	return htmlVersion{Name: versionName(s), Title: s.Title, Date: s.Date, Sentences: s.Sentences, Link: htmlpage.Link(s.Path), Origin: s.Path}
}

func segs(ops []worddiff.Op, stored string) []htmlpage.Seg {
	if ops != nil {
		return htmlpage.Ops(ops)
	}
	return htmlpage.ParseDiff(stored)
}
