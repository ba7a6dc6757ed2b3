package kobo_test

import (
	"fmt"

	"github.com/hromada-tool/hromada/kobo"
)

// A form whose question refers to a list the choices sheet does not define,
// and that names two questions alike.
func ExampleCheckXLSForm() {
	form := map[string][][]string{
		"survey": {
			{"type", "name", "label"},
			{"select_one yn", "idp", "Is your family displaced?"},
			{"integer", "idp", "How many children?"},
		},
		"choices": {
			{"list_name", "name", "label"},
			{"yesno", "yes", "Yes"},
			{"yesno", "no", "No"},
		},
	}
	for _, p := range kobo.CheckXLSForm("questionnaire.xlsx", form) {
		fmt.Printf("%s: %s\n", p.Severity, p.Error())
	}
	// Output:
	// error: questionnaire.xlsx: survey!B3: name "idp" is used again (first at B2); every question and group needs a name of its own: it becomes a column of the export
	// error: questionnaire.xlsx: survey!A2: list "yn" is not defined in the choices sheet; add rows with list_name yn to the choices sheet, or correct the list name
}
