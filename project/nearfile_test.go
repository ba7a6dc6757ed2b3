package project

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNearSurveyFile: the file a survey path that names none meant. The
// folder holds survey/olevska.xlsx, survey/notes.txt and zhytomyrska.csv;
// each expectation is the one of those files the written name differs from
// only in case, extension or folder separator, else none.
func TestNearSurveyFile(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"survey/olevska.xlsx", "survey/notes.txt", "zhytomyrska.csv"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ written, want string }{
		{"olevska", "survey/olevska.xlsx"},
		{"survey/Olevska.xlsx", "survey/olevska.xlsx"},
		{"survey/olevska.xls", "survey/olevska.xlsx"},
		{`survey\OLEVSKA`, "survey/olevska.xlsx"},
		{"olevska.xlsx", "survey/olevska.xlsx"},
		{"survey/zhytomyrska.xlsx", "zhytomyrska.csv"},
		{"survey/notes", ""}, // not a survey's extension
		{"survey/korostenska.xlsx", ""},
		{filepath.Join(dir, "olevska.xlsx"), ""}, // an absolute path is not guessed at
	} {
		if got := nearSurveyFile(dir, tt.written); got != tt.want {
			t.Errorf("nearSurveyFile(%q) = %q, want %q", tt.written, got, tt.want)
		}
	}
	// A backslash reads as the folder separator.
	p := &Project{Dir: dir}
	if got, want := p.SurveyPath(Community{SurveyFile: `survey\olevska.xlsx`}), filepath.Join(dir, "survey", "olevska.xlsx"); got != want {
		t.Errorf("SurveyPath = %q, want %q", got, want)
	}
}
