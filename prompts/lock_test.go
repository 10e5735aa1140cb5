package prompts

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/newslens/newslens/internal/golden"
)

const lockFile = "prompts.lock"

const lockHeader = `# Released prompt versions and the SHA-256 of each file's bytes, one
# "name@N sha256" line per version. Released prompts are immutable: to
# change one, add a new version. "go test ./prompts -update" appends
# lines for new versions and never rewrites existing ones.
`

// checkLock compares the lock file's contents with the prompts. It
// returns one problem per changed or removed released version, and the
// IDs of prompts the lock does not list yet, in List order.
func checkLock(lock []byte, list []*Prompt) (problems, unlocked []string, err error) {
	locked := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(lock))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 || len(f[1]) != 64 || strings.Trim(f[1], "0123456789abcdef") != "" {
			return nil, nil, fmt.Errorf("%s:%d: want \"name@N sha256\", got %q", lockFile, n, line)
		}
		if _, v, err := ParseRef(f[0]); err != nil || v == 0 {
			return nil, nil, fmt.Errorf("%s:%d: want \"name@N sha256\", got %q", lockFile, n, line)
		}
		if _, dup := locked[f[0]]; dup {
			return nil, nil, fmt.Errorf("%s:%d: %s is locked twice", lockFile, n, f[0])
		}
		locked[f[0]] = f[1]
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}

	byID := map[string]*Prompt{}
	latest := map[string]int{}
	for _, p := range list {
		byID[p.ID()] = p
		latest[p.Name] = max(latest[p.Name], p.Version)
	}
	ids := make([]string, 0, len(locked))
	for id := range locked {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p, ok := byID[id]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s is locked but no longer embedded; released prompts are immutable and stay available", id))
		case p.SHA256 != locked[id]:
			problems = append(problems, fmt.Sprintf("%s changed; released prompts are immutable: add %s@%d instead", id, p.Name, latest[p.Name]+1))
		}
	}
	for _, p := range list {
		if _, ok := locked[p.ID()]; !ok {
			unlocked = append(unlocked, p.ID())
		}
	}
	return problems, unlocked, nil
}

func TestLock(t *testing.T) {
	lock, err := os.ReadFile(lockFile)
	if errors.Is(err, os.ErrNotExist) && golden.Update() {
		lock, err = []byte(lockHeader), nil
	}
	if err != nil {
		t.Fatal(err)
	}
	list := Embedded().List()
	problems, unlocked, err := checkLock(lock, list)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if len(unlocked) == 0 {
		return
	}
	if !golden.Update() {
		t.Fatalf("%s not in %s; run go test ./prompts -update to release them", strings.Join(unlocked, ", "), lockFile)
	}
	if len(lock) > 0 && lock[len(lock)-1] != '\n' {
		lock = append(lock, '\n')
	}
	for _, p := range list {
		for _, id := range unlocked {
			if p.ID() == id {
				lock = fmt.Appendf(lock, "%s %s\n", id, p.SHA256)
			}
		}
	}
	if err := os.WriteFile(lockFile, lock, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckLock(t *testing.T) {
	one := &Prompt{Name: "summarize", Version: 1, SHA256: strings.Repeat("a", 64)}
	two := &Prompt{Name: "summarize", Version: 2, SHA256: strings.Repeat("b", 64)}
	list := []*Prompt{one, two}
	tests := []struct {
		name         string
		lock         string
		wantProblems []string
		wantUnlocked []string
		wantErr      string
	}{
		{
			name: "all locked",
			lock: lockHeader + "summarize@1 " + one.SHA256 + "\nsummarize@2 " + two.SHA256 + "\n",
		},
		{
			name:         "new version",
			lock:         "summarize@1 " + one.SHA256 + "\n",
			wantUnlocked: []string{"summarize@2"},
		},
		{
			name:         "released version changed",
			lock:         "summarize@1 " + strings.Repeat("c", 64) + "\nsummarize@2 " + two.SHA256 + "\n",
			wantProblems: []string{"summarize@1 changed; released prompts are immutable: add summarize@3 instead"},
		},
		{
			name:         "released version removed",
			lock:         "summarize@1 " + one.SHA256 + "\nsummarize@2 " + two.SHA256 + "\nmerge@1 " + one.SHA256 + "\n",
			wantProblems: []string{"merge@1 is locked but no longer embedded; released prompts are immutable and stay available"},
		},
		{
			name:    "malformed line",
			lock:    "# header\nsummarize@1\n",
			wantErr: `prompts.lock:2: want "name@N sha256", got "summarize@1"`,
		},
		{
			name:    "no version",
			lock:    "summarize " + one.SHA256 + "\n",
			wantErr: `prompts.lock:1: want "name@N sha256"`,
		},
		{
			name:    "locked twice",
			lock:    "summarize@1 " + one.SHA256 + "\nsummarize@1 " + one.SHA256 + "\n",
			wantErr: "prompts.lock:2: summarize@1 is locked twice",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems, unlocked, err := checkLock([]byte(tt.lock), list)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("checkLock error: got %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, want := strings.Join(problems, "\n"), strings.Join(tt.wantProblems, "\n"); got != want {
				t.Errorf("problems: got %q, want %q", got, want)
			}
			if got, want := strings.Join(unlocked, " "), strings.Join(tt.wantUnlocked, " "); got != want {
				t.Errorf("unlocked: got %q, want %q", got, want)
			}
		})
	}
}
