package workbook

import (
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/plan"
)

// TestActionWord: every action of a plan has a name in both languages,
// the words of the plan workbook's Action column (plan_text.go before the
// words moved here); a code it does not know is given as it is.
func TestActionWord(t *testing.T) {
	for _, c := range []struct {
		a      plan.Action
		uk, en string
	}{
		{plan.Create, "створити", "create"},
		{plan.Enhance, "розширити", "enhance"},
		{plan.Sufficient, "достатньо", "sufficient"},
		{plan.MoreData, "потрібні дані", "more data needed"},
	} {
		if got := actionWord(hromada.Ukrainian, string(c.a)); got != c.uk {
			t.Errorf("actionWord(uk, %q) = %q, want %q", c.a, got, c.uk)
		}
		if got := actionWord(hromada.English, string(c.a)); got != c.en {
			t.Errorf("actionWord(en, %q) = %q, want %q", c.a, got, c.en)
		}
	}
	if got := actionWord(hromada.English, "merge"); got != "merge" {
		t.Errorf(`actionWord(en, "merge") = %q, want "merge"`, got)
	}
}

// TestUnitText: every unit has its three plural forms in both
// languages (TestUnitWord checks the forms chosen for numbers); the
// household, which a count of households is in, too: «2
// домогосподарства», "2 households".
func TestUnitText(t *testing.T) {
	for _, u := range []hromada.Unit{hromada.Family, hromada.Child, hromada.Person, "household"} {
		for _, form := range []string{"one", "few", "many"} {
			if txt, ok := unitText[string(u)+"."+form]; !ok || txt.UK == "" || txt.EN == "" {
				t.Errorf("unitText lacks %s.%s in a language: %+v", u, form, txt)
			}
		}
	}
	if got := unitWord(hromada.Ukrainian, "household", 2); got != "домогосподарства" {
		t.Errorf(`unitWord(uk, "household", 2) = %q, want "домогосподарства"`, got)
	}
	if got := unitWord(hromada.English, "household", 2); got != "households" {
		t.Errorf(`unitWord(en, "household", 2) = %q, want "households"`, got)
	}
}
