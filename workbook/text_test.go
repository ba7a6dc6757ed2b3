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
		if got := ActionWord(hromada.Ukrainian, string(c.a)); got != c.uk {
			t.Errorf("actionWord(uk, %q) = %q, want %q", c.a, got, c.uk)
		}
		if got := ActionWord(hromada.English, string(c.a)); got != c.en {
			t.Errorf("actionWord(en, %q) = %q, want %q", c.a, got, c.en)
		}
	}
	if got := ActionWord(hromada.English, "merge"); got != "merge" {
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
	if got := UnitWord(hromada.Ukrainian, "household", 2); got != "домогосподарства" {
		t.Errorf(`unitWord(uk, "household", 2) = %q, want "домогосподарства"`, got)
	}
	if got := UnitWord(hromada.English, "household", 2); got != "households" {
		t.Errorf(`unitWord(en, "household", 2) = %q, want "households"`, got)
	}
}

func TestCountWord(t *testing.T) {
	tests := []struct {
		lang hromada.Lang
		noun string
		n    float64
		want string
	}{
		{hromada.Ukrainian, "client", 1, "клієнт"},      // 1: «один клієнт»
		{hromada.Ukrainian, "client", 22, "клієнти"},    // 22 ends in 2, not 12
		{hromada.Ukrainian, "client", 12, "клієнтів"},   // 12–14 take the many form
		{hromada.Ukrainian, "fte", 5, "ставок"},         // «5 ставок», not «5 ставки»
		{hromada.Ukrainian, "fte", 1.5, "ставки"},       // a fraction: genitive singular
		{hromada.Ukrainian, "fte", 2.001, "ставки"},     // written 2: «2 ставки»
		{hromada.Ukrainian, "community", 21, "громада"}, // «21 громада»
		{hromada.English, "client", 1, "client"},
		{hromada.English, "client", 1.5, "clients"},
		{hromada.English, "community", 3, "communities"},
	}
	for _, tt := range tests {
		if got := CountWord(tt.lang, tt.noun, tt.n); got != tt.want {
			t.Errorf("countWord(%v, %q, %v) = %q, want %q", tt.lang, tt.noun, tt.n, got, tt.want)
		}
	}
}

func TestUnitWord(t *testing.T) {
	for _, c := range []struct {
		lang hromada.Lang
		unit hromada.Unit
		n    float64
		want string
	}{
		{hromada.Ukrainian, hromada.Family, 1, "сім'я"},
		{hromada.Ukrainian, hromada.Family, 3, "сім'ї"},
		{hromada.Ukrainian, hromada.Family, 5, "сімей"},
		{hromada.Ukrainian, hromada.Family, 11, "сімей"},
		{hromada.Ukrainian, hromada.Family, 12, "сімей"},
		{hromada.Ukrainian, hromada.Child, 21, "дитина"},
		{hromada.Ukrainian, hromada.Child, 1240, "дітей"},
		{hromada.Ukrainian, hromada.Person, 1242, "особи"},
		{hromada.English, hromada.Family, 1, "family"},
		{hromada.English, hromada.Child, 2, "children"},
		{hromada.English, "", 5, "families"},
	} {
		if got := UnitWord(c.lang, c.unit, c.n); got != c.want {
			t.Errorf("unitWord(%s, %q, %v) = %q, want %q", c.lang, c.unit, c.n, got, c.want)
		}
	}
}

func TestFormatNumbers(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{FormatCount(hromada.Ukrainian, 1240.4), "1\u00a0240"},
		{FormatCount(hromada.English, 1240.4), "1,240"},
		{FormatCount(hromada.English, 980), "980"},
		{FormatCount(hromada.English, 1234567), "1,234,567"},
		{FormatPercent(hromada.Ukrainian, 0.1234), "12,3\u00a0%"},
		{FormatPercent(hromada.English, 0.5), "50.0\u00a0%"},
		{LowerFirst("Counselling"), "counselling"},
		{LowerFirst("IDP families"), "IDP families"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
