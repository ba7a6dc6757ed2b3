package pipeline

import (
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

// TestProblemsInUkrainian checks that the problems pipeline finds in a
// plan's and a budget's inputs have their own Ukrainian wording, numbers
// with a decimal comma, and a sample word for word.
func TestProblemsInUkrainian(t *testing.T) {
	cat := defaultCatalogue(t)
	rows := []assessbook.DemandRow{
		demandRow(7, "002.0", assess.AnyGroup, 150.5, 60, 80), // edited: outside its interval
		demandRow(8, "999.9", assess.AllGroup, 5, 4, 6),       // not in the catalogue
	}
	_, ps := PlanInput(hromada.Community{Code: "UA1"}, rows, nil, cat, PlanSettings{FirstYear: 2027, Years: 1, FTEStep: 0.25})
	p := &project.Project{Catalogue: cat, Budget: DefaultBudgetSettings(), SheetNames: map[string]string{project.Posts.Key: "Посади"}}
	pr := &planbook.PlanRead{FirstYear: 2027, Years: 1, Actions: []planbook.PlanAction{
		{Code: "002.0", Include: true, Years: []plan.Year{{Year: 2027, Clients: 1, Staff: 1}}},
	}}
	_, bps := BudgetInput(p, hromada.Community{}, pr)
	ps = append(ps, bps...)
	if len(ps) != 3 {
		t.Fatalf("%d problems, want 3:\n%s", len(ps), ps.In(hromada.English))
	}
	for _, p := range ps {
		if p.Msg.UK == "" || p.Msg.UK == p.Msg.EN || !p.Hint.IsZero() && p.Hint.UK == p.Hint.EN {
			t.Errorf("%s: no Ukrainian wording", p.Error())
		}
	}
	want := []string{
		// 150.5 with 4 significant digits: 150.5; the interval 60–80.
		"попередження: рядок 7: послуга 002.0: потреба 150,5 поза своїм інтервалом 60–80, як після правки; потребу взято без інтервалу; якщо правку зроблено свідомо, очистьте або виправте клітинки інтервалу",
		"попередження: послуги «999.9» з оцінки немає в класифікаторі; її не включено до плану",
		"помилка: costs.xlsx: Посади: послуга 002.0 є в плані з новим персоналом, але не має посади: витрати на персонал не обчислити; додайте посади й оклади послуги на аркуш «Посади» або вилучіть цю дію з плану",
	}
	for i, w := range want {
		if got := ps[i].Severity.In(hromada.Ukrainian) + ": " + ps[i].In(hromada.Ukrainian); got != w {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got, w)
		}
	}
	// The workbook lists them in its language.
	if got := ProblemLines(ps[1:2], hromada.English); len(got) != 1 || got[0] != `service "999.9" of the assessment is not in the catalogue; it is left out of the plan` {
		t.Errorf("ProblemLines(en) = %q", got)
	}
}
