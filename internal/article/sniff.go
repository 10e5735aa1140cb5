package article

import (
	"bytes"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeText returns data as UTF-8 without a byte-order mark: UTF-16 with
// a byte-order mark is decoded, a UTF-8 one dropped. Other encodings are
// left for the plain-text and HTML readers to judge.
func decodeText(data []byte) ([]byte, error) {
	var order func([]byte) uint16
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = func(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }
	default:
		return bytes.TrimPrefix(data, []byte("\uFEFF")), nil
	}
	data = data[2:]
	if len(data)%2 != 0 {
		return nil, fmt.Errorf("UTF-16 text with an odd number of bytes; convert it to UTF-8")
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order(data[2*i:])
	}
	out := make([]byte, 0, len(data)*3/2)
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		if utf16.IsSurrogate(r) {
			if i+1 >= len(units) {
				return nil, fmt.Errorf("invalid UTF-16 at byte %d; convert it to UTF-8", 2+2*i)
			}
			r = utf16.DecodeRune(r, rune(units[i+1]))
			if r == unicode.ReplacementChar {
				return nil, fmt.Errorf("invalid UTF-16 at byte %d; convert it to UTF-8", 2+2*i)
			}
			i++
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// htmlExtensions are the file name extensions that make a file HTML
// whatever it starts with.
var htmlExtensions = map[string]bool{".html": true, ".htm": true, ".xhtml": true}

// isHTMLPath reports whether path names an HTML file by its extension.
func isHTMLPath(path string) bool {
	return htmlExtensions[strings.ToLower(filepath.Ext(path))]
}

// htmlOpenings are the tags (lower case, without "<") an HTML document or
// fragment may open with once comments and prologs are skipped: the ones
// browsers sniff, and the head and sectioning elements real pages put
// first.
var htmlOpenings = []string{
	"!doctype html", "html", "head", "body", "meta", "title", "link", "base",
	"script", "style", "noscript", "iframe", "article", "main", "section",
	"header", "nav", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6",
	"table", "font", "a", "b", "br",
}

// looksHTML reports whether data is HTML by its content: after white
// space, comments ("<!-- -->") and processing instructions such as an XML
// prolog ("<?xml ...?>"), the first tag is one an HTML page opens with.
// Whatever the browsers' sniffer takes for HTML is HTML too.
func looksHTML(data []byte) bool {
	rest := skipProlog(data)
	if len(rest) > 0 && rest[0] == '<' {
		head := strings.ToLower(string(rest[1:min(len(rest), 32)]))
		for _, tag := range htmlOpenings {
			if strings.HasPrefix(head, tag) && (len(head) == len(tag) || endsTagName(head[len(tag)])) {
				return true
			}
		}
	}
	return strings.HasPrefix(http.DetectContentType(data), "text/html")
}

// endsTagName reports whether c may follow a tag name.
func endsTagName(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// skipProlog skips white space, comments and processing instructions at
// the start of data.
func skipProlog(data []byte) []byte {
	for {
		data = bytes.TrimLeftFunc(data, unicode.IsSpace)
		var end []byte
		switch {
		case bytes.HasPrefix(data, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(data, []byte("<?")):
			end = []byte("?>")
		default:
			return data
		}
		i := bytes.Index(data, end)
		if i < 0 {
			return nil
		}
		data = data[i+len(end):]
	}
}

// hasProse reports whether any paragraph reads as running text: at least
// four words (or ten characters of a script written without spaces), and
// a full stop, question or exclamation mark that ends a sentence there.
// Navigation, headings, link lists and a copyright line have none.
func hasProse(paras []string) bool {
	for _, p := range paras {
		if strings.HasPrefix(p, "©") || strings.HasPrefix(strings.ToLower(p), "copyright") {
			continue
		}
		if (len(strings.Fields(p)) >= 4 || unspacedLetters(p) >= 10) && endsWithStop(p) {
			return true
		}
	}
	return false
}

// endsWithStop reports whether p holds a sentence-ending mark followed by
// white space, a closing quote or bracket, or the end of p.
func endsWithStop(p string) bool {
	for i, r := range p {
		if !strings.ContainsRune(".!?…。！？", r) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[i+utf8.RuneLen(r):])
		if next == utf8.RuneError || unicode.IsSpace(next) || strings.ContainsRune("\"'”’)]»」』", next) {
			return true
		}
	}
	return false
}

// unspacedLetters counts the letters of p in scripts written without
// spaces between words (Chinese, Japanese, Thai and the like), where
// counting words by spaces says nothing.
func unspacedLetters(p string) int {
	n := 0
	for _, r := range p {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			n++
		}
	}
	return n
}

// collapseSpace joins the words of s with single spaces, so a title or
// site name written over several lines reads as one line.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
