package project

import (
	"strings"

	"github.com/hromada-tool/hromada"
)

// The code a mistyped one most likely meant, for the hint of a message:
// a planner who typed "IDP" for the group idp, a community's name for its
// code, or a KATOTTG code with a digit missing is told which one to write.

// nearCommunity is the project's community v likely meant: the one whose
// code it is in another case, whose name (in either language) it is, or
// whose code is one or two characters from it.
func (l *loader) nearCommunity(v string) (Community, bool) {
	n := normValue(v)
	for _, c := range l.p.Communities {
		if n == normValue(c.Code) || n == normValue(c.Name.UK) || (c.Name.EN != "" && n == normValue(c.Name.EN)) {
			return c, true
		}
	}
	for _, c := range l.p.Communities {
		if c.Code != "" && distance(n, normValue(c.Code)) <= 2 {
			return c, true
		}
	}
	return Community{}, false
}

// nearGroup is the group of groups v likely meant: the one whose id it is
// in another case or with spaces for underscores, or one character from
// it, or whose name (in either language) it is or begins (four letters or
// more).
func nearGroup(v string, groups []hromada.Group) (hromada.Group, bool) {
	n := normValue(v)
	if n == "" {
		return hromada.Group{}, false
	}
	for _, g := range groups {
		if n == normValue(g.ID) || n == normValue(g.Name.UK) || n == normValue(g.Name.EN) {
			return g, true
		}
	}
	prefix := len([]rune(n)) >= 4 // "с" begins too many names to mean one
	for _, g := range groups {
		if prefix && ((g.Name.UK != "" && strings.HasPrefix(normValue(g.Name.UK), n)) || (g.Name.EN != "" && strings.HasPrefix(normValue(g.Name.EN), n))) ||
			distance(n, normValue(g.ID)) <= 1 {
			return g, true
		}
	}
	return hromada.Group{}, false
}

// distance is the Levenshtein distance of two short strings, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return len(ra) + len(rb)
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
