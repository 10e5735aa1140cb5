package prompts

import (
	"fmt"
	"strings"
)

// Render fills the system and user templates with vars. Each value is
// inserted as it is, never read as a template, except that any closing
// fence line of this prompt inside it is neutralised ("</article>"
// becomes "</ article>") so the value cannot end its fence early.
func (p *Prompt) Render(vars map[string]string) (system, user string, err error) {
	tags := fenceTags(p.System, p.User)
	system, err = p.render("system", p.System, vars, tags)
	if err != nil {
		return "", "", err
	}
	user, err = p.render("user", p.User, vars, tags)
	if err != nil {
		return "", "", err
	}
	return system, user, nil
}

func (p *Prompt) render(section, tmpl string, vars map[string]string, tags []string) (string, error) {
	pieces, err := scan(tmpl)
	if err != nil {
		return "", fmt.Errorf("render %s %s template: %v", p.ID(), section, err)
	}
	size := len(tmpl)
	for _, pc := range pieces {
		if pc.name != "" {
			size += len(vars[pc.name])
		}
	}
	var b strings.Builder
	b.Grow(size + 64)
	for _, pc := range pieces {
		if pc.name == "" {
			b.WriteString(pc.lit)
			continue
		}
		if !knownVar(p.Name, pc.name) {
			return "", fmt.Errorf("render %s %s template: unknown placeholder {{%s}}; %s templates can use %s", p.ID(), section, pc.name, p.Name, varsFor(p.Name))
		}
		v, ok := vars[pc.name]
		if !ok {
			return "", fmt.Errorf("render %s %s template: no value for {{%s}}", p.ID(), section, pc.name)
		}
		writeNeutralised(&b, v, tags)
	}
	return b.String(), nil
}

// piece is a run of literal template text, or a placeholder when name is
// set. off is its byte offset in the template.
type piece struct {
	lit  string
	name string
	off  int
}

type scanError struct {
	off int
	msg string
}

func (e *scanError) Error() string { return e.msg }

// scan splits a template into literal text and {{name}} placeholders in
// one pass. Spaces inside the braces are allowed.
func scan(tmpl string) ([]piece, error) {
	var pieces []piece
	i := 0
	for {
		j := strings.Index(tmpl[i:], "{{")
		if j < 0 {
			if i < len(tmpl) {
				pieces = append(pieces, piece{lit: tmpl[i:], off: i})
			}
			return pieces, nil
		}
		j += i
		if j > i {
			pieces = append(pieces, piece{lit: tmpl[i:j], off: i})
		}
		k := strings.Index(tmpl[j+2:], "}}")
		if k < 0 {
			return nil, &scanError{off: j, msg: "{{ without a closing }}"}
		}
		inner := tmpl[j+2 : j+2+k]
		name := strings.Trim(inner, " \t")
		if !validVar(name) {
			return nil, &scanError{off: j, msg: fmt.Sprintf("malformed placeholder %q: want {{name}} with a lowercase name such as {{article}}", "{{"+inner+"}}")}
		}
		pieces = append(pieces, piece{name: name, off: j})
		i = j + 2 + k + 2
	}
}

func validVar(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// fenceTags returns the tags of every fence line in the templates.
func fenceTags(templates ...string) []string {
	var tags []string
	for _, t := range templates {
		for line := range strings.Lines(t) {
			if tag, _, ok := fenceLine(line); ok && !contains(tags, tag) {
				tags = append(tags, tag)
			}
		}
	}
	return tags
}

// writeNeutralised writes v to b with a space after the "</" of every
// closing tag in tags, matched without regard to ASCII case and allowing
// white space, line breaks included, before the ">".
func writeNeutralised(b *strings.Builder, v string, tags []string) {
	last, i := 0, 0
	for len(tags) > 0 {
		j := strings.Index(v[i:], "</")
		if j < 0 {
			break
		}
		j += i + 2
		if closesFence(v[j:], tags) {
			b.WriteString(v[last:j])
			b.WriteByte(' ')
			last = j
		}
		i = j
	}
	b.WriteString(v[last:])
}

func closesFence(rest string, tags []string) bool {
	for _, t := range tags {
		if len(rest) < len(t) || !asciiEqualFold(rest[:len(t)], t) {
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(rest[len(t):], " \t\r\n\f\v"), ">") {
			return true
		}
	}
	return false
}

func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
