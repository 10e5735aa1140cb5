package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
)

// kind says how to read raw bytes: sniffed, or fixed by a Content-Type.
type kind int

const (
	kindAuto kind = iota
	kindHTML
	kindPlain
)

// parse builds an Article, without its sentences, from raw bytes already
// in memory. label, path and rawURL are as in Article and may be empty;
// label, when set, overrides every label found in the text.
//
// Plain text may start with a header block of "key: value" lines (keys
// title, source, date and url, any case) ended by a blank line, or with
// the form " date YYYY-MM-DD First sentence ...". HTML (sniffed, or fixed
// by k) is reduced to its main text with readability.
//
// Load wraps its errors in an *InputError naming the argument as the user
// typed it, and takes the sentence split from a sentence.Store when it can.
func parse(label, path, rawURL string, data []byte, k kind) (*Article, error) {
	data, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("binary content (NUL byte at offset %d), not text", i)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty or whitespace-only text")
	}
	if k == kindAuto {
		k = kindPlain
		if isHTMLPath(path) || looksHTML(data) {
			k = kindHTML
		}
	}

	a := &Article{Path: path, URL: rawURL}
	var meta header
	var body string
	if k == kindHTML {
		meta, body, err = fromHTML(data, rawURL)
		if err != nil {
			return nil, err
		}
		a.marked = markedTexts(data)
	} else {
		if !utf8.Valid(data) {
			return nil, fmt.Errorf("invalid UTF-8 at byte %d; convert the file to UTF-8", invalidAt(data))
		}
		meta, body = splitHeader(normaliseLines(string(data)))
		var seedDate string
		seedDate, body = cutSeedDate(body)
		if meta.date == "" {
			meta.date = seedDate
		}
		if meta.title == "" {
			meta.title, body = plainHeadline(body)
		}
	}

	a.Text = normaliseText(body)
	if a.Text == "" {
		return nil, errors.New("no article text after the header")
	}
	a.Title = meta.title
	a.Date = normaliseDate(meta.date)
	if a.URL == "" {
		a.URL = meta.url
	}
	a.Label = chooseLabel(label, meta.source, meta.siteName, rawURL, path)
	a.SHA256 = textDigest(a.Text)
	return a, nil
}

// header holds the metadata found before the body.
type header struct {
	title, source, date, url, siteName string
}

// headerLine matches one "key: value" line of a plain-text header.
var headerLine = regexp.MustCompile(`^([A-Za-z]+)[ \t]*:[ \t]*(.*)$`)

// splitHeader separates a leading header block from the body. The block
// counts only if every line before the first blank line is a known key,
// so a body that opens with "Note: ..." is left whole.
func splitHeader(text string) (header, string) {
	var h header
	block, body, ok := strings.Cut(text, "\n\n")
	if !ok || strings.TrimSpace(block) == "" {
		return h, text
	}
	for line := range strings.SplitSeq(block, "\n") {
		m := headerLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			return header{}, text
		}
		v := strings.TrimSpace(m[2])
		switch strings.ToLower(m[1]) {
		case "title":
			h.title = v
		case "source":
			h.source = v
		case "date":
			h.date = v
		case "url":
			h.url = v
		default:
			return header{}, text
		}
	}
	return h, body
}

// maxHeadlineWords is the most words a plain text's first line may have
// to be read as its headline.
const maxHeadlineWords = 25

// plainHeadline returns the headline a plain text opens with, and the
// body after it: a first line alone in its paragraph, of at most
// maxHeadlineWords words, that does not end as a sentence does ("Sorvang
// volcano: 12,000 evacuated as ash shuts airport"), with text after it.
// A text without one is returned whole, with no headline.
func plainHeadline(body string) (title, rest string) {
	first, after, ok := strings.Cut(strings.TrimLeft(body, "\n"), "\n\n")
	first = strings.TrimSpace(first)
	if !ok || strings.TrimSpace(after) == "" || first == "" || strings.Contains(first, "\n") ||
		len(strings.Fields(first)) > maxHeadlineWords || endsSentence(first) {
		return "", body
	}
	return first, after
}

// seedDate matches the " date 2024-06-19 First sentence" opening used by
// the seed corpus.
var seedDate = regexp.MustCompile(`^\s*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+`)

// cutSeedDate removes a seed-style date prefix and returns the date.
func cutSeedDate(body string) (date, rest string) {
	m := seedDate.FindStringSubmatchIndex(body)
	if m == nil {
		return "", body
	}
	d := body[m[2]:m[3]]
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return "", body
	}
	return d, body[m[1]:]
}

// dateLayouts are the header date forms recognised besides YYYY-MM-DD.
var dateLayouts = []string{
	time.DateOnly,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	time.RFC1123Z,
	time.RFC1123,
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2006/01/02",
}

// normaliseDate returns d as YYYY-MM-DD when it matches a known layout,
// and d unchanged otherwise, so that nothing the source said is lost.
func normaliseDate(d string) string {
	d = strings.TrimSpace(d)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, d); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return d
}

// chooseLabel applies the label order: explicit label, source header,
// HTML site name, URL host, file name stem, "stdin".
func chooseLabel(label, source, siteName, rawURL, path string) string {
	for _, l := range []string{label, source, siteName} {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	if rawURL != "" {
		if u, err := url.Parse(rawURL); err == nil && u.Hostname() != "" {
			return strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	switch path {
	case "":
	case "-":
		return "stdin"
	default:
		base := filepath.Base(path)
		if stem := strings.TrimSuffix(base, filepath.Ext(base)); stem != "" {
			return stem
		}
		return base
	}
	return "article"
}

// errNoText is the error for an HTML page with no sentences of an
// article in it: empty, or only navigation, headings and links.
var errNoText = errors.New("no article text found in the HTML")

// fromHTML extracts the main text and metadata of an HTML page. Every
// line break in the extracted text marks a block boundary (paragraph,
// list item, heading), so each line becomes its own paragraph and no
// sentence runs from one block into the next.
func fromHTML(data []byte, rawURL string) (header, string, error) {
	var pageURL *url.URL
	if rawURL != "" {
		u, err := url.Parse(rawURL)
		if err == nil {
			pageURL = u
		}
	}
	doc, err := readability.FromReader(bytes.NewReader(data), pageURL)
	if err != nil {
		return header{}, "", fmt.Errorf("%w: %w", errNoText, err)
	}
	var buf strings.Builder
	if doc.Node == nil || doc.RenderText(&buf) != nil || strings.TrimSpace(buf.String()) == "" {
		return header{}, "", errNoText
	}
	var paras []string
	for line := range strings.SplitSeq(normaliseLines(buf.String()), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	if !hasProse(paras) {
		return header{}, "", errNoText
	}
	h := header{title: collapseSpace(doc.Title()), siteName: collapseSpace(doc.SiteName())}
	if t, err := doc.PublishedTime(); err == nil {
		h.date = t.Format(time.DateOnly)
	} else {
		h.date = pageDate(data)
	}
	return h, strings.Join(paras, "\n\n"), nil
}

// normaliseLines converts line endings to LF and no-break spaces to
// spaces, and drops a byte-order mark. Quotes and dashes stay as they are:
// quote checks compare summaries with the text character for character.
func normaliseLines(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\u00A0", " ")
}

// normaliseText produces Article.Text: normalised lines, no trailing
// spaces, paragraphs separated by exactly one blank line, no leading or
// trailing white space. Runs of three or more line breaks, once trailing
// spaces are gone, become two; shorter runs stay.
func normaliseText(s string) string {
	if isNormalText(s) {
		return s // most plain-text articles: no copy
	}
	s = normaliseLines(s)
	var b strings.Builder
	b.Grow(len(s))
	breaks := -1 // line breaks since the last line with text
	for line := range strings.SplitSeq(s, "\n") {
		breaks++
		line = strings.TrimRight(line, " \t")
		if line == "" {
			continue
		}
		b.WriteString("\n\n"[:min(breaks, 2)])
		b.WriteString(line)
		breaks = 0
	}
	return strings.TrimSpace(b.String())
}

// isNormalText reports whether normaliseText would return s unchanged:
// nothing normaliseLines rewrites, no white space ending a line or the
// text or starting it, no more than one blank line in a row.
func isNormalText(s string) bool {
	return strings.TrimSpace(s) == s && !strings.HasPrefix(s, "\uFEFF") &&
		!strings.Contains(s, "\r") && !strings.Contains(s, "\u00A0") && !strings.Contains(s, "\n\n\n") &&
		!strings.Contains(s, " \n") && !strings.Contains(s, "\t\n")
}

// textDigest is the hex SHA-256 of s, hashed through a small buffer
// rather than a copy of the whole text.
func textDigest(s string) string {
	h := sha256.New()
	var buf [4096]byte
	for s != "" {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// invalidAt returns the offset of the first invalid UTF-8 sequence.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
