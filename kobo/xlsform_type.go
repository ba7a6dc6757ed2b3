package kobo

import (
	"slices"
	"strings"
)

// Type is the type of a survey-sheet row of an XLSForm, read as pyxform
// reads it (pyxform/aliases.py and the type patterns of
// pyxform/xls2json.py, github.com/XLSForm/pyxform).
type Type struct {
	// Base is the type with pyxform's aliases resolved: "select one",
	// "select1" and "add select one prompt using" are select_one; "select
	// all that apply" and "add select multiple prompt using" are
	// select_multiple; "begin group" is begin_group; "begin repeat", "begin
	// lgroup" and "begin looped group" are begin_repeat. Any other type is
	// its first word in lower case (text, integer, calculate …).
	Base string
	// Args are the words after the type's own, as written: the list name of
	// a select and "or_other", or whatever else follows.
	Args []string
}

// selectAliases are pyxform's aliases.select (with select_from_file), by
// the base type hromada names them with.
var selectAliases = map[string]string{
	"add select one prompt using":      "select_one",
	"add select multiple prompt using": "select_multiple",
	"select all that apply from":       "select_multiple",
	"select one from":                  "select_one",
	"select1":                          "select_one",
	"select_one":                       "select_one",
	"select one":                       "select_one",
	"select_multiple":                  "select_multiple",
	"select all that apply":            "select_multiple",
	"select_one_external":              "select_one_external",
	"select_one_from_file":             "select_one_from_file",
	"select_multiple_from_file":        "select_multiple_from_file",
	"select one from file":             "select_one_from_file",
	"select multiple from file":        "select_multiple_from_file",
	"rank":                             "rank",
}

// controlAliases are pyxform's aliases.control: what may follow "begin" or
// "end" (with a space or _), by the kind of group it opens or closes.
var controlAliases = map[string]string{
	"group":        "group",
	"lgroup":       "repeat",
	"repeat":       "repeat",
	"loop":         "loop",
	"looped group": "repeat",
}

// orOther are the words pyxform takes after a select's list name for an
// "other, specify" choice.
var orOther = []string{"or_other", "or other", "or specify other"}

// typeAliases lists every alias as its words, longest first, with its base
// type, so that "select one from file" is not read as "select one".
var typeAliases = func() []alias {
	var as []alias
	for a, base := range selectAliases {
		as = append(as, alias{strings.Fields(a), base})
	}
	for a, kind := range controlAliases {
		for _, verb := range []string{"begin", "end"} {
			base := verb + "_" + kind
			as = append(as, alias{strings.Fields(verb + " " + a), base}, alias{strings.Fields(verb + "_" + a), base})
		}
	}
	slices.SortFunc(as, func(a, b alias) int {
		if n := len(b.words) - len(a.words); n != 0 {
			return n
		}
		return strings.Compare(strings.Join(a.words, " "), strings.Join(b.words, " "))
	})
	return as
}()

type alias struct {
	words []string
	base  string
}

// ParseType reads the type column of a survey-sheet row; case and the
// spaces between words do not matter. An empty type gives the zero Type.
func ParseType(typ string) Type {
	orig := strings.Fields(typ)
	if len(orig) == 0 {
		return Type{}
	}
	lower := strings.Fields(strings.ToLower(typ))
	for _, a := range typeAliases {
		if len(lower) >= len(a.words) && slices.Equal(lower[:len(a.words)], a.words) {
			return Type{Base: a.base, Args: orig[len(a.words):]}
		}
	}
	return Type{Base: lower[0], Args: orig[1:]}
}

// IsSelect reports whether the type takes a choice list: select_one,
// select_multiple, rank, and the selects from a file or an external list.
func (t Type) IsSelect() bool {
	return t.Base == "rank" || strings.HasPrefix(t.Base, "select_")
}

// List returns the choice list of a select ("" for other types, and for a
// select without one).
func (t Type) List() string {
	if !t.IsSelect() || len(t.Args) == 0 {
		return ""
	}
	return t.Args[0]
}

// OrOther reports whether a select's list name is followed by "or_other"
// (also written "or other" or "or specify other").
func (t Type) OrOther() bool {
	return t.IsSelect() && len(t.Args) > 1 && slices.Contains(orOther, strings.ToLower(strings.Join(t.Args[1:], " ")))
}

// ExtraArgs reports whether a select has words after its list name other
// than or_other, which pyxform refuses.
func (t Type) ExtraArgs() bool {
	return t.IsSelect() && len(t.Args) > 1 && !t.OrOther()
}
