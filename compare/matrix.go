package compare

import (
	"slices"
	"sort"
	"strings"
)

// BuildMatrix fills r.Matrix from the report's findings: one claim per
// shared fact, per quantity most sources give that is no shared fact's
// text (an omission of figureOmissions), and per fact only one source
// has, each source's cell
// stated, absent or, where a discrepancy puts the source's figure in a
// minority class within the claim's sentences and another source's
// sentence of the claim gives the disputed quantity too
// (disputedIn), conflicts. Claims carried
// by more sources come first; ties keep the findings' order. Call it
// again after findings are added or removed.
func (r *Report) BuildMatrix() {
	labels := r.labels()
	conflict := r.conflictSentences()
	classes := r.valueClasses()
	var claims []Claim
	for _, sh := range r.Shared {
		disputed := r.disputedIn(sh, classes)
		cl := Claim{Text: sh.Text, From: sh.TextFrom, Cells: make(map[string]Cell, len(labels)), By: sh.By}
		for _, l := range labels {
			ns, ok := sh.Evidence[l]
			if !ok || !slices.Contains(sh.Sources, l) {
				cl.Cells[l] = Cell{State: Absent}
				continue
			}
			c := Cell{State: Stated, Sentences: ns, Score: sh.scores[l], Matcher: firstNonEmpty(sh.matchers[l], matcherOf(sh.By))}
			if c.Score == 0 && sh.By == Engine {
				c.Score = sh.Similarity
			}
			if disputed[l] {
				c.State = Conflicts
			}
			cl.Cells[l] = c
			cl.Stated++
		}
		claims = append(claims, cl)
	}
	claims = append(claims, r.omissionRows(labels, conflict, claims)...)
	for _, l := range labels {
		for _, u := range r.Unique[l] {
			cl := Claim{Text: u.Text, From: l, Stated: 1, Cells: make(map[string]Cell, len(labels)), By: firstNonEmpty(u.By, Engine)}
			for _, o := range labels {
				cl.Cells[o] = Cell{State: Absent}
			}
			ns := u.Evidence
			if len(ns) == 0 && u.Sentence > 0 {
				ns = []int{u.Sentence}
			}
			cl.Cells[l] = Cell{State: Stated, Sentences: ns, Score: 1, Matcher: matcherOf(cl.By)}
			claims = append(claims, cl)
		}
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Stated > claims[j].Stated })
	if claims == nil {
		claims = []Claim{}
	}
	r.Matrix = claims
}

// omissionRows returns a claim for each omission whose text no shared
// claim has: a quantity tied by its figures (figureOmissions), stated by
// the sources its evidence cites. A quantity whose clause is a shared
// claim's text with the figure in brackets ("Virtanen wrote [23
// novels]") is that claim: the sources it cites are added to the
// claim's row instead.
func (r *Report) omissionRows(labels []string, conflict map[sentenceKey]bool, claims []Claim) []Claim {
	byText := make(map[string]int, len(claims))
	for i, cl := range claims {
		byText[cl.Text] = i
	}
	seen := make(map[string]bool)
	var out []Claim
	for _, l := range labels {
		for _, o := range r.Omissions[l] {
			if _, shared := byText[o.Text]; shared || seen[o.Text] || len(o.Evidence) == 0 {
				continue
			}
			seen[o.Text] = true
			if i, ok := byText[unbracket(o.Text)]; ok {
				addCited(&claims[i], labels, o.Evidence, conflict)
				continue
			}
			cl := Claim{Text: o.Text, From: firstPresent(labels, o.Evidence), Cells: make(map[string]Cell, len(labels)), By: firstNonEmpty(o.By, Engine)}
			for _, m := range labels {
				cl.Cells[m] = Cell{State: Absent}
			}
			addCited(&cl, labels, o.Evidence, conflict)
			out = append(out, cl)
		}
	}
	return out
}

// unbracket returns s without the brackets that mark a figure.
func unbracket(s string) string {
	return strings.NewReplacer("[", "", "]", "").Replace(s)
}

// addCited marks as stating claim cl the sources ev cites that its row
// has as absent.
func addCited(cl *Claim, labels []string, ev map[string][]int, conflict map[sentenceKey]bool) {
	for _, m := range labels {
		ns, ok := ev[m]
		if !ok || cl.Cells[m].State != Absent {
			continue
		}
		cl.Cells[m] = Cell{State: statedState(conflict, m, ns), Sentences: ns, Matcher: MatcherFigure}
		cl.Stated++
	}
}

// firstPresent returns the first of labels that ev cites.
func firstPresent(labels []string, ev map[string][]int) string {
	for _, l := range labels {
		if _, ok := ev[l]; ok {
			return l
		}
	}
	return ""
}

// statedState is Conflicts when one of source l's sentences ns holds a
// minority value of a discrepancy, else Stated.
func statedState(conflict map[sentenceKey]bool, l string, ns []int) string {
	for _, n := range ns {
		if conflict[sentenceKey{l, n}] {
			return Conflicts
		}
	}
	return Stated
}

// disputedIn returns the sources whose sentences of shared claim sh
// hold a value of a discrepancy outside the class most sources carry,
// while another source's sentence of the claim gives the disputed
// quantity too: the claim is about that quantity, and the source
// contradicts the others on it. "The dead included five children" is not
// about the toll its first outlet's sentence also gives ("Eighteen
// civilians, including five children, died"), and a value of another
// discrepancy in the same sentence ("38 deaths, up from 31") does not
// mark the claim. classes holds, per discrepancy, each source's classes
// in it (valueClasses); a source with values in two classes gives both
// sides and contradicts no one.
func (r *Report) disputedIn(sh Shared, classes []map[string]map[int]bool) map[string]bool {
	var out map[string]bool
	for di, d := range r.Discrepancies {
		in := 0 // sources with a value in the claim's sentences
		var minority []string
		seen := make(map[string]bool, len(d.Values))
		for _, v := range d.Values {
			ns, ok := sh.Evidence[v.Source]
			if !ok || !slices.Contains(ns, v.Sentence) {
				continue
			}
			if !seen[v.Source] {
				seen[v.Source] = true
				in++
			}
			if v.Class > 1 && len(classes[di][v.Source]) == 1 {
				minority = append(minority, v.Source)
			}
		}
		if in < 2 {
			continue
		}
		for _, l := range minority {
			if out == nil {
				out = make(map[string]bool)
			}
			out[l] = true
		}
	}
	return out
}

// valueClasses returns, per discrepancy of r, the classes each source's
// values fall in.
func (r *Report) valueClasses() []map[string]map[int]bool {
	out := make([]map[string]map[int]bool, len(r.Discrepancies))
	for di, d := range r.Discrepancies {
		out[di] = make(map[string]map[int]bool)
		for _, v := range d.Values {
			if out[di][v.Source] == nil {
				out[di][v.Source] = make(map[int]bool)
			}
			out[di][v.Source][v.Class] = true
		}
	}
	return out
}

type sentenceKey struct {
	label string
	n     int
}

// conflictSentences returns the sentences holding a discrepancy value
// outside the class most sources carry, unless their source gives both
// sides of the discrepancy ("at least 27 people were killed, health
// officials said"; "rebel authorities put the toll at 34"): it reports
// the dispute and contradicts no one.
func (r *Report) conflictSentences() map[sentenceKey]bool {
	out := make(map[sentenceKey]bool)
	for _, d := range r.Discrepancies {
		classes := make(map[string]map[int]bool)
		for _, v := range d.Values {
			if classes[v.Source] == nil {
				classes[v.Source] = make(map[int]bool)
			}
			classes[v.Source][v.Class] = true
		}
		for _, v := range d.Values {
			if v.Class > 1 && len(classes[v.Source]) == 1 {
				out[sentenceKey{v.Source, v.Sentence}] = true
			}
		}
	}
	return out
}

func matcherOf(by string) string {
	if by == "llm" {
		return "llm"
	}
	return "lexical"
}

// quoted counts, per speaker, the quotations each source gives them.
// Quotes with no known speaker are left out.
func (c *comparison) quoted(clusters []*quoteCluster) []Quoted {
	bySpeaker := make(map[string]*Quoted)
	var order []string
	writers := make(map[string]map[string]map[int]bool) // key -> form -> sources writing it
	for _, qc := range clusters {
		for _, ref := range qc.refs {
			sp := ref.q.Speaker
			if sp == "" {
				continue
			}
			key := sp
			for _, k := range order {
				if quoteSameSpeaker(k, sp) {
					key = k
					break
				}
			}
			q := bySpeaker[key]
			if q == nil {
				q = &Quoted{Speaker: key, Sources: map[string]int{}}
				bySpeaker[key] = q
				order = append(order, key)
			}
			if writers[key] == nil {
				writers[key] = make(map[string]map[int]bool)
			}
			if writers[key][sp] == nil {
				writers[key][sp] = make(map[int]bool)
			}
			writers[key][sp][ref.src] = true
			q.Sources[c.labels[ref.src]]++
			q.Total++
		}
	}
	out := make([]Quoted, 0, len(order))
	for _, k := range order {
		q := bySpeaker[k]
		for form := range writers[k] {
			if fuller(form, q.Speaker, writers[k]) {
				q.Speaker = form
			}
		}
		q.Speaker = c.fullName(q.Speaker)
		out = append(out, *q)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Sources) != len(out[j].Sources) {
			return len(out[i].Sources) > len(out[j].Sources)
		}
		return out[i].Total > out[j].Total
	})
	return out
}

// fullName returns the one longer name of a person the coverage writes
// that speaker, a family name alone, shortens ("Paz" for "Ramon dela
// Paz", "Lind" for "Petra Lind"), else speaker. Two people of one family
// name leave it as it is.
func (c *comparison) fullName(speaker string) string {
	if speaker == "" || strings.Contains(speaker, " ") {
		return speaker // no speaker is no one's short name
	}
	full := ""
	for _, es := range c.entities() {
		for _, e := range es {
			if e.Type != "person" || !strings.Contains(e.Name, " ") || !quoteSameSpeaker(e.Name, speaker) {
				continue
			}
			if full != "" && !strings.EqualFold(full, e.Name) {
				if !quoteSameSpeaker(full, e.Name) {
					return speaker
				}
				if len(e.Name) <= len(full) {
					continue
				}
			}
			full = e.Name
		}
	}
	if full == "" {
		return speaker
	}
	return full
}

// fuller reports whether speaker form a names the speaker better than b:
// it is longer, or as long and more sources write it ("Sergei Lavrov"
// in two reports beside "Sergey Lavrov" in one).
func fuller(a, b string, writers map[string]map[int]bool) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	if len(writers[a]) != len(writers[b]) {
		return len(writers[a]) > len(writers[b])
	}
	return a < b // a map's order must not choose
}
