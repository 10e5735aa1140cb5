package quote

import (
	"slices"
	"strings"
)

// maxRoleWords bounds a description: an apposition longer than this is a
// clause about the speaker, not who the speaker is.
const maxRoleWords = 10

// role returns the description of speaker name given in sentence si or,
// failing that, in the nearest earlier sentence that names the speaker
// with one: news writing describes a person once, with the full name,
// and uses the surname alone afterwards.
func (a *attributor) role(name string, si int) string {
	if isPronoun(strings.ToLower(name)) || IsInstitution(name) {
		return ""
	}
	nw := strings.Fields(name)
	if len(nw) == 0 {
		return ""
	}
	last := nw[len(nw)-1]
	for i := si; i >= 0; i-- {
		if !strings.Contains(a.sentences[i], last) {
			continue
		}
		if r := roleIn(a.sentences[i], name); r != "" {
			return r
		}
	}
	return ""
}

// roleIn returns the description of name in sentence s: an apposition
// after it (`Dilli Bhatta, a spokesman for the Home Ministry, said`), or
// else the descriptor written before it (`said union president Gábor
// Horváth`, `Danubia's chief executive, Katalin Varga, said`).
func roleIn(s, name string) string {
	nw := words(name)
	if len(nw) == 0 {
		return ""
	}
	ws := words(s)
	last := nw[len(nw)-1].lower
	for j, w := range ws {
		if w.lower != last {
			continue
		}
		if r := roleAfter(s, ws, j); r != "" {
			return r
		}
		// Back over the rest of the name: "Vladimir" of "Russian
		// President Vladimir Putin" for "Putin".
		i := j
		for i > 0 && ws[i-1].capital && !ws[i].breakBefore && !roleNouns[ws[i-1].lower] && !speakerNouns[ws[i-1].lower] {
			i--
		}
		return roleBefore(s, ws, i)
	}
	return ""
}

// roleAfter reads an apposition set off by a comma after word j.
func roleAfter(s string, ws []word, j int) string {
	k := j + 1
	if k >= len(ws) || !ws[k].breakBefore || !strings.Contains(s[ws[j].start+len(ws[j].text):ws[k].start], ",") {
		return ""
	}
	if strings.ContainsAny(s[ws[j].start+len(ws[j].text):ws[k].start], "\"“”«»„") {
		return "" // `According to Hartwig, "the rains ..."`: the quotation, not who she is
	}
	first := ws[k]
	if prepositions[first.lower] || strings.HasSuffix(first.lower, "ing") || first.lower[0] >= '0' && first.lower[0] <= '9' {
		// ", for his part,", ", speaking at a meeting,": not who the
		// speaker is.
		return ""
	}
	if first.capital || relatives[first.lower] || notInNames[first.lower] || isVerb(first) || participles[first.lower] || isPronoun(first.lower) {
		// A capitalised word after the comma is another name or a new
		// clause; "who ...", "saying ..." describe what the speaker
		// does, not who the speaker is.
		if !(first.lower == "a" || first.lower == "an" || first.lower == "the") {
			return ""
		}
	}
	end := k
	for end+1 < len(ws) && !ws[end+1].breakBefore && !isVerb(ws[end+1]) && end+1-k < maxRoleWords {
		end++
	}
	if end+1 < len(ws) && !ws[end+1].breakBefore {
		return "" // runs on: a clause, not a description
	}
	return strings.TrimSpace(s[first.start : ws[end].start+len(ws[end].text)])
}

// roleBefore reads the descriptor that runs up to the name starting at
// word i: contiguous words back to a speech verb, an article or a
// preposition ("said union president Gábor Horváth"), or a whole phrase
// before a comma ("Danubia's chief executive, Katalin Varga, said"); "In
// a statement, Horváth said" has none.
func roleBefore(s string, ws []word, i int) string {
	comma := i > 0 && ws[i].breakBefore
	k := i
	for k > 0 && i-k < 5 && (k == i || !ws[k].breakBefore) && !stopsRole(ws[k-1]) {
		k--
	}
	clean := k == 0 || k < i && ws[k].breakBefore || k < i && isArticle(ws[k-1]) && (k == 1 || ws[k-1].breakBefore)
	if k == i || comma && !clean || !comma && !clean && !stopsRole(ws[k-1]) || !hasRoleNoun(ws[k:i]) {
		return ""
	}
	if honorifics(ws[k:i]) {
		return ""
	}
	return s[ws[k].start : ws[i-1].start+len(ws[i-1].text)]
}

// prepositions open a phrase that says where, when or how the speaker
// spoke.
var prepositions = map[string]bool{
	"for": true, "in": true, "on": true, "at": true, "after": true,
	"before": true, "during": true, "according": true, "like": true,
	"unlike": true, "despite": true, "meanwhile": true, "however": true,
}

// honorifics reports whether ws are only courtesy titles ("Mr", "Ms.",
// "Dr"), which say nothing about whom the speaker speaks for.
func honorifics(ws []word) bool {
	for _, w := range ws {
		if !nameAbbrevs[strings.TrimSuffix(w.lower, ".")] {
			return false
		}
	}
	return true
}

// roleNouns are the heads of the descriptions news writing puts before a
// name; a run of words before a name without one ("took place during
// Putin's visit") describes something else.
var roleNouns = map[string]bool{
	"chief": true, "executive": true, "chairman": true, "chairwoman": true, "boss": true,
	"chair": true, "head": true, "director": true, "manager": true,
	"mayor": true, "governor": true, "resident": true, "member": true,
	"founder": true, "ceo": true, "analyst": true, "economist": true,
	"professor": true, "fellow": true, "expert": true, "correspondent": true,
	"general": true, "commander": true, "officer": true, "inspector": true,
	"lawyer": true, "ambassador": true, "envoy": true, "deputy": true,
	"vice": true, "king": true, "queen": true, "prince": true, "pope": true,
	"senator": true, "lawmaker": true, "mp": true, "candidate": true,
	"worker": true, "witness": true, "survivor": true, "farmer": true,
	"teacher": true, "doctor": true, "engineer": true, "owner": true,
	"judge": true, "prosecutor": true, "coach": true, "captain": true, "referee": true,
}

func hasRoleNoun(ws []word) bool {
	for _, w := range ws {
		if roleNouns[w.lower] || speakerNouns[w.lower] {
			return true
		}
	}
	return false
}

// stopsRole reports whether word p may stand right before a descriptor:
// a speech verb ("said union president ..."), a preposition or
// conjunction, or an article.
func stopsRole(p word) bool {
	return isVerb(p) || participles[p.lower] || notInNames[p.lower] || isPronoun(p.lower) || adverbs[p.lower] || p.lower == "the" || p.lower == "a" || p.lower == "an"
}

func isArticle(w word) bool { return w.lower == "the" || w.lower == "a" || w.lower == "an" }

// titleSubject returns the title a quotation is credited to when the
// speaker is named by it alone: "the minister" in `The minister
// promised "..."` or `"...," the minister said`; "" otherwise.
func titleSubject(before, after string) string {
	aw := words(after)
	for v := 0; v < len(aw) && v < 4; v++ {
		if v > 0 && aw[v].breakBefore {
			break
		}
		if isVerb(aw[v]) {
			return loneTitle(aw[:v])
		}
	}
	bw := words(before)
	for v := len(bw) - 1; v > 0; v-- {
		if isVerb(bw[v]) {
			k := v
			for k > 0 && v-k < 3 && !bw[k].breakBefore {
				k--
			}
			return loneTitle(bw[k:v])
		}
	}
	return ""
}

// loneTitle returns the title noun of "the minister", "the transport
// minister": an article, lower-case words, a role noun last.
func loneTitle(ws []word) string {
	if len(ws) < 2 || !isArticle(ws[0]) {
		return ""
	}
	for _, w := range ws[1:] {
		if w.capital || notInNames[w.lower] || isVerb(w) {
			return ""
		}
	}
	last := ws[len(ws)-1].lower
	if !roleNouns[last] && !speakerNouns[last] || institutions[last] {
		return ""
	}
	return last
}

// soleHolder reports whether at most one person the article names up
// to sentence si holds title: with a health minister and a finance
// minister, "the Minister said" names neither.
func (a *attributor) soleHolder(title string, si int) bool {
	return len(a.holders(title, si)) <= 1
}

// leaderTitles are the titles of a country's leader.
var leaderTitles = map[string]bool{"leader": true, "president": true, "premier": true, "prime": true, "chancellor": true, "king": true, "queen": true, "monarch": true, "chairman": true}

// nationalHolder returns the one person the article, up to sentence si,
// describes with the country adjective adj ("russian", "north korean")
// and the title office, a leader's title standing for "leader"; "" when
// none or several.
func (a *attributor) nationalHolder(adj, office string, si int) string {
	hs := a.describedAs(si, func(i int, p string) bool {
		role := strings.ToLower(roleIn(a.sentences[i], p))
		if at := strings.Index(a.sentences[i], p); role == "" && at > 0 {
			// "met North Korean leader Kim Jong Un": the words right
			// before the name, where roleIn reads no description
			before := strings.Fields(a.sentences[i][:at])
			role = strings.ToLower(strings.Join(before[max(0, len(before)-4):], " "))
		}
		return strings.Contains(" "+role+" ", " "+adj+" ") && slices.ContainsFunc(strings.Fields(role), func(w string) bool {
			return w == strings.Fields(office)[0] || office == "leader" && leaderTitles[w]
		})
	})
	if len(hs) != 1 {
		return ""
	}
	return hs[0]
}

// titled returns the person the article, up to sentence si, describes
// with title ("Rosa Quispe, the transport minister"), the latest one
// described, or "".
func (a *attributor) titled(title string, si int) string {
	if hs := a.holders(title, si); len(hs) > 0 {
		return hs[0]
	}
	return ""
}

// holders returns the people the article, up to sentence si, describes
// with title, the latest described first.
func (a *attributor) holders(title string, si int) []string {
	return a.describedAs(si, func(i int, p string) bool {
		return slices.ContainsFunc(words(roleIn(a.sentences[i], p)), func(w word) bool { return w.lower == title })
	})
}

// describedAs returns the people the article names up to sentence si
// whom a sentence naming them describes as match says, the latest
// described first.
func (a *attributor) describedAs(si int, match func(i int, p string) bool) []string {
	people := append(append([]string(nil), a.people...), a.names...)
	var out []string
	for i := si; i >= 0; i-- {
		for _, p := range people {
			fs := strings.Fields(p)
			if !slices.Contains(out, p) && strings.Contains(a.sentences[i], fs[len(fs)-1]) && match(i, p) {
				out = append(out, p)
			}
		}
	}
	return out
}
