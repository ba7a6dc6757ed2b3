package main

import (
	"fmt"
	"math/rand/v2"

	"github.com/hromada-tool/hromada"
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

// offer is a service a provider delivers and the share of the community's
// demand its capacity covers (before ±15 % noise). The shares are chosen so
// that the plan has services to create (no provider), to enhance (below
// the catalogue's 80 % target) and a few that suffice.
type offer struct {
	Key   string // needs option = catalogue key
	Cover float64
}

// providers are keyed by community slug. No community has supported
// living; the small ones have none of the services for children with
// disabilities.
var providers = map[string][]provider{
	"andrushivska": {
		{"КУ «Центр надання соціальних послуг» Андрушівської міської ради", "communal", []offer{{"information", 1.0}, {"counselling", 0.45}, {"social_support", 0.35}, {"crisis", 0.6}, {"home_care", 0.7}, {"natural_aid", 0.4}}},
		{"ГО «Родина поруч»", "ngo", []offer{{"psychosocial", 0.25}, {"information", 0.15}}},
		{"БФ «Добре серце Полісся»", "ngo", []offer{{"natural_aid", 0.3}}},
	},
	"zhytomyrska": {
		{"Житомирський міський центр соціальних служб", "communal", []offer{{"social_support", 0.45}, {"counselling", 0.5}, {"psychosocial", 0.2}, {"crisis", 0.7}, {"information", 0.8}, {"mediation", 0.5}, {"representation", 0.6}}},
		{"Територіальний центр соціального обслуговування (надання соціальних послуг) м. Житомира", "communal", []offer{{"home_care", 0.75}, {"natural_aid", 0.35}}},
		{"КУ «Центр комплексної реабілітації для дітей з інвалідністю» Житомирської міської ради", "communal", []offer{{"day_care_children", 0.5}, {"early_intervention", 0.3}, {"inclusive_support", 0.4}}},
		{"КУ «Центр соціально-психологічної допомоги» Житомирської міської ради", "communal", []offer{{"psychosocial", 0.25}, {"crisis", 0.3}}},
		{"ГО «Крок назустріч»", "ngo", []offer{{"counselling", 0.15}, {"psychosocial", 0.15}, {"information", 0.3}}},
		{"БФ «Полісся разом»", "ngo", []offer{{"natural_aid", 0.4}}},
		{"ТОВ «Турбота вдома»", "private", []offer{{"home_care", 0.1}}},
	},
	"zviahelska": {
		{"КУ «Центр надання соціальних послуг» Звягельської міської ради", "communal", []offer{{"social_support", 0.4}, {"counselling", 0.5}, {"crisis", 0.6}, {"information", 0.9}, {"mediation", 0.3}, {"natural_aid", 0.3}}},
		{"Звягельський територіальний центр соціального обслуговування", "communal", []offer{{"home_care", 0.8}, {"natural_aid", 0.3}}},
		{"КУ «Центр комплексної реабілітації для осіб з інвалідністю» Звягельської міської ради", "communal", []offer{{"day_care_children", 0.4}, {"respite_care", 0.3}}},
		{"ГО «Звягель — громада турботи»", "ngo", []offer{{"psychosocial", 0.3}}},
	},
	"korostenska": {
		{"Коростенський міський центр соціальних служб", "communal", []offer{{"social_support", 0.35}, {"counselling", 0.4}, {"psychosocial", 0.2}, {"crisis", 0.5}, {"information", 0.8}}},
		{"Територіальний центр соціального обслуговування (надання соціальних послуг) м. Коростеня", "communal", []offer{{"home_care", 0.7}, {"natural_aid", 0.4}}},
		{"КУ «Коростенський реабілітаційний центр для дітей з інвалідністю»", "communal", []offer{{"day_care_children", 0.35}, {"early_intervention", 0.25}}},
		{"ГО «Надія Полісся»", "ngo", []offer{{"psychosocial", 0.15}, {"natural_aid", 0.3}, {"representation", 0.2}}},
		{"БФ «Житомирщина з дітьми»", "ngo", []offer{{"natural_aid", 0.2}, {"information", 0.2}}},
	},
	"olevska": {
		{"КУ «Центр надання соціальних послуг» Олевської міської ради", "communal", []offer{{"social_support", 0.3}, {"counselling", 0.35}, {"crisis", 0.4}, {"information", 0.9}, {"home_care", 0.6}, {"natural_aid", 0.35}, {"representation", 0.4}, {"inclusive_support", 0.3}}},
		{"ГО «Олевськ — рідний дім»", "ngo", []offer{{"psychosocial", 0.2}, {"information", 0.2}}},
		{"БФ «Світло Полісся»", "ngo", []offer{{"natural_aid", 0.3}}},
	},
	"khoroshivska": {
		{"КУ «Центр надання соціальних послуг» Хорошівської селищної ради", "communal", []offer{{"social_support", 0.3}, {"counselling", 0.4}, {"information", 0.9}, {"home_care", 0.65}, {"natural_aid", 0.3}, {"crisis", 0.3}}},
		{"ГО «Разом для громади»", "ngo", []offer{{"psychosocial", 0.2}, {"counselling", 0.1}}},
		{"ГО «Милосердя Хорошівщини»", "ngo", []offer{{"natural_aid", 0.35}, {"home_care", 0.1}}},
	},
}

// providerRows are the rows of providers.xlsx: per provider and service,
// the annual capacity (its share of the true demand of the community's
// target groups), current clients (70–100 % of capacity), staff FTE (from
// the catalogue's caseload, in quarter posts) and vacancies.
func providerRows(ex *example, cat *catalogue.Catalogue) (map[string][][]any, error) {
	services := make([]hromada.Service, len(project.NeedOptions))
	units := make([]hromada.Unit, len(project.NeedOptions))
	index := map[string]int{}
	for k, o := range project.NeedOptions {
		sv, ok := cat.ByKey(o.Key)
		if !ok {
			return nil, fmt.Errorf("the catalogue has no service with key %q", o.Key)
		}
		services[k], units[k], index[o.Key] = sv, sv.Unit, k
	}
	var rows [][]any
	for i, c := range ex.Communities {
		r := rand.New(rand.NewPCG(ex.Seed, uint64(200+i)))
		d := c.Demand(units)
		list, ok := providers[c.Slug]
		if !ok {
			return nil, fmt.Errorf("no providers listed for %s", c.EN)
		}
		for _, p := range list {
			for _, o := range p.Offers {
				k, ok := index[o.Key]
				if !ok {
					return nil, fmt.Errorf("provider %q offers %q, which the questionnaire does not ask about", p.Name, o.Key)
				}
				rows = append(rows, sim.ProviderRow(c.Code, p.Name, p.Ownership, services[k], d[k], o.Cover, r))
			}
		}
	}
	return map[string][][]any{project.Providers.Key: rows}, nil
}
