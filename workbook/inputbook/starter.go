package inputbook

import (
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada/project"
)

// WriteStarter writes the new project s into dir, which must exist: the input
// workbooks of [project.Files] (project.xlsx pre-filled with [project.Starter.Rows]),
// the household questionnaire [project.FormFile] and an empty [project.SurveyDir] folder
// with a README.txt. It does not clean up after a failure; the caller
// writes into a fresh folder and discards it on error.
func WriteStarter(dir string, s project.Starter) error {
	rows, err := s.Rows()
	if err != nil {
		return err
	}
	lists := s.Lists()
	for _, f := range project.Files {
		var r map[string][][]any
		if f.Name == project.ProjectFile {
			r = rows
		}
		if err := WriteFileWithCatalogue(filepath.Join(dir, f.Name), f, s.Lang, r, lists, s.Services); err != nil {
			return err
		}
	}
	if err := WriteXLSForm(filepath.Join(dir, project.FormFile), project.QuestionnaireForm(s.Lang)); err != nil {
		return err
	}
	survey := filepath.Join(dir, project.SurveyDir)
	if err := os.Mkdir(survey, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(survey, "README.txt"), []byte(project.SurveyReadme(s.Lang)), 0o644)
}
