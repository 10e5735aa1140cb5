package compare

import "testing"

func TestDatelineEnd(t *testing.T) {
	tests := []struct {
		name, s, body string
	}{
		{"agency in brackets", "PYONGYANG, June 19 (Reuters) - Russian President Vladimir Putin arrived.", "Russian President Vladimir Putin arrived."},
		{"double hyphen", "PYONGYANG, June 19 (Xinhua) -- Russian President Vladimir Putin arrived.", "Russian President Vladimir Putin arrived."},
		{"em dash, no date", "SEOUL (AP) — South Korea said on Thursday it would review the pact.", "South Korea said on Thursday it would review the pact."},
		{"place and dash", "MOSCOW -- The Kremlin said the visit went well.", "The Kremlin said the visit went well."},
		{"city and country", "KYIV, Ukraine (AP) — Russia fired missiles overnight.", "Russia fired missiles overnight."},
		{"city, country and date", "CASTRONA, Kerevia, Aug 13 - A wildfire raged on.", "A wildfire raged on."},
		{"city and two-word country", "SAN JOSE, Costa Rica (AP) — Rain fell.", "Rain fell."},
		{"two countries are no dateline", "US, China — the two sides agreed on tariffs.", "US, China — the two sides agreed on tariffs."},
		{"colon", "KATHMANDU, April 26 (IANS): Rescuers reached the village.", "Rescuers reached the village."},
		{"slashes, alone", "PYONGYANG, June 19. /TASS/.", ""},
		{"slashes, then text", "PYONGYANG, June 19. /TASS/. The leaders signed a treaty.", "The leaders signed a treaty."},
		{"capitalised word is no dateline", "NATO said the pact was a threat.", "NATO said the pact was a threat."},
		{"acronym then dash is no dateline", "UN officials - who asked not to be named - said so.", "UN officials - who asked not to be named - said so."},
		{"plain sentence", "Putin arrived in Pyongyang on Wednesday.", "Putin arrived in Pyongyang on Wednesday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s[datelineEnd(tt.s):]; got != tt.body {
				t.Errorf("body of %q: got %q, want %q", tt.s, got, tt.body)
			}
		})
	}
}
