package figure

import (
	"fmt"
	"strings"
	"testing"
)

// TestEuropeanNumbers: a decimal comma before a percent, and a dot
// between thousands in a count of whole things.
func TestEuropeanNumbers(t *testing.T) {
	tests := []struct {
		name, s, want string // want: the first figure's Norm
	}{
		{"decimal comma percent", "Inflation was 3,5 percent in May.", "percent:3.5"},
		{"decimal comma sign", "Prices rose 2,75% last year.", "percent:2.75"},
		{"thousands comma stays", "He paid 1,500 euros.", "money:1500:eur"},
		{"a list is no decimal", "Rooms 3,5 and 7 were shut.", "number:3"},
		{"dotted thousands", "Some 1.200 workers lost their jobs.", "count:1200:worker"},
		{"round dotted thousands", "Some 10.000 people marched.", "count:10000:person"},
		{"a decimal sum stays", "It cost 1.5 million euros.", "money:1500000:eur"},
		{"staff counted as a group", "It is a manufacturer with about 1,200 staff.", "count:1200:staff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := ExtractAll(tt.s)
			if len(fs) == 0 || fs[0].Norm != tt.want {
				t.Errorf("ExtractAll(%q) = %+v, want first %q", tt.s, fs, tt.want)
			}
		})
	}
	fs := ExtractAll("About 2.500 people fled.")
	if len(fs) != 1 || fs[0].Low >= 2500 || fs[0].High <= 2500 {
		t.Errorf("about 2.500 people: %+v, want a range around 2,500", fs)
	}
}

// TestMeasureRounded: "46C" is "46.2C" rounded, no conflict; "44C" is
// another reading.
func TestMeasureRounded(t *testing.T) {
	read := func(s string) Figure {
		fs := ExtractAll(s)
		if len(fs) != 1 || fs[0].Kind != "measure" {
			t.Fatalf("ExtractAll(%q) = %+v, want one measure", s, fs)
		}
		return fs[0]
	}
	if Conflict(read("It reached 46.2C."), read("It reached 46C.")) {
		t.Error("46.2C conflicts with 46C")
	}
	if !Conflict(read("It reached 46.2C."), read("It reached 44C.")) {
		t.Error("46.2C does not conflict with 44C")
	}
	if !Conflict(read("The river rose 1.4 metres."), read("The river rose 1 metre.")) {
		t.Error("1.4 metres does not conflict with 1 metre: small measures are not rounded")
	}
}

// TestConvertedSmallCount: a length of a few miles is rounded to the
// mile, so "2 miles" agrees with "3 km" (1.86 miles); "3.7 miles" (5.95
// km) still conflicts with "5 km".
func TestConvertedSmallCount(t *testing.T) {
	read := func(s string) Figure {
		fs := ExtractAll(s)
		if len(fs) != 1 || fs[0].Kind != "measure" {
			t.Fatalf("ExtractAll(%q) = %+v, want one measure", s, fs)
		}
		return fs[0]
	}
	if Conflict(read("People within 2 miles were told to stay indoors."), read("People within 3 km were told to stay indoors.")) {
		t.Error("2 miles conflicts with 3 km")
	}
	if !Conflict(read("The ash rose 3.7 miles."), read("The ash rose 5 km.")) {
		t.Error("3.7 miles does not conflict with 5 km")
	}
}

// TestThousandsBySpace: "380 000 patients" is one count, written as it
// was; "In 2023 250 people" stays a year and a count.
func TestThousandsBySpace(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want string
	}{
		{"The recall concerns about 380 000 patients.", "380 000 patients=380000"},
		{"It cost 1 250 000 euros.", "1 250 000 euros=1.25e+06"},
		{"In 2023 250 people died.", "2023=2023 250 people=250"},
		{"On 12 May 300 people marched.", "12 May=512 300 people=300"},
	} {
		var got []string
		for _, f := range ExtractAll(tt.s) {
			got = append(got, fmt.Sprintf("%s=%g", f.Text, f.Value))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.s, strings.Join(got, " "), tt.want)
		}
	}
}
