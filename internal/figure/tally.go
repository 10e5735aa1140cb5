package figure

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// tallies joins the two numbers of a vote or a score into one figure of
// kind "tally" ("voted 7-2", "six votes to three", "won 3-1"), so that
// "7-2" is set against "6-3" and neither number is read alone (the "two"
// of "7-2" is no count of anything). Two numbers joined by a hyphen or
// dash are a tally only beside a word of voting, winning or a score
// ("drew 1-1", "led 2-0 at half-time"; tallyWords), since "3-4 days" is
// a range.
func tallies(s string, figs []Figure, raws []float64) ([]Figure, []float64) {
	out, outRaw := figs[:0], raws[:0]
	for k := 0; k < len(figs); k++ {
		if k+1 < len(figs) {
			if t, ok := tallyOf(s, figs[k], figs[k+1]); ok {
				out, outRaw = append(out, t), append(outRaw, t.Value)
				k++
				continue
			}
		}
		out, outRaw = append(out, figs[k]), append(outRaw, raws[k])
	}
	return out, outRaw
}

// tallyOf returns the tally a and b make, if they make one.
func tallyOf(s string, a, b Figure) (Figure, bool) {
	if !smallWhole(a) || !smallWhole(b) {
		return Figure{}, false
	}
	gap := strings.ToLower(s[a.End:b.Start])
	switch {
	case gap == "-" || gap == "–" || gap == "—":
		if !(a.Kind == "number" && b.Kind == "number") || !tallyContext(s, a.Start, b.End) {
			return Figure{}, false
		}
	case gap == " to " && a.Kind == "count" && a.Unit == "vote" && b.Kind == "number":
		// "six votes to three", "by 7 votes to 2"
	case gap == " to " && a.Kind == "number" && b.Kind == "number" && tallyContext(s, a.Start, b.End) && !changeFrom(s, a.Start):
		// "approved by 112 to 83"
	case inFavourGap.MatchString(gap) && b.Kind == "number" && againstAfter.MatchString(strings.ToLower(s[b.End:])):
		// "112 deputies voting in favour and 84 against", "214 deputies
		// voted for the motion and 98 voted against it"
	default:
		return Figure{}, false
	}
	v := a.Value*1000 + b.Value
	name := strconv.Itoa(int(a.Value)) + "-" + strconv.Itoa(int(b.Value))
	return Figure{Text: s[a.Start:b.End], Kind: "tally", Value: v, Norm: "tally:" + name, Prep: a.Prep, Start: a.Start, End: b.End, Low: v, High: v}, true
}

// inFavourGap is what stands between the two numbers of "112 deputies
// voting in favour and 84 against" or "112 in favour, 84 against".
var inFavourGap = regexp.MustCompile(`^( [a-z]+)?(( voting| voted)? in favou?r| (voting|voted) for( the [a-z]+| it)?)(,| and|, and|, with) $`)

// againstAfter follows the second number of a vote: "84 against", "98
// voted against it".
var againstAfter = regexp.MustCompile(`^( voted| voting)? against\b`)

// changeFrom reports whether the word before byte i of s makes the two
// numbers from it a change or a range ("fell from 80 to 45", "between
// 200 to 250"), not a vote.
func changeFrom(s string, i int) bool {
	ws := strings.Fields(strings.ToLower(s[:i]))
	return len(ws) > 0 && (ws[len(ws)-1] == "from" || ws[len(ws)-1] == "between")
}

func smallWhole(f Figure) bool {
	return (f.Kind == "number" || f.Kind == "count") && f.Bound == "" && f.Value >= 0 && f.Value < 1000 && f.Value == math.Trunc(f.Value)
}

// tallyWords, within a few words of "7-2", make it a vote or a score.
var tallyWords = []string{"vote", "voted", "votes", "voting", "ballot", "majority", "split", "won", "win", "wins", "beat", "beaten", "lost", "lose", "defeat", "defeated", "victory", "score", "scored", "ruled", "ruling", "verdict", "decision", "in favour", "in favor", "approved", "passed", "adopted", "backed", "rejected",
	"drew", "drawn", "led", "leading", "trailed", "trailing", "aggregate", "half-time", "halftime", "full-time", "extra"}

// scoreAfter are words of a score that tie a pair of numbers only after
// it ("a 2-2 draw"; "the draw for rounds 3-4" is no score), and
// scoreBefore those that do only before it with no move after ("the
// match ended 2-2", not "trading ended 2-3 lower").
var (
	scoreAfter  = []string{"draw"}
	scoreBefore = []string{"ended", "finished"}
)

// tallyContext reports whether a tally word is within three words
// before s[lo:hi] or two after it.
func tallyContext(s string, lo, hi int) bool {
	before := strings.Fields(strings.ToLower(s[max(0, lo-40):lo]))
	if len(before) > 3 {
		before = before[len(before)-3:]
	}
	after := strings.Fields(strings.ToLower(s[hi:min(len(s), hi+30)]))
	if len(after) > 2 {
		after = after[:2]
	}
	has := func(ws []string, w string) bool {
		ctx := " " + strings.Join(ws, " ") + " "
		return strings.Contains(ctx, " "+w+" ") || strings.Contains(ctx, " "+w+",") || strings.Contains(ctx, " "+w+".")
	}
	all := append(slices.Clone(before), after...)
	for _, w := range tallyWords {
		if has(all, w) {
			return true
		}
	}
	for _, w := range scoreAfter {
		if has(after, w) {
			return true
		}
	}
	moved := len(after) > 0 && slices.Contains([]string{"lower", "higher", "up", "down", "percent", "per"}, strings.Trim(after[0], ".,;"))
	for _, w := range scoreBefore {
		if has(before, w) && !moved {
			return true
		}
	}
	return false
}
