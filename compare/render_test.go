package compare

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newslens/newslens/internal/article"
	"github.com/newslens/newslens/internal/golden"
)

// TestSummitDetailsGolden checks the --details text and Markdown, which
// add the evidence and word diffs to the default report.
func TestSummitDetailsGolden(t *testing.T) {
	r := summitReport(t)
	tests := []struct {
		name, golden string
		render       func(*bytes.Buffer) error
	}{
		{"text", "summit-details.txt.golden", func(b *bytes.Buffer) error { return r.WriteTextView(b, View{Details: true}) }},
		{"markdown", "summit-details.md.golden", func(b *bytes.Buffer) error { return r.WriteMarkdownView(b, View{Details: true}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.render(&b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tt.golden), b.Bytes())
		})
	}
}

// TestReadingOrder checks that text and Markdown give the sections in the
// order a reader wants them.
func TestReadingOrder(t *testing.T) {
	r := summitReport(t)
	tests := []struct {
		name     string
		render   func(*bytes.Buffer) error
		sections []string
	}{
		{"text", func(b *bytes.Buffer) error { return r.WriteTextView(b, View{Details: true}) },
			[]string{"Sources\n", "What each source reports\n", "Conflicting figures\n", "Names\n", "Who is quoted\n", "Only in one source\n", "Evidence\n"}},
		{"markdown", func(b *bytes.Buffer) error { return r.WriteMarkdownView(b, View{Details: true}) },
			[]string{"# Comparison", "## What each source reports", "## Conflicting figures", "## Names", "## Who is quoted", "## Only in one source", "## Evidence"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.render(&b); err != nil {
				t.Fatal(err)
			}
			at := -1
			for _, s := range tt.sections {
				i := strings.Index(b.String(), s)
				if i <= at {
					t.Errorf("got %q at %d, want it after the previous section (at %d)", s, i, at)
				}
				at = i
			}
		})
	}
}

// TestSummitMatrixFitsScreen checks that the text matrix of the summit
// set fits one screen of a 120-column terminal: no line wider than 120
// columns, no more than 40 lines.
func TestSummitMatrixFitsScreen(t *testing.T) {
	var b bytes.Buffer
	if err := summitReport(t).WriteText(&b, false); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	start := strings.Index(text, "What each source reports")
	end := strings.Index(text, "Conflicting figures")
	if start < 0 || end < start {
		t.Fatalf("no matrix section in:\n%s", text)
	}
	lines := strings.Split(strings.TrimSpace(text[start:end]), "\n")
	if len(lines) > 40 {
		t.Errorf("got %d matrix lines, want at most 40", len(lines))
	}
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > textWidth {
			t.Errorf("got a %d-column line, want at most %d: %q", n, textWidth, l)
		}
	}
	if !strings.Contains(text, "…") {
		t.Errorf("got no claim cut with an ellipsis; the golden's long claims should be")
	}
}

// TestNineOutletsTextShorterThanInput checks that the default text
// report on nine outlets has fewer words than the articles themselves.
func TestNineOutletsTextShorterThanInput(t *testing.T) {
	arts := syntheticOutlets(t, 9)
	in := 0
	for _, a := range arts {
		in += len(strings.Fields(a.Text))
	}
	r := mustCompare(t, arts)
	var b bytes.Buffer
	if err := r.WriteText(&b, false); err != nil {
		t.Fatal(err)
	}
	out := len(strings.Fields(b.String()))
	t.Logf("nine outlets: %d words of input, %d words of report", in, out)
	if out >= in {
		t.Errorf("got a %d-word report on %d words of input, want it shorter", out, in)
	}
	var wide bytes.Buffer
	if err := r.WriteTextView(&wide, View{Details: true}); err != nil {
		t.Fatal(err)
	}
	if wide.Len() <= b.Len() {
		t.Errorf("got details of %d bytes, want more than the default %d", wide.Len(), b.Len())
	}
}

// TestEvalTextShorterThanInput checks, on each event of the evaluation
// set (goldEvents, seven or eight outlets each), that the default text report has
// fewer words than the articles it compares.
func TestEvalTextShorterThanInput(t *testing.T) {
	for _, event := range goldEvents {
		t.Run(event, func(t *testing.T) {
			paths, err := filepath.Glob(filepath.Join("..", "testdata", "eval", event, "*.txt"))
			if err != nil || len(paths) < 2 {
				t.Fatalf("got %d articles for %s (%v), want several", len(paths), event, err)
			}
			var arts []*article.Article
			in := 0
			for _, p := range paths {
				a := loadArticle(t, p)
				in += len(strings.Fields(a.Text))
				arts = append(arts, a)
			}
			r := mustCompare(t, arts)
			var b bytes.Buffer
			if err := r.WriteText(&b, false); err != nil {
				t.Fatal(err)
			}
			out := len(strings.Fields(b.String()))
			t.Logf("%s: %d outlets, %d words of input, %d words of report", event, len(arts), in, out)
			if out >= in {
				t.Errorf("got a %d-word report on %d words of input, want it shorter", out, in)
			}
		})
	}
}

func TestUniquePart(t *testing.T) {
	others := make(map[string]bool)
	for _, w := range []string{"putin", "kim", "pyongyang", "treati", "sign", "summit", "moscow", "russia", "said", "leader", "talk", "held", "includ", "trad"} {
		others[w] = true
	}
	tests := []struct {
		name, in, want string
	}{
		{"all new", "Residents of Paju worried about shelling.", "Residents of Paju worried about shelling."},
		{"known clause dropped", "Putin and Kim held talks in Pyongyang and signed the treaty, a deal critics in Seoul and Tokyo called dangerous.",
			"… a deal critics in Seoul and Tokyo called dangerous."},
		{"short subject kept", "Russia, a permanent member of the council, vetoed the panel's renewal.", "Russia, a permanent member of the council, vetoed the panel's renewal."},
		{"nothing new", "Putin and Kim signed the treaty in Pyongyang.", "Putin and Kim signed the treaty in Pyongyang."},
		{"only a short clause left", "Putin and Kim held talks in Pyongyang, including on trade.", "Putin and Kim held talks in Pyongyang, including on trade."},
		{"middle dropped", "Analysts in Seoul doubted deliveries, Putin and Kim said at the summit in Pyongyang, and markets fell sharply.",
			"Analysts in Seoul doubted deliveries … and markets fell sharply."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := uniquePart(tt.in, others); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestShortLabels(t *testing.T) {
	tests := []struct {
		name   string
		labels []string
		width  int
		want   []string
	}{
		{"fit whole", []string{"wire", "kcna", "broadsheet"}, 120, []string{"wire", "kcna", "broadsheet"}},
		{"cut to fit", []string{"reuters-world", "reuters-asia", "kcna"}, 72, []string{"reuter", "reute2", "kcna"}},
		{"never under three", []string{"aaaaaa", "bbbbbb"}, 10, []string{"aaa", "bbb"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := shortLabels(tt.labels, tt.width)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAlikeHeadlines(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"one word changed", "Putin and Kim sign mutual aid pact", "Putin and Kim sign mutual defence pact", true},
		{"different", "Putin and Kim sign mutual aid pact at Pyongyang summit", "Historic DPRK-Russia summit talks held in Pyongyang", false},
		{"empty", "", "Putin and Kim", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := alikeHeadlines(tt.a, tt.b); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEllipsize(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"fits", "Kim met Putin.", 20, "Kim met Putin."},
		{"cut at a word", "Kim greeted Putin at the airport and escorted him", 30, "Kim greeted Putin at the…"},
		{"cut in a word", "Supercalifragilistic", 10, "Supercali…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ellipsize(tt.in, tt.n)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if utf8.RuneCountInString(got) > tt.n {
				t.Errorf("got %d runes, want at most %d", utf8.RuneCountInString(got), tt.n)
			}
		})
	}
}

// TestSummitHTMLGolden checks the HTML page of the summit comparison.
func TestSummitHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := summitReport(t).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "summit.html.golden"), b.Bytes())
}

// hostileArticles are two outlets whose text and title try to inject
// markup, script and a javascript: link into a report.
func hostileArticles(t testing.TB) []*article.Article {
	t.Helper()
	const evil = `<script>document.title='pwned'</script><img src=x onerror="document.body.dataset.pwned=1">`
	a := fromText(t, "evil", "Kim </style><script>alert(1)</script> meets Putin",
		"Putin and Kim signed a defence pact in Pyongyang on Wednesday. "+evil+" The pact commits both to aid. "+
			"Read more at javascript:alert(1) or <a href=\"javascript:alert(2)\">here</a>.")
	b := fromText(t, "plain", "Putin and Kim sign a defence pact",
		"Putin and Kim signed a defence pact in Pyongyang on Wednesday. The pact commits both countries to aid each other. "+
			"Kim called it \"the strongest treaty\" </style> ever.")
	a.URL = "javascript:alert(3)"
	b.URL = "https://example.org/news/pact?x=1&y=<2>"
	return []*article.Article{a, b}
}

// TestHTMLEscapesArticleText checks that markup in articles reaches the
// page as text: no element, attribute or link comes from an article.
func TestHTMLEscapesArticleText(t *testing.T) {
	r, err := Sources(t.Context(), hostileArticles(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<img", "</style><", "href=\"javascript:", "onerror=\"", "alert(1)</script>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if n := strings.Count(page, "</style>"); n != 1 {
		t.Errorf("got %d </style> in the page, want only the stylesheet's", n)
	}
	for _, want := range []string{"&lt;script&gt;", "javascript:alert(3)", `href="https://example.org/news/pact?x=1&amp;y=%3c2%3e"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if !strings.Contains(page, `http-equiv="Content-Security-Policy"`) || strings.Contains(page, "unsafe-inline") {
		t.Errorf("page lacks the strict Content-Security-Policy")
	}
}

// TestRenderDecodedReport checks that a report read back from JSON, whose
// word diffs are stored strings rather than operations, renders in every
// format: LLM findings marked, stored diffs as <del>/<ins> on the page.
func TestRenderDecodedReport(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "synthesis", "summit.json.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		render func(*bytes.Buffer) error
		want   []string
	}{
		{"text", func(b *bytes.Buffer) error { return r.WriteTextView(b, View{Details: true}) }, []string{"(llm)", "[-24-]{+23+}"}},
		{"markdown", func(b *bytes.Buffer) error { return r.WriteMarkdownView(b, View{Details: true}) }, []string{"(llm)", "~~24~~**23**"}},
		{"html", func(b *bytes.Buffer) error { return r.WriteHTML(b) }, []string{`class="badge llm"`, "<del>24</del><ins>23</ins>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.render(&b); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("got no %q in the %s rendering", w, tt.name)
				}
			}
		})
	}
}

// verifiedReport is a report as compare@2 leaves it: findings the model
// confirmed, and one claim of each kind it rejected, one with a claim
// too long for a line.
func verifiedReport() *Report {
	r := &Report{
		SchemaVersion: SchemaVersion,
		Sources: []Source{
			{Label: "wire", Title: "Ferry service resumes after storm", Date: "2026-03-02", Sentences: 12},
			{Label: "gazette", Title: "Island ferry back on schedule", Date: "2026-03-02", Sentences: 9},
			{Label: "radio", Title: "Ferries sail again", Sentences: 7},
		},
		Shared: []Shared{
			{Text: "The ferry resumed sailings on Monday morning.", TextFrom: "wire", Sources: []string{"wire", "gazette", "radio"},
				Evidence: map[string][]int{"wire": {1}, "gazette": {1}, "radio": {2}}, By: Engine},
			{Text: "The harbour wall was repaired over the weekend.", TextFrom: "wire", Sources: []string{"wire", "gazette"},
				Evidence: map[string][]int{"wire": {3}, "gazette": {4}}, By: Engine},
		},
		Unique: map[string][]Sentence{
			"wire":    {{Text: "The operator said tickets bought for cancelled crossings will be refunded.", Sentence: 6, VerifiedBy: LLMEngine}},
			"gazette": {{Text: "Fishermen stayed in port for a third day.", Sentence: 7}},
		},
		Omissions: map[string][]Omission{
			"radio": {{Text: "The harbour wall was repaired over the weekend.", PresentIn: []string{"wire", "gazette"},
				Evidence: map[string][]int{"wire": {3}, "gazette": {4}}, By: Engine, VerifiedBy: LLMEngine}},
		},
		Discrepancies: []Discrepancy{{Topic: "passengers on the first crossing", Kind: "count", By: Engine, VerifiedBy: LLMEngine,
			Values: []Value{{Source: "wire", Text: "140", Sentence: 2, Class: 1}, {Source: "gazette", Text: "410", Sentence: 2, Class: 2}}}},
		Terms: []Term{{Concept: "ferry to skye", By: Engine,
			BySource: map[string]string{"wire": "ferry to Skye", "gazette": "Skye ferry / ferry to Skye", "radio": "crossing"},
			Evidence: map[string][]int{"wire": {1}, "gazette": {1, 5}, "radio": {2}}}},
		Rejected: []Rejected{
			{Kind: "unique", Source: "radio", Text: "Crews worked through the night to clear debris from the slipway so that the first morning crossing could leave on time, the port authority said.",
				Reason: "wire sentence 10 says the same.", Citation: Citation{Source: "wire", Sentence: 10, Text: "The slipway was cleared overnight so the first crossing could leave on time."}},
			{Kind: "omission", Source: "gazette", Text: "The storm closed the route for four days.", Reason: "gazette sentence 3 gives the closure.",
				Citation: Citation{Source: "gazette", Sentence: 3, Text: "For four days the storm kept the route shut."}},
			{Kind: "discrepancy", Text: "departure time", Reason: "Both give 7:15; radio's 7:00 is the planned time.",
				Citation: Citation{Source: "radio", Sentence: 4}},
		},
		Provenance: Provenance{Engine: Engine, Threshold: 0.5, Sentences: 28, Groups: 2,
			LLM: &LLMProvenance{Model: "mock", Endpoint: "http://127.0.0.1/v1", Prompt: "compare@2"}},
	}
	r.BuildMatrix()
	return r
}

// TestVerifiedGolden checks how every format shows the model's
// verification: a mark on confirmed findings and the rejected claims
// with reason and citation.
func TestVerifiedGolden(t *testing.T) {
	r := verifiedReport()
	tests := []struct {
		name, golden string
		render       func(*bytes.Buffer) error
	}{
		{"text", "verified.txt.golden", func(b *bytes.Buffer) error { return r.WriteText(b, false) }},
		{"text details", "verified-details.txt.golden", func(b *bytes.Buffer) error { return r.WriteTextView(b, View{Details: true}) }},
		{"markdown", "verified.md.golden", func(b *bytes.Buffer) error { return r.WriteMarkdown(b) }},
		{"html", "verified.html.golden", func(b *bytes.Buffer) error { return r.WriteHTML(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.render(&b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tt.golden), b.Bytes())
		})
	}
}

// TestVerifiedMarksOnlyWhenSet checks that a report without verification
// fields renders no verification mark or section.
func TestVerifiedMarksOnlyWhenSet(t *testing.T) {
	r := verifiedReport()
	r.Rejected = nil
	r.Unique["wire"][0].VerifiedBy = ""
	r.Omissions["radio"][0].VerifiedBy = ""
	r.Discrepancies[0].VerifiedBy = ""
	tests := []struct {
		name   string
		render func(*bytes.Buffer) error
	}{
		{"text", func(b *bytes.Buffer) error { return r.WriteTextView(b, View{Details: true}) }},
		{"markdown", func(b *bytes.Buffer) error { return r.WriteMarkdown(b) }},
		{"html", func(b *bytes.Buffer) error { return r.WriteHTML(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.render(&b); err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"✓llm", "Rejected by the model"} {
				if strings.Contains(b.String(), s) {
					t.Errorf("got %q in a report without verification, want none", s)
				}
			}
		})
	}
}

// TestConceptLabel checks that a concept named by a lowercased term is
// shown as the sources write it.
func TestConceptLabel(t *testing.T) {
	r := &Report{Sources: []Source{{Label: "a"}, {Label: "b"}, {Label: "c"}}}
	tests := []struct {
		name, concept string
		bySource      map[string]string
		want          string
	}{
		{"written whole", "conflict in ukraine",
			map[string]string{"a": "war in Ukraine", "b": "conflict in Ukraine / war", "c": "special military operation"}, "conflict in Ukraine"},
		{"written within a longer name", "treaty",
			map[string]string{"a": "Treaty on Partnership", "b": "Treaty on Partnership / pact", "c": "treaty"}, "Treaty"},
		{"commonest form, ties to the first source", "dprk",
			map[string]string{"a": "Dprk", "b": "DPRK", "c": "North Korea"}, "Dprk"},
		{"not written: capital first letter", "élan",
			map[string]string{"a": "drive", "b": "energy"}, "Élan"},
		{"already capitalised", "North Korea",
			map[string]string{"a": "north korea", "b": "DPRK"}, "North Korea"},
		{"lower case as written", "special military operation",
			map[string]string{"a": "special military operation", "b": "war"}, "special military operation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.conceptLabel(Term{Concept: tt.concept, BySource: tt.bySource})
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUniqueQuota(t *testing.T) {
	tests := []struct {
		name    string
		sources int
		want    int
	}{
		{"two", 2, 4},
		{"five", 5, 4},
		{"six", 6, 4},
		{"seven", 7, 3},
		{"eight", 8, 3},
		{"nine", 9, 2},
		{"fifty", 50, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := uniqueQuota(tt.sources); got != tt.want {
				t.Errorf("uniqueQuota(%d): got %d, want %d", tt.sources, got, tt.want)
			}
		})
	}
}
