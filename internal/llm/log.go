package llm

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// redacted replaces secrets in logs and errors.
const redacted = "REDACTED"

// secretHeaders are logged with their values replaced by redacted.
var secretHeaders = []string{"Authorization", "Proxy-Authorization", "Api-Key", "X-Api-Key", "Cookie", "Set-Cookie"}

func (t *transport) logRequest(r *http.Request, body []byte, attempt int) {
	if t.log == nil {
		return
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "--> %s %s (attempt %d)\n", r.Method, r.URL.Redacted(), attempt)
	writeHeaders(&b, r.Header)
	writeBody(&b, body)
	t.write(b.Bytes())
}

func (t *transport) logResponse(resp *http.Response, body []byte, attempt int) {
	if t.log == nil {
		return
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<-- %s (attempt %d)\n", resp.Status, attempt)
	writeHeaders(&b, resp.Header)
	writeBody(&b, body)
	t.write(b.Bytes())
}

func (t *transport) logError(err error, attempt int) {
	if t.log == nil {
		return
	}
	t.write(fmt.Appendf(nil, "<-- error (attempt %d): %v\n\n", attempt, err))
}

// write sends one log entry in a single Write, with any occurrence of the
// API key scrubbed in case an endpoint echoes it.
func (t *transport) write(entry []byte) {
	if len(t.secret) >= minSecret {
		entry = bytes.ReplaceAll(entry, []byte(t.secret), []byte(redacted))
	}
	t.logMu.Lock()
	defer t.logMu.Unlock()
	t.log.Write(entry)
}

func writeHeaders(b *bytes.Buffer, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		secret := slices.ContainsFunc(secretHeaders, func(s string) bool { return strings.EqualFold(s, k) })
		for _, v := range h[k] {
			if secret {
				v = redacted
			}
			fmt.Fprintf(b, "%s: %s\n", k, v)
		}
	}
}

func writeBody(b *bytes.Buffer, body []byte) {
	b.WriteByte('\n')
	if len(body) > 0 {
		b.Write(bytes.TrimRight(body, "\n"))
		b.WriteByte('\n')
		b.WriteByte('\n')
	}
}
