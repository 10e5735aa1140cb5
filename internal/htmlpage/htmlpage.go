// Package htmlpage is the frame every HTML report of newslens shares: one
// self-contained page with its stylesheet inline, no script, and a
// Content-Security-Policy that forbids everything but that stylesheet. It
// also gives the templates their helpers: links only for http and https
// URLs, and word diffs as <del> and <ins>.
//
// Reports are built with html/template, so article text is always data,
// escaped for the context it lands in, never markup. The policy is the
// second wall: default-src 'none' allows no script, image, font, frame or
// fetch at all, and style-src admits only the page's own stylesheet by
// its SHA-256 hash, so even a style element smuggled into the page would
// not apply. A hash is stricter than 'unsafe-inline' and costs nothing,
// since the stylesheet is fixed at build time; the pages therefore use no
// style attributes, which a hash does not cover.
//
// It may import internal/worddiff and the standard library only.
package htmlpage

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"

	"github.com/newslens/newslens/internal/worddiff"
)

//go:embed page.css
var css string

// CSP is the page's Content-Security-Policy.
var CSP = "default-src 'none'; style-src 'sha256-" + styleHash() + "'; base-uri 'none'; form-action 'none'"

func styleHash() string {
	sum := sha256.Sum256([]byte(css))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// frame is the page around a report's "body" template. The stylesheet is
// template text, not data, so it reaches the page byte for byte and its
// hash holds.
var frame = `{{define "page"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{csp}}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newslens">
<title>{{.Title}}</title>
<style>` + css + `</style>
</head>
<body>
<main>
{{template "body" .}}
</main>
</body>
</html>
{{end}}`

// Template parses body, which must define the template "body", into the
// shared frame with the shared helpers and funcs.
func Template(name, body string, funcs template.FuncMap) *template.Template {
	t := template.New(name).Funcs(template.FuncMap{
		"csp":  func() string { return CSP },
		"link": Link,
		"host": Host,
		"diff": ParseDiff,
	})
	if funcs != nil {
		t = t.Funcs(funcs)
	}
	return template.Must(template.Must(t.Parse(frame)).Parse(body))
}

// Execute renders the page for data, whose Title field is the page
// title, to w.
func Execute(w io.Writer, t *template.Template, data any) error {
	if err := t.ExecuteTemplate(w, "page", data); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return nil
}

// Link returns s when it is an absolute http or https URL, the only links
// a report makes; anything else ("javascript:", "data:", a file path)
// returns "" and is shown as text.
func Link(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String()
	}
	return ""
}

// Host is the host of a link made by Link, its short name in a table.
func Host(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	return strings.TrimPrefix(u.Host, "www.")
}

// Seg is one run of a word diff: Kind is "", "del" or "ins".
type Seg struct {
	Kind string
	Text string
}

// Ops turns word-diff operations into runs for a template.
func Ops(ops []worddiff.Op) []Seg {
	out := make([]Seg, 0, len(ops))
	for _, op := range ops {
		k := ""
		switch op.Kind {
		case worddiff.Delete:
			k = "del"
		case worddiff.Insert:
			k = "ins"
		}
		out = append(out, Seg{Kind: k, Text: op.Text})
	}
	return out
}

// ParseDiff reads a diff stored in [-deleted-]{+inserted+} notation, as
// the JSON reports hold it, back into runs.
func ParseDiff(s string) []Seg {
	var out []Seg
	for s != "" {
		i := strings.Index(s, "[-")
		j := strings.Index(s, "{+")
		open, closeMark, kind := i, "-]", "del"
		if i < 0 || (j >= 0 && j < i) {
			open, closeMark, kind = j, "+}", "ins"
		}
		if open < 0 {
			return append(out, Seg{Text: s})
		}
		end := strings.Index(s[open+2:], closeMark)
		if end < 0 {
			return append(out, Seg{Text: s})
		}
		if open > 0 {
			out = append(out, Seg{Text: s[:open]})
		}
		out = append(out, Seg{Kind: kind, Text: s[open+2 : open+2+end]})
		s = s[open+2+end+2:]
	}
	return out
}
