package project

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/kobo"
)

func TestXLSFormPassesCheck(t *testing.T) {
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		path := filepath.Join(t.TempDir(), FormFile)
		if err := WriteXLSForm(path, lang); err != nil {
			t.Fatalf("WriteXLSForm(%s): %v", lang, err)
		}
		ps, err := kobo.CheckXLSFormFile(path)
		if err != nil {
			t.Fatalf("CheckXLSFormFile(%s): %v", lang, err)
		}
		for _, p := range ps {
			t.Errorf("%s form: %s: %s", lang, p.Severity, p.Error())
		}
	}
}

func TestXLSFormSettings(t *testing.T) {
	for _, tc := range []struct {
		lang      hromada.Lang
		title     string
		defLang   string
		labelCols []string
	}{
		{hromada.Ukrainian, formTitle.UK, "Ukrainian (uk)", []string{"label::Ukrainian (uk)", "label::English (en)"}},
		{hromada.English, formTitle.EN, "English (en)", []string{"label::Ukrainian (uk)", "label::English (en)"}},
	} {
		s := xlsformSheets(tc.lang)
		want := [][]string{{"form_title", "form_id", "version", "default_language"}, {tc.title, FormID, FormVersion, tc.defLang}}
		if got := s["settings"]; !slices.EqualFunc(got, want, slices.Equal[[]string]) {
			t.Errorf("settings(%s) = %q, want %q", tc.lang, got, want)
		}
		for _, sheet := range []string{"survey", "choices"} {
			for _, col := range tc.labelCols {
				if !slices.Contains(s[sheet][0], col) {
					t.Errorf("%s sheet (%s) has no column %q: %q", sheet, tc.lang, col, s[sheet][0])
				}
			}
		}
	}
}
