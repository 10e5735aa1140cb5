package compare

import (
	"slices"
	"strings"

	"github.com/newslens/newslens/internal/lexicon"
	"github.com/newslens/newslens/internal/quote"
	"github.com/newslens/newslens/internal/words"
)

// Two renderings are one quotation when their speakers can be one and
// their words say one thing. Words are compared as lexicon keys, so that
// "could increase" meets "likely to rise" and "toll" meets "deaths", an
// adverb as its adjective ("calmly" meets "calm": on the election event
// two more renderings joined, quote recall 0.57 to 0.71), and
// by directional coverage: the share of the shorter rendering's keys the
// longer holds, since outlets quote a fragment of a longer statement.
const (
	// quoteOverlap is the coverage that joins renderings of one speaker
	// (0.5: "written guarantees" in "We want guarantees in writing").
	quoteOverlap = 0.5
	// translatedOverlap is the coverage that joins two translations of
	// one speaker's statement ("the size and the money" against "the
	// scale and the capital") when their sentences report the same
	// thing: they sit in one claim, or quoteContext of the keys of the
	// shorter sentence are in the longer, and share two words or more;
	// or when they keep one sentence frame (quoteFrame). The evaluation
	// set does not move with the two words; a minister's "who is
	// responsible" and "those responsible will be held to account" no
	// longer join.
	translatedOverlap = 0.25
	quoteContext      = 0.5
	// quoteFrame is the share of the shorter rendering's words, small
	// words included, that the other holds in the same order, for two
	// renderings that are their outlets' only quotes of the speaker.
	quoteFrame = 0.6
)

// speakerRel is how the speakers of two renderings relate.
type speakerRel int

const (
	relNone       speakerRel = iota // different speakers: never one quote
	relUnknown                      // one rendering has no speaker
	relDescribed                    // a description ("local officials") and a name
	relAffiliated                   // a body and a person the article places in it
	relSame                         // one person or body
)

// relation compares the speakers of two renderings. A body and a person
// whose role names it ("Home Ministry" and Dilli Bhatta, "a spokesman
// for the Home Ministry"; "union" and "union president Gábor Horváth")
// may share a quotation: outlets credit one statement to its speaker or
// to the body the speaker speaks for.
func relation(a, b quoteRef) speakerRel {
	sa, sb := a.q.Speaker, b.q.Speaker
	switch {
	case sa == "" || sb == "":
		return relUnknown
	case quote.SameSpeakerWords(a.spWords, b.spWords):
		return relSame
	case covers(a.speakerKeys, b.roleKeys) || covers(b.speakerKeys, a.roleKeys),
		headsRole(sa, b.roleKeys) || headsRole(sb, a.roleKeys):
		return relAffiliated
	case genericSpeaker(sa) || genericSpeaker(sb):
		return relDescribed
	}
	return relNone
}

// headsRole reports whether role names the body by its head noun or
// its initials: "Commission chairman" and "CEC chairman" are roles in
// the Central Electoral Commission. The body must be a name of two or
// more capitalised words ending in a word of a body ("Commission",
// "Ministry", "Union"). On the election event this joined the
// commission's "transparent" to its chairman's "calm and transparent"
// (quote recall 0.71 to 0.79); nothing else moved on the ten events.
func headsRole(body string, role map[string]bool) bool {
	ws := strings.Fields(body)
	if len(ws) < 2 || len(role) == 0 {
		return false
	}
	for _, w := range ws {
		if !words.IsCapitalized(w) && !words.IsStopword(strings.ToLower(w)) {
			return false
		}
	}
	head := strings.ToLower(ws[len(ws)-1])
	if !institutionHeads[head] {
		return false
	}
	if role[lexicon.Key(head)] {
		// Every other word of the role must be the body's or a title:
		// "Conservative Party chairman" speaks for no Labour Party.
		own := keySet(body)
		for k := range role {
			if k != lexicon.Key(head) && !own[k] && !roleTitles[k] {
				return false
			}
		}
		return true
	}
	acr, _ := initials(body)
	return len(acr) >= 2 && role[lexicon.Key(strings.ToLower(acr))]
}

// roleTitles are the keys of the words of a role that name the post, not
// the body: "chairman" of "Commission chairman".
var roleTitles = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{"chairman", "chairwoman", "chair", "president", "head", "leader", "spokesman", "spokeswoman", "spokesperson", "director", "chief", "secretary", "deputy", "vice", "general", "executive", "member", "official", "senior"} {
		m[lexicon.Key(w)] = true
	}
	return m
}()

// covers reports whether every key of body is in role.
func covers(body, role map[string]bool) bool {
	return len(body) > 0 && len(role) > 0 && words.Shared(body, role) == len(body)
}

// bestCluster returns the index of the cluster quote r (in claim group)
// joins, or -1.
func bestCluster(clusters []*quoteCluster, ref quoteRef, group int) int {
	best, bestScore := -1, 0.0
	for ci, qc := range clusters {
		if qc.srcs[ref.src] && !qc.srcNorms[srcNorm{ref.src, ref.norm}] && !qc.splitOf(ref) {
			continue
		}
		if !qc.admits(ref) {
			continue
		}
		for _, r := range qc.reps {
			if score := quoteScore(qc, r, ref, group); score >= quoteOverlap && score > bestScore {
				best, bestScore = ci, score
			}
		}
	}
	return best
}

// splitOf reports whether ref is the other part of a quotation of the
// cluster that its sentence splits around the attribution (`"We will
// rebuild," she said, "and we will do it quickly."`), or that goes on in
// a sentence of its own right after (`"The sky turned black," said
// Brezic. "The ground would not stop shaking."`, quoteRef.opens).
func (qc *quoteCluster) splitOf(ref quoteRef) bool {
	if ref.q.Speaker == "" {
		return false
	}
	for _, r := range qc.refs {
		if goesOn(r, ref) || goesOn(ref, r) {
			return true
		}
	}
	return false
}

// goesOn reports whether quotation b is a later part of a's: the same
// source and speaker, in a's sentence or opening the next.
func goesOn(a, b quoteRef) bool {
	return a.src == b.src && (b.n == a.n || b.opens && b.n == a.n+1) && quote.SameSpeakerWords(a.spWords, b.spWords)
}

// admits reports whether ref may join the cluster at all: one cluster
// holds one speaker, so ref's speaker must relate to every speaker in
// it; a label in quote marks (a Term) joins only speech it repeats.
func (qc *quoteCluster) admits(ref quoteRef) bool {
	for _, r := range qc.refs {
		if r.q.Speaker != "" && qc.relation(r, ref) == relNone {
			return false
		}
	}
	return true
}

// relation is the relation of a's speaker to b's, using what every
// rendering of the cluster says of a's speaker: one outlet gives Dilli
// Bhatta's role as "a spokesman for the Home Ministry", another names
// him alone, and both relate him to the ministry.
func (qc *quoteCluster) relation(a, b quoteRef) speakerRel {
	rel := relation(a, b)
	if rel != relNone || a.q.Speaker == "" {
		return rel
	}
	for _, r := range qc.refs {
		if r.q.Role != "" && quote.SameSpeakerWords(r.spWords, a.spWords) {
			rel = max(rel, relation(r, b))
		}
	}
	return rel
}

// quoteScore rates how well quote b renders rep a of cluster qc, 0 when
// it does not: its coverage, plus quoteOverlap when they sit in one
// claim.
func quoteScore(qc *quoteCluster, a, b quoteRef, group int) float64 {
	if (a.q.Kind == quote.Term) != (b.q.Kind == quote.Term) {
		// A label joins speech only when it repeats words of it.
		ov := overlap(a.stems, b.stems)
		if ov == 1 && (min(len(a.stems), len(b.stems)) >= 2 || labelOfSpeaker(a, b) || labelOfSpeaker(b, a)) {
			return ov
		}
		return 0
	}
	ov := overlap(a.stems, b.stems)
	if ov == 0 {
		return 0
	}
	together := group >= 0 && qc.groups[group]
	// Two renderings share a context when their sentences report the
	// same thing, or when each is the only statement its outlet quotes
	// from the speaker and the two keep one sentence frame (translations
	// of one statement keep its order and its small words: "We will not
	// rest until we know what caused this tragedy" and "We will not
	// stop until we find out what caused this disaster").
	framed := a.sole && b.sole && frame(a.q.Text, b.q.Text) >= quoteFrame
	support := together || overlap(a.sent, b.sent) >= quoteContext || framed
	switch qc.relation(a, b) {
	case relSame:
		switch {
		case ov >= quoteOverlap:
		case ov >= translatedOverlap && (framed || support && words.Shared(a.stems, b.stems) >= 2):
			// One word in common and a shared context is not enough: "We
			// will find out who is responsible" and "Those responsible
			// will be held to account" are two statements.
			ov = max(ov, quoteOverlap)
		default:
			return 0
		}
		if together {
			ov += quoteOverlap
		}
		return ov
	case relUnknown:
		if ov >= quoteOverlap && (words.Shared(a.stems, b.stems) >= 2 || support) {
			return ov
		}
	case relDescribed, relAffiliated:
		if ov == 1 || ov >= quoteOverlap && support {
			return ov
		}
	}
	return 0
}

// labelOfSpeaker reports whether label, a word or two in quote marks,
// is a word of speech's speaker: its sentence names the speaker, by
// surname, and the speaker is a name ("Mr Vaskar's talk of "stability""
// against Vaskar's "chosen stability over chaos"). A one-word label
// otherwise joins no speech: "pact" in quote marks is the outlet's word.
// On the election event: quote recall 0.79 to 0.86, nothing else moved
// once the label's sentence was kept out of the statement's claim
// (mergeQuoted); before that, the sentence's own fact was lost.
func labelOfSpeaker(label, speech quoteRef) bool {
	if label.q.Kind != quote.Term || speech.q.Kind == quote.Term || len(speech.spWords) == 0 || genericSpeaker(speech.q.Speaker) {
		return false
	}
	return label.sent[lexicon.Key(speech.spWords[len(speech.spWords)-1])]
}

// keySet returns the comparison keys of s (internal/lexicon): stems,
// with news-domain equivalents and numbers normalised.
func keySet(s string) map[string]bool {
	ts := lexicon.Terms(s)
	m := make(map[string]bool, len(ts))
	for _, t := range ts {
		k := t.Key
		if lw := strings.ToLower(t.Token); strings.HasSuffix(lw, "ly") {
			k = lexicon.Key(lexicon.AdjectiveOf(lw)) // "calmly" meets "calm"
		}
		m[k] = true
	}
	return m
}

// personOverBody drops from speakers the bodies that a person quoted in
// refs speaks for: the quotation is the person's ("Ana Lobo" over
// "Harbour Board" when she is its spokeswoman).
func personOverBody(speakers map[string]int, refs []quoteRef) map[string]int {
	out := make(map[string]int, len(speakers))
	for k, n := range speakers {
		body := false
		kk := keySet(k)
		for _, r := range refs {
			if r.q.Speaker != "" && !quote.SameSpeaker(r.q.Speaker, k) && covers(kk, r.roleKeys) {
				body = true
				break
			}
		}
		if !body {
			out[k] = n
		}
	}
	if len(out) == 0 {
		return speakers
	}
	return out
}

// joinClusters merges clusters that render one quotation but were
// started apart because the sources came in an unlucky order: a fragment
// met before the full statement that holds it ("written guarantees"
// before "We want guarantees in writing", which had already joined
// another outlet's fragment). Two clusters join when no source is in
// both, their speakers relate, and a rendering of one matches a
// rendering of the other.
func joinClusters(clusters []*quoteCluster) []*quoteCluster {
	for i := 0; i < len(clusters); i++ {
		for j := i + 1; j < len(clusters); j++ {
			if !clusters[i].joins(clusters[j]) {
				continue
			}
			clusters[i].absorb(clusters[j])
			clusters = slices.Delete(clusters, j, j+1)
			j = i
		}
	}
	return clusters
}

// absorb adds the renderings of cluster o to qc and keeps o as a part.
func (qc *quoteCluster) absorb(o *quoteCluster) {
	if qc.own == 0 {
		qc.own = len(qc.refs)
	}
	for _, r := range o.refs {
		qc.add(r, r.group)
	}
	qc.joined = append(qc.joined, o)
}

// joinTranslations merges the cluster of a quotation given in a
// translation into the cluster of the original words, when a source
// gives both (quoteRef.original): outlets that quote only the original
// and outlets that quote only the translation render one quotation.
func joinTranslations(clusters []*quoteCluster) []*quoteCluster {
	holding := func(src, n, start int) int {
		for i, qc := range clusters {
			if slices.ContainsFunc(qc.refs, func(r quoteRef) bool { return r.src == src && r.n == n && r.q.Start == start }) {
				return i
			}
		}
		return -1
	}
	for j := 0; j < len(clusters); j++ {
		for _, r := range clusters[j].refs {
			i := -1
			if r.original >= 0 {
				i = holding(r.src, r.n, r.original)
			}
			if i < 0 || i == j {
				continue
			}
			clusters[i].absorb(clusters[j])
			clusters = slices.Delete(clusters, j, j+1)
			j = -1 // indexes moved: read again
			break
		}
	}
	return clusters
}

// joins reports whether cluster o renders the quotation of qc: no
// source is in both, except with the other part of a split quotation.
func (qc *quoteCluster) joins(o *quoteCluster) bool {
	for _, r := range o.refs {
		if qc.srcs[r.src] && !qc.splitOf(r) {
			return false
		}
	}
	for _, r := range o.refs {
		if !qc.admits(r) {
			return false
		}
	}
	for _, a := range qc.reps {
		for _, b := range o.reps {
			if quoteScore(qc, a, b, -1) >= quoteOverlap {
				return true
			}
		}
	}
	return false
}

// frame is the longest common subsequence of the lower-case words of a
// and b over the length of the shorter.
func frame(a, b string) float64 {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	for _, ws := range [][]string{wa, wb} {
		for i, w := range ws {
			ws[i] = strings.Trim(w, `"'“”‘’.,;:!?()`)
		}
	}
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	prev, cur := make([]int, len(wb)+1), make([]int, len(wb)+1)
	for i := range wa {
		for j := range wb {
			switch {
			case wa[i] == wb[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(wb)]) / float64(min(len(wa), len(wb)))
}
