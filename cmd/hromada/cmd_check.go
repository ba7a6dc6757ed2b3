package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	*app
	dir          string
	passwordFile string
}

// newCheckCmd is the check command. Its help, in Ukrainian and English, is
// commandHelp["check"] (help_text.go).
func newCheckCmd(a *app) *cobra.Command {
	o := &checkOptions{app: a}
	cmd := &cobra.Command{
		Use:  "check [PROJECT]",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = projectArg(args)
			return runCheck(o)
		},
	}
	addPasswordFlag(cmd, &o.passwordFile)
	return cmd
}

// addPasswordFlag adds --password-file, for password-protected workbooks.
func addPasswordFlag(cmd *cobra.Command, dst *string) {
	cmd.Flags().StringVar(dst, "password-file", "", "")
}

// maxPasswordFile is the largest password file read: a password is a
// line; a larger file is not a password file.
const maxPasswordFile = 4096

// password returns the password for protected workbooks from the flag's
// file or the environment.
func password(file string) (string, error) {
	if file != "" {
		b, err := safefile.ReadSmall(file, maxPasswordFile)
		if err != nil {
			return "", usagef("не вдалося прочитати файл пароля: %v", "cannot read the password file: %v", err)
		}
		return string(trimNewline(b)), nil
	}
	return os.Getenv("HROMADA_PASSWORD"), nil
}

func trimNewline(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// projectDir checks that dir is a project folder.
func projectDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return usagef("папку проєкту %s не знайдено", "project folder %s not found", dir)
	}
	if !st.IsDir() {
		return usagef("%s — не папка; укажіть папку проєкту (ту, де лежить %s)", "%s is not a folder; name the project folder (the one holding %s)", dir, project.ProjectFile)
	}
	if _, err := os.Stat(filepath.Join(dir, project.ProjectFile)); err != nil {
		return usageHinted{hromada.Errorf("у %s немає %s", "%s has no %s", dir, project.ProjectFile),
			hromada.T("щоб почати проєкт, запустіть 'hromada init %s' у порожній папці, або вкажіть папку проєкту",
				"run 'hromada init %s' in an empty folder to start a project, or name the project folder", dir)}
	}
	return nil
}

// stage is what a project-mode command (assess, plan, budget) starts from:
// the project loaded without errors, the password of its workbooks, the
// outputs' language and the communities asked for.
type stage struct {
	p           *project.Project
	problems    hromada.Problems // warnings of loading
	password    string
	lang        hromada.Lang
	communities []project.Community
}

// openStage loads the project in dir for a stage command.
func openStage(a *app, dir, passwordFile string, names []string) (*stage, error) {
	if err := projectDir(dir); err != nil {
		return nil, err
	}
	pw, err := password(passwordFile)
	if err != nil {
		return nil, err
	}
	p, ps := project.Load(dir, project.LoadOptions{Password: pw})
	a.projectLang(p.Lang)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	lang, err := a.language(p.Lang)
	if err != nil {
		return nil, err
	}
	coms, err := selectCommunities(p, names)
	if err != nil {
		return nil, err
	}
	return &stage{p: p, problems: ps, password: pw, lang: lang, communities: coms}, nil
}

// stageFolders are the output folder of a stage ("out" when not given)
// and the folder it reads the previous stage's workbooks from (the output
// folder when not given).
func stageFolders(out, from string) (string, string) {
	if out == "" {
		out = "out"
	}
	if from == "" {
		from = out
	}
	return out, from
}

// stageFiles are the workbooks a stage reads, one per community, found
// before any work: each the one the stage before wrote as
// <community>-<suffix>.xlsx into the folder from. A missing one is a file
// that cannot be found, bad usage (exit 2), and the error says which
// command writes it.
func stageFiles(coms []project.Community, from, suffix, dir, command, flag string) ([]string, error) {
	paths := make([]string, len(coms))
	for i, c := range coms {
		p, err := stageFile(c.Community, from, suffix, dir, command, flag)
		if err != nil {
			return nil, err
		}
		paths[i] = p
	}
	return paths, nil
}

// stageFile is the workbook a stage reads for community c (stageFiles).
func stageFile(c hromada.Community, from, suffix, dir, command, flag string) (string, error) {
	path := pipeline.WorkbookPath(from, c, suffix)
	if _, err := os.Stat(path); err != nil {
		return "", usageHinted{hromada.Errorf("%s: немає робочої книги %s %s", "%s: no %s workbook %s", c.Name, workbookWord(suffix), path),
			hromada.T("спершу запустіть 'hromada %[1]s %[2]s -o %[3]s' або вкажіть папку з робочими книгами %[4]s через --%[5]s",
				"run 'hromada %s %s -o %s' first, or name the folder of the %ss with --%s", command, dir, from, workbookWord(suffix), flag)}
	}
	return path, nil
}

// workbookWord names the workbook a stage writes (pipeline.Assessment,
// Plan, Budget) as its kind: «оцінки», "assessment".
func workbookWord(suffix string) hromada.Text {
	switch suffix {
	case pipeline.Assessment:
		return hromada.T("оцінки", "assessment")
	case pipeline.Plan:
		return hromada.T("плану", "plan")
	case pipeline.Budget:
		return hromada.T("бюджету", "budget")
	}
	return hromada.Text{UK: suffix, EN: suffix}
}

// checkedProject checks the project in dir: it returns the project with
// every survey read, or the problems when any is an error (printed in the
// project's language).
func checkedProject(a *app, dir, passwordFile string) (*pipeline.Checked, string, error) {
	if err := projectDir(dir); err != nil {
		return nil, "", err
	}
	pw, err := password(passwordFile)
	if err != nil {
		return nil, "", err
	}
	c := pipeline.CheckProject(dir, pw, 0)
	if c.Project != nil {
		a.projectLang(c.Project.Lang)
	}
	if err := c.Problems.Err(); err != nil {
		return nil, "", err
	}
	return c, pw, nil
}

func runCheck(o *checkOptions) error {
	if _, err := o.language(""); err != nil {
		return err
	}
	c, _, err := checkedProject(o.app, o.dir, o.passwordFile)
	if err != nil {
		return err
	}
	lang, err := o.language(c.Project.Lang)
	if err != nil {
		return err
	}
	printProblems(o.stderr, o.shown(c.Problems), lang)
	if !o.quiet {
		printCheckSummary(o.stdout, c, lang)
	}
	return nil
}

func printCheckSummary(w io.Writer, c *pipeline.Checked, lang hromada.Lang) {
	rows := [][]string{}
	for _, com := range c.Project.Communities {
		s, ok := c.Surveys[com.Code]
		if !ok {
			continue
		}
		weighted := tr(lang, "ні", "no")
		if s.Weighted {
			weighted = tr(lang, "так", "yes")
		}
		rows = append(rows, []string{com.Name.In(lang), com.Code, fmtCount(float64(s.Rows), lang), fmtCount(float64(s.Strata), lang), fmtCount(float64(s.PSUs), lang), weighted})
	}
	fmt.Fprintf(w, tr(lang, "%s: громад %d, груп %d, послуг %d, реєстрових даних %d, рядків надавачів %d\n",
		"%s: %d communities, %d groups, %d services, %d registry counts, %d provider rows\n"),
		c.Project.Name, len(c.Project.Communities), len(c.Project.Groups), len(c.Project.Needs), len(c.Project.Registry), len(c.Project.Providers))
	writeTable(w, []string{tr(lang, "громада", "community"), tr(lang, "код", "code"), tr(lang, "домогосподарств", "households"),
		tr(lang, "страт", "strata"), tr(lang, "кластерів", "clusters"), tr(lang, "зважене", "weighted")}, rows)
	fmt.Fprintf(w, tr(lang, "помилок немає, попереджень: %d\n", "no errors, %d warnings\n"), len(c.Problems))
}

// stagePrologue is what plan and budget on a project check before any
// work: the output folder can be written; no output (cur's workbooks, and
// consolidated.xlsx when it is there to be rebuilt) is an input or a
// workbook a person edited (unless overwriteEdited); and the previous
// stage's workbook of every community is there and a regular file. It
// returns those workbooks' paths, in the order of coms.
func stagePrologue(p *project.Project, coms []project.Community, out, from, dir, passwordFile string, overwriteEdited bool,
	prev, cur, command, flag string) ([]string, error) {
	if err := outFolder(out); err != nil {
		return nil, err
	}
	outputs, err := pipeline.StageOutputs(out, coms, cur)
	if err != nil {
		return nil, err
	}
	inputs, err := pipeline.StageOutputs(from, coms, prev)
	if err != nil {
		return nil, err
	}
	if isFile(filepath.Join(out, consolidatedFile)) {
		outputs = append(outputs, filepath.Join(out, consolidatedFile)) // rebuilt at the end (reconsolidate)
	}
	if err := guardOutputs(outputs, append(append(inputs, pipeline.ProjectInputs(p)...), passwordFile)); err != nil {
		return nil, err
	}
	if err := guardEdited(outputs, overwriteEdited); err != nil {
		return nil, err
	}
	paths, err := stageFiles(coms, from, prev, dir, command, flag)
	if err != nil {
		return nil, err
	}
	if err := guardInputs(paths...); err != nil {
		return nil, err
	}
	return paths, nil
}
