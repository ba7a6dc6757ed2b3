package project

import (
	"testing"

	"github.com/hromada-tool/hromada"
)

// TestExampleIn: an example in the language of the workbook it is shown
// in — numbers with the decimal comma in Ukrainian, an English example
// where the values are words.
func TestExampleIn(t *testing.T) {
	tests := []struct {
		f      Field
		uk, en string
	}{
		{Field{Example: "0.3 0.6 1"}, "0,3 0,6 1", "0.3 0.6 1"},
		{Field{Example: "2026"}, "2026", "2026"},
		{Field{Kind: Code, Example: "002.0"}, "002.0", "002.0"},                // a service code, not a number
		{Field{Kind: Code, List: "unit", Example: "child"}, "дитина", "child"}, // as the drop-down offers it
		{Field{Example: "survey/andrushivska.xlsx"}, "survey/andrushivska.xlsx", "survey/andrushivska.xlsx"},
		{Field{Example: "журнал обліку", ExampleEN: "case register"}, "журнал обліку", "case register"},
		{Field{Example: "Андрушівська"}, "Андрушівська", "Андрушівська"},
	}
	for _, tc := range tests {
		if got := tc.f.ExampleIn(hromada.Ukrainian); got != tc.uk {
			t.Errorf("%q in Ukrainian: %q, want %q", tc.f.Example, got, tc.uk)
		}
		if got := tc.f.ExampleText().EN; got != tc.en {
			t.Errorf("%q in English: %q, want %q", tc.f.Example, got, tc.en)
		}
	}
}
