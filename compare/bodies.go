package compare

import (
	"slices"
	"strings"

	"github.com/newslens/newslens/internal/lexicon"
	"github.com/newslens/newslens/internal/words"
)

// companyWords are the nouns a report uses, after naming a company, for
// that company: "Veltrix said it would appeal" and "the firm said it
// would appeal against the ruling" report one fact.
var companyWords = map[string]bool{"company": true, "firm": true, "group": true, "carmaker": true, "airline": true, "bank": true, "lender": true, "insurer": true, "retailer": true, "miner": true, "steelmaker": true, "carrier": true}

// linkCompanies gives "the company" (companyWords after "the") in each
// source the keys of the one company the coverage is about: the name
// every source writes that some source describes as a company ("tech
// group Veltrix") and that is no place's or public body's.
// The words keep their own keys; the name's are added beside them, so
// that a clause naming the company matches one that writes "the firm".
func (c *comparison) linkCompanies() {
	name := c.coverageCompany()
	if name == "" {
		return
	}
	keys := lexicon.Terms(name)
	for si, sents := range c.lex {
		for n, ts := range sents {
			s := c.arts[si].Sentences[n]
			var add []lexicon.Term
			for i := range ts {
				w := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(ts[i].Token), "'s"), "’s")
				if !companyWords[w] || !strings.EqualFold(strings.TrimSpace(s[max(0, ts[i].Start-4):ts[i].Start]), "the") {
					continue
				}
				for _, k := range keys {
					add = append(add, lexicon.Term{Key: k.Key, Kind: words.Name, Token: ts[i].Token, Start: ts[i].Start, End: ts[i].End, Name: -1})
				}
			}
			if add != nil {
				c.lex[si][n] = slices.SortedStableFunc(slices.Values(append(slices.Clone(ts), add...)), func(a, b lexicon.Term) int { return a.Start - b.Start })
			}
		}
	}
}

// coverageCompany returns the one name every source writes that a
// source describes as a company (describedAsBody), or "".
func (c *comparison) coverageCompany() string {
	if len(c.arts) < 2 {
		return ""
	}
	count := make(map[string]int)
	form := make(map[string]string)
	for _, es := range c.entities() {
		seen := make(map[string]bool)
		for _, e := range es {
			k := strings.ToLower(e.Name)
			if e.Type == "place" || seen[k] || publicBody(e.Name) {
				continue
			}
			seen[k] = true
			count[k]++
			form[k] = e.Name
		}
	}
	var found []string
	for k, n := range count {
		if n == len(c.arts) && c.describedAsBody(form[k]) {
			found = append(found, k)
		}
	}
	if len(found) != 1 {
		return ""
	}
	return form[found[0]]
}

// describedAsBody reports whether some source writes a noun that
// describes a company right before name ("tech group Veltrix", "tech
// giant Veltrix"; bodyHeads): a one-word name may pass for a person's.
func (c *comparison) describedAsBody(name string) bool {
	for _, a := range c.arts {
		for _, s := range a.Sentences {
			toks := ntokens(s)
			for i := 1; i < len(toks); i++ {
				if strings.HasPrefix(s[toks[i].start:], name) && bodyHeads[toks[i-1].lower] {
					return true
				}
			}
		}
	}
	return false
}

// publicBody reports whether a name is a public body's or an
// institution's ("European Commission", "Ministry of Health"), or an
// acronym ("EU", "UN").
func publicBody(name string) bool {
	if isAcronymTok(name) {
		return true
	}
	return slices.ContainsFunc(strings.Fields(strings.ToLower(name)), func(w string) bool { return publicWords[w] })
}

var publicWords = map[string]bool{
	"ministry": true, "agency": true, "authority": true, "council": true, "commission": true, "committee": true,
	"court": true, "parliament": true, "assembly": true, "senate": true, "congress": true, "government": true,
	"office": true, "department": true, "army": true, "police": true, "union": true, "party": true, "league": true,
	"tribunal": true, "service": true, "institute": true, "university": true, "federation": true, "nations": true,
}
