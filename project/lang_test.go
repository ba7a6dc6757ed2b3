package project_test

import (
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// TestProblemsInUkrainian: a project written from the Ukrainian templates,
// with errors planted in it, reports them in Ukrainian, naming the columns
// as its sheets head them. The expected texts are the Ukrainian formats of
// load.go and internal/xlsx filled in by hand; the cells are those the
// templates write: the settings' value column is C and first_year its
// third setting (row 4); the registry's unit is C and count D; the
// providers' capacity E; the communities' survey file E.
func TestProblemsInUkrainian(t *testing.T) {
	_, ps, dir := writeProjectWith(t, hromada.Ukrainian, map[string][][]any{
		project.Settings.Key:  {{"name", "Тест"}}, // no first planning year
		project.Registry.Key:  {{"UA1", "idp", "household", 120, "2026-01-01", "ЄІССС"}},
		project.Providers.Key: {{"UA1", "ЦНСП", "комунальна", "002.0", "багато", 80}},
		project.Needs.Key:     {{"002.0", "needs", "counselling"}},
		project.Posts.Key:     {{"002.0", "психолог", 1, 9000, 1}},
	}, func(dir string) {
		// The known clients sheet loses its column «Кількість».
		if err := workbook.Edit(filepath.Join(dir, project.RegistryFile), map[string]string{project.KnownClients.Name.UK + "!C1": "К-сть"}); err != nil {
			t.Fatal(err)
		}
	})
	xlsxtest.BilingualProblems(t, ps)
	proj, registry, providers := filepath.Join(dir, project.ProjectFile), filepath.Join(dir, project.RegistryFile), filepath.Join(dir, project.ProvidersFile)
	for _, want := range []string{
		proj + ": Налаштування!C4: не заповнено «Перший рік планування»; це налаштування обов'язкове, напр. 2026",
		registry + `: Реєстр!C2: «Одиниця»: "household" — недопустиме значення; дозволено: сім'я, дитина, особа (або family, child, person)`,
		providers + `: Надавачі!E2: «Річна спроможність, клієнтів»: "багато" — не число; пишіть лише число, без одиниць чи іншого тексту, напр. 1234,5 або 1 234.5`,
		registry + ": Відомі клієнти, рядок 1: немає стовпця «Кількість»; додайте стовпець із заголовком «Кількість» (або «Count»)",
		proj + `: Громади!E2: файл опитування "survey/first.xlsx" не знайдено; покладіть експорт Kobo в папку проєкту і напишіть шлях до нього відносно неї, напр. survey/first.xlsx`,
	} {
		found := false
		for _, p := range ps {
			found = found || p.In(hromada.Ukrainian) == want
		}
		if !found {
			t.Errorf("no problem\n%s\namong\n%s", want, ps.In(hromada.Ukrainian))
		}
	}
}
