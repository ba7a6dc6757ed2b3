package project

import (
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
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
		Settings.Key:  {{"name", "Тест"}}, // no first planning year
		Registry.Key:  {{"UA1", "idp", "household", 120, "2026-01-01", "ЄІССС"}},
		Providers.Key: {{"UA1", "ЦНСП", "комунальна", "002.0", "багато", 80}},
		Needs.Key:     {{"002.0", "needs", "counselling"}},
		Posts.Key:     {{"002.0", "психолог", 1, 9000, 1}},
	}, func(dir string) {
		// The known clients sheet loses its column «Кількість».
		if err := workbook.Edit(filepath.Join(dir, RegistryFile), map[string]string{KnownClients.Name.UK + "!C1": "К-сть"}); err != nil {
			t.Fatal(err)
		}
	})
	xlsxtest.BilingualProblems(t, ps)
	project, registry, providers := filepath.Join(dir, ProjectFile), filepath.Join(dir, RegistryFile), filepath.Join(dir, ProvidersFile)
	for _, want := range []string{
		project + ": Налаштування!C4: не заповнено «Перший рік планування»; це налаштування обов'язкове, напр. 2026",
		registry + `: Реєстр!C2: «Одиниця»: "household" — недопустиме значення; дозволено: сім'я, дитина, особа (або family, child, person)`,
		providers + `: Надавачі!E2: «Річна спроможність, клієнтів»: "багато" — не число; пишіть лише число, без одиниць чи іншого тексту, напр. 1234,5 або 1 234.5`,
		registry + ": Відомі клієнти, рядок 1: немає стовпця «Кількість»; додайте стовпець із заголовком «Кількість» (або «Count»)",
		project + `: Громади!E2: файл опитування "survey/first.xlsx" не знайдено; покладіть експорт Kobo в папку проєкту і напишіть шлях до нього відносно неї, напр. survey/first.xlsx`,
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

// TestSurveyProblemsInUkrainian: the problems of a survey's rows, in
// Ukrainian: the survey of TestReadSurveyProblems, whose weights are
// "1,5 kg" (not a number) and -2 (negative), and whose group column holds
// "maybe"; then the same survey asked for a stratum column it lacks (the
// field is named in the language of the message, the column as given).
func TestSurveyProblemsInUkrainian(t *testing.T) {
	path := writeCSV(t, "w;needs;idp\n1,5 kg;yes;yes\n-2;no;maybe\n3;perhaps;no\n")
	_, ps := ReadSurvey(SurveyMap{File: path, Weight: "w", Needs: []NeedColumn{{Column: "needs"}},
		Groups: []GroupColumn{{ID: "idp", Column: "idp"}}})
	xlsxtest.BilingualProblems(t, ps)
	want := []string{
		path + `: A2: "1,5 kg" — не число; пишіть лише число, без одиниць чи іншого тексту, напр. 1234,5 або 1 234.5`,
		path + ": A3: вага -2 від'ємна; вага — 0 або більше",
		path + `: C3: "maybe" — не «так» і не «ні»; дозволено: так, ні, yes, no, 1, 0 або значення, указане для групи`,
	}
	for i, w := range want {
		if i >= len(ps) || ps[i].In(hromada.Ukrainian) != w {
			t.Errorf("problem %d:\n got %v\nwant %s", i, ps.In(hromada.Ukrainian), w)
		}
	}
	_, ps = ReadSurvey(SurveyMap{File: path, Weight: "w", Stratum: "region", Needs: []NeedColumn{{Column: "needs"}}})
	xlsxtest.BilingualProblems(t, ps)
	if len(ps) != 1 || ps[0].Msg.UK != `стовпець страти: немає стовпця "region"` {
		t.Errorf("missing stratum column: %v", ps.In(hromada.Ukrainian))
	}
}
