package article

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPageDate(t *testing.T) {
	tests := []struct {
		name string
		head string
		want string
	}{
		{name: "article:published_time", head: `<meta property="article:published_time" content="2024-06-19T08:30:00+09:00">`, want: "2024-06-19"},
		{name: "itemprop on meta", head: `<meta itemprop="datePublished" content="2024-06-19T08:30:00-0400">`, want: "2024-06-19"},
		{name: "itemprop on time", head: `<time itemprop="datePublished" datetime="2024-06-19">19 June</time>`, want: "2024-06-19"},
		{name: "itemprop on abbr title", head: `<abbr itemprop="datePublished" title="2024-06-19T12:06:00-08:00">noon</abbr>`, want: "2024-06-19"},
		{name: "DC.date.issued any case", head: `<meta name="DC.Date.Issued" content="2024-06-19">`, want: "2024-06-19"},
		{name: "ptime", head: `<meta name="ptime" content="20240619083000">`, want: "2024-06-19"},
		{name: "JSON-LD object", head: `<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-06-19T08:30Z"}</script>`, want: "2024-06-19"},
		{name: "JSON-LD list", head: `<script type="application/ld+json">[{"@type": "WebSite"}, {"@type": "NewsArticle", "datePublished": "June 19, 2024"}]</script>`, want: "2024-06-19"},
		{name: "JSON-LD broken", head: `<script type="application/ld+json">{"datePublished": </script>`, want: ""},
		{name: "article:published_time wins over ptime", head: `<meta name="ptime" content="20200101000000"><meta property="article:published_time" content="2024-06-19">`, want: "2024-06-19"},
		{name: "itemprop wins over JSON-LD", head: `<script type="application/ld+json">{"datePublished": "2020-01-01"}</script><meta itemprop="datePublished" content="2024-06-19">`, want: "2024-06-19"},
		{name: "first of a kind wins", head: `<meta itemprop="datePublished" content="2024-06-19"><meta itemprop="datePublished" content="2020-01-01">`, want: "2024-06-19"},
		{name: "an unreadable value is skipped", head: `<meta itemprop="datePublished" content="yesterday"><meta name="ptime" content="20240619">`, want: "2024-06-19"},
		{name: "modified is not published", head: `<meta property="article:modified_time" content="2024-06-19">`, want: ""},
		{name: "none", head: `<meta name="description" content="Ferry">`, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head>" + tt.head + "</head><body><p>Text.</p></body></html>"
			if got := pageDate([]byte(page)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "date", in: "2024-06-19", want: "2024-06-19"},
		{name: "RFC 3339", in: "2024-06-19T23:30:00-04:00", want: "2024-06-19"},
		{name: "offset without colon", in: "2017-11-16T14:15+0000", want: "2017-11-16"},
		{name: "space before the time", in: " 2024-06-19 08:30:00 ", want: "2024-06-19"},
		{name: "ptime digits", in: "20170113000004", want: "2017-01-13"},
		{name: "digits of a date", in: "20240619", want: "2024-06-19"},
		{name: "written out", in: "19 June 2024", want: "2024-06-19"},
		{name: "not a date", in: "2024-13-45", want: ""},
		{name: "digits too few", in: "2024061", want: ""},
		{name: "text", in: "last week", want: ""},
		{name: "empty", in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dateOf(tt.in); got != tt.want {
				t.Errorf("dateOf(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// readabilityPages returns the test-pages directory of the HTML
// extractor's module: real pages, kept there under the module's licence,
// read in place rather than copied. The test is skipped when the module
// is not downloaded.
func readabilityPages(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	dir := filepath.Join(strings.TrimSpace(string(out)), "test-pages")
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Skipf("the go-readability module directory is not available (go list: %v); run go mod download to test on its pages", err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no test-pages in the go-readability module: %v", err)
	}
	return dir
}

// TestRealPages loads real pages shipped with the HTML extractor's module:
// each gets its publication date from where the page puts it, and pages
// with no article in them are bad input.
func TestRealPages(t *testing.T) {
	dir := readabilityPages(t)
	tests := []struct {
		page   string
		date   string
		noText bool
	}{
		{page: "001", date: "2013-09-29"},              // <time itemprop=datePublished>
		{page: "citylab-1", date: "2019-04-30"},        // <meta itemprop=datePublished>
		{page: "cnet", date: "2017-01-18"},             // <time itemprop=datePublished content>
		{page: "cnn", date: "2016-02-01"},              // DC.date.issued
		{page: "ietf-1", date: "2014-12-15"},           // DC.Date.Issued
		{page: "lemonde-1", date: "2015-05-04"},        // <time itemprop=datePublished>
		{page: "links-in-tables", date: "2016-12-06"},  // <abbr itemprop=datePublished title>
		{page: "medicalnewstoday", date: "2017-07-27"}, // <time itemprop=datePublished>
		{page: "nytimes-1", date: "2017-01-13"},        // itemprop and ptime
		{page: "nytimes-5", date: "2019-08-06"},        // ptime
		{page: "telegraph", date: "2017-11-16"},        // <meta itemprop=datePublished>
		{page: "v8-blog", date: "2019-11-21"},          // <time itemprop=datePublished>
		{page: "yahoo-3", date: "2015-03-12"},          // <meta itemprop=datePublished>
		{page: "breitbart", date: "2016-12-22"},        // article:published_time, read by readability
		{page: "bbc-1", date: "2015-07-24"},            // JSON-LD, read by readability
		{page: "js-link-replacement", noText: true},    // three links
		{page: "lazy-image-3", noText: true},           // two headings and images
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.page, "source.html"))
			if err != nil {
				t.Skipf("page not in this version of the module: %v", err)
			}
			a, err := parseBytes("", tt.page+".html", "", data)
			if tt.noText {
				if !errors.Is(err, errNoText) {
					t.Errorf("got %v, want %q", err, errNoText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Date != tt.date {
				t.Errorf("date: got %q, want %q", a.Date, tt.date)
			}
		})
	}
}
