package versions

import (
	"math"
	"slices"

	"github.com/newslens/newslens/internal/words"
)

// pairSimilarity is the cosine similarity of their content words two
// sentences need for alignRun to pair them as versions of each other. On
// the summit articles, rewordings of one sentence by two outlets score
// 0.37 to 0.49 ("Putin lauded the agreement as a breakthrough document"
// and "Putin described the agreement as a breakthrough document"), and
// the best-scoring sentences that report different things 0.33 to 0.35.
// A version of an article that edits rather than rewrites scores higher.
const pairSimilarity = 0.36

// alignLimit bounds the sentence pairs alignRun weighs at once (500 by
// 500 sentences take about 100 ms); a larger run is aligned in chunks of
// alignChunk sentences a side.
const (
	alignLimit = 250_000
	alignChunk = 500
)

// maxBlockWords and maxPairedWords bound the words of a piece that is
// word-diffed. The word diff's cost grows with the piece's length times
// its number of edits: two long passages with nothing alike (a text and
// its words shuffled took 11 s) differ everywhere, so such a piece over
// maxBlockWords is shown as a removal and an addition. A paired piece is
// alike and usually cheap, but one enormous "sentence" with its words
// reordered is not, hence the looser maxPairedWords. Sizes rather than a
// time limit keep the output independent of the machine.
const (
	maxBlockWords  = 1500
	maxPairedWords = 5000
)

// alignRun breaks a run with sentences on both sides into pieces, so
// that a heavily edited passage reads sentence by sentence
// instead of as one block. Sentences are paired in order where they share
// enough content words, choosing the pairs with the greatest total
// similarity; what lies between two pairs is a piece of its own. A
// sentence left over next to a pair joins it when it is like that pair's
// other side, which keeps a sentence split in two, or two merged, in one
// change. A run over alignLimit pairs is cut into proportional chunks of
// at most alignChunk sentences a side, aligned one by one.
func alignRun(old, new []string, run sentenceRun) []piece {
	n, m := len(run.del), len(run.ins)
	if n == 0 || m == 0 {
		return []piece{{sentenceRun: run}}
	}
	if n*m > alignLimit {
		return alignChunks(old, new, run)
	}
	a := make([]map[string]bool, n)
	for i, k := range run.del {
		a[i] = stemSet(old[k-1])
	}
	b := make([]map[string]bool, m)
	for j, k := range run.ins {
		b[j] = stemSet(new[k-1])
	}
	if n == 1 && m == 1 {
		return []piece{{sentenceRun: run, paired: setCosine(a[0], b[0]) >= pairSimilarity}}
	}
	pairs := bestPairs(a, b)
	if len(pairs) == 0 {
		return []piece{{sentenceRun: run}}
	}
	return cutRun(run, segments(a, b, pairs))
}

// alignChunks aligns a run over alignLimit in proportional chunks of at
// most alignChunk sentences a side.
func alignChunks(old, new []string, run sentenceRun) []piece {
	n, m := len(run.del), len(run.ins)
	k := (max(n, m) + alignChunk - 1) / alignChunk
	var out []piece
	for c := range k {
		sub := sentenceRun{
			del: run.del[c*n/k : (c+1)*n/k : (c+1)*n/k],
			ins: run.ins[c*m/k : (c+1)*m/k : (c+1)*m/k],
		}
		if len(sub.del)+len(sub.ins) > 0 {
			out = append(out, alignRun(old, new, sub)...)
		}
	}
	return out
}

// bestPairs pairs the sentences with content-word sets a (old) and b
// (new) in order, choosing among pairs at or over pairSimilarity those
// with the greatest total similarity. It returns index pairs in order.
func bestPairs(a, b []map[string]bool) [][2]int {
	n, m := len(a), len(b)
	sim := make([]float64, n*m)
	for i := range n {
		for j := range m {
			sim[i*m+j] = setCosine(a[i], b[j])
		}
	}
	// best[(i+1)*(m+1)+(j+1)] is the greatest total similarity of pairs
	// among the first i+1 old and j+1 new sentences.
	best := make([]float64, (n+1)*(m+1))
	at := func(i, j int) *float64 { return &best[(i+1)*(m+1)+j+1] }
	for i := range n {
		for j := range m {
			v := max(*at(i-1, j), *at(i, j-1))
			if s := sim[i*m+j]; s >= pairSimilarity {
				v = max(v, *at(i-1, j-1)+s)
			}
			*at(i, j) = v
		}
	}
	var pairs [][2]int
	for i, j := n-1, m-1; i >= 0 && j >= 0; {
		switch s := sim[i*m+j]; {
		case s >= pairSimilarity && *at(i, j) == *at(i-1, j-1)+s:
			pairs = append(pairs, [2]int{i, j})
			i, j = i-1, j-1
		case *at(i-1, j) >= *at(i, j-1):
			i--
		default:
			j--
		}
	}
	slices.Reverse(pairs)
	return pairs
}

// segment is a range of indexes into a run's removed and added
// sentences: a pair with the sentences that joined it, or a gap between
// pairs.
type segment struct {
	oldLo, oldHi, newLo, newHi int // inclusive; empty when hi < lo
	paired                     bool
}

// segments lays out, in order, the gap before each pair, the pair, and
// the gap after the last. A pair takes in the sentences next to it, on
// either side, that are like its other side: the rest of a sentence split
// in two, or the other of two merged.
func segments(a, b []map[string]bool, pairs [][2]int) []segment {
	n, m := len(a), len(b)
	var merged []segment
	prevOld, prevNew := -1, -1
	for k, p := range pairs {
		i, j := p[0], p[1]
		nextOld, nextNew := n, m
		if k+1 < len(pairs) {
			nextOld, nextNew = pairs[k+1][0], pairs[k+1][1]
		}
		g := segment{oldLo: i, oldHi: i, newLo: j, newHi: j, paired: true}
		for g.oldLo-1 > prevOld && setCosine(a[g.oldLo-1], b[j]) >= pairSimilarity {
			g.oldLo--
		}
		for g.newLo-1 > prevNew && setCosine(a[i], b[g.newLo-1]) >= pairSimilarity {
			g.newLo--
		}
		for g.oldHi+1 < nextOld && setCosine(a[g.oldHi+1], b[j]) >= pairSimilarity {
			g.oldHi++
		}
		for g.newHi+1 < nextNew && setCosine(a[i], b[g.newHi+1]) >= pairSimilarity {
			g.newHi++
		}
		if prevOld+1 < g.oldLo || prevNew+1 < g.newLo {
			merged = append(merged, segment{oldLo: prevOld + 1, oldHi: g.oldLo - 1, newLo: prevNew + 1, newHi: g.newLo - 1})
		}
		merged = append(merged, g)
		prevOld, prevNew = g.oldHi, g.newHi
	}
	if prevOld+1 < n || prevNew+1 < m {
		merged = append(merged, segment{oldLo: prevOld + 1, oldHi: n - 1, newLo: prevNew + 1, newHi: m - 1})
	}
	return merged
}

// cutRun cuts run into the pieces the segments describe.
func cutRun(run sentenceRun, segs []segment) []piece {
	out := make([]piece, len(segs))
	for k, g := range segs {
		// Capped, so that appending to one piece cannot overwrite the next.
		out[k] = piece{
			sentenceRun: sentenceRun{del: run.del[g.oldLo : g.oldHi+1 : g.oldHi+1], ins: run.ins[g.newLo : g.newHi+1 : g.newHi+1]},
			paired:      g.paired,
		}
		if len(out[k].del) == 0 {
			out[k].del = nil
		}
		if len(out[k].ins) == 0 {
			out[k].ins = nil
		}
	}
	return out
}

// piece is part of a run that alignRun made: a pair of alike sentences
// with any that joined it, or what lies between pairs, where nothing is
// alike.
type piece struct {
	sentenceRun
	paired bool
}

// jaccard is the share of two sets' members that both hold.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := words.Shared(a, b)
	return float64(n) / float64(len(a)+len(b)-n)
}

// setCosine is the cosine similarity of two sets as 0/1 vectors: what
// they share over the geometric mean of their sizes, which unlike Jaccard
// does not punish a sentence for being half of a longer one.
func setCosine(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return float64(words.Shared(a, b)) / math.Sqrt(float64(len(a))*float64(len(b)))
}

// stemSet is the set of s's content words, stemmed.
func stemSet(s string) map[string]bool {
	ws := words.Content(s)
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
