package llmtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// batchAPI is the mock's Files and Batch API: uploaded files and batches,
// and the progression the next batch created will follow.
type batchAPI struct {
	files   map[string][]byte
	batches map[string]*mockBatch
	plan    []string
	seq     int
}

// mockBatch is one batch: its answers, computed when it was created, and
// the states it goes through, one step per retrieve.
type mockBatch struct {
	id, input string
	states    []string
	step      int
	lines     []BatchOutput
	out, errs string // file IDs, once final
}

// PlanBatch scripts the states the next batch created goes through, one
// step each time it is retrieved; the last is its final state. A final
// state is "completed" (every request answered), "failed" (rejected at
// validation: nothing answered), or "expired:K" or "cancelled:K" (the
// first K requests answered, the others in the error file with code
// batch_expired or batch_cancelled). Without a plan a batch goes
// validating, in_progress, completed. A request answered with an HTTP
// error goes in the error file, as OpenAI's do.
func (s *Server) PlanBatch(states ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bapi.plan = states
}

func (s *Server) serveBatchAPI(w http.ResponseWriter, r *http.Request, body []byte) {
	p := r.URL.Path[strings.Index(r.URL.Path, "/v1/")+3:]
	parts := strings.Split(strings.Trim(p, "/"), "/")
	switch {
	case r.Method == http.MethodPost && p == "/files":
		s.uploadFile(w, r, body)
	case r.Method == http.MethodGet && len(parts) == 3 && parts[0] == "files" && parts[2] == "content":
		s.mu.Lock()
		data, ok := s.bapi.files[parts[1]]
		s.mu.Unlock()
		if !ok {
			writeError(w, http.StatusNotFound, "No such File object: "+parts[1], "id", nil)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(data)
	case r.Method == http.MethodPost && p == "/batches":
		s.createBatch(w, body)
	case r.Method == http.MethodGet && len(parts) == 2 && parts[0] == "batches":
		s.retrieveBatch(w, parts[1])
	default:
		writeError(w, http.StatusNotFound, fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path), "", nil)
	}
}

func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request, body []byte) {
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(bytes.NewReader(body))
	if err := r2.ParseMultipartForm(64 << 20); err != nil {
		writeError(w, http.StatusBadRequest, "llmtest: not a multipart upload: "+err.Error(), "", nil)
		return
	}
	if got := r2.FormValue("purpose"); got != "batch" {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("llmtest: purpose %q, want batch", got), "purpose", nil)
		return
	}
	f, h, err := r2.FormFile("file")
	if err != nil {
		writeError(w, http.StatusBadRequest, "llmtest: no file: "+err.Error(), "file", nil)
		return
	}
	data, _ := io.ReadAll(f)
	s.mu.Lock()
	id := s.newFile(data)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "object": "file", "bytes": len(data), "created_at": Created, "filename": h.Filename, "purpose": "batch", "status": "processed"})
}

// newFile stores data and returns its ID; s.mu must be held.
func (s *Server) newFile(data []byte) string {
	if s.bapi.files == nil {
		s.bapi.files = make(map[string][]byte)
		s.bapi.batches = make(map[string]*mockBatch)
	}
	s.bapi.seq++
	id := fmt.Sprintf("file-mock-%d", s.bapi.seq)
	s.bapi.files[id] = data
	return id
}

func (s *Server) createBatch(w http.ResponseWriter, body []byte) {
	var req struct {
		InputFileID      string `json:"input_file_id"`
		Endpoint         string `json:"endpoint"`
		CompletionWindow string `json:"completion_window"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.Endpoint != "/v1/chat/completions" || req.CompletionWindow != "24h" {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("llmtest: want endpoint /v1/chat/completions and window 24h, got %s", body), "", nil)
		return
	}
	s.mu.Lock()
	data, ok := s.bapi.files[req.InputFileID]
	plan := s.bapi.plan
	s.bapi.plan = nil
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "No such File object: "+req.InputFileID, "input_file_id", nil)
		return
	}
	if len(plan) == 0 {
		plan = []string{"validating", "in_progress", "completed"}
	}
	b := &mockBatch{input: req.InputFileID, states: plan}
	if !strings.HasPrefix(plan[len(plan)-1], "failed") {
		lines, err := s.AnswerBatch(bytes.NewReader(data))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error(), "", nil)
			return
		}
		b.lines = lines
	}
	s.mu.Lock()
	s.bapi.seq++
	b.id = fmt.Sprintf("batch_mock_%d", s.bapi.seq)
	s.bapi.batches[b.id] = b
	v := s.batchJSON(b)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) retrieveBatch(w http.ResponseWriter, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.bapi.batches[id]
	if !ok {
		writeError(w, http.StatusNotFound, "No batch found with id '"+id+"'.", "", nil)
		return
	}
	if b.step < len(b.states)-1 {
		b.step++
	}
	writeJSON(w, http.StatusOK, s.batchJSON(b))
}

// batchJSON is the batch as the API shows it; on reaching its final
// state it gets its output and error files. s.mu must be held.
func (s *Server) batchJSON(b *mockBatch) map[string]any {
	state, k := b.states[b.step], len(b.lines)
	if name, n, ok := strings.Cut(state, ":"); ok {
		state = name
		k, _ = strconv.Atoi(n)
	}
	final := b.step == len(b.states)-1
	var ok, failed int
	var out, errs bytes.Buffer
	for i, l := range b.lines {
		if i >= k {
			l.Response = nil
			l.Error = &BatchError{Code: "batch_" + state, Message: "This request could not be executed before the batch was " + state + "."}
		}
		enc := json.NewEncoder(&out)
		if l.Response == nil || l.Response.StatusCode != http.StatusOK {
			enc = json.NewEncoder(&errs)
			failed++
		} else {
			ok++
		}
		enc.Encode(l)
	}
	if !final {
		// Nothing is reported done before the batch ends.
		ok, failed = 0, 0
	}
	if final && b.out == "" && b.errs == "" {
		if out.Len() > 0 {
			b.out = s.newFile(out.Bytes())
		}
		if errs.Len() > 0 {
			b.errs = s.newFile(errs.Bytes())
		}
	}
	v := map[string]any{
		"id": b.id, "object": "batch", "endpoint": "/v1/chat/completions", "errors": nil,
		"input_file_id": b.input, "completion_window": "24h", "status": state,
		"output_file_id": nilIfEmpty(b.out), "error_file_id": nilIfEmpty(b.errs),
		"created_at": Created, "expires_at": Created + 24*3600,
		"request_counts": map[string]int{"total": len(b.lines), "completed": ok, "failed": failed},
	}
	if state == "failed" {
		v["errors"] = map[string]any{"object": "list", "data": []map[string]any{{"code": "invalid_request", "message": "llmtest: the batch was scripted to fail validation"}}}
	}
	return v
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
