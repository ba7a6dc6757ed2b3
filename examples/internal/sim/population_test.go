package sim

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/project"
)

// TestDerivedRates checks the rates derived from the published figures
// against the arithmetic done by hand (the comments of sources.go):
// households 1,179,032 ÷ 2.5 = 471,612.8; children per family
// 0.718 + 2·0.253 + 3.2·0.029 = 1.3168; children 471,612.8 · 0.381 · 1.3168
// = 236,608.5.
func TestDerivedRates(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"children per family", childrenPerFamily, 1.3168},
		{"oblast households", oblastHouseholds, 471_612.8},
		{"oblast children", oblastChildren, 236_608.5},
		{"child disability: 6,031 ÷ 236,608.5", rateChildDisability, 0.025489},
		{"adult disability: 106,569 ÷ 942,423.5", rateAdultDisability, 0.113080},
		{"IDP families with children: 15,600 ÷ 236,608.5", rateIDPFamilyWithChildren, 0.065932},
		{"IDP households: 23,160 ÷ 471,612.8", rateIDPHousehold, 0.049108},
		{"low-income with children: 6,193 ÷ 179,684.5", rateLowIncomeWithChildren, 0.034466},
		{"СЖО: 25,144 ÷ 5,652,300", rateSJO, 0.004448},
	} {
		if math.Abs(c.got-c.want) > 1e-5*math.Max(1, c.want) {
			t.Errorf("%s = %.6f, want %.6f", c.name, c.got, c.want)
		}
	}
}

// option returns the index of needs option key.
func option(t *testing.T, key string) int {
	t.Helper()
	k := slices.IndexFunc(project.NeedOptions, func(o project.NeedOption) bool { return o.Key == key })
	if k < 0 {
		t.Fatalf("no needs option %q", key)
	}
	return k
}

// TestMemberNeeds checks on a community of 20,000 residents that services
// for a child or a person come from the members who can need them: day
// care only from children with a disability aged 4–17, supported living
// from adults under 60 with a disability; that a household needs such a
// service exactly when one of its members does; and that the members are
// the household's adults and children.
func TestMemberNeeds(t *testing.T) {
	c, err := BuildCommunity(Place{Code: "UA0", Slug: "test", Pop: 20_000, Urban: 10_000, Town: "Місто"}, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	day, living := option(t, "day_care_children"), option(t, "supported_living")
	var dayCare, disabled int
	for _, s := range c.Settlements {
		for i := range s.Households {
			h := &s.Households[i]
			if len(h.Members) != h.Adults+h.Children {
				t.Fatalf("household with %d adults and %d children has %d members", h.Adults, h.Children, len(h.Members))
			}
			some := map[int]bool{}
			for j, m := range h.Members {
				if (j < h.Adults) != (m.Age >= 18) {
					t.Fatalf("member %d of %d adults is %d years old", j, h.Adults, m.Age)
				}
				if m.Needs == nil {
					continue
				}
				for k, y := range m.Needs {
					some[k] = some[k] || y
				}
				if m.Needs[day] && !(m.Disabled && m.Age >= 4 && m.Age < 18) {
					t.Errorf("day care for a member aged %d, disabled %v", m.Age, m.Disabled)
				}
				if m.Needs[living] && !(m.Disabled && m.Age >= 18 && m.Age < 60) {
					t.Errorf("supported living for a member aged %d, disabled %v", m.Age, m.Disabled)
				}
			}
			for _, k := range []int{day, living} {
				if h.Needs[k] != some[k] {
					t.Errorf("household needs %s: %v, its members: %v", project.NeedOptions[k].Key, h.Needs[k], some[k])
				}
			}
			dayCare += h.Clients(day)
			disabled += h.Disabled
		}
	}
	// A minority of children with disabilities needs day care: one in
	// eight of those aged 4–17 (14/18 of them) is 9.7 % before the
	// settlement effects; anything from 3 % to 25 % is that minority.
	if share := float64(dayCare) / float64(disabled); share < 0.03 || share > 0.25 {
		t.Errorf("day care for %d of %d children with disabilities (%.1f %%), want a minority near 10 %%", dayCare, disabled, 100*share)
	}
}

// TestGroupsAsNamed builds three households by hand: a displaced family
// with two children, one of them with a disability; a displaced couple
// without children; a low-income pensioner. "idp" (IDP families with
// children) counts the first only, "idp_all" both displaced households.
func TestGroupsAsNamed(t *testing.T) {
	c := &Community{Settlements: []*Settlement{{Households: []Household{
		{Adults: 2, Children: 2, Disabled: 1, IDP: true, Members: make([]Member, 4)},
		{Adults: 2, IDP: true, SJO: true, Members: make([]Member, 2)},
		{Adults: 1, Low: true, Members: make([]Member, 1)},
	}}}}
	got := c.GroupCounts()
	want := map[string]int{"families_with_children": 1, "idp": 1, "idp_all": 2, "low_income": 1, "child_disability": 1,
		"families_child_disability": 1, "large_family": 0, "sjo": 0, "members": 7, "children": 2}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %d, want %d", k, got[k], w)
		}
	}
}

// TestDemandCountsMembers builds two households by hand: two children
// with disabilities who both need day care in one family, and one adult
// who needs home care in a household in no group. Day care demand is 2
// children (not 1 family, not every child); home care 1 person; a family
// service needed by the household in no group is not counted.
func TestDemandCountsMembers(t *testing.T) {
	n := len(project.NeedOptions)
	day, home, info := option(t, "day_care_children"), option(t, "home_care"), option(t, "information")
	needs := func(ks ...int) []bool {
		b := make([]bool, n)
		for _, k := range ks {
			b[k] = true
		}
		return b
	}
	c := &Community{Settlements: []*Settlement{{Households: []Household{
		{Adults: 1, Children: 3, Disabled: 2, Needs: needs(day, info), Members: []Member{
			{Age: 40}, {Age: 7, Disabled: true, Needs: needs(day)}, {Age: 12, Disabled: true, Needs: needs(day)}, {Age: 15},
		}},
		{Adults: 1, Needs: needs(home, info), Members: []Member{{Age: 80, Needs: needs(home)}}},
	}}}}
	units := make([]hromada.Unit, n)
	for k := range units {
		units[k] = hromada.Family
	}
	units[day], units[home] = hromada.Child, hromada.Person
	d := c.Demand(units)
	if d[day] != 2 || d[home] != 1 || d[info] != 1 {
		t.Errorf("demand day care %v, home care %v, information %v; want 2, 1, 1", d[day], d[home], d[info])
	}
}

// TestStaffedProviderRow checks a day-care unit of 5 posts: capacity
// 5 · 2.4 = 12 children ±10 % (10.8–13.2, so 11–13 when rounded), clients
// 70–100 % of it, vacancies at most 15 % of 5 posts in half posts (0.5).
func TestStaffedProviderRow(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		row, err := StaffedProviderRow("UA0", "Центр", "communal", "day_care_children", hromada.Service{Code: "015.3"}, 5, r)
		if err != nil {
			t.Fatal(err)
		}
		capacity, clients, staff, vacancies := row[4].(float64), row[5].(float64), row[6].(float64), row[7].(float64)
		if capacity < 11 || capacity > 13 || clients < math.Round(0.7*capacity)-1 || clients > capacity || staff != 5 || vacancies > 0.5 {
			t.Fatalf("row %v: want capacity 11–13, clients 70–100 %% of it, staff 5, vacancies ≤ 0.5", row)
		}
	}
	if _, err := StaffedProviderRow("UA0", "Центр", "communal", "foster_support", hromada.Service{}, 1, r); err == nil {
		t.Error("a service without a capacity per post: want an error")
	}
}

// TestRosterAnswer checks a member's roster answers by hand: a girl of 9
// with a disability who needs day care and respite care, asked about day
// care, inclusive support and respite care, answers
// "day_care_children respite_care"; a member who needs none of them
// answers NoNeed.
func TestRosterAnswer(t *testing.T) {
	day, incl, resp := option(t, "day_care_children"), option(t, "inclusive_support"), option(t, "respite_care")
	needs := make([]bool, len(project.NeedOptions))
	needs[day], needs[resp] = true, true
	m := Member{Age: 9, Disabled: true, Needs: needs}
	services := []int{day, incl, resp}
	for _, c := range []struct {
		name string
		want any
	}{
		{"member_age", 9},
		{"member_disability", "yes"},
		{"member_needs", "day_care_children respite_care"},
	} {
		if got, ok := m.RosterAnswer(c.name, services); !ok || got != c.want {
			t.Errorf("%s = %v (%v), want %v", c.name, got, ok, c.want)
		}
	}
	if got, _ := (Member{Age: 40}).RosterAnswer("member_needs", services); got != NoNeed {
		t.Errorf("member_needs of a member with no need = %v, want %q", got, NoNeed)
	}
	if _, ok := m.RosterAnswer("member_name", services); ok {
		t.Error("member_name: want not a roster question")
	}
}
