package project

import (
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// TestSurveyProblemsInUkrainian: the problems of a survey's rows, in
// Ukrainian: the survey of TestReadSurveyProblems, whose weights are
// "1,5 kg" (not a number) and -2 (negative), and whose group column holds
// "maybe"; then the same survey asked for a stratum column it lacks (the
// field is named by its key, the column as given).
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
