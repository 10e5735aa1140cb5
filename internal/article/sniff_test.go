package article

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr string
	}{
		{name: "UTF-8 unchanged", in: []byte("Kim met Putin."), want: "Kim met Putin."},
		{name: "UTF-8 byte-order mark dropped", in: []byte("\uFEFFKim met Putin."), want: "Kim met Putin."},
		{name: "UTF-16 little-endian", in: utf16Bytes("Kim met Putin in Pyongyang.\n", false), want: "Kim met Putin in Pyongyang.\n"},
		{name: "UTF-16 big-endian", in: utf16Bytes("Kim met Putin in Pyongyang.\n", true), want: "Kim met Putin in Pyongyang.\n"},
		{name: "UTF-16 beyond the basic plane", in: utf16Bytes("Café ☕ 𝄞 Пхеньян", false), want: "Café ☕ 𝄞 Пхеньян"},
		{name: "UTF-16 odd length", in: []byte{0xFF, 0xFE, 'K', 0, 'i'}, wantErr: "UTF-16 text with an odd number of bytes; convert it to UTF-8"},
		{name: "UTF-16 lone high surrogate at the end", in: []byte{0xFF, 0xFE, 'K', 0, 0x3D, 0xD8}, wantErr: "invalid UTF-16 at byte 4; convert it to UTF-8"},
		{name: "UTF-16 high surrogate before a letter", in: []byte{0xFF, 0xFE, 0x3D, 0xD8, 'K', 0}, wantErr: "invalid UTF-16 at byte 2; convert it to UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeText(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("got %q, %v; want error %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{name: "doctype", in: "<!DOCTYPE html><html><body><p>Hi.</p></body></html>", want: true},
		{name: "XML prolog then XHTML", in: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", want: true},
		{name: "XML prolog then html", in: "<?xml version=\"1.0\"?><html><head></head></html>", want: true},
		{name: "meta charset before html", in: "<meta charset=\"utf-8\">\n<html><head><title>T</title></head></html>", want: true},
		{name: "comments, space and a BOM-free start", in: "\n\n  <!-- saved -->\n<!-- twice -->\t<HTML lang=en>", want: true},
		{name: "head first", in: "<head><title>T</title></head><body></body>", want: true},
		{name: "article fragment", in: "<article><p>Kim met Putin.</p></article>", want: true},
		{name: "plain text", in: "title: Pact\n\nKim met Putin.", want: false},
		{name: "plain text with a tag later", in: "Kim met Putin. <b>Bold</b> claims followed.", want: false},
		{name: "a word starting like a tag", in: "<header-less> notes: Kim met Putin.", want: false},
		{name: "XML that is not HTML", in: "<?xml version=\"1.0\"?><rss><channel></channel></rss>", want: false},
		{name: "an unclosed comment, as browsers sniff it", in: "<!-- never closed", want: true},
		{name: "empty", in: "", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := looksHTML([]byte(tt.in)); got != tt.want {
				t.Errorf("looksHTML(%q): got %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// ferryBody is an article body in HTML for the tests below.
const ferryBody = "<body><article>" +
	"<p>The island ferry sailed again on Tuesday morning after three days tied up in the harbour.</p>" +
	"<p>Waves of six metres had kept both boats in port since Saturday, the operator said.</p>" +
	"<p>About four hundred passengers were waiting on the quay when the first crossing left.</p>" +
	"</article></body></html>"

func TestParseHTMLByExtension(t *testing.T) {
	page := "Saved from the harbour website\n<html><head><title>Ferry back</title></head>" + ferryBody
	tests := []struct {
		name      string
		path      string
		wantTitle string
	}{
		{name: ".html", path: "a.html", wantTitle: "Ferry back"},
		{name: ".htm upper case", path: "A.HTM", wantTitle: "Ferry back"},
		{name: ".xhtml", path: "dir/a.xhtml", wantTitle: "Ferry back"},
		{name: ".txt is sniffed, and this is not HTML", path: "a.txt", wantTitle: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseBytes("", tt.path, "", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.wantTitle {
				t.Errorf("title: got %q, want %q", a.Title, tt.wantTitle)
			}
			if html := strings.Contains(a.Text, "<p>"); html != (tt.wantTitle == "") {
				t.Errorf("text %.60q: markup kept is %v, want %v", a.Text, html, tt.wantTitle == "")
			}
		})
	}
}

func TestParseHTMLNoArticleText(t *testing.T) {
	tests := []struct {
		name string
		page string
	}{
		{name: "navigation only", page: "<html><head><title>Gazette</title></head><body><nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li><li><a href=/sport>Sport</a></li></ul></nav></body></html>"},
		{name: "headings and links", page: "<html><body><h1>Harbour Gazette</h1><h2>Latest stories</h2><ul><li><a href=/a>Ferry back in service after the storm</a></li><li><a href=/b>Council votes on the new quay</a></li></ul></body></html>"},
		{name: "a copyright line", page: "<html><body><nav><a href=/>Home</a></nav><footer>© 2024 Harbour Gazette. All rights reserved.</footer></body></html>"},
		{name: "empty body", page: "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseBytes("", "page.html", "", []byte(tt.page))
			if !errors.Is(err, errNoText) {
				t.Fatalf("got %v (text %q), want %q", err, textOf(a), errNoText)
			}
			if want := "article page.html: no article text found in the HTML"; err.Error() != want {
				t.Errorf("got %q, want %q", err, want)
			}
		})
	}
}

func textOf(a *Article) string {
	if a == nil {
		return ""
	}
	return a.Text
}

func TestHasProse(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  bool
	}{
		{name: "a sentence", paras: []string{"Home", "The ferry sailed again on Tuesday."}, want: true},
		{name: "a sentence in quotes", paras: []string{"\u201cWe are back at sea,\u201d the captain said on the quay.\u201d"}, want: true},
		{name: "a sentence cut short", paras: []string{"The ferry sailed again on Tuesday. Waves of six metres had kept"}, want: true},
		{name: "Japanese", paras: []string{"フェリーは火曜日の朝に運航を再開した。"}, want: true},
		{name: "menu", paras: []string{"Home", "News", "Sport", "Weather"}, want: false},
		{name: "headline without a full stop", paras: []string{"Ferry back in service after the storm"}, want: false},
		{name: "short with a full stop", paras: []string{"Contact us."}, want: false},
		{name: "decimal point", paras: []string{"Version 3.5 release notes and downloads"}, want: false},
		{name: "copyright", paras: []string{"© 2024 Harbour Gazette. All rights reserved."}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasProse(tt.paras); got != tt.want {
				t.Errorf("hasProse(%q): got %v, want %v", tt.paras, got, tt.want)
			}
		})
	}
}

func TestParseHTMLCollapsesTitleAndSiteName(t *testing.T) {
	page := "<html><head><title>Ferry service\n    resumes\tafter storm</title>" +
		"<meta property=\"og:site_name\" content=\"Harbour\n  Gazette\"></head>" + ferryBody
	a, err := parseBytes("", "page.html", "", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Ferry service resumes after storm"; a.Title != want {
		t.Errorf("title: got %q, want %q", a.Title, want)
	}
	if want := "Harbour Gazette"; a.Label != want {
		t.Errorf("label: got %q, want %q", a.Label, want)
	}
}

func TestParseUTF16(t *testing.T) {
	tests := []struct {
		name      string
		path      string
		text      string
		wantTitle string
		wantFirst string
	}{
		{name: "plain text with a header", path: "a.txt", text: "title: Pact signed\n\nPutin and Kim signed a pact. It took effect at once.\n", wantTitle: "Pact signed", wantFirst: "Putin and Kim signed a pact."},
		{name: "HTML declaring UTF-16", path: "a.html", text: "<html><head><meta charset=\"utf-16\"><title>Café fermé</title></head>" + ferryBody, wantTitle: "Café fermé", wantFirst: "The island ferry sailed again on Tuesday morning after three days tied up in the harbour."},
	}
	for _, tt := range tests {
		for _, be := range []bool{false, true} {
			t.Run(tt.name, func(t *testing.T) {
				a, err := parseBytes("", tt.path, "", utf16Bytes(tt.text, be))
				if err != nil {
					t.Fatal(err)
				}
				if a.Title != tt.wantTitle || a.Sentence(1) != tt.wantFirst {
					t.Errorf("big-endian %v: got title %q, first sentence %q; want %q, %q", be, a.Title, a.Sentence(1), tt.wantTitle, tt.wantFirst)
				}
			})
		}
	}
}
