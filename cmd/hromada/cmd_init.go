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
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
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

// newInitCmd is the init command. Its help, in Ukrainian and English, is
// commandHelp["init"] (help_text.go).
func newInitCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:  "init DIR",
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
func runInit(opts initOptions) error {
	dir := filepath.Clean(opts.Dir)
	if _, err := checkNewDir(dir); err != nil {
		return err
	}
	if err := pipeline.WriteStarter(dir, opts.Lang); err != nil {
		return err
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
			return false, usagef("папки %s немає: спершу створіть її або вкажіть для init шлях усередині наявної папки", "folder %s does not exist: create it first, or give init a path inside an existing folder", parent)
		}
		return false, nil
	case err != nil:
		return false, err
	case !st.IsDir():
		return false, usagef("%s — файл: укажіть для init назву нової папки, наприклад 'hromada init %s-project'", "%s is a file: give init the name of a new folder, e.g. 'hromada init %s-project'", dir, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, usagef("%s не порожня (у ній є %s): init пише лише в нову або порожню папку й ніколи не перезаписує файли; укажіть назву нової папки", "%s is not empty (it holds %s): init only writes into a new or empty folder and never overwrites files; give it a new folder name", dir, entries[0].Name())
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
		survey:  "папка для експортів опитування",
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
