package prompts

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed summarize/v*.tmpl merge/v*.tmpl compare/v*.tmpl
var embeddedFS embed.FS

// ErrUnknown is wrapped by the errors of Get and Lookup when no prompt has
// the requested name or version.
var ErrUnknown = errors.New("unknown prompt")

// Prompt is one version of a prompt template.
type Prompt struct {
	// Name is the prompt's name, such as "summarize".
	Name string
	// Version counts from 1; a released version never changes.
	Version int
	// Description says in one line what the prompt is for.
	Description string
	// Temperature is the sampling temperature the prompt was written
	// for; nil leaves it to the endpoint.
	Temperature *float64
	// Schema names the output schema the caller supplies: "summary" or
	// "synthesis".
	Schema string
	// System is the system message template.
	System string
	// User is the user message template.
	User string
	// Source is "embedded" or the path of the file the prompt was read
	// from.
	Source string
	// SHA256 is the hex SHA-256 of Raw.
	SHA256 string
	// Raw holds the file's bytes.
	Raw []byte
}

// ID returns the prompt's reference, name@version.
func (p *Prompt) ID() string {
	return p.Name + "@" + strconv.Itoa(p.Version)
}

func (p *Prompt) clone() *Prompt {
	c := *p
	c.Raw = bytes.Clone(p.Raw)
	if p.Temperature != nil {
		t := *p.Temperature
		c.Temperature = &t
	}
	return &c
}

// Registry is a set of prompts, looked up by name and version. A Registry
// is safe for concurrent use; the prompts it returns are copies the caller
// may change.
type Registry struct {
	byName map[string][]*Prompt // each sorted by version
}

var embedded = sync.OnceValue(func() *Registry {
	r := &Registry{byName: map[string][]*Prompt{}}
	list, err := readTree(embeddedFS, func(p string) string { return p }, "embedded")
	if err != nil {
		// The embedded files are checked by the tests; reaching this is
		// a build of broken sources, not a user error.
		panic(fmt.Sprintf("prompts: embedded templates: %v", err))
	}
	for _, p := range list {
		r.put(p)
	}
	return r
})

// Embedded returns the prompts compiled into the binary.
func Embedded() *Registry {
	return embedded()
}

// Load returns the embedded prompts overlaid with the templates in dir,
// laid out as dir/<name>/v<N>.tmpl. A file there replaces the embedded
// prompt with the same name and version or adds a new one. Load("")
// returns Embedded().
func Load(dir string) (*Registry, error) {
	base := Embedded()
	if dir == "" {
		return base, nil
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("load prompts: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("load prompts: %s is not a directory", dir)
	}
	list, err := readTree(os.DirFS(dir), func(p string) string {
		return filepath.Join(dir, filepath.FromSlash(p))
	}, "")
	if err != nil {
		return nil, fmt.Errorf("load prompts from %s: %w", dir, err)
	}
	r := &Registry{byName: make(map[string][]*Prompt, len(base.byName))}
	for name, ps := range base.byName {
		r.byName[name] = append([]*Prompt(nil), ps...)
	}
	for _, p := range list {
		r.put(p)
	}
	return r, nil
}

// put adds p, replacing any prompt with the same ID.
func (r *Registry) put(p *Prompt) {
	ps := r.byName[p.Name]
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Version >= p.Version })
	if i < len(ps) && ps[i].Version == p.Version {
		ps[i] = p
		return
	}
	ps = append(ps, nil)
	copy(ps[i+1:], ps[i:])
	ps[i] = p
	r.byName[p.Name] = ps
}

// Get returns the prompt with the given name and version; version 0 means
// the latest. The error for an unknown prompt lists the ones that exist.
func (r *Registry) Get(name string, version int) (*Prompt, error) {
	ref := name
	if version != 0 {
		ref = name + "@" + strconv.Itoa(version)
	}
	if version < 0 {
		return nil, fmt.Errorf("%w %s: versions start at 1", ErrUnknown, ref)
	}
	ps := r.byName[name]
	if len(ps) == 0 {
		return nil, fmt.Errorf("%w %s; have %s", ErrUnknown, ref, ids(r.List()))
	}
	if version == 0 {
		return ps[len(ps)-1].clone(), nil
	}
	for _, p := range ps {
		if p.Version == version {
			return p.clone(), nil
		}
	}
	return nil, fmt.Errorf("%w %s; have %s", ErrUnknown, ref, ids(ps))
}

// Lookup returns the prompt a reference names: "summarize" for the latest
// version, "summarize@2" for version 2.
func (r *Registry) Lookup(ref string) (*Prompt, error) {
	name, version, err := ParseRef(ref)
	if err != nil {
		return nil, err
	}
	return r.Get(name, version)
}

// List returns every prompt, ordered by name, then version.
func (r *Registry) List() []*Prompt {
	names := make([]string, 0, len(r.byName))
	for name := range r.byName {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []*Prompt
	for _, name := range names {
		for _, p := range r.byName[name] {
			out = append(out, p.clone())
		}
	}
	return out
}

// Get returns the embedded prompt with the given name and version;
// version 0 means the latest.
func Get(name string, version int) (*Prompt, error) {
	return Embedded().Get(name, version)
}

// ParseRef splits a prompt reference, "name" or "name@N", into its name
// and version. The version is 0 when the reference does not give one.
func ParseRef(ref string) (name string, version int, err error) {
	name, v, hasVersion := strings.Cut(ref, "@")
	if !validName(name) {
		return "", 0, fmt.Errorf("invalid prompt reference %q: want a name of lowercase letters, digits, '-' or '_', optionally with @version, e.g. summarize@2", ref)
	}
	if !hasVersion {
		return name, 0, nil
	}
	version, ok := parseVersion(v)
	if !ok {
		return "", 0, fmt.Errorf("invalid prompt reference %q: the version must be a whole number from 1, e.g. %s@2", ref, name)
	}
	return name, version, nil
}

// validName reports whether s can name a prompt (and its directory).
func validName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// parseVersion parses a positive decimal version without sign or leading
// zeros, so each version has one spelling.
func parseVersion(s string) (int, bool) {
	if s == "" || s[0] == '0' || len(s) > 6 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func ids(ps []*Prompt) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.ID()
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// readTree reads <name>/v<N>.tmpl files from fsys. display turns a slash
// path in fsys into the path shown in errors; source is the Source of
// every prompt read, or "" for the displayed path. All bad files are
// reported, not only the first.
func readTree(fsys fs.FS, display func(string) string, source string) ([]*Prompt, error) {
	top, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var (
		list []*Prompt
		errs []error
	)
	for _, d := range top {
		if strings.HasPrefix(d.Name(), ".") {
			continue
		}
		isDir := d.IsDir()
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := fs.Stat(fsys, d.Name()); err == nil {
				isDir = fi.IsDir()
			}
		}
		if !isDir {
			if strings.HasSuffix(d.Name(), ".tmpl") {
				errs = append(errs, fmt.Errorf("%s: a template belongs in a directory named for the prompt, as <name>/v<N>.tmpl", display(d.Name())))
			}
			continue
		}
		name := d.Name()
		files, err := fs.ReadDir(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, f := range files {
			if f.IsDir() || !strings.HasSuffix(f.Name(), ".tmpl") {
				continue
			}
			rel := path.Join(name, f.Name())
			where := display(rel)
			if !validName(name) {
				errs = append(errs, fmt.Errorf("%s: prompt name %q must be lowercase letters, digits, '-' or '_', starting with a letter", where, name))
				continue
			}
			version, ok := parseVersion(strings.TrimSuffix(strings.TrimPrefix(f.Name(), "v"), ".tmpl"))
			if !ok || !strings.HasPrefix(f.Name(), "v") {
				errs = append(errs, fmt.Errorf("%s: file name must be v<N>.tmpl with N a whole number from 1, e.g. v3.tmpl", where))
				continue
			}
			data, err := fs.ReadFile(fsys, rel)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			p, err := parse(name, version, data, where)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			p.Source = source
			if source == "" {
				p.Source = where
			}
			list = append(list, p)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return list, nil
}
