package pipeline

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/inputbook"
)

// WriteStarter writes a new project into dir from the starter templates
// (what hromada init writes): the workbooks with the built-in catalogue's
// services, groups and budget codes, the questionnaire and the survey
// folder, headers in lang. The project is named after the folder. dir
// must not exist or be an empty folder (the caller checks it and says
// why); the project is built in a temporary sibling folder and renamed
// into place at the end, so it is written whole or not at all.
func WriteStarter(dir string, lang hromada.Lang) (err error) {
	abs, err := filepath.Abs(filepath.Clean(dir))
	if err != nil {
		return err
	}
	exists := false
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		exists = true
	}
	cat, err := catalogue.Default()
	if err != nil {
		return hromada.Errorf("вбудований класифікатор: %w", "built-in catalogue: %w", err)
	}
	var kekv []string
	for _, c := range cat.BudgetCodes() {
		if c.Kind == "kekv" {
			kekv = append(kekv, c.Code)
		}
	}
	starter := project.Starter{
		Name:     filepath.Base(abs),
		Lang:     lang,
		Services: cat.Services(),
		Groups:   cat.Groups(),
		KEKV:     kekv,
	}

	tmp, err := os.MkdirTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".init-*")
	if err != nil {
		return hromada.Errorf("не вдалося створити папку проєкту: %w", "cannot create the project folder: %w", err)
	}
	untrack, err := safefile.TrackDir(tmp)
	if err != nil {
		return errors.Join(err, os.RemoveAll(tmp))
	}
	defer untrack()
	defer func() {
		if err != nil {
			if rerr := os.RemoveAll(tmp); rerr != nil {
				err = errors.Join(err, hromada.Errorf("не вдалося вилучити тимчасову папку: %w", "cannot remove the temporary folder: %w", rerr))
			}
		}
	}()
	if err = inputbook.WriteStarter(tmp, starter); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if exists {
		// Renaming onto an empty folder works on Unix but not on Windows:
		// remove it first. Remove fails if a file appeared in it meanwhile.
		if err = os.Remove(abs); err != nil {
			return hromada.Errorf("не вдалося замінити порожню папку %s: %w", "cannot replace the empty folder %s: %w", dir, err)
		}
	}
	if err = os.Rename(tmp, abs); err != nil {
		return hromada.Errorf("не вдалося створити %s: %w", "cannot create %s: %w", dir, err)
	}
	return nil
}
