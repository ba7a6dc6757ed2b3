package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/project"
)

// fixedSource is a random source that always gives u: 0 makes every
// Float64 draw 0 (below every share: every client known), MaxUint64 makes
// it just below 1 (above every share: no client known).
type fixedSource uint64

func (s fixedSource) Uint64() uint64 { return uint64(s) }

// TestKnownClientsRows counts known clients on a community of four
// households, by hand:
//   - a family with two children with disabilities who both need day care
//     and one who needs respite: day care 2 children, respite 1;
//   - a family with a child under 4 who needs early intervention: 1
//     family (the service counts in families);
//   - a household of two adults, in no target group, marked as needing
//     early intervention: not counted, as Community.Demand does not count
//     it;
//   - an adult of 30 with a disability who needs supported living: 1
//     person.
//
// Inclusive support has no client. With every client known the counts are
// these; with none known they are all 0. Each row is community, code,
// count, unit, as of, source, use (as the Ukrainian template's drop-down
// shows it: мінімум, попит), in the order of KnownServices.
func TestKnownClientsRows(t *testing.T) {
	day, resp, early, living := option(t, "day_care_children"), option(t, "respite_care"), option(t, "early_intervention"), option(t, "supported_living")
	needs := func(ks ...int) []bool {
		n := make([]bool, len(project.NeedOptions))
		for _, k := range ks {
			n[k] = true
		}
		return n
	}
	hh := []Household{
		{Adults: 1, Children: 2, Members: []Member{{Age: 40}, {Age: 8, Disabled: true, Needs: needs(day, resp)}, {Age: 12, Disabled: true, Needs: needs(day)}}, Needs: needs(day, resp)},
		{Adults: 2, Children: 1, Members: []Member{{Age: 30}, {Age: 31}, {Age: 2}}, Needs: needs(early)},
		{Adults: 2, Members: []Member{{Age: 70}, {Age: 72}}, Needs: needs(early)},
		{Adults: 1, Members: []Member{{Age: 30, Disabled: true, Needs: needs(living)}}, Needs: needs(living)},
	}
	c := &Community{Place: Place{Code: "UA0"}, Settlements: []*Settlement{{Name: "с. Тестове", Stratum: Rural, Households: hh}}}
	units := map[string]hromada.Unit{"day_care_children": hromada.Child, "respite_care": hromada.Child, "early_intervention": hromada.Family, "inclusive_support": hromada.Child, "supported_living": hromada.Person}
	code := func(key string) (string, hromada.Unit, error) {
		u, ok := units[key]
		if !ok {
			return "", "", fmt.Errorf("no unit for %s", key)
		}
		return "code:" + key, u, nil
	}
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	all := map[string]int{"day_care_children": 2, "respite_care": 1, "early_intervention": 1, "inclusive_support": 0, "supported_living": 1}
	for _, c0 := range []struct {
		name string
		src  fixedSource
		want func(key string) int
	}{
		{"every client known", 0, func(key string) int { return all[key] }},
		{"no client known", math.MaxUint64, func(string) int { return 0 }},
	} {
		rows, err := KnownClientsRows(c, asOf, code, hromada.Ukrainian, rand.New(c0.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(KnownServices) {
			t.Fatalf("%s: %d rows, want %d", c0.name, len(rows), len(KnownServices))
		}
		for i, ks := range KnownServices {
			want := []any{"UA0", "code:" + ks.Key, c0.want(ks.Key), string(units[ks.Key]), asOf, ks.Source, map[string]string{"floor": "мінімум", "demand": "попит"}[ks.Use]}
			if fmt.Sprint(rows[i]) != fmt.Sprint(want) {
				t.Errorf("%s: row %d = %v, want %v", c0.name, i, rows[i], want)
			}
		}
	}
	if _, err := KnownClientsRows(c, asOf, func(string) (string, hromada.Unit, error) { return "", "", fmt.Errorf("no catalogue") }, hromada.Ukrainian, rand.New(fixedSource(0))); err == nil {
		t.Error("a service the catalogue lacks: want an error")
	}
}

// TestKnownServicesUse checks the use of each known-clients service:
// floor or demand only, and a share of the true clients in (0, 1].
func TestKnownServicesUse(t *testing.T) {
	for _, ks := range KnownServices {
		if ks.Use != "floor" && ks.Use != "demand" {
			t.Errorf("%s: use %q", ks.Key, ks.Use)
		}
		if ks.Share <= 0 || ks.Share > 1 || ks.Source == "" {
			t.Errorf("%s: share %v, source %q", ks.Key, ks.Share, ks.Source)
		}
		option(t, ks.Key)
	}
}
