package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// setUpdate sets the -update flag for the rest of the test.
func setUpdate(t *testing.T, v bool) {
	t.Helper()
	old := *update
	*update = v
	t.Cleanup(func() { *update = old })
}

func TestMatch(t *testing.T) {
	setUpdate(t, false) // the checks must run under go test ./... -update too
	const want = "alpha\nbeta\ngamma\n"
	tests := []struct {
		name     string
		got      string
		wantErr  []string // substrings of the error; none means a match
		noGolden bool
	}{
		{name: "same", got: want},
		{
			name:    "one byte",
			got:     "alpha\nbeta\ngammA\n",
			wantErr: []string{"-gamma\n+gammA\n", `first difference at byte 15 (line 3): want "a\n", got "A\n"`},
		},
		{
			name:    "final newline",
			got:     "alpha\nbeta\ngamma",
			wantErr: []string{"-gamma\n+gamma\n\\ no newline at end of file\n", `want "\n", got "<end of file>"`},
		},
		{
			name:    "carriage return",
			got:     "alpha\r\nbeta\ngamma\n",
			wantErr: []string{"@@ want line 1, got line 1 @@\n-alpha\n+alpha\r\n", `want "\nbeta`, `got "\r\nbeta`},
		},
		{
			name:    "line added",
			got:     "alpha\nbeta\nnew\ngamma\n",
			wantErr: []string{" alpha\n beta\n+new\n gamma\n"},
		},
		{
			name:     "missing",
			got:      want,
			noGolden: true,
			wantErr:  []string{"does not exist", "-update"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.golden")
			if !tt.noGolden {
				if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := Match(path, []byte(tt.got), "TestSome/sub")
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.wantErr)
			}
			for _, s := range append(tt.wantErr, "go test ./internal/golden -run '^TestSome$/^sub$' -update") {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
		})
	}
}

func TestMatchUpdate(t *testing.T) {
	setUpdate(t, true)
	path := filepath.Join(t.TempDir(), "new", "x.golden")
	if err := Match(path, []byte("fresh\n"), ""); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "fresh\n" {
		t.Errorf("golden file holds %q, want %q", got, "fresh\n")
	}
}

func TestDiff(t *testing.T) {
	lines := func(n int, change map[int]string) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			if s, ok := change[i]; ok {
				b.WriteString(s)
				continue
			}
			b.WriteString("line " + string(rune('a'+i-1)) + "\n")
		}
		return b.String()
	}
	tests := []struct {
		name      string
		want, got string
		diff      string
	}{
		{
			name: "two hunks",
			want: lines(12, nil),
			got:  lines(12, map[int]string{2: "changed b\n", 11: ""}),
			diff: "@@ want line 1, got line 1 @@\n line a\n-line b\n+changed b\n line c\n line d\n" +
				"@@ want line 9, got line 9 @@\n line i\n line j\n-line k\n line l\n",
		},
		{
			name: "near changes share a hunk",
			want: lines(8, nil),
			got:  lines(8, map[int]string{2: "B\n", 6: "F\n"}),
			diff: "@@ want line 1, got line 1 @@\n line a\n-line b\n+B\n line c\n line d\n line e\n-line f\n+F\n line g\n line h\n",
		},
		{
			name: "empty want",
			want: "",
			got:  "x\n",
			diff: "@@ want line 1, got line 1 @@\n+x\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Diff([]byte(tt.want), []byte(tt.got)); got != tt.diff {
				t.Errorf("Diff:\ngot  %q\nwant %q", got, tt.diff)
			}
		})
	}
}

func TestDiffCut(t *testing.T) {
	var want, got strings.Builder
	for i := range 200 {
		want.WriteString(strings.Repeat("w", i) + "\n")
		got.WriteString(strings.Repeat("g", i+1) + "\n")
	}
	d := Diff([]byte(want.String()), []byte(got.String()))
	if n := strings.Count(d, "\n"); n != maxDiffLines+2 {
		t.Errorf("diff has %d lines, want %d (a header, %d lines, the cut notice)", n, maxDiffLines+2, maxDiffLines)
	}
	if !strings.HasSuffix(d, "... (diff cut at 80 lines)\n") {
		t.Errorf("diff does not end with the cut notice: %q", d[len(d)-60:])
	}
}
