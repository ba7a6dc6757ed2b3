package pipeline

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/hromada-tool/hromada/workbook/assessbook"
	"github.com/hromada-tool/hromada/workbook/budgetbook"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

// The stages of a community's run, as consolidate.Row.Stage names them.
const (
	StageCheck  = "check"
	StageAssess = "assess"
	StagePlan   = "plan"
	StageBudget = "budget"
)

// Run is a project's run: check → assess → plan → budget for each
// community, each stage reading the workbook the stage before wrote, as
// it would one a person edited.
type Run struct {
	Project  *project.Project
	Password string // of the project's protected workbooks
	Lang     hromada.Lang
	Estimate EstimateOptions
	Plan     PlanSettings
	Out      string // the output folder
	// Own holds the load problems confined to one community, by code
	// (SplitProblems): an error among them stops that community.
	Own map[string]hromada.Problems
	// Stage, when set, is told of each stage community i has done. It is
	// called from the goroutines that run the communities.
	Stage func(i int, stage string)
	// FromWorkbooks makes Community write nothing and make each row from
	// the community's workbooks as they stand in Out (a person may have
	// edited them): the consolidated workbook rebuilt after a planner
	// changed a plan and ran budget again.
	FromWorkbooks bool
}

// CommunityRun is the outcome of one community's run.
type CommunityRun struct {
	Row      consolidate.Row
	Problems hromada.Problems // its warnings, and the errors that stopped it
	// Top is the service most needed among all households (TopNeed), in
	// the run's language, and TopRate its need; HasTop is false when no
	// need was estimated.
	Top     string
	TopRate assess.Rate
	HasTop  bool
	// Stale are the community's workbooks in the output folder whose
	// figures are older than their inputs: a failed community's workbooks
	// that an earlier run left and this one did not replace, and (when
	// the row is made from the workbooks, Run.FromWorkbooks) a plan made
	// from another version of the assessment or a budget made from
	// another version of the plan. The Status sheet and the terminal
	// (StaleLine) name them.
	Stale []Stale
}

// Stale is a community's workbook whose figures are older than its
// inputs.
type Stale struct {
	File string // the workbook's file name
	// From is the file name of the workbook it was made from, whose
	// content has changed since (workbook.SourceProperty); "" for a
	// workbook an earlier run left for a community that failed now.
	From string
}

// fail ends a community's run at stage with the problems ps.
func (cr *CommunityRun) fail(stage string, ps hromada.Problems) CommunityRun {
	cr.Problems = append(cr.Problems, ps...)
	cr.Row.Status, cr.Row.Stage = consolidate.Failed, stage
	cr.Row.Warnings = len(cr.Problems) - cr.Problems.Errors()
	return *cr
}

// Community runs check → assess → plan → budget for community i and
// writes its workbooks into the output folder; it stops at the first
// stage with an error, which the row's Status and Stage name.
func (r *Run) Community(i int) CommunityRun {
	cr := r.community(i)
	if cr.Row.Status != consolidate.OK {
		// The errors that stopped it, in the language of the workbooks.
		for _, pr := range cr.Problems {
			if pr.Severity == hromada.Error {
				cr.Row.Problems = append(cr.Row.Problems, pr.In(r.Lang))
			}
		}
		r.markStale(i, &cr)
	}
	if len(cr.Stale) > 0 {
		cr.Row.Stale = true
		cr.Row.Problems = append(cr.Row.Problems, StaleLine(cr.Stale).In(r.Lang))
	}
	return cr
}

// stageKinds are the kinds of workbook each stage's input depends on
// being current: those of the stages before it.
var stageKinds = map[string][]string{StagePlan: {Assessment}, StageBudget: {Assessment, Plan}}

// markStale names, in a failed community's run, the workbooks an earlier
// run left that this one did not write (CommunityRun.Stale). Made from the
// workbooks (Run.FromWorkbooks), nothing is written: the workbooks of the
// stages before the one that failed are current, the others are old.
func (r *Run) markStale(i int, cr *CommunityRun) {
	com := r.Project.Communities[i].Community
	current := map[string]bool{}
	for _, f := range cr.Row.Files {
		current[f] = true
	}
	if r.FromWorkbooks {
		for _, kind := range stageKinds[cr.Row.Stage] {
			current[filepath.Base(WorkbookPath(r.Out, com, kind))] = true
		}
	}
	for _, kind := range []string{Assessment, Plan, Budget} {
		p := WorkbookPath(r.Out, com, kind)
		if current[filepath.Base(p)] {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			cr.Stale = append(cr.Stale, Stale{File: filepath.Base(p)})
		}
	}
}

// StaleLine says that the workbooks stale are out of date, and why.
func StaleLine(stale []Stale) hromada.Text {
	var earlier []string
	var lines []hromada.Text
	for _, s := range stale {
		if s.From == "" {
			earlier = append(earlier, s.File)
			continue
		}
		lines = append(lines, hromada.T("%s застаріла: зроблена з іншої версії %s", "%s is out of date: made from another version of %s", s.File, s.From))
	}
	if len(earlier) > 0 {
		lines = append([]hromada.Text{hromada.T("застарілі, з попереднього запуску: %s", "out of date, from an earlier run: %s", strings.Join(earlier, ", "))}, lines...)
	}
	return hromada.Join("; ", lines...)
}

// community is Community before the stale workbooks are named.
func (r *Run) community(i int) CommunityRun {
	com := r.Project.Communities[i]
	cr := &CommunityRun{Row: consolidate.Row{Community: com.Community, Status: consolidate.OK}}
	cr.Problems = append(cr.Problems, r.Own[com.Code]...)
	if cr.Problems.Errors() > 0 {
		return cr.fail(StageCheck, nil)
	}
	if r.FromWorkbooks {
		return r.fromWorkbooks(i, com, cr)
	}
	assessment := WorkbookPath(r.Out, com.Community, Assessment)
	a, ok := r.assess(i, com, assessment, cr)
	if !ok {
		return *cr
	}
	cp, ok := r.plan(i, a.Community, assessment, WorkbookPath(r.Out, com.Community, Plan), cr)
	if !ok {
		return *cr
	}
	cb, ok := r.budget(i, a.Community, cp.Path, WorkbookPath(r.Out, com.Community, Budget), cr)
	if !ok {
		return *cr
	}
	AddPlan(&cr.Row, a, cp.Result, cb.Actions, cb.Result)
	cr.Row.Warnings = len(cr.Problems)
	return *cr
}

// assess reads community i's survey, assesses it and writes the
// assessment workbook to path. The survey is read once, for both the
// assessment and the families in need of the consolidated row.
func (r *Run) assess(i int, com project.Community, path string, cr *CommunityRun) (*assessbook.Assessment, bool) {
	m := r.Project.SurveyMap(com, r.Password)
	s, sps := project.ReadSurvey(m)
	if sps.Errors() > 0 {
		cr.fail(StageCheck, sps)
		return nil, false
	}
	cr.Problems = append(cr.Problems, sps...)
	opt, registry := CommunityAssessOptions(r.Project, com, r.Estimate)
	a, err := AssessCommunity(r.Project, com, s, m, r.Estimate, opt, registry, r.Lang)
	if err != nil {
		cr.fail(StageAssess, hromada.Problems{{File: m.File, Msg: hromada.ErrText(err)}})
		return nil, false
	}
	a.Warnings = append(ProblemLines(RelProblems(r.Project.Dir, sps), r.Lang), a.Warnings...)
	anyNeed, err := assess.AnyNeed(s.Survey, opt)
	if err != nil {
		cr.fail(StageAssess, hromada.Problems{{File: m.File, Msg: hromada.ErrText(err)}})
		return nil, false
	}
	s = nil // the survey is no longer needed; let it go before the next stages
	cr.Row.Households = a.Survey.Rows
	cr.Row.Needs = FamiliesInNeed(a, anyNeed, NeedGroups(r.Project))
	if top, ok := TopNeed(a); ok {
		cr.Top, cr.TopRate, cr.HasTop = a.Services[top.Service].Name.In(a.Lang), top, true
	}
	if r.FromWorkbooks {
		return a, true
	}
	if err := assessbook.Write(path, a); err != nil {
		cr.fail(StageAssess, hromada.Problems{{File: path, Msg: hromada.ErrText(err)}})
		return nil, false
	}
	r.done(i, StageAssess, path, cr)
	return a, true
}

// fromWorkbooks is community i's row from its workbooks as they stand in
// the output folder (Run.FromWorkbooks): the households and families in
// need from its survey, as the assessment was made (the assessment
// workbook does not hold them); its plan's services from the assessment
// workbook as it stands, as plan reads it; its budget from the plan
// workbook as it stands, as budget reads it. A missing workbook fails the
// community at its stage, and the row says which file is missing. A plan
// or budget workbook that records another source than the assessment or
// plan as it stands (workbook.SourceProperty) is named stale.
func (r *Run) fromWorkbooks(i int, com project.Community, cr *CommunityRun) CommunityRun {
	paths := map[string]string{}
	for _, k := range []struct{ kind, stage string }{{Assessment, StageAssess}, {Plan, StagePlan}, {Budget, StageBudget}} {
		p := WorkbookPath(r.Out, com.Community, k.kind)
		if _, err := os.Stat(p); err != nil {
			return cr.fail(k.stage, hromada.Problems{{File: p, Msg: missingWorkbook}})
		}
		paths[k.kind] = p
	}
	a, ok := r.assess(i, com, paths[Assessment], cr)
	if !ok {
		return *cr
	}
	cp, ps := PlanCommunity(a.Community, paths[Assessment], r.Project.Providers, r.Project.Catalogue, r.Plan)
	if ps.Errors() > 0 {
		return cr.fail(StagePlan, ps)
	}
	cb, bps := BudgetCommunity(r.Project, a.Community, paths[Plan])
	if bps.Errors() > 0 {
		return cr.fail(StageBudget, bps)
	}
	cr.Problems = append(cr.Problems, ps...)
	cr.Problems = append(cr.Problems, bps...)
	// A plan made from another version of the assessment, a budget from
	// another version of the plan: their figures are old.
	for _, w := range []struct{ path, source, from string }{
		{paths[Plan], cp.Source, paths[Assessment]},
		{paths[Budget], cb.Source, paths[Plan]},
	} {
		stored, err := workbook.StoredSource(w.path)
		if err != nil {
			cr.Problems = append(cr.Problems, hromada.Problem{Severity: hromada.Warning, File: w.path, Msg: hromada.ErrText(err)})
			continue
		}
		if stored != "" && stored != w.source {
			cr.Stale = append(cr.Stale, Stale{File: filepath.Base(w.path), From: filepath.Base(w.from)})
		}
	}
	for _, k := range []string{Assessment, Plan, Budget} {
		cr.Row.Files = append(cr.Row.Files, filepath.Base(paths[k]))
	}
	AddPlan(&cr.Row, a, cp.Result, cb.Actions, cb.Result)
	cr.Row.Warnings = len(cr.Problems)
	return *cr
}

// missingWorkbook says that a community's workbook is missing.
var missingWorkbook = hromada.T("немає такої робочої книги; запустіть етап, що її створює", "no such workbook; run the stage that writes it")

// plan makes the plan from the assessment workbook just written, as from
// one a person edited, and writes the plan workbook to path.
func (r *Run) plan(i int, com hromada.Community, assessment, path string, cr *CommunityRun) (CommunityPlan, bool) {
	cp, ps := PlanCommunity(com, assessment, r.Project.Providers, r.Project.Catalogue, r.Plan)
	if ps.Errors() > 0 {
		cr.fail(StagePlan, ps)
		return cp, false
	}
	cr.Problems = append(cr.Problems, ps...)
	cp.Path = path
	cp.Inventory = filepath.Join(r.Project.Dir, project.ProvidersFile)
	if err := WritePlan(cp, r.Project.Name, r.Lang); err != nil {
		cr.fail(StagePlan, hromada.Problems{{File: cp.Path, Msg: hromada.ErrText(err)}})
		return cp, false
	}
	r.done(i, StagePlan, path, cr)
	return cp, true
}

// budget projects the budget from the plan workbook just written and
// writes the budget workbook to path.
func (r *Run) budget(i int, com hromada.Community, plan, path string, cr *CommunityRun) (CommunityBudget, bool) {
	cb, ps := BudgetCommunity(r.Project, com, plan)
	if ps.Errors() > 0 {
		cr.fail(StageBudget, ps)
		return cb, false
	}
	cr.Problems = append(cr.Problems, ps...)
	cb.Path = path
	if err := WriteBudget(cb, r.Project, r.Lang); err != nil {
		cr.fail(StageBudget, hromada.Problems{{File: cb.Path, Msg: hromada.ErrText(err)}})
		return cb, false
	}
	r.done(i, StageBudget, path, cr)
	return cb, true
}

// done records a stage's workbook in the row and tells r.Stage.
func (r *Run) done(i int, stage, path string, cr *CommunityRun) {
	cr.Row.Files = append(cr.Row.Files, filepath.Base(path))
	if r.Stage != nil {
		r.Stage(i, stage)
	}
}

// WritePlan writes a community's plan workbook to cp.Path.
func WritePlan(cp CommunityPlan, projectName string, lang hromada.Lang) error {
	return planbook.Write(cp.Path, cp.Workbook(projectName, lang))
}

// WriteBudget writes a community's budget workbook to cb.Path, making its
// folder.
func WriteBudget(cb CommunityBudget, p *project.Project, lang hromada.Lang) error {
	b, err := BudgetWorkbook(cb, p, lang)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(cb.Path), 0o755); err != nil {
		return err
	}
	return budgetbook.Write(cb.Path, b)
}

// TopNeed is the need among all households of the service most needed,
// leaving out estimates the assessment suppresses and those not
// estimated; false when there is none.
func TopNeed(a *assessbook.Assessment) (assess.Rate, bool) {
	best := -1
	for i, r := range a.Result.Rates {
		if r.Group != assess.AllGroup || (a.Options.Suppress && r.Verdict.Suppress) || r.Stat != r.Stat {
			continue
		}
		if best < 0 || r.Stat > a.Result.Rates[best].Stat {
			best = i
		}
	}
	if best < 0 {
		return assess.Rate{}, false
	}
	return a.Result.Rates[best], true
}

// The kinds of a community's workbooks, as WorkbookPath names them.
const (
	Assessment = "assessment"
	Plan       = "plan"
	Budget     = "budget"
)

// WorkbookPath is the path of a community's workbook of a kind
// (Assessment, Plan, Budget) in the folder dir: <slug>-<kind>.xlsx. Each
// stage writes its workbook there and the next stage reads it from there.
func WorkbookPath(dir string, c hromada.Community, kind string) string {
	return filepath.Join(dir, Slug(c)+"-"+kind+".xlsx")
}

// Slug names a community's workbooks (WorkbookPath): its English name in
// lower case, else its code, else "community", each run of characters
// other than a–z and 0–9 one hyphen (project.Slug). Project loading
// refuses two communities of one slug.
func Slug(c hromada.Community) string { return project.Slug(c) }
