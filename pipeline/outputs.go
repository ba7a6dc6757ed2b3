package pipeline

import (
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/project"
)

// ProjectInputs are the files of project p a command may read: its
// workbooks (project, registry, providers, costs, questionnaire, the
// catalogue override) and every community's survey. A command checks its
// outputs against them (CheckOutputs) before it writes anything.
func ProjectInputs(p *project.Project) []string {
	var in []string
	for _, f := range []string{project.ProjectFile, project.RegistryFile, project.ProvidersFile, project.CostsFile, project.FormFile, project.CatalogueFile} {
		in = append(in, filepath.Join(p.Dir, f))
	}
	for _, c := range p.Communities {
		if c.SurveyFile != "" {
			in = append(in, p.SurveyPath(c))
		}
	}
	return in
}

// StageOutputs are the workbooks of the kinds (Assessment, Plan, Budget)
// that the communities coms get in the folder out (WorkbookPath), in that
// order: community by community. It is an error when any would fall
// outside out — Slug makes that impossible; the test guards the rule.
func StageOutputs(out string, coms []project.Community, kinds ...string) ([]string, error) {
	var paths []string
	for _, c := range coms {
		for _, k := range kinds {
			p := WorkbookPath(out, c.Community, k)
			if err := safefile.Inside(out, p); err != nil {
				return nil, err
			}
			paths = append(paths, p)
		}
	}
	return paths, nil
}

// RelProblems are ps with each file named relative to the folder base
// (safefile.Rel: inside base, the path from it; else the file's name), as
// a workbook lists them: the bytes of a workbook do not depend on how a
// path was typed, and the folders above the project do not travel in it.
func RelProblems(base string, ps hromada.Problems) hromada.Problems {
	out := make(hromada.Problems, len(ps))
	for i, p := range ps {
		p.File = safefile.Rel(base, p.File)
		out[i] = p
	}
	return out
}

// CheckOutputs refuses, before any work, outputs that would replace an
// input: it returns a *safefile.Clash when an output is the same file as
// an input (by resolved path or by file identity, so symlinks, hard links
// and "./" spellings are caught), else nil.
func CheckOutputs(outputs, inputs []string) error {
	return safefile.CheckOutputs(outputs, inputs)
}
