package pipeline

import (
	"testing"

	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
)

// The need columns of a quick assessment, as the XLSForm types them: a
// select_multiple gives each option, a select_one each answer, another
// type (a yes/no calculate) the column itself; without a form, each
// column is read as a select_multiple would be. A mean column is a mean.
func TestQuickSurveyMap(t *testing.T) {
	form := &kobo.Form{Questions: []*kobo.Question{
		{Type: "select_multiple", Name: "needs", List: "services"},
		{Type: "select_one", Name: "main_need", List: "services"},
		{Type: "calculate", Name: "need_care"},
	}}
	q := &Quick{Survey: "s.xlsx", Weight: "w", By: []string{"idp"}, Need: []string{"needs", "main_need", "need_care", "other"},
		Mean: []string{"days"}, Where: []project.Where{{Column: "consent", Value: "yes"}}, Lonely: assess.LonelyAdjust}
	tests := []struct {
		form *kobo.Form
		want []project.NeedColumn
	}{
		{form, []project.NeedColumn{
			{Column: "needs", AllOptions: true},
			{Column: "main_need", SelectOne: true},
			{Column: "need_care"},
			{Column: "other", AllOptions: true}, // not in the form
			{Column: "days", Mean: true},
		}},
		{nil, []project.NeedColumn{
			{Column: "needs", AllOptions: true}, {Column: "main_need", AllOptions: true},
			{Column: "need_care", AllOptions: true}, {Column: "other", AllOptions: true},
			{Column: "days", Mean: true},
		}},
	}
	for _, tt := range tests {
		m := q.SurveyMap(tt.form)
		if len(m.Needs) != len(tt.want) {
			t.Fatalf("form %v: %d needs, want %d", tt.form != nil, len(m.Needs), len(tt.want))
		}
		for i, w := range tt.want {
			g := m.Needs[i]
			if g.Column != w.Column || g.AllOptions != w.AllOptions || g.SelectOne != w.SelectOne || g.Mean != w.Mean {
				t.Errorf("form %v: need %d = %+v, want %+v", tt.form != nil, i, g, w)
			}
		}
		if m.File != "s.xlsx" || m.Weight != "w" || len(m.Groups) != 1 || m.Groups[0].Column != "idp" || !m.Groups[0].ByValue ||
			len(m.Where) != 1 || m.Where[0].Column != "consent" || m.Lonely != assess.LonelyAdjust {
			t.Errorf("form %v: map %+v", tt.form != nil, m)
		}
	}
}
