package assess

import (
	"errors"
	"testing"

	"github.com/hromada-tool/hromada"
)

// TestErrorsInUkrainian checks that the errors of a survey design and of
// an analysis that cannot be made read in Ukrainian as well as English,
// keep the error they wrap (errors.Is), and a sample word for word.
func TestErrorsInUkrainian(t *testing.T) {
	d, err := NewDesign(DesignSpec{Rows: 3})
	if err != nil {
		t.Fatal(err)
	}
	y := []float64{1, 0, 1}
	tests := []struct {
		name string
		err  func() error
		is   error
		uk   string // the Ukrainian message; "" checks only that it differs
	}{
		{"no rows", func() error { _, err := NewDesign(DesignSpec{}); return err }, ErrDesign,
			"план вибірки: немає ні стовпця ваги, страти чи кластера, ні кількості рядків"},
		{"a stratum missing", func() error { _, err := NewDesign(DesignSpec{Strata: []string{"a", ""}}); return err }, ErrDesign,
			"план вибірки: у рядку 2 немає страти"},
		{"lonely rule", func() error { _, err := NewDesign(DesignSpec{Rows: 2, Lonely: "drop"}); return err }, ErrDesign,
			"план вибірки: правило для одиночного PSU «drop» невідоме; можливі: adjust, remove, average, fail"},
		{"bad level", func() error {
			_, err := Analyse(Survey{Design: d, Needs: []Need{{Service: "s", Y: y}}}, Options{Level: 2})
			return err
		}, nil, "рівень довіри 2 — не між 0 і 1"},
		{"short need", func() error {
			_, err := Analyse(Survey{Design: d, Needs: []Need{{Service: "s", Y: y[:2]}}}, Options{})
			return err
		}, ErrLength, "потреба «s»: довжина стовпця не збігається з планом вибірки: рядків 2, у плані вибірки 3"},
		{"children unknown", func() error {
			_, err := Analyse(Survey{Design: d, Needs: []Need{{Service: "s", Y: y}}}, Options{Counts: map[string]Count{AllGroup: {Value: 10, Unit: hromada.Child}}})
			return err
		}, nil, ""},
		{"CI method", func() error { _, err := ParseCIMethod("exact"); return err }, nil,
			"метод довірчого інтервалу «exact» невідомий; можливі: logit, wald, wilson, beta"},
		{"no design", func() error { _, err := AnyNeed(Survey{}, Options{}); return err }, nil, "опитування не має плану вибірки"},
	}
	for _, tc := range tests {
		err := tc.err()
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		uk := hromada.Message(err, hromada.Ukrainian)
		if uk == "" || uk == err.Error() {
			t.Errorf("%s: %q has no Ukrainian wording", tc.name, err.Error())
		}
		if tc.uk != "" && uk != tc.uk {
			t.Errorf("%s: Ukrainian %q, want %q", tc.name, uk, tc.uk)
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: %v does not wrap %v", tc.name, err, tc.is)
		}
	}
}
