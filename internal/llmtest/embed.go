package llmtest

import (
	"encoding/json"
	"hash/fnv"
	"math"
	"net/http"
	"strings"
	"unicode"
)

// EmbedDims is the length of the mock's embedding vectors.
const EmbedDims = 64

// embeddingsFormat is the Format of an embeddings request, and of a rule
// that answers them.
const embeddingsFormat = "embeddings"

// Vector is the mock's embedding of text: a hashed bag of its lower-cased
// words, each adding ±1 to one of EmbedDims dimensions, scaled to unit
// length. Texts that share words get similar vectors, and the same text
// always the same one; a text with no words gets a vector of zeros.
func Vector(text string) []float32 {
	v := make([]float64, EmbedDims)
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		h := fnv.New32a()
		h.Write([]byte(w))
		x := h.Sum32()
		sign := 1.0
		if x&(1<<31) != 0 {
			sign = -1
		}
		v[x%EmbedDims] += sign
	}
	var norm float64
	for _, x := range v {
		norm += x * x
	}
	out := make([]float32, EmbedDims)
	if norm == 0 {
		return out
	}
	norm = math.Sqrt(norm)
	for i, x := range v {
		out[i] = float32(x / norm)
	}
	return out
}

// serveEmbeddings answers POST .../embeddings with Vector of each input,
// unless a rule with Format "embeddings" asks for a fault.
func (s *Server) serveEmbeddings(w http.ResponseWriter, r *http.Request, req *Request) {
	var er struct {
		Input json.RawMessage `json:"input"`
		Model string          `json:"model"`
	}
	if err := json.Unmarshal(req.Body, &er); err != nil {
		writeError(w, http.StatusBadRequest, "We could not parse the JSON body of your request.", "", nil)
		return
	}
	var inputs []string
	if err := json.Unmarshal(er.Input, &inputs); err != nil {
		var one string
		if err := json.Unmarshal(er.Input, &one); err != nil {
			writeError(w, http.StatusBadRequest, "'input' must be a string or an array of strings.", "input", nil)
			return
		}
		inputs = []string{one}
	}
	status := http.StatusOK
	if reply := s.match(req); reply != nil {
		var done bool
		if status, done = fault(w, r, reply); done {
			return
		}
	}
	type item struct {
		Object    string    `json:"object"`
		Index     int       `json:"index"`
		Embedding []float32 `json:"embedding"`
	}
	resp := struct {
		Object string         `json:"object"`
		Data   []item         `json:"data"`
		Model  string         `json:"model"`
		Usage  map[string]int `json:"usage"`
	}{Object: "list", Data: []item{}, Model: er.Model}
	words := 0
	for i, in := range inputs {
		resp.Data = append(resp.Data, item{Object: "embedding", Index: i, Embedding: Vector(in)})
		words += len(strings.Fields(in))
	}
	resp.Usage = map[string]int{"prompt_tokens": words, "total_tokens": words}
	writeJSON(w, status, resp)
}
