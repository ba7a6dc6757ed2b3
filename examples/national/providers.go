package main

import (
	"fmt"
	"strings"
)

// Providers of a national community follow one of the six communities of
// the example project (examples/gen), chosen by size: the same kinds of
// provider, delivering the same services and covering the same shares of
// the community's own synthetic demand. Communal providers are named after
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
// and the share of the community's demand its capacity covers, before
// ±15 % noise.
type offer struct {
	Key   string
	Cover float64
}

// templates are the example's provider lists, by the example community
// they come from. As in the example, no community has supported living and
// the small ones have none of the services for children with
// disabilities, so every plan has services to create and to enhance.
var templates = map[string][]provider{
	"andrushivska": {
		{Name: "КУ «Центр надання соціальних послуг» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"information", 1.0}, {"counselling", 0.45}, {"social_support", 0.35}, {"crisis", 0.6}, {"home_care", 0.7}, {"natural_aid", 0.4}}},
		{Name: "ГО «Родина поруч»", Ownership: "ngo", Offers: []offer{{"psychosocial", 0.25}, {"information", 0.15}}},
		{Name: "БФ «Добре серце»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.3}}},
	},
	"zhytomyrska": {
		{Name: "Центр соціальних служб %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 0.45}, {"counselling", 0.5}, {"psychosocial", 0.2}, {"crisis", 0.7}, {"information", 0.8}, {"mediation", 0.5}, {"representation", 0.6}}},
		{Name: "Територіальний центр соціального обслуговування (надання соціальних послуг) %[1]s громади", Ownership: "communal", Offers: []offer{{"home_care", 0.75}, {"natural_aid", 0.35}}},
		{Name: "КУ «Центр комплексної реабілітації для дітей з інвалідністю» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"day_care_children", 0.5}, {"early_intervention", 0.3}, {"inclusive_support", 0.4}}},
		{Name: "КУ «Центр соціально-психологічної допомоги» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"psychosocial", 0.25}, {"crisis", 0.3}}},
		{Name: "ГО «Крок назустріч»", Ownership: "ngo", Offers: []offer{{"counselling", 0.15}, {"psychosocial", 0.15}, {"information", 0.3}}},
		{Name: "БФ «Громада разом»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.4}}},
		{Name: "ТОВ «Турбота вдома»", Ownership: "private", Offers: []offer{{"home_care", 0.1}}},
	},
	"zviahelska": {
		{Name: "КУ «Центр надання соціальних послуг» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 0.4}, {"counselling", 0.5}, {"crisis", 0.6}, {"information", 0.9}, {"mediation", 0.3}, {"natural_aid", 0.3}}},
		{Name: "Територіальний центр соціального обслуговування %[1]s громади", Ownership: "communal", Offers: []offer{{"home_care", 0.8}, {"natural_aid", 0.3}}},
		{Name: "КУ «Центр комплексної реабілітації для осіб з інвалідністю» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"day_care_children", 0.4}, {"respite_care", 0.3}}},
		{Name: "ГО «Громада турботи»", Ownership: "ngo", Offers: []offer{{"psychosocial", 0.3}}},
	},
	"korostenska": {
		{Name: "Центр соціальних служб %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 0.35}, {"counselling", 0.4}, {"psychosocial", 0.2}, {"crisis", 0.5}, {"information", 0.8}}},
		{Name: "Територіальний центр соціального обслуговування (надання соціальних послуг) %[1]s громади", Ownership: "communal", Offers: []offer{{"home_care", 0.7}, {"natural_aid", 0.4}}},
		{Name: "КУ «Реабілітаційний центр для дітей з інвалідністю» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"day_care_children", 0.35}, {"early_intervention", 0.25}}},
		{Name: "ГО «Надія»", Ownership: "ngo", Offers: []offer{{"psychosocial", 0.15}, {"natural_aid", 0.3}, {"representation", 0.2}}},
		{Name: "БФ «Діти громади»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.2}, {"information", 0.2}}},
	},
	"olevska": {
		{Name: "КУ «Центр надання соціальних послуг» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 0.3}, {"counselling", 0.35}, {"crisis", 0.4}, {"information", 0.9}, {"home_care", 0.6}, {"natural_aid", 0.35}, {"representation", 0.4}, {"inclusive_support", 0.3}}},
		{Name: "ГО «Рідний дім»", Ownership: "ngo", Offers: []offer{{"psychosocial", 0.2}, {"information", 0.2}}},
		{Name: "БФ «Світло»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.3}}},
	},
	"khoroshivska": {
		{Name: "КУ «Центр надання соціальних послуг» %[1]s %[2]s ради", Ownership: "communal", Offers: []offer{{"social_support", 0.3}, {"counselling", 0.4}, {"information", 0.9}, {"home_care", 0.65}, {"natural_aid", 0.3}, {"crisis", 0.3}}},
		{Name: "ГО «Разом для громади»", Ownership: "ngo", Offers: []offer{{"psychosocial", 0.2}, {"counselling", 0.1}}},
		{Name: "ГО «Милосердя»", Ownership: "ngo", Offers: []offer{{"natural_aid", 0.35}, {"home_care", 0.1}}},
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
