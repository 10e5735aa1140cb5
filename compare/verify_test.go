package compare

import (
	"slices"
	"strings"
	"testing"
)

// TestVerdicts checks what a verdict does to a rule-based claim of the
// summit comparison: kcna's crowds sentence is a paraphrase of wire's.
func TestVerdicts(t *testing.T) {
	tests := []struct {
		name         string
		v            verdict
		wantRejected bool
		wantVerified string
		wantWarning  string
	}{
		{name: "rejected with another outlet's sentence", v: verdict{Verdict: VerdictRejected, Reason: "wire says it", Source: "wire", Sentence: 10}, wantRejected: true},
		{name: "confirmed", v: verdict{Verdict: VerdictConfirmed}, wantVerified: LLMEngine},
		{name: "rejected citing its own outlet", v: verdict{Verdict: VerdictRejected, Source: "kcna", Sentence: 6}, wantWarning: "citation kcna:6 does not show it"},
		{name: "rejected citing a sentence out of range", v: verdict{Verdict: VerdictRejected, Source: "wire", Sentence: 999}, wantWarning: "citation wire:999 does not show it"},
		{name: "rejected citing an unknown outlet", v: verdict{Verdict: VerdictRejected, Source: "nobody", Sentence: 1}, wantWarning: "citation nobody:1 does not show it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := summit(t)
			r := mustCompare(t, arts)
			cands := candidates(r, arts)
			i := slices.IndexFunc(cands, func(c *candidate) bool {
				return c.Kind == "only_in" && c.Source == "kcna" && strings.HasPrefix(c.Text, "Tens of thousands")
			})
			if i < 0 {
				t.Fatal("no candidate for kcna's crowds sentence")
			}
			c := cands[i]
			if !slices.ContainsFunc(c.Similar, func(n Neighbour) bool { return n.Source == "wire" && n.Sentence == 10 && n.Score > 0 }) {
				t.Errorf("similar sentences: got %+v, want wire:10 among them", c.Similar)
			}
			before := len(r.Unique["kcna"])
			m := newMerger(r)
			tt.v.Claim = c.ID
			applyVerdicts(r, m, cands, []verdict{tt.v}, sentenceText(r, arts))
			m.apply(r)
			gotRejected := len(r.Rejected) == 1
			if gotRejected != tt.wantRejected {
				t.Fatalf("rejected: got %+v, want moved=%v", r.Rejected, tt.wantRejected)
			}
			if tt.wantRejected {
				want := Rejected{Kind: "unique", Source: "kcna", Text: c.Text, Reason: "wire says it",
					Citation: Citation{"wire", 10, arts[0].Sentences[9]}}
				if r.Rejected[0] != want {
					t.Errorf("rejected: got %+v, want %+v", r.Rejected[0], want)
				}
				if got := len(r.Unique["kcna"]); got != before-1 {
					t.Errorf("kcna uniques: got %d, want %d", got, before-1)
				}
				return
			}
			if got := len(r.Unique["kcna"]); got != before {
				t.Errorf("kcna uniques: got %d, want %d", got, before)
			}
			k := slices.IndexFunc(r.Unique["kcna"], func(s Sentence) bool { return s.Text == c.Text })
			if got := r.Unique["kcna"][k].VerifiedBy; got != tt.wantVerified {
				t.Errorf("verified_by: got %q, want %q", got, tt.wantVerified)
			}
			if tt.wantWarning != "" && !slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.Contains(w, tt.wantWarning) }) {
				t.Errorf("warnings: got %q, want one containing %q", r.Warnings, tt.wantWarning)
			}
		})
	}
}

// TestVerdictUnknownClaim checks that a verdict on a claim that was never
// sent changes nothing and says so.
func TestVerdictUnknownClaim(t *testing.T) {
	arts := summit(t)
	r := mustCompare(t, arts)
	cands := candidates(r, arts)
	m := newMerger(r)
	applyVerdicts(r, m, cands, []verdict{{Claim: "u9999", Verdict: VerdictRejected, Source: "wire", Sentence: 1}}, sentenceText(r, arts))
	m.apply(r)
	if len(r.Rejected) != 0 {
		t.Errorf("rejected: got %+v, want none", r.Rejected)
	}
	want := `synthesis: dropped verdict on unknown claim "u9999"`
	if !slices.Contains(r.Warnings, want) {
		t.Errorf("warnings: got %q, want %q", r.Warnings, want)
	}
}

// TestVerdictKinds checks the citation each kind of claim needs to be
// rejected: a leaves-out claim a sentence of the outlet said to leave it
// out, a discrepancy any existing sentence.
func TestVerdictKinds(t *testing.T) {
	tests := []struct {
		name     string
		kind     string
		cite     func(c *candidate) (string, int)
		wantMove bool
	}{
		{name: "omission cited in the outlet said to leave it out", kind: "leaves_out", cite: func(c *candidate) (string, int) { return c.Source, 1 }, wantMove: true},
		{name: "omission cited in an outlet that has it", kind: "leaves_out", cite: func(c *candidate) (string, int) { return c.RestsOn[0].Source, c.RestsOn[0].Sentence }},
		{name: "discrepancy", kind: "discrepancy", cite: func(c *candidate) (string, int) { return c.RestsOn[0].Source, c.RestsOn[0].Sentence }, wantMove: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := summit(t)
			r := mustCompare(t, arts)
			cands := candidates(r, arts)
			i := slices.IndexFunc(cands, func(c *candidate) bool { return c.Kind == tt.kind })
			if i < 0 {
				t.Fatalf("no %s candidate", tt.kind)
			}
			c := cands[i]
			if len(c.RestsOn) == 0 || c.RestsOn[0].Text == "" {
				t.Fatalf("candidate %s rests on no sentence: %+v", c.ID, c.RestsOn)
			}
			nOm, nDisc := len(r.Omissions[c.label]), len(r.Discrepancies)
			src, n := tt.cite(c)
			m := newMerger(r)
			applyVerdicts(r, m, cands, []verdict{{Claim: c.ID, Verdict: VerdictRejected, Reason: "r", Source: src, Sentence: n}}, sentenceText(r, arts))
			if got := len(r.Rejected) == 1; got != tt.wantMove {
				t.Fatalf("moved: got %v (%+v), want %v", got, r.Rejected, tt.wantMove)
			}
			wantOm, wantDisc := nOm, nDisc
			if tt.wantMove && tt.kind == "leaves_out" {
				wantOm--
			}
			if tt.wantMove && tt.kind == "discrepancy" {
				wantDisc--
			}
			if got := len(r.Omissions[c.label]); got != wantOm {
				t.Errorf("omissions of %s: got %d, want %d", c.label, got, wantOm)
			}
			if got := len(r.Discrepancies); got != wantDisc {
				t.Errorf("discrepancies: got %d, want %d", got, wantDisc)
			}
		})
	}
}
