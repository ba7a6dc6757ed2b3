package workbook_test

import (
	"fmt"

	"github.com/hromada-tool/hromada/workbook"
)

func ExampleParseNumber() {
	for _, s := range []string{"12,5", "1 234,5", "1.2E-05", "12,5 грн"} {
		v, err := workbook.ParseNumber(s)
		fmt.Println(v, err)
	}
	// Output:
	// 12.5 <nil>
	// 1234.5 <nil>
	// 1.2e-05 <nil>
	// 0 "12,5 грн" is not a number; write the number alone, without units or other text, e.g. 1234,5 or 1 234.5
}

func ExampleColumns_Lookup() {
	cols := workbook.NewColumns([]string{"X.U.FEFF.start", "consented/hh_size", "needs", "needs/food", "X_uuid"})
	for _, name := range []string{"start", "hh_size", "needs.food", "_uuid", "food"} {
		col, err := cols.Lookup(name)
		fmt.Println(name, col, err)
	}
	// Output:
	// start 0 <nil>
	// hh_size 1 <nil>
	// needs.food 3 <nil>
	// _uuid 4 <nil>
	// food -1 no column "food"; similar columns: "needs/food" (D); check the column names in the header row, or map the field to a column in the project settings
}
