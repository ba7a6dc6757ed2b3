package project

import (
	"testing"

	"github.com/hromada-tool/hromada"
)

// TestNearGroup: the group a registry row's mistyped group likely meant.
// Each expectation is the group whose id the input is in another case,
// is one letter from, or whose name the input is or begins.
func TestNearGroup(t *testing.T) {
	groups := []hromada.Group{
		{ID: "idp", Name: hromada.Text{UK: "Сім'ї ВПО з дітьми", EN: "IDP families with children"}},
		{ID: "low_income", Name: hromada.Text{UK: "Малозабезпечені сім'ї", EN: "Low-income families"}},
	}
	for _, tt := range []struct{ in, want string }{
		{"IDP", "idp"},
		{"idp ", "idp"},
		{"idps", "idp"},
		{"low income", "low_income"},
		{"Малозабезпечені", "low_income"},
		{"low-income families", "low_income"},
		{"Сім’ї ВПО з дітьми", "idp"}, // typographic apostrophe
		{"с", ""}, // too short to begin one name
		{"orphans", ""},
		{"", ""},
	} {
		g, ok := nearGroup(tt.in, groups)
		if g.ID != tt.want || ok != (tt.want != "") {
			t.Errorf("nearGroup(%q) = %q, %v; want %q", tt.in, g.ID, ok, tt.want)
		}
	}
}

// TestNearCommunity: the community a mistyped code likely meant: its code
// in another case, its name, or a code one or two characters off (a digit
// missing, two digits swapped).
func TestNearCommunity(t *testing.T) {
	l := &loader{p: &Project{Communities: []Community{
		{Community: hromada.Community{Code: "UA18020010000059904", Name: hromada.Text{UK: "Андрушівська", EN: "Andrushivska"}}},
		{Community: hromada.Community{Code: "UA18060190000071101", Name: hromada.Text{UK: "Олевська", EN: "Olevska"}}},
	}}}
	for _, tt := range []struct{ in, want string }{
		{"ua18020010000059904", "UA18020010000059904"},
		{"Андрушівська", "UA18020010000059904"},
		{"OLEVSKA", "UA18060190000071101"},
		{"UA1806019000007110", "UA18060190000071101"},  // a digit missing
		{"UA18060190000071011", "UA18060190000071101"}, // two digits swapped
		{"UA18040570000099817", ""},                    // another community altogether
		{"Житомирська", ""},
	} {
		c, ok := l.nearCommunity(tt.in)
		if c.Code != tt.want || ok != (tt.want != "") {
			t.Errorf("nearCommunity(%q) = %q, %v; want %q", tt.in, c.Code, ok, tt.want)
		}
	}
}

// TestDistance: edits between two strings, counted in letters (a Cyrillic
// letter is one edit, not two bytes).
func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"idp", "idp", 0},
		{"idp", "idps", 1},
		{"сім'я", "сімя", 1},
		{"kitten", "sitting", 3},
	} {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
