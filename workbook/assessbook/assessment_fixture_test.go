package assessbook

import (
	"math"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
)

// Codes of the services of the test assessment, as in the built-in
// catalogue.
const (
	tCounselling = "002.0"
	tSupport     = "010.1"
	tDayCare     = "015.3"
)

// testAssessment builds the assessment of a small synthetic survey with
// assess.Analyse: 120 households in 3 strata of 4 villages, expansion
// weights; two target groups (IDP families with a registry count, low-income
// families without one, so their demand rests on the survey's weighted
// count) and a tiny group of 3 large families whose estimates are
// suppressed; three services, day care counted in children, its clients
// from a roster (one child in need, two in some households). Some answers
// are "don't know" (NaN) and some were not asked.
func testAssessment(t testing.TB, lang hromada.Lang, suppress bool) *Assessment {
	t.Helper()
	const n = 120
	nan := math.NaN()
	var (
		weight             = make([]float64, n)
		stratum, village   = make([]string, n), make([]string, n)
		idp, poor, large   = make([]bool, n), make([]bool, n), make([]bool, n)
		counsel, sup, care = make([]float64, n), make([]float64, n), make([]float64, n)
		children, careKids = make([]float64, n), make([]float64, n)
	)
	strata := []string{"north", "centre", "south"}
	villages := [][]string{
		{"Berizky", "Hai", "Lisove", "Ozerne"},
		{"Dubky", "Kalyna", "Mlyny", "Sadove"},
		{"Pole", "Richne", "Stepove", "Yary"},
	}
	w := []float64{20, 25, 30}
	missing, notAsked := 0, 0
	for i := range n {
		h, c := i/40, (i/10)%4
		stratum[i], village[i], weight[i] = strata[h], villages[h][c], w[h]
		// A fixed pseudo-random sequence: the same households every run.
		u := func(k int) int { return mix(i, k) }
		idp[i] = u(1) < 30+10*h
		poor[i] = u(2) < 35
		large[i] = i == 5 || i == 50 || i == 101
		children[i] = float64(u(3) % 4)
		counsel[i] = b2f(u(4) < 25+boolInt(idp[i])*30+boolInt(poor[i])*10)
		sup[i] = b2f(u(5) < 10+boolInt(poor[i])*35+boolInt(idp[i])*10)
		care[i] = b2f(children[i] > 0 && u(6) < 20)
		switch {
		case u(7) < 4:
			counsel[i] = nan // don't know
			missing++
		case u(8) < 25 && children[i] == 0:
			care[i] = nan // not asked: no children
			notAsked++
		}
		careKids[i] = care[i]
		if care[i] == 1 && children[i] > 1 && u(9) < 40 {
			careKids[i] = 2
		}
	}
	d, err := assess.NewDesign(assess.DesignSpec{Weight: weight, Strata: stratum, Cluster: village})
	if err != nil {
		t.Fatal(err)
	}
	opt := assess.Options{
		Units: map[string]hromada.Unit{tDayCare: hromada.Child},
		Counts: map[string]assess.Count{
			"idp": {Value: 640, Unit: hromada.Family, AsOf: "2026-01-01", Source: "Register of IDPs (ЄІБД ВПО), community extract"},
		},
	}
	res, err := assess.Analyse(assess.Survey{
		Design: d,
		Groups: []assess.Membership{
			{Group: "idp", Member: idp},
			{Group: "low_income", Member: poor},
			{Group: "large_family", Member: large},
		},
		Needs: []assess.Need{
			{Service: tCounselling, Y: counsel},
			{Service: tSupport, Y: sup},
			{Service: tDayCare, Y: care, Clients: careKids, ClientsFrom: assess.ClientsRoster},
		},
		Children: children,
	}, opt)
	if err != nil {
		t.Fatal(err)
	}
	answered := func(y []float64) (a, m int) {
		for _, v := range y {
			if math.IsNaN(v) {
				m++
			} else {
				a++
			}
		}
		return a, m
	}
	ca, _ := answered(counsel)
	da, _ := answered(care)
	return &Assessment{
		Lang:    lang,
		Project: "Minimum package, Zhytomyr oblast",
		Community: hromada.Community{
			Code: "UA18040190000068591",
			Name: hromada.Text{UK: "Коростишівська громада", EN: "Korostyshiv community"},
		},
		Survey: SurveyInfo{
			File: "survey_korostyshiv.xlsx", Sheet: "main",
			Rows: n, Skipped: 2, Strata: 3, PSUs: 12,
			Weight: "weight", Stratum: "stratum", Cluster: "village",
			LonelyPSU: "adjust",
		},
		Options: AssessOptions{CI: assess.Logit, Level: 0.95, MinCount: assess.DefaultMinCount, Suppress: suppress},
		Services: map[string]hromada.Service{
			tCounselling: {Code: tCounselling, Key: "counselling", Unit: hromada.Family,
				Name: hromada.Text{UK: "Консультування", EN: "Counselling (incl. psychological counselling)"}},
			tSupport: {Code: tSupport, Key: "social_support", Unit: hromada.Family,
				Name: hromada.Text{UK: "Соціальний супровід сімей (осіб), які перебувають у складних життєвих обставинах",
					EN: "Social support (case management) of families in difficult life circumstances"}},
			tDayCare: {Code: tDayCare, Key: "day_care_children", Unit: hromada.Child,
				Name: hromada.Text{UK: "Денний догляд", EN: "Day care (planned here for children with disabilities)"}},
		},
		Groups: map[string]hromada.Group{
			"idp":          {ID: "idp", Name: hromada.Text{UK: "Сім'ї внутрішньо переміщених осіб з дітьми", EN: "IDP families with children"}},
			"low_income":   {ID: "low_income", Name: hromada.Text{UK: "Малозабезпечені сім'ї", EN: "Low-income families"}},
			"large_family": {ID: "large_family", Name: hromada.Text{UK: "Багатодітні сім'ї", EN: "Large families (three or more children)"}},
		},
		Registry: []RegistryRow{
			{Group: "idp", Unit: hromada.Family, Count: 640, AsOf: "2026-01-01", Source: "Register of IDPs (ЄІБД ВПО), community extract"},
		},
		Known: []KnownClientRow{
			{Service: tDayCare, Unit: hromada.Child, Count: 23, AsOf: "2026-01-01", Source: "Children with disabilities registered with the community's day-care centre (case records)"},
			{Service: tSupport, Unit: hromada.Family, Count: 41, AsOf: "2025-12-31", Source: "Families in difficult life circumstances under social support (case records)", Floor: true},
		},
		Result: res,
		Quality: []hromada.AnswerCount{
			{Column: "need_counselling", What: tCounselling, Answered: ca, Missing: missing},
			{Column: "need_social_support", What: tSupport, Answered: n},
			{Column: "need_day_care", What: tDayCare, Answered: da, NotAsked: notAsked},
			{Column: "idp", What: "idp", Answered: n},
			{Column: "low_income", What: "low_income", Answered: n - 3, Missing: 3},
			{Column: "large_family", What: "large_family", Answered: n},
		},
		Warnings:  warningLines(res.Warnings, lang),
		Catalogue: "hromada built-in catalogue (catalogue/services.csv), as of 2026-11-22",
	}
}

// mix is a fixed pseudo-random number in [0, 100) for household i and
// question k (a SplitMix64 step).
func mix(i, k int) int {
	z := uint64(i)*0x9E3779B97F4A7C15 + uint64(k)*0xBF58476D1CE4E5B9
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	z ^= z >> 31
	return int(z % 100)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// warningLines are the warnings of an analysis in lang, as the workbook
// lists them.
func warningLines(ws []hromada.Text, lang hromada.Lang) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.In(lang)
	}
	return out
}
