package assess

import (
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
)

// TestClientsMatchR compares the demand conversions with clients per
// household (METHODS.md §1.5) with R: "R 4.2.2, survey 4.1-1
// (testdata/clients.R)", on the districts design with its finite
// population correction. testdata/clients.csv holds the clients m_i of a
// roster sum (m_roster), a capped count question (m_count), a person roster
// (m_person); testdata/clients_ref.csv the values of svymean (count in
// families) and svyratio (count in children or persons) with their Wald t
// intervals. Tolerance 1e-8.
func TestClientsMatchR(t *testing.T) {
	dist := readTable(t, "testdata/districts.csv")
	cl := readTable(t, "testdata/clients.csv")
	d := mustDesign(t, DesignSpec{
		Weight: dist.num(t, "w"), Strata: dist.str(t, "stratum"), Cluster: dist.str(t, "cluster"),
		FPC: map[string]float64{"north": 40, "centre": 12, "south": 9},
	})
	ref := map[string]map[string]float64{}
	rt := readTable(t, "testdata/clients_ref.csv")
	vals := rt.num(t, "value")
	for i, c := range rt.str(t, "case") {
		if ref[c] == nil {
			ref[c] = map[string]float64{}
		}
		ref[c][rt.cols["stat"][i]] = vals[i]
	}
	groups := []Membership{{Group: "idp", Member: dist.is(t, "idp", "yes")}, {Group: "lowinc", Member: dist.is(t, "lowinc", "yes")}}
	for _, c := range []struct {
		case_   string
		y       string // the household's need
		clients string // m_i; "" one client per household in need
		from    ClientsSource
		unit    hromada.Unit // the service's unit
		group   string       // the domain: a group, or AnyGroup for idp|lowinc
		count   Count        // its registry count: families gives svymean, the unit svyratio
	}{
		{"clients;mean;m_roster;all", "y1", "m_roster", ClientsRoster, hromada.Child, AllGroup, Count{Value: 1000}},
		{"clients;ratio;m_roster/children;all", "y1", "m_roster", ClientsRoster, hromada.Child, AllGroup, Count{Value: 1500, Unit: hromada.Child}},
		{"clients;mean;m_roster;idp", "y1", "m_roster", ClientsRoster, hromada.Child, "idp", Count{Value: 300}},
		{"clients;ratio;m_roster/children;idp", "y1", "m_roster", ClientsRoster, hromada.Child, "idp", Count{Value: 450, Unit: hromada.Child}},
		{"clients;mean;m_count;idp", "y1", "m_count", ClientsCount, hromada.Child, "idp", Count{Value: 300}},
		{"clients;ratio;m_count/children;lowinc", "y1", "m_count", ClientsCount, hromada.Child, "lowinc", Count{Value: 500, Unit: hromada.Child}},
		{"clients;mean;m_person;idp|lowinc", "y2", "m_person", ClientsRoster, hromada.Person, AnyGroup, Count{Value: 700}},
		{"clients;ratio;m_person/persons;idp|lowinc", "y2", "m_person", ClientsRoster, hromada.Person, AnyGroup, Count{Value: 2100, Unit: hromada.Person}},
		{"clients;ratio;y1/children;idp", "y1", "", ClientsHousehold, hromada.Child, "idp", Count{Value: 450, Unit: hromada.Child}},
	} {
		want, ok := ref[c.case_]
		if !ok {
			t.Fatalf("%s: not in clients_ref.csv", c.case_)
		}
		nd := Need{Service: "svc", Y: dist.num(t, c.y), ClientsFrom: c.from}
		if c.clients != "" {
			nd.Clients = cl.num(t, c.clients)
		}
		s := Survey{Design: d, Groups: groups, Needs: []Need{nd}, Children: dist.num(t, "children"), Persons: dist.num(t, "persons")}
		res, err := Analyse(s, Options{Units: map[string]hromada.Unit{"svc": c.unit}, Counts: map[string]Count{c.group: c.count}, MinCount: -1})
		if err != nil {
			t.Fatal(err)
		}
		var dm Demand
		if c.group == AnyGroup {
			dm = findDemand(t, res.Union, AnyGroup, "svc")
		} else {
			dm = findDemand(t, res.Demand, c.group, "svc")
		}
		r := dm.Rate
		n := want["n"] // the respondents
		if r.Kind == KindProportion {
			t.Errorf("%s: a proportion; clients per family are a mean", c.case_)
		}
		if !near(r.Stat, want["value"], 1e-8) || !near(r.SE, want["se"], 1e-8) || r.DF != int(want["df"]) || r.N != int(n) {
			t.Errorf("%s: R %v SE %v df %d n %d, want %v %v %v %v", c.case_, r.Stat, r.SE, r.DF, r.N, want["value"], want["se"], want["df"], n)
		}
		if !near(dm.People, c.count.Value*want["value"], 1e-8) || dm.ClientsFrom != c.from {
			t.Errorf("%s: people %v from %q, want %v from %q", c.case_, dm.People, dm.ClientsFrom, c.count.Value*want["value"], c.from)
		}
		// A ratio or a mean of counts: Wald t interval, cut at 0.
		if strings.Contains(c.case_, ";ratio;") && r.Kind != KindRatio {
			t.Errorf("%s: kind %s, want ratio", c.case_, r.Kind)
		}
		if r.Method != Wald || !near(r.StatLow, max(want["wald_low"], 0), 1e-8) || !near(r.StatUpp, want["wald_upp"], 1e-8) {
			t.Errorf("%s: %s [%v, %v], want wald [%v, %v]", c.case_, r.Method, r.StatLow, r.StatUpp, want["wald_low"], want["wald_upp"])
		}
		// Reliability of ratios: RSE above 0.30 suppresses.
		if rse := want["se"] / want["value"]; (rse > 0.30) != hasFlag(r.Verdict.Reasons, FlagHighRSE) {
			t.Errorf("%s: RSE %.3f, verdict %+v", c.case_, rse, r.Verdict)
		}
	}
}
