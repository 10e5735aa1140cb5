package llmtest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// batchInput is one line of an OpenAI batch input file.
type batchInput struct {
	CustomID string          `json:"custom_id"`
	Method   string          `json:"method"`
	URL      string          `json:"url"`
	Body     json.RawMessage `json:"body"`
}

// BatchOutput is one line of an OpenAI batch output (or error) file.
type BatchOutput struct {
	ID       string         `json:"id"`
	CustomID string         `json:"custom_id"`
	Response *BatchResponse `json:"response"`
	Error    *BatchError    `json:"error"`
}

// BatchResponse is the HTTP answer to one request of a batch.
type BatchResponse struct {
	StatusCode int    `json:"status_code"`
	RequestID  string `json:"request_id"`
	Body       any    `json:"body"`
}

// BatchError is a request of a batch that got no HTTP answer.
type BatchError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// AnswerBatch answers every line of a batch input file through the
// scripted replies, as the chat endpoint would answer the same request,
// and returns the output file's lines in input order. A batch line carries
// no headers, so its prompt and article are read from a custom_id of the
// form newslens writes, nl-<article sha256 prefix>-<hash>-<prompt>. A
// reply with Status 400 or more gives a line whose response holds an
// OpenAI error body; a request that no reply matches is recorded for
// Verify and answered with a 500.
func (s *Server) AnswerBatch(in io.Reader) ([]BatchOutput, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	var out []BatchOutput
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var bi batchInput
		if err := json.Unmarshal(line, &bi); err != nil {
			return nil, fmt.Errorf("llmtest: batch line %d: %v", n, err)
		}
		var cr chatRequest
		if err := json.Unmarshal(bi.Body, &cr); err != nil {
			return nil, fmt.Errorf("llmtest: batch line %d body: %v", n, err)
		}
		out = append(out, s.answerLine(n, &bi, &cr))
	}
	return out, sc.Err()
}

func (s *Server) answerLine(n int, bi *batchInput, cr *chatRequest) BatchOutput {
	req := Request{Method: bi.Method, Path: bi.URL, Body: bi.Body, Format: "none"}
	if parts := strings.SplitN(bi.CustomID, "-", 4); len(parts) == 4 && parts[0] == "nl" {
		req.Article, req.Prompt = parts[1], parts[3]
	}
	if cr.ResponseFormat != nil && cr.ResponseFormat.Type != "" && cr.ResponseFormat.Type != "text" {
		req.Format = cr.ResponseFormat.Type
	}
	o := BatchOutput{ID: fmt.Sprintf("batch_req_mock_%d", n), CustomID: bi.CustomID}
	reply := s.match(&req)
	switch {
	case reply == nil:
		desc := fmt.Sprintf("batch: model %q, prompt %q, article %q, format %q", cr.Model, req.Prompt, req.Article, req.Format)
		s.mu.Lock()
		s.unmatched = append(s.unmatched, desc)
		s.mu.Unlock()
		o.Response = &BatchResponse{StatusCode: http.StatusInternalServerError, Body: errorBody(http.StatusInternalServerError, "llmtest: no reply matches this request ("+desc+")", "", nil)}
	case reply.Status >= 400:
		msg := reply.Message
		if msg == "" {
			msg = http.StatusText(reply.Status)
		}
		o.Response = &BatchResponse{StatusCode: reply.Status, Body: errorBody(reply.Status, msg, reply.Param, defaultCode(reply.Status))}
	default:
		o.Response = &BatchResponse{StatusCode: http.StatusOK, Body: completion(fmt.Sprintf("chatcmpl-mock-batch-%d", n), cr, reply)}
	}
	if o.Response != nil {
		o.Response.RequestID = fmt.Sprintf("req_mock_%d", n)
	}
	return o
}

func errorBody(status int, msg, param string, code any) any {
	var p any
	if param != "" {
		p = param
	}
	return map[string]any{"error": map[string]any{"message": msg, "type": errorType(status), "param": p, "code": code}}
}
