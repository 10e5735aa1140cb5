package prompts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// variables lists the placeholders each known prompt may use; prompts
// with other names may use any of them.
var variables = map[string][]string{
	"summarize": {"label", "title", "date", "sentence_count", "article", "numbered_article", "schema", "part"},
	"merge":     {"label", "title", "sentence_count", "partials", "schema"},
	"compare":   {"sources", "findings", "claims", "schema"},
}

// untrusted holds the variables whose text comes from articles (or from
// models that read them) and so must be fenced in a template.
var untrusted = map[string]bool{
	"title":            true,
	"article":          true,
	"numbered_article": true,
	"partials":         true,
	"sources":          true,
	"findings":         true,
	"claims":           true,
}

// schemas are the output schemas a caller knows how to supply.
var schemas = []string{"summary", "synthesis", "verified-synthesis"}

func knownVar(prompt, v string) bool {
	vs, ok := variables[prompt]
	if !ok {
		for _, all := range variables {
			if contains(all, v) {
				return true
			}
		}
		return false
	}
	return contains(vs, v)
}

func varsFor(prompt string) string {
	if vs, ok := variables[prompt]; ok {
		return strings.Join(vs, ", ")
	}
	var all []string
	for _, name := range []string{"summarize", "merge", "compare"} {
		for _, v := range variables[name] {
			if !contains(all, v) {
				all = append(all, v)
			}
		}
	}
	return strings.Join(all, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// errorfAt formats an error at a line of the template file.
type errorfAt func(line int, format string, args ...any) error

// section is the "--- system" or "--- user" part of a template.
type section struct {
	marker int // line number of the "--- name" line
	lines  []string
}

// parse reads one template file; where names it in errors.
func parse(name string, version int, data []byte, where string) (*Prompt, error) {
	errf := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", where, line, fmt.Sprintf(format, args...))
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8 text", where)
	}
	sum := sha256.Sum256(data)
	p := &Prompt{
		Name:    name,
		Version: version,
		Raw:     bytes.Clone(data),
		SHA256:  hex.EncodeToString(sum[:]),
	}

	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	sections, seen, err := p.readLines(lines, errf)
	if err != nil {
		return nil, err
	}
	if err := checkShape(lines, sections, seen, errf); err != nil {
		return nil, err
	}
	texts := [2]*string{&p.System, &p.User}
	for i, s := range sections {
		text, err := s.text(name, [2]string{"system", "user"}[i], errf)
		if err != nil {
			return nil, err
		}
		*texts[i] = text
	}
	return p, nil
}

// readLines reads the header lines into p and gathers the lines of the
// system and user sections, in that order. seen maps each header key to
// its line number.
func (p *Prompt) readLines(lines []string, errf errorfAt) (sections []*section, seen map[string]int, err error) {
	seen = map[string]int{}
	for i, line := range lines {
		n := i + 1
		if sec, ok := sectionLine(line); ok {
			switch {
			case sec == "system" && len(sections) == 0, sec == "user" && len(sections) == 1:
				sections = append(sections, &section{marker: n})
			case sec == "system" || sec == "user":
				return nil, nil, errf(n, "unexpected \"--- %s\": a template has one \"--- system\" line, then one \"--- user\" line", sec)
			default:
				return nil, nil, errf(n, "unknown section %q: a template has one \"--- system\" line, then one \"--- user\" line", sec)
			}
			continue
		}
		if len(sections) > 0 {
			s := sections[len(sections)-1]
			s.lines = append(s.lines, line)
			continue
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		key, value, ok := strings.Cut(trimmed, ":")
		if !ok {
			return nil, nil, errf(n, "want \"key: value\" in the header, got %q", trimmed)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if first, dup := seen[key]; dup {
			return nil, nil, errf(n, "%s given twice (first on line %d)", key, first)
		}
		seen[key] = n
		if err := p.setHeader(key, value, n, errf); err != nil {
			return nil, nil, err
		}
	}
	return sections, seen, nil
}

// setHeader sets the header key given on line n.
func (p *Prompt) setHeader(key, value string, n int, errf errorfAt) error {
	switch key {
	case "description":
		if value == "" {
			return errf(n, "empty description")
		}
		p.Description = value
	case "temperature":
		t, err := strconv.ParseFloat(value, 64)
		if err != nil || math.IsNaN(t) || t < 0 || t > 2 {
			return errf(n, "temperature %q: want a number from 0 to 2, or no temperature line to leave it to the endpoint", value)
		}
		p.Temperature = &t
	case "schema":
		if !contains(schemas, value) {
			return errf(n, "schema %q: want one of %s", value, strings.Join(schemas, ", "))
		}
		p.Schema = value
	default:
		return errf(n, "unknown header key %q: want description, temperature or schema", key)
	}
	return nil
}

// checkShape checks that the file has both sections and the header lines
// every template needs.
func checkShape(lines []string, sections []*section, seen map[string]int, errf errorfAt) error {
	last := len(lines)
	if lines[last-1] == "" && last > 1 {
		last-- // the file ends with a newline, not an empty line
	}
	switch len(sections) {
	case 0:
		return errf(last, "no \"--- system\" line: a template has a header, then \"--- system\", then \"--- user\"")
	case 1:
		return errf(last, "no \"--- user\" line after \"--- system\" on line %d", sections[0].marker)
	}
	for _, key := range []string{"description", "schema"} {
		if _, ok := seen[key]; !ok {
			return errf(sections[0].marker, "the header has no %s line", key)
		}
	}
	return nil
}

// text returns the section's text without blank lines at either end,
// once its placeholders and fences are checked; label names it in errors.
func (s *section) text(prompt, label string, errf errorfAt) (string, error) {
	start := s.marker + 1
	body := s.lines
	for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body = body[1:]
		start++
	}
	for len(body) > 0 && strings.TrimSpace(body[len(body)-1]) == "" {
		body = body[:len(body)-1]
	}
	if len(body) == 0 {
		return "", errf(s.marker, "the %s section is empty", label)
	}
	text := strings.Join(body, "\n")
	if err := check(prompt, text, start, errf); err != nil {
		return "", err
	}
	return text, nil
}

// sectionLine reports whether line starts a section ("--- system") and
// which. A line of dashes alone, or dashes followed by prose, is text.
func sectionLine(line string) (string, bool) {
	s := strings.TrimSpace(line)
	if !strings.HasPrefix(s, "---") {
		return "", false
	}
	s = strings.TrimSpace(s[3:])
	if s == "" {
		return "", false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return "", false
		}
	}
	return s, true
}

// check validates the placeholders and fences of one section whose first
// line is file line start.
func check(prompt, text string, start int, errf errorfAt) error {
	lineAt := func(off int) int { return start + strings.Count(text[:off], "\n") }
	pieces, err := scan(text)
	if err != nil {
		se := err.(*scanError)
		return errf(lineAt(se.off), "%s", se.msg)
	}
	spans, fenceLine, err := fences(text)
	if err != nil {
		return errf(start+fenceLine, "%v", err)
	}
	for _, pc := range pieces {
		if pc.name == "" {
			continue
		}
		n := lineAt(pc.off)
		if !knownVar(prompt, pc.name) {
			return errf(n, "unknown placeholder {{%s}}; %s templates can use %s", pc.name, prompt, varsFor(prompt))
		}
		if untrusted[pc.name] && !inFence(spans, n-start) {
			return errf(n, "{{%s}} is untrusted text and must sit between fence lines, e.g. <%s> and </%s>", pc.name, pc.name, pc.name)
		}
	}
	return nil
}

// fence is an opening fence line and its closing line, as 0-based line
// indexes within a section.
type fence struct {
	tag         string
	open, close int
}

func inFence(spans []fence, line int) bool {
	for _, f := range spans {
		if line > f.open && line < f.close {
			return true
		}
	}
	return false
}

// fenceLine reports whether line is a fence line, "<tag>" or "</tag>".
func fenceLine(line string) (tag string, closing, ok bool) {
	s := strings.TrimSpace(line)
	if len(s) < 3 || s[0] != '<' || s[len(s)-1] != '>' {
		return "", false, false
	}
	s = s[1 : len(s)-1]
	if strings.HasPrefix(s, "/") {
		closing = true
		s = s[1:]
	}
	if !validName(s) {
		return "", false, false
	}
	return s, closing, true
}

// fences pairs the fence lines of a section. Fences do not nest. On error
// it returns the 0-based index of the offending line.
func fences(text string) ([]fence, int, error) {
	var (
		spans []fence
		open  = -1
		tag   string
	)
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		t, closing, ok := fenceLine(line)
		if !ok {
			continue
		}
		switch {
		case !closing && open >= 0:
			return nil, i, fmt.Errorf("fence <%s> opens inside <%s>, which is not closed yet; fences do not nest", t, tag)
		case !closing:
			open, tag = i, t
		case open < 0:
			return nil, i, fmt.Errorf("</%s> closes a fence that was never opened", t)
		case t != tag:
			return nil, i, fmt.Errorf("</%s> does not match the open fence <%s>", t, tag)
		default:
			spans = append(spans, fence{tag: tag, open: open, close: i})
			open = -1
		}
	}
	if open >= 0 {
		return nil, open, fmt.Errorf("fence <%s> is never closed", tag)
	}
	return spans, 0, nil
}
