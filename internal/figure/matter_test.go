package figure

import "testing"

func TestMatters(t *testing.T) {
	tests := []struct {
		name string
		s    string
		text string // the figure's text in s
		want bool
	}{
		{name: "weekday", s: "The port reopened on Tuesday.", text: "Tuesday", want: true},
		{name: "duration", s: "It was closed for three days.", text: "three days", want: true},
		{name: "money", s: "Repairs will cost $2 million.", text: "$2 million", want: true},
		{name: "percent", s: "Trade fell 15 percent.", text: "15 percent", want: true},
		{name: "count", s: "The storm killed 12 people.", text: "12 people", want: true},
		{name: "digits", s: "Fewer than 100 came back.", text: "100", want: true},
		{name: "word counting a noun after adjectives", s: "Police arrested seven other dock workers.", text: "seven", want: true},
		{name: "word counting an irregular plural", s: "Two gunmen died.", text: "Two", want: true},
		{name: "ordinal", s: "It was the first storm of the year.", text: "first", want: false},
		{name: "glued ordinal", s: "It was the 21st storm.", text: "21st", want: false},
		{name: "one", s: "He steered with one hand.", text: "one", want: false},
		{name: "number word in a name", s: "Whales beached on Ninety Mile Beach.", text: "Ninety", want: false},
		{name: "number word closing a name", s: "He flew on Air Force One.", text: "One", want: false},
		{name: "number word counting nothing", s: "She knows a thing or two about boats.", text: "two", want: false},
		{name: "count pointing back", s: "Tensions between the two countries rose.", text: "two countries", want: false},
		{name: "large count after the", s: "The 40 ships waited.", text: "40 ships", want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found bool
			for _, f := range Extract(tt.s) {
				if f.Text != tt.text {
					continue
				}
				found = true
				if got := Matters(tt.s, f); got != tt.want {
					t.Errorf("Matters(%q, %q) = %v, want %v", tt.s, f.Text, got, tt.want)
				}
			}
			if !found {
				t.Fatalf("Extract(%q) found no %q", tt.s, tt.text)
			}
		})
	}
}
