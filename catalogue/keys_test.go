package catalogue_test

import (
	"testing"

	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/project"
)

// The questionnaire's needs options and default groups must find their
// service and group in the built-in catalogue.
func TestQuestionnaireKeysAreInCatalogue(t *testing.T) {
	c, err := catalogue.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range project.NeedOptions {
		if _, ok := c.ByKey(o.Key); !ok {
			t.Errorf("needs option %q has no service in the catalogue", o.Key)
		}
	}
	groups := map[string]bool{}
	for _, g := range c.Groups() {
		groups[g.ID] = true
	}
	for _, g := range project.DefaultGroups {
		if !groups[g.Group] {
			t.Errorf("default group %q is not in groups.csv", g.Group)
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
