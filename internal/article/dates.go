package article

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Publication date markers that readability does not read, in the order
// they are trusted. Each is where some real news sites put the date.
const (
	markArticle  = iota // <meta property="article:published_time" content>
	markItemprop        // itemprop="datePublished" on <meta>, <time> or any element
	markDublin          // <meta name="DC.date.issued" content>
	markPtime           // <meta name="ptime" content="20170113000004">
	markJSONLD          // "datePublished" in a JSON-LD script
	markCount
)

// pageDate finds the publication date of an HTML page in the markers
// above and returns it as YYYY-MM-DD, or "" when none holds a date.
func pageDate(data []byte) string {
	var found [markCount]string
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		mark, value := dateMarker(tok)
		if tok.DataAtom == atom.Script && attr(tok, "type") == "application/ld+json" && tt == html.StartTagToken {
			if z.Next() == html.TextToken {
				mark, value = markJSONLD, jsonLDDate(z.Text())
			}
		}
		if mark < 0 || found[mark] != "" {
			continue
		}
		if d := dateOf(value); d != "" {
			found[mark] = d
			if mark == markArticle {
				break // the most trusted marker: no need to read on
			}
		}
	}
	for _, d := range found {
		if d != "" {
			return d
		}
	}
	return ""
}

// dateMarker returns which marker tok is and the date text it carries,
// or -1.
func dateMarker(tok html.Token) (int, string) {
	prop := strings.ToLower(attr(tok, "property"))
	name := strings.ToLower(attr(tok, "name"))
	switch {
	case tok.DataAtom == atom.Meta && (prop == "article:published_time" || name == "article:published_time"):
		return markArticle, attr(tok, "content")
	case strings.EqualFold(attr(tok, "itemprop"), "datePublished"):
		for _, key := range []string{"content", "datetime", "title"} {
			if v := attr(tok, key); v != "" {
				return markItemprop, v
			}
		}
	case tok.DataAtom == atom.Meta && (name == "dc.date.issued" || name == "dcterms.issued"):
		return markDublin, attr(tok, "content")
	case tok.DataAtom == atom.Meta && name == "ptime":
		return markPtime, attr(tok, "content")
	}
	return -1, ""
}

// attr returns the value of tok's attribute key, or "".
func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// jsonLDDate returns the first "datePublished" string in a JSON-LD
// script, searching objects, arrays and "@graph" lists.
func jsonLDDate(script []byte) string {
	var v any
	if json.Unmarshal(bytes.TrimSpace(script), &v) != nil {
		return ""
	}
	var walk func(any) string
	walk = func(v any) string {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok && dateOf(s) != "" {
				return s
			}
			for _, x := range v {
				if d := walk(x); d != "" {
					return d
				}
			}
		case []any:
			for _, x := range v {
				if d := walk(x); d != "" {
					return d
				}
			}
		}
		return ""
	}
	return walk(v)
}

// dateOf returns the calendar date a marker's text gives, as written
// (not moved to another time zone), or "": an ISO 8601 date or date and
// time, a ptime's digits (YYYYMMDD, then optionally the time), or any
// header date form.
func dateOf(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
			return s[:10]
		}
	}
	if (len(s) == 8 || len(s) == 12 || len(s) == 14) && strings.Trim(s, "0123456789") == "" {
		if t, err := time.Parse("20060102", s[:8]); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	if d := normaliseDate(s); d != s {
		return d
	}
	return ""
}
