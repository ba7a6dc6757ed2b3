package main

import (
	"fmt"
	"math"
	"strings"
)

// Providers of a national community follow one of the six communities of
// the example project (examples/gen), chosen by size: the same kinds of
// provider, delivering the same services with that community's staff
// scaled to the population (scaledStaff). Communal providers are named after
// the community and its council; NGO and charity names are made up.

// provider is a provider of a template: its name, with %[1]s for the
// community's name in the genitive (Іванівської) and %[2]s for its
// council's kind (міської), its ownership and what it offers.
type provider struct {
	Name      string
	Ownership string
	Offers    []offer
}

// offer is a service a provider delivers (needs option = catalogue key)
// and its staff FTE in the example community the template comes from;
// a national community's provider has that staff scaled to its
// population (scaledStaff).
type offer struct {
	Key   string
	Staff float64
}

// templatePop is the population of each example community a template
// comes from (examples/gen/places.go).
var templatePop = map[string]int{
	"andrushivska": 19530, "zhytomyrska": 263237, "zviahelska": 61105,
	"korostenska": 71498, "olevska": 34193, "khoroshivska": 17575,
}

// scaledStaff is the staff of offer o of template tpl in a community of
// pop residents: in proportion to population, in quarter posts (at least
// one), and a day-care unit in whole teams of 5 (at least one team), as
// day care runs in groups.
func scaledStaff(o offer, tpl string, pop int) float64 {
	x := o.Staff * float64(pop) / float64(templatePop[tpl])
	if o.Key == "day_care_children" {
		return 5 * math.Max(1, math.Round(x/5))
	}
	return math.Max(0.25, math.Round(x*4)/4)
}

// templates are the example's provider lists, by the example community
// they come from. As in the example, no community has supported living and
// the small ones have none of the services for children with
// disabilities, so every plan has services to create and to enhance.
var templates = map[string][]provider{
	"andrushivska": {
		{Name: "КУ «Центр надання соціальних послуг» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"information", 0.5}, {"counselling", 1}, {"social_support", 2}, {"crisis", 0.25}, {"home_care", 14}, {"natural_aid", 0.5}}},
		{Name: "ГО «Родина поруч»", Ownership: "ngo", Offers: []offer{{"psychosocial", 1}, {"information", 0.25}}},
		{Name: "БФ «Добре серце»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.5}}},
	},
	"zhytomyrska": {
		{Name: "Центр соціальних служб %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 14}, {"counselling", 8}, {"psychosocial", 3}, {"crisis", 2}, {"information", 3}, {"mediation", 3}, {"representation", 3}}},
		{Name: "Територіальний центр соціального обслуговування (надання соціальних послуг) %[1]s громади", Ownership: "communal", Offers: []offer{{"home_care", 100}, {"natural_aid", 2}}},
		{Name: "КУ «Центр комплексної реабілітації для дітей з інвалідністю» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"day_care_children", 10}, {"early_intervention", 4}, {"inclusive_support", 6}}},
		{Name: "КУ «Центр соціально-психологічної допомоги» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"psychosocial", 4}, {"crisis", 2}}},
		{Name: "ГО «Крок назустріч»", Ownership: "ngo", Offers: []offer{{"counselling", 2}, {"psychosocial", 2}, {"information", 1}}},
		{Name: "БФ «Громада разом»", Ownership: "ngo", Offers: []offer{{"natural_aid", 3}}},
		{Name: "ТОВ «Турбота вдома»", Ownership: "private", Offers: []offer{{"home_care", 8}}},
	},
	"zviahelska": {
		{Name: "КУ «Центр надання соціальних послуг» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 4}, {"counselling", 2}, {"crisis", 0.5}, {"information", 1}, {"mediation", 0.5}, {"natural_aid", 1}}},
		{Name: "Територіальний центр соціального обслуговування %[1]s громади", Ownership: "communal", Offers: []offer{{"home_care", 30}, {"natural_aid", 1}}},
		{Name: "КУ «Центр комплексної реабілітації для осіб з інвалідністю» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"day_care_children", 5}, {"respite_care", 1}}},
		{Name: "ГО «Громада турботи»", Ownership: "ngo", Offers: []offer{{"psychosocial", 1.5}}},
	},
	"korostenska": {
		{Name: "Центр соціальних служб %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 5}, {"counselling", 3}, {"psychosocial", 1}, {"crisis", 0.5}, {"information", 1.5}}},
		{Name: "Територіальний центр соціального обслуговування (надання соціальних послуг) %[1]s громади", Ownership: "communal", Offers: []offer{{"home_care", 35}, {"natural_aid", 1}}},
		{Name: "КУ «Реабілітаційний центр для дітей з інвалідністю» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"day_care_children", 5}, {"early_intervention", 2}}},
		{Name: "ГО «Надія»", Ownership: "ngo", Offers: []offer{{"psychosocial", 1}, {"natural_aid", 0.5}, {"representation", 0.5}}},
		{Name: "БФ «Діти громади»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.5}, {"information", 0.25}}},
	},
	"olevska": {
		{Name: "КУ «Центр надання соціальних послуг» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 2}, {"counselling", 1}, {"crisis", 0.25}, {"information", 0.75}, {"home_care", 18}, {"natural_aid", 1}, {"representation", 0.5}, {"inclusive_support", 2}}},
		{Name: "ГО «Рідний дім»", Ownership: "ngo", Offers: []offer{{"psychosocial", 1}, {"information", 0.25}}},
		{Name: "БФ «Світло»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.5}}},
	},
	"khoroshivska": {
		{Name: "КУ «Центр надання соціальних послуг» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 1.5}, {"counselling", 1}, {"information", 0.5}, {"home_care", 12}, {"natural_aid", 0.5}, {"crisis", 0.25}}},
		{Name: "ГО «Разом для громади»", Ownership: "ngo", Offers: []offer{{"psychosocial", 0.5}, {"counselling", 0.25}}},
		{Name: "ГО «Милосердя»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.5}, {"home_care", 2}}},
	},
}

// templateFor is the example community whose providers community i of
// pop residents takes: the one of its size, alternating between two of a
// size by position.
func templateFor(i, pop int) string {
	switch {
	case pop >= 150_000:
		return "zhytomyrska"
	case pop >= 55_000:
		return []string{"korostenska", "zviahelska"}[i%2]
	case pop >= 28_000:
		return "olevska"
	}
	return []string{"andrushivska", "khoroshivska"}[i%2]
}

// providerName is a template's name for community p: Іванівська's
// communal centre is «…» Іванівської міської ради.
func providerName(format string, p nplace) string {
	if !strings.Contains(format, "%") {
		return format
	}
	name, num, _ := strings.Cut(p.UK, " ") // Іванівська 2 past the names' combinations
	gen := strings.TrimSuffix(name, "а") + "ої"
	if num != "" {
		gen += " " + num
	}
	return fmt.Sprintf(format, gen, council[p.Kind])
}
