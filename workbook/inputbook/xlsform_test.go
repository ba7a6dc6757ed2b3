package inputbook

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
)

func TestXLSFormPassesCheck(t *testing.T) {
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		path := filepath.Join(t.TempDir(), project.FormFile)
		if err := WriteXLSForm(path, project.QuestionnaireForm(lang)); err != nil {
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
		{hromada.Ukrainian, "Потреби домогосподарств у соціальних послугах", "Ukrainian (uk)", []string{"label::Ukrainian (uk)", "label::English (en)"}},
		{hromada.English, "Household needs for social services", "English (en)", []string{"label::Ukrainian (uk)", "label::English (en)"}},
	} {
		form := project.QuestionnaireForm(tc.lang)
		s := map[string][][]string{"survey": surveyRows(form), "choices": choiceRows(form)}
		want := [][]string{{"form_title", "form_id", "version", "default_language"}, {tc.title, "hromada_household", "1", tc.defLang}}
		if got := settingRows(form); !slices.EqualFunc(got, want, slices.Equal[[]string]) {
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

// TestXLSFormReadsBack writes the questionnaire and reads it with kobo's
// reader: the form read is the form written — its questions with their
// groups, texts and checks, its groups, its lists and its settings —
// but for the rows the reader adds.
func TestXLSFormReadsBack(t *testing.T) {
	want := project.QuestionnaireForm(hromada.English)
	path := filepath.Join(t.TempDir(), project.FormFile)
	if err := WriteXLSForm(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := kobo.ReadXLSForm(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Problems) > 0 {
		t.Errorf("problems reading the form: %v", got.Problems)
	}
	if !slices.Equal(got.Languages, want.Languages) {
		t.Errorf("languages %q, want %q", got.Languages, want.Languages)
	}
	sameRows(t, "question", got.Questions, want.Questions, func(q *kobo.Question) *int { return &q.Row })
	sameRows(t, "group", got.Groups, want.Groups, func(g *kobo.Group) *int { return &g.Row })
	if !reflect.DeepEqual(got.Lists, want.Lists) {
		t.Errorf("lists:\n got %+v\nwant %+v", got.Lists, want.Lists)
	}
	if !reflect.DeepEqual(got.Settings, want.Settings) {
		t.Errorf("settings %q, want %q", got.Settings, want.Settings)
	}
}

// sameRows fails unless got and want hold equal values, but for the rows
// in the sheet (row) that the reader adds.
func sameRows[T any](t *testing.T, what string, got, want []*T, row func(*T) *int) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d %ss, want %d", len(got), what, len(want))
	}
	for i, g := range got {
		w := *want[i]
		*row(&w) = *row(g)
		if !reflect.DeepEqual(*g, w) {
			t.Errorf("%s %d:\n got %+v\nwant %+v", what, i+1, *g, w)
		}
	}
}
