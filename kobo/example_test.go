package kobo_test

import (
	"fmt"

	"github.com/hromada-tool/hromada/kobo"
)

func ExampleColumns_Lookup() {
	cols := kobo.NewColumns([]string{"X.U.FEFF.start", "consented/hh_size", "needs", "needs/food", "X_uuid"})
	for _, name := range []string{"start", "hh_size", "needs.food", "_uuid", "food"} {
		col, err := cols.Lookup(name)
		fmt.Println(name, col, err)
	}
	// Output:
	// start 0 <nil>
	// hh_size 1 <nil>
	// needs.food 3 <nil>
	// _uuid 4 <nil>
	// food -1 no column "food"; similar columns: "needs/food" (D); check the column names in the header row, or name another column (in the project settings or with the command's flag)
}
