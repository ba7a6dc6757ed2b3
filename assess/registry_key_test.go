package assess

import (
	"math"
	"testing"
)

// TestRegistryGroup checks which groups a registry count may be given for:
// the survey's groups, "all" (also written "") and "any"; the expected keys
// are the rule of setCounts and setSizes read off by hand.
func TestRegistryGroup(t *testing.T) {
	groups := map[string]bool{"idp": true}
	for _, c := range []struct {
		g, key string
		ok     bool
	}{
		{"", AllGroup, true},
		{AllGroup, AllGroup, true},
		{AnyGroup, AnyGroup, true},
		{"idp", "idp", true},
		{"veterans", "veterans", false}, // not a group of the survey
	} {
		key, ok := registryGroup(c.g, groups)
		if key != c.key || ok != c.ok {
			t.Errorf("registryGroup(%q) = %q, %v; want %q, %v", c.g, key, ok, c.key, c.ok)
		}
	}
}

// TestValidCount checks that a registry count is a number of 0 or more.
func TestValidCount(t *testing.T) {
	for _, c := range []struct {
		v  float64
		ok bool
	}{
		{0, true}, {1200, true}, {0.5, true},
		{-1, false}, {math.NaN(), false}, {math.Inf(1), false}, {math.Inf(-1), false},
	} {
		if got := validCount(c.v); got != c.ok {
			t.Errorf("validCount(%v) = %v, want %v", c.v, got, c.ok)
		}
	}
}
