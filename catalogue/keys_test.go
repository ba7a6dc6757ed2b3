package catalogue

import "testing"

// questionnaireKeys mirrors project.NeedOptions and project.DefaultGroups
// (project/questionnaire.go, 2026-11-22). It is copied rather than imported
// so that this package's tests depend on the hromada package only.
var (
	questionnaireServiceKeys = []string{
		"social_support", "counselling", "psychosocial", "crisis", "early_intervention",
		"day_care_children", "inclusive_support", "respite_care", "home_care",
		"supported_living", "mediation", "representation", "natural_aid", "information",
	}
	questionnaireGroups = []string{
		"families_with_children", "idp", "low_income", "child_disability", "large_family", "sjo",
	}
)

func TestQuestionnaireKeysAreInCatalogue(t *testing.T) {
	c := mustDefault(t)
	for _, k := range questionnaireServiceKeys {
		if _, ok := c.ByKey(k); !ok {
			t.Errorf("needs option %q has no service in the catalogue", k)
		}
	}
	groups := map[string]bool{}
	for _, g := range c.Groups() {
		groups[g.ID] = true
	}
	for _, g := range questionnaireGroups {
		if !groups[g] {
			t.Errorf("default group %q is not in groups.csv", g)
		}
	}
	seen := map[string]string{}
	for _, s := range c.Services() {
		if s.Key == "" {
			t.Errorf("service %s has no key", s.Code)
		}
		if other, dup := seen[s.Key]; dup {
			t.Errorf("key %s used by %s and %s", s.Key, other, s.Code)
		}
		seen[s.Key] = s.Code
	}
}
