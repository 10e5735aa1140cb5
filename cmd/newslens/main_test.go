package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/newslens/newslens/internal/golden"
	"github.com/newslens/newslens/internal/llmtest"
)

// testKey is the API key every script's environment carries. Scripts check
// that it reaches the endpoint as a Bearer token and appears nowhere else.
const testKey = "testkey-newslens-9f8e7d6c5b4a39281706"

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"newslens": func() { os.Exit(run()) },
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script against
// the real binary and a mock endpoint that the scripts reach through the
// same environment variables a user sets.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(root, "script"),
		UpdateScripts:       golden.Update(),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			srv := llmtest.New()
			srv.RequireKey(testKey)
			env.Values[serverKey{}] = srv
			env.Setenv("OPENAI_BASE_URL", srv.URL)
			env.Setenv("OPENAI_API_KEY", testKey)
			env.Setenv("TESTDATA", root)
			env.Setenv("SOURCE_DATE_EPOCH", "1718755200") // 2024-06-19T00:00:00Z
			env.Setenv("NO_COLOR", "")
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			web := articleServer(root)
			env.Setenv("ARTICLES", web.URL)
			env.Defer(func() {
				web.Close()
				srv.Close()
				if err := srv.Verify(); err != nil {
					env.T().Fatal(err)
				}
			})
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mock":   cmdMock,
			"golden": cmdGolden,
			"mode":   cmdMode,
		},
	})
}

type serverKey struct{}

// articleServer serves articles over HTTP on 127.0.0.1 for the scripts
// that load URLs: /summit.html (an article page with navigation, scripts
// and a footer around the text), /text/NAME (testdata/articles/summit/NAME
// as plain text), /moved (a redirect to /summit.html), /report.pdf (a
// type newslens refuses), /silent (accepts the request and never answers)
// and, for anything else, 404.
func articleServer(root string) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/summit.html", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("User-Agent"), "newslens/") {
			http.Error(w, "unexpected User-Agent "+r.Header.Get("User-Agent"), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		http.ServeFile(w, r, filepath.Join(root, "..", "internal", "article", "testdata", "summit.html"))
	})
	mux.HandleFunc("/text/{name}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		http.ServeFile(w, r, filepath.Join(root, "articles", "summit", filepath.Base(r.PathValue("name"))))
	})
	mux.Handle("/moved", http.RedirectHandler("/summit.html", http.StatusFound))
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7"))
	})
	return httptest.NewServer(mux)
}

// cmdMock scripts the mock endpoint:
//
//	mock reply SPEC...          add a scripted reply (llmtest.ParseReply syntax)
//	mock reset                  verify every reply was used, then forget replies and requests
//	mock requests N             assert N requests were received
//	mock wait N                 block until N requests have been received
//	mock request I FILE         write request I's JSON body, indented, to FILE
//	mock header I NAME FILE     write request I's header NAME to FILE
//	mock nokey                  fail if the API key occurs in any request body
//	mock batch IN OUT           answer batch input file IN through the replies into result file OUT
//	mock batch body IN I FILE   write the body of line I of batch input file IN, indented, to FILE
//	mock batch plan STATE...    the states the next batch goes through (llmtest.Server.PlanBatch)
func cmdMock(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! mock")
	}
	if len(args) == 0 {
		ts.Fatalf("usage: mock reply|requests|request|header ...")
	}
	srv := ts.Value(serverKey{}).(*llmtest.Server)
	switch args[0] {
	case "reply":
		r, err := llmtest.ParseReply(ts.Getenv("WORK"), args[1:])
		ts.Check(err)
		srv.Add(r)
	case "reset":
		if err := srv.Verify(); err != nil {
			ts.Fatalf("before reset: %v", err)
		}
		srv.Reset()
	case "wait":
		// mock wait N: block until N requests in all have arrived.
		if len(args) != 2 {
			ts.Fatalf("usage: mock wait N")
		}
		n, err := strconv.Atoi(args[1])
		ts.Check(err)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		ts.Check(srv.WaitRequests(ctx, n))
	case "requests":
		if len(args) != 2 {
			ts.Fatalf("usage: mock requests N")
		}
		want, err := strconv.Atoi(args[1])
		ts.Check(err)
		if got := len(srv.Requests()); got != want {
			ts.Fatalf("got %d requests, want %d", got, want)
		}
	case "request", "header":
		if len(args) < 3 {
			ts.Fatalf("usage: mock request I FILE | mock header I NAME FILE")
		}
		i, err := strconv.Atoi(args[1])
		ts.Check(err)
		reqs := srv.Requests()
		if i < 0 || i >= len(reqs) {
			ts.Fatalf("request %d: only %d received", i, len(reqs))
		}
		var out []byte
		file := args[2]
		if args[0] == "header" {
			if len(args) != 4 {
				ts.Fatalf("usage: mock header I NAME FILE")
			}
			out = []byte(reqs[i].Header.Get(args[2]) + "\n")
			file = args[3]
		} else {
			var buf bytes.Buffer
			if err := json.Indent(&buf, reqs[i].Body, "", "  "); err != nil {
				ts.Fatalf("request %d body is not JSON: %v", i, err)
			}
			buf.WriteByte('\n')
			out = buf.Bytes()
		}
		ts.Check(os.WriteFile(ts.MkAbs(file), out, 0o644))
	case "batch":
		mockBatch(ts, srv, args[1:])
	case "nokey":
		for i, r := range srv.Requests() {
			if strings.Contains(string(r.Body), testKey) {
				ts.Fatalf("request %d carries the API key in its body", i)
			}
			for name, vals := range r.Header {
				for _, v := range vals {
					if strings.Contains(v, testKey) && !(name == "Authorization" && v == "Bearer "+testKey) {
						ts.Fatalf("request %d carries the API key in header %s", i, name)
					}
				}
			}
		}
	default:
		ts.Fatalf("unknown mock command %q", args[0])
	}
}

// cmdMode asserts a file's type and permissions as ls shows them, without
// following a final symbolic link:
//
//	mode PATH -rw-r-----
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mode PATH MODE")
	}
	fi, err := os.Lstat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := fi.Mode().String(); got != args[1] {
		ts.Fatalf("%s: got mode %s, want %s", args[0], got, args[1])
	}
}

// cmdGolden compares stdout, stderr or a file with a golden file under
// $TESTDATA/golden, after replacing the parts that change from run to run
// (the mock endpoint's port, the work directory) with fixed names. With
// -update it rewrites the golden file instead.
//
//	golden stdout|stderr|FILE NAME
func cmdGolden(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: golden stdout|stderr|FILE NAME")
	}
	var got string
	switch args[0] {
	case "stdout", "stderr":
		got = ts.ReadFile(args[0])
	default:
		got = ts.ReadFile(args[0])
	}
	srv := ts.Value(serverKey{}).(*llmtest.Server)
	got = strings.ReplaceAll(got, strings.TrimPrefix(strings.TrimSuffix(srv.URL, "/v1"), "http://"), "127.0.0.1:PORT")
	for _, v := range []string{"TESTDATA", "WORK"} {
		// as written, and as Markdown output escapes it ("/tmp/ci\_run")
		got = strings.ReplaceAll(got, ts.Getenv(v), "$"+v)
		got = strings.ReplaceAll(got, mdText(ts.Getenv(v)), "$"+v)
	}
	path := filepath.Join(ts.Getenv("TESTDATA"), "golden", args[1])
	if err := golden.Match(path, []byte(got), "TestScripts/"+ts.Name()); err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
}
