package words

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldAccents returns s with its accents dropped: the combining marks
// of its decomposed form, and the letters that do not decompose (ø, ł,
// đ, ı, ß, æ, œ) spelt in plain Latin. "Vasić" is "Vasic", "Łódź" is
// "Lodz".
func FoldAccents(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case plainLatin[r] != "":
			b.WriteString(plainLatin[r])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var plainLatin = map[rune]string{
	'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ı': "i", 'ß': "ss",
	'æ': "ae", 'Æ': "Ae", 'œ': "oe", 'Œ': "Oe", 'ð': "d", 'þ': "th",
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
