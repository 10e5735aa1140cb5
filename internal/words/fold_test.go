package words

import "testing"

func TestFoldAccents(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vasić", "Vasic"},
		{"Łódź", "Lodz"},
		{"Khürelsükh", "Khurelsukh"},
		{"Søren Kierkegaard", "Soren Kierkegaard"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := FoldAccents(tt.in); got != tt.want {
			t.Errorf("FoldAccents(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
