package planbook_test

import (
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/workbook/assessbook"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

// TestReadProblemsInUkrainian checks that what ReadDemand and ReadPlan say
// about workbooks they cannot read has its own Ukrainian wording, and a
// sample of it word for word.
func TestReadProblemsInUkrainian(t *testing.T) {
	none := xlsxtest.Write(t, "other.xlsx", xlsxtest.Sheet{Name: "Summary", Cells: xlsxtest.Cells(xlsxtest.Row(1, "x"))})
	badDemand := xlsxtest.Write(t, "bad.xlsx", xlsxtest.Sheet{Name: "Потреба", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "group_id", "Service code", "unit", "people"),
		xlsxtest.Row(2, "idp", "002.0", "households", 10),
		xlsxtest.Row(3, "idp", "010.1", "сімей", 20),
		xlsxtest.Row(4, "idp", "010.1", "families", -30),
		xlsxtest.Row(5, "", "010.1", "families", 5),
		xlsxtest.Row(6, "idp", "", "families", 5),
		xlsxtest.Row(7, "idp", "015.3", "families", nil),
	)})
	noColumns := xlsxtest.Write(t, "nostep.xlsx", xlsxtest.Sheet{Name: "Дії", Cells: xlsxtest.Cells(xlsxtest.Row(1, "include", "service_code", "caseload", "min_staff"))})
	gap := xlsxtest.Write(t, "gap.xlsx", xlsxtest.Sheet{Name: "Actions", Cells: xlsxtest.Cells(xlsxtest.Row(1, "include", "service_code", "caseload", "min_staff", "fte_step",
		"providers", "existing_staff", "clients_2026", "clients_2028"))})
	rows := xlsxtest.Write(t, "rows.xlsx", xlsxtest.Sheet{Name: "Дії", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "Включити", "service_code", "caseload", "min_staff", "fte_step", "providers", "existing_staff", "clients_2026", "clients_2027"),
		xlsxtest.Row(2, "може", "010.1", 30, 1, 0.25, 1, 2, 60, 90),
		xlsxtest.Row(3, "так", "", 30, 1, 2, 1.5, 2, -1, 90),
		xlsxtest.Row(4, "так", "002.0", nil, 1, 0.25, 0, 0, 60, nil),
		xlsxtest.Row(5, "так", "002.0", 30, 1, 0.25, 0, 0, 60, 70),
		xlsxtest.Row(6, "", "003.0", 30, 1, 0.25, 0, 0, 60, 70),
	)})
	var all hromada.Problems
	for _, path := range []string{none, badDemand} {
		_, ps := assessbook.ReadDemand(path)
		all = append(all, ps...)
	}
	for _, path := range []string{none, noColumns, gap, rows} {
		_, ps := planbook.Read(path)
		all = append(all, ps...)
	}
	if len(all) < 15 {
		t.Fatalf("only %d problems from the broken workbooks:\n%s", len(all), all.In(hromada.English))
	}
	uk := map[string]bool{}
	for _, p := range all {
		if p.Msg.UK == "" || p.Msg.UK == p.Msg.EN {
			t.Errorf("%s: no Ukrainian wording", p.Error())
		}
		if !p.Hint.IsZero() && (p.Hint.UK == "" || p.Hint.UK == p.Hint.EN) {
			t.Errorf("%s: the hint has no Ukrainian wording", p.Error())
		}
		uk[p.Cell+": "+p.Msg.UK] = true
	}
	for _, want := range []string{
		"C2: одиниця «households» невідома",
		"D4: потреба -30 від'ємна",
		"A5: у рядку немає коду групи",
		"row 1: немає стовпця «Крок ставки» (\"FTE step\", \"fte_step\")",
		"A2: «Включити» — «може», а не так чи ні",
		"E3: «fte_step» — 2; має бути більше 0 і не більше 1",
		"F3: «providers» — 1,5; має бути ціле число",
		"H3: цільові клієнти на 2026 — -1, менше 0",
		"C4: клітинка стовпця «caseload» порожня",
		"B5: послугу 002.0 задано двічі, у рядках 4 і 5",
		"A6: клітинка «Включити» порожня: дію прочитано як вилучену",
	} {
		if !uk[want] {
			t.Errorf("no problem %q among:\n%s", want, all.In(hromada.Ukrainian))
		}
	}
}
