package assessbook

import (
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/workbook/internal/booktest"
)

// TestMethodsConventions: the Methods sheet states which don't-know
// convention and which degrees of freedom the estimates follow — hromada's
// own (one denominator per question, the domain's df) or REACH's with
// --reach — and the rows --where kept.
func TestMethodsConventions(t *testing.T) {
	for _, c := range []struct {
		name       string
		opt        AssessOptions
		want, none []string
	}{
		{"own", AssessOptions{Suppress: true},
			[]string{"One denominator per question", "Clusters with an answering member of the group"},
			[]string{"--reach", "Rows kept"}},
		{"reach", AssessOptions{Suppress: true, Reach: true, Where: "A_2_consent=yes"},
			[]string{"REACH's conventions (--reach, as analysistools)", "cut to the rows that answered the question", "Only the rows where A_2_consent=yes (--where)"},
			[]string{"One denominator per question"}},
	} {
		a := testAssessment(t, hromada.English, true)
		a.Options = c.opt
		path := writeTestAssessment(t, c.name, a)
		var text strings.Builder
		for _, r := range booktest.SheetRows(t, path, "Methods") {
			text.WriteString(strings.Join(r, " ") + "\n")
		}
		for _, w := range c.want {
			if !strings.Contains(text.String(), w) {
				t.Errorf("%s: Methods does not say %q", c.name, w)
			}
		}
		for _, w := range c.none {
			if strings.Contains(text.String(), w) {
				t.Errorf("%s: Methods says %q", c.name, w)
			}
		}
	}
}

// TestMeanOnEstimatesOnly: the mean of a numeric question (quick mode
// --mean) is a row of the Estimates sheet, never a service of the Demand
// sheet, whose figures are families in need.
func TestMeanOnEstimatesOnly(t *testing.T) {
	const n = 40
	y, days := make([]float64, n), make([]float64, n)
	for i := range n {
		y[i], days[i] = b2f(mix(i, 1) < 40), float64(i%8)
	}
	d, err := assess.NewDesign(assess.DesignSpec{Rows: n})
	if err != nil {
		t.Fatal(err)
	}
	res, err := assess.Analyse(assess.Survey{Design: d, Needs: []assess.Need{
		{Service: "need_counselling", Y: y},
		{Service: "days_help", Y: days, Type: assess.TypeMean},
	}}, assess.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := &Assessment{
		Lang: hromada.English, Community: hromada.Community{Name: hromada.Text{UK: "s.csv", EN: "s.csv"}},
		Survey: SurveyInfo{File: "s.csv", Rows: n}, Options: AssessOptions{Suppress: true},
		Services: map[string]hromada.Service{
			"need_counselling": {Name: hromada.Text{UK: "need_counselling", EN: "need_counselling"}},
			"days_help":        {Name: hromada.Text{UK: "days_help", EN: "days_help"}},
		},
		Result: res,
	}
	path := writeTestAssessment(t, "mean", a)
	var estimates, demand []string
	for _, r := range booktest.SheetRows(t, path, "Estimates") {
		estimates = append(estimates, strings.Join(r, "|"))
	}
	for _, r := range booktest.SheetRows(t, path, "Demand") {
		demand = append(demand, strings.Join(r, "|"))
	}
	all := strings.Join(estimates, "\n")
	if !strings.Contains(all, "mean|days_help|") || !strings.Contains(all, "mean @/@ days_help %/% NA @/@ NA %/% NA") {
		t.Errorf("Estimates has no row of the mean of days_help:\n%s", all)
	}
	if dem := strings.Join(demand, "\n"); strings.Contains(dem, "days_help") || !strings.Contains(dem, "need_counselling") {
		t.Errorf("Demand sheet:\n%s\nwants need_counselling and not days_help", dem)
	}
}
