package figure

import "testing"

func TestTallies(t *testing.T) {
	tests := []struct {
		name, s, want string // want: the tally's Norm, or "" for none
	}{
		{"hyphen after voted", "The council voted 7-2 for the cut.", "tally:7-2"},
		{"vote was", "The vote was 7-2, with both dissenters favouring a hold.", "tally:7-2"},
		{"votes to", "It was closer than expected, at six votes to three.", "tally:6-3"},
		{"digits votes to", "The court ruled by 5 votes to 4 that the law stands.", "tally:5-4"},
		{"en dash score", "United won 3–1 at home on Saturday.", "tally:3-1"},
		{"numbers to after a vote word", "The legislation was approved by 112 to 83.", "tally:112-83"},
		{"in favour and against", "The law passed with 112 deputies voting in favour and 84 against.", "tally:112-84"},
		{"voted for and against", "A total of 214 deputies voted for the motion and 98 voted against it.", "tally:214-98"},
		{"voted for it", "In all, 214 lawmakers voted for it, and 98 voted against.", "tally:214-98"},
		{"voted for, none against", "The council voted for 3 new schools and 2 hospitals.", ""},
		{"in favour, against", "It passed with 112 in favour, 84 against.", "tally:112-84"},
		{"a draw", "The final ended 2-2 after extra time.", "tally:2-2"},
		{"a lead at the break", "Koranth led 2-0 at half-time.", "tally:2-0"},
		{"a draw after the score", "It was a 2-2 draw at home.", "tally:2-2"},
		{"a cup draw is no score", "The draw for rounds 3-4 is on Monday.", ""},
		{"a match that ended", "The match ended 2-2.", "tally:2-2"},
		{"trading that ended lower", "Trading ended 2-3 lower.", ""},
		{"a rise from one number to another", "Prices rose from 2 to 3 dollars after the vote.", ""},
		{"a majority's fall", "The government's majority fell from 80 to 45.", ""},
		{"a range approved", "The council approved between 200 to 250 new homes.", ""},
		{"range of days", "Repairs will take 3-4 days, the company said.", ""},
		{"no vote word", "Rooms 7-2 and 7-3 were closed.", ""},
		{"years", "The council voted in 2019-2020 on the plan.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lastNorm(tt.s, "tally"); got != tt.want {
				t.Errorf("ExtractAll(%q): tally %q, want %q", tt.s, got, tt.want)
			}
		})
	}
	for _, f := range Extract("The council voted 7-2 for the cut.") {
		if f.Kind == "tally" {
			t.Errorf("Extract found tally %q; only ExtractAll reads tallies", f.Text)
		}
	}
	a, b := ExtractAll("voted 7-2")[0], ExtractAll("voted 6-3")[0]
	if !Conflict(a, b) {
		t.Errorf("Conflict(%q, %q) = false, want true", a.Text, b.Text)
	}
}
