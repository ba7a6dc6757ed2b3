package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/inputbook"
	"github.com/spf13/cobra"
)

// initOptions holds what init needs: the parsed arguments and the stream
// the next steps are printed on.
type initOptions struct {
	Dir   string       // the new project folder
	Lang  hromada.Lang // language of the templates and the form's default
	Out   io.Writer    // where the files written and the next steps go
	Quiet bool         // print nothing
}

func newInitCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Write a starter project: input workbooks and the household questionnaire",
		Long: `init writes a new project into the folder DIR, which must not exist yet or be
empty:

  project.xlsx        settings, communities, population groups, needs
  registry.xlsx       registry counts per community and group (Annex 1)
  providers.xlsx      service providers (Annex 2)
  costs.xlsx          posts, salaries, other costs, start-up, funding, revenue
  questionnaire.xlsx  the household questionnaire (XLSForm) for KoboToolbox
  survey/             the folder for the survey exports

Each workbook opens with an Instructions sheet; fill in its yellow cells.
The settings already name the questionnaire's columns, so a KoboToolbox
export of it is read as it is. Headers and instructions are in the language
of --lang (uk by default); the questionnaire has both languages.

The project is written whole or not at all: init builds it in a temporary
folder next to DIR and renames it at the end.`,
		Example: `  hromada init andrushivka
  hromada init consortium-2026 --lang en
  hromada check andrushivka`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := a.language("")
			if err != nil {
				return err
			}
			return runInit(initOptions{Dir: args[0], Lang: lang, Out: a.stdout, Quiet: a.quiet})
		},
	}
}

// runInit writes a new project into opts.Dir: refuses an existing file or
// a non-empty folder, builds the project in a temporary sibling folder and
// renames it into place, then prints what it wrote and what to do next.
func runInit(opts initOptions) (err error) {
	dir := filepath.Clean(opts.Dir)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	exists, err := checkNewDir(dir)
	if err != nil {
		return err
	}
	cat, err := catalogue.Default()
	if err != nil {
		return fmt.Errorf("built-in catalogue: %w", err)
	}
	var kekv []string
	for _, c := range cat.BudgetCodes() {
		if c.Kind == "kekv" {
			kekv = append(kekv, c.Code)
		}
	}
	starter := project.Starter{
		Name:     filepath.Base(abs),
		Lang:     opts.Lang,
		Services: cat.Services(),
		Groups:   cat.Groups(),
		KEKV:     kekv,
	}

	tmp, err := os.MkdirTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".init-*")
	if err != nil {
		return fmt.Errorf("cannot create the project folder: %w", err)
	}
	untrack, err := safefile.TrackDir(tmp)
	if err != nil {
		return errors.Join(err, os.RemoveAll(tmp))
	}
	defer untrack()
	defer func() {
		if err != nil {
			if rerr := os.RemoveAll(tmp); rerr != nil {
				err = errors.Join(err, fmt.Errorf("cannot remove the temporary folder: %w", rerr))
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
			return fmt.Errorf("cannot replace the empty folder %s: %w", dir, err)
		}
	}
	if err = os.Rename(tmp, abs); err != nil {
		return fmt.Errorf("cannot create %s: %w", dir, err)
	}
	if !opts.Quiet {
		return printNextSteps(opts.Out, dir, opts.Lang)
	}
	return nil
}

// checkNewDir reports whether dir exists as an empty folder, and fails
// with a usage error when init must not write there: a file, a folder with
// something in it, or a parent folder that does not exist.
func checkNewDir(dir string) (exists bool, err error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		parent := filepath.Dir(dir)
		if pst, perr := os.Stat(parent); perr != nil || !pst.IsDir() {
			return false, usagef("folder %s does not exist: create it first, or give init a path inside an existing folder", parent)
		}
		return false, nil
	case err != nil:
		return false, err
	case !st.IsDir():
		return false, usagef("%s is a file: give init the name of a new folder, e.g. 'hromada init %s-project'", dir, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, usagef("%s is not empty (it holds %s): init only writes into a new or empty folder and never overwrites files; give it a new folder name", dir, entries[0].Name())
	}
	return true, nil
}

// nextSteps are the texts init prints, in both languages.
var nextSteps = map[hromada.Lang]struct {
	created, form, survey, next string
	steps                       []string
}{
	hromada.Ukrainian: {
		created: "Створено проєкт %s:\n",
		form:    "анкета домогосподарств (XLSForm) для KoboToolbox",
		survey:  "тека для експортів опитування",
		next:    "Далі:\n",
		steps: []string{
			"Завантажте {form} у KoboToolbox, проведіть опитування й покладіть експорти в {survey} (див. README.txt там).",
			"Заповніть жовті клітинки в project.xlsx (спершу аркуш «Громади»), registry.xlsx, providers.xlsx і costs.xlsx; аркуш «Інструкція» кожного файлу пояснює, що куди.",
			"Перевірте проєкт: hromada check {dir}",
		},
	},
	hromada.English: {
		created: "Created project %s:\n",
		form:    "household questionnaire (XLSForm) for KoboToolbox",
		survey:  "folder for the survey exports",
		next:    "Next:\n",
		steps: []string{
			"Upload {form} to KoboToolbox, run the survey and put the exports in {survey} (see the README.txt there).",
			"Fill in the yellow cells of project.xlsx (the Communities sheet first), registry.xlsx, providers.xlsx and costs.xlsx; each file's Instructions sheet says what goes where.",
			"Check the project: hromada check {dir}",
		},
	},
}

// printNextSteps lists the files of the new project and what to do next.
func printNextSteps(w io.Writer, dir string, lang hromada.Lang) error {
	txt := nextSteps[lang]
	form := filepath.Join(dir, project.FormFile)
	survey := filepath.Join(dir, project.SurveyDir) + string(filepath.Separator)
	var b bytes.Buffer
	fmt.Fprintf(&b, txt.created, dir)
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, f := range project.Files {
		fmt.Fprintf(tw, "  %s\t%s\n", filepath.Join(dir, f.Name), f.Title.In(lang))
	}
	fmt.Fprintf(tw, "  %s\t%s\n", form, txt.form)
	fmt.Fprintf(tw, "  %s\t%s\n", survey, txt.survey)
	if err := tw.Flush(); err != nil { // writes to a buffer: cannot fail
		return err
	}
	fmt.Fprintf(&b, "\n%s", txt.next)
	fill := strings.NewReplacer("{form}", form, "{survey}", survey, "{dir}", dir)
	for i, s := range txt.steps {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, fill.Replace(s))
	}
	_, err := w.Write(b.Bytes())
	return err
}
