package xlsx_test

import (
	"fmt"

	"github.com/hromada-tool/hromada/internal/xlsx"
)

func ExampleParseNumber() {
	for _, s := range []string{"12,5", "1 234,5", "1.2E-05", "12,5 грн"} {
		v, err := xlsx.ParseNumber(s)
		fmt.Println(v, err)
	}
	// Output:
	// 12.5 <nil>
	// 1234.5 <nil>
	// 1.2e-05 <nil>
	// 0 "12,5 грн" is not a number; write the number alone, without units or other text, e.g. 1234,5 or 1 234.5
}
