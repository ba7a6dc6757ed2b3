package main

import (
	"fmt"
	"math/rand/v2"

	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/examples/internal/sim"
	"github.com/hromada-tool/hromada/project"
)

// provider is a service provider of the example (Annex 2). Names follow
// the usual kinds of provider in a Ukrainian community — a centre of
// social services (ЦНСП, ЦСС), a territorial centre, a rehabilitation
// centre, NGOs and charities — and are made up.
type provider struct {
	Name      string
	Ownership string // a code of the ownership list
	Offers    []offer
}

// offer is a service a provider delivers and the staff (FTE) it has for
// it. Its capacity follows from the staff as a real provider's does
// (sim.PostCapacity: a home-care social worker serves about 10 clients, a
// day-care unit of 5 takes a group of 12 children, and so on). Staff is
// set by hand for each community's size, as such providers are staffed —
// a territorial centre of a town of 60,000 has about 30 home-care social
// workers, a city's centre for children with disabilities runs one or two
// day-care groups — so the plan has services to create (no provider), to
// enhance and a few that suffice.
type offer struct {
	Key   string  // needs option = catalogue key
	Staff float64 // FTE posts for the service
}

// providers are keyed by community slug. No community has supported
// living; the small ones have none of the services for children with
// disabilities.
var providers = map[string][]provider{
	"andrushivska": {
		{"КУ «Центр надання соціальних послуг» Андрушівської міської ради", "communal", []offer{{"information", 0.5}, {"counselling", 1}, {"social_support", 2}, {"crisis", 0.25}, {"home_care", 14}, {"natural_aid", 0.5}}},
		{"ГО «Родина поруч»", "ngo", []offer{{"psychosocial", 1}, {"information", 0.25}}},
		{"БФ «Добре серце Полісся»", "ngo", []offer{{"natural_aid", 0.5}}},
	},
	"zhytomyrska": {
		{"Житомирський міський центр соціальних служб", "communal", []offer{{"social_support", 14}, {"counselling", 8}, {"psychosocial", 3}, {"crisis", 2}, {"information", 3}, {"mediation", 3}, {"representation", 3}}},
		{"Територіальний центр соціального обслуговування (надання соціальних послуг) м. Житомира", "communal", []offer{{"home_care", 100}, {"natural_aid", 2}}},
		{"КУ «Центр комплексної реабілітації для дітей з інвалідністю» Житомирської міської ради", "communal", []offer{{"day_care_children", 10}, {"early_intervention", 4}, {"inclusive_support", 6}}},
		{"КУ «Центр соціально-психологічної допомоги» Житомирської міської ради", "communal", []offer{{"psychosocial", 4}, {"crisis", 2}}},
		{"ГО «Крок назустріч»", "ngo", []offer{{"counselling", 2}, {"psychosocial", 2}, {"information", 1}}},
		{"БФ «Полісся разом»", "ngo", []offer{{"natural_aid", 3}}},
		{"ТОВ «Турбота вдома»", "private", []offer{{"home_care", 8}}},
	},
	"zviahelska": {
		{"КУ «Центр надання соціальних послуг» Звягельської міської ради", "communal", []offer{{"social_support", 4}, {"counselling", 2}, {"crisis", 0.5}, {"information", 1}, {"mediation", 0.5}, {"natural_aid", 1}}},
		{"Звягельський територіальний центр соціального обслуговування", "communal", []offer{{"home_care", 30}, {"natural_aid", 1}}},
		{"КУ «Центр комплексної реабілітації для осіб з інвалідністю» Звягельської міської ради", "communal", []offer{{"day_care_children", 5}, {"respite_care", 1}}},
		{"ГО «Звягель — громада турботи»", "ngo", []offer{{"psychosocial", 1.5}}},
	},
	"korostenska": {
		{"Коростенський міський центр соціальних служб", "communal", []offer{{"social_support", 5}, {"counselling", 3}, {"psychosocial", 1}, {"crisis", 0.5}, {"information", 1.5}}},
		{"Територіальний центр соціального обслуговування (надання соціальних послуг) м. Коростеня", "communal", []offer{{"home_care", 35}, {"natural_aid", 1}}},
		{"КУ «Коростенський реабілітаційний центр для дітей з інвалідністю»", "communal", []offer{{"day_care_children", 5}, {"early_intervention", 2}}},
		{"ГО «Надія Полісся»", "ngo", []offer{{"psychosocial", 1}, {"natural_aid", 0.5}, {"representation", 0.5}}},
		{"БФ «Житомирщина з дітьми»", "ngo", []offer{{"natural_aid", 0.5}, {"information", 0.25}}},
	},
	"olevska": {
		{"КУ «Центр надання соціальних послуг» Олевської міської ради", "communal", []offer{{"social_support", 2}, {"counselling", 1}, {"crisis", 0.25}, {"information", 0.75}, {"home_care", 18}, {"natural_aid", 1}, {"representation", 0.5}, {"inclusive_support", 2}}},
		{"ГО «Олевськ — рідний дім»", "ngo", []offer{{"psychosocial", 1}, {"information", 0.25}}},
		{"БФ «Світло Полісся»", "ngo", []offer{{"natural_aid", 0.5}}},
	},
	"khoroshivska": {
		{"КУ «Центр надання соціальних послуг» Хорошівської селищної ради", "communal", []offer{{"social_support", 1.5}, {"counselling", 1}, {"information", 0.5}, {"home_care", 12}, {"natural_aid", 0.5}, {"crisis", 0.25}}},
		{"ГО «Разом для громади»", "ngo", []offer{{"psychosocial", 0.5}, {"counselling", 0.25}}},
		{"ГО «Милосердя Хорошівщини»", "ngo", []offer{{"natural_aid", 0.5}, {"home_care", 2}}},
	},
}

// providerRows are the rows of providers.xlsx: per provider and service,
// the staff FTE, the annual capacity that staff gives
// (sim.StaffedProviderRow), current clients (70–100 % of capacity) and
// vacancies.
func providerRows(ex *example, cat *catalogue.Catalogue) (map[string][][]any, error) {
	var rows [][]any
	for i, c := range ex.Communities {
		r := rand.New(rand.NewPCG(ex.Seed, uint64(200+i)))
		list, ok := providers[c.Slug]
		if !ok {
			return nil, fmt.Errorf("no providers listed for %s", c.EN)
		}
		for _, p := range list {
			for _, o := range p.Offers {
				sv, ok := cat.ByKey(o.Key)
				if !ok {
					return nil, fmt.Errorf("provider %q offers %q, which the catalogue does not have", p.Name, o.Key)
				}
				row, err := sim.StaffedProviderRow(c.Code, p.Name, p.Ownership, o.Key, sv, o.Staff, r)
				if err != nil {
					return nil, fmt.Errorf("provider %q: %w", p.Name, err)
				}
				rows = append(rows, row)
			}
		}
	}
	return map[string][][]any{project.Providers.Key: rows}, nil
}
