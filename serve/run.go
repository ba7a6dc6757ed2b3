package serve

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/consbook"
)

// stages are the stages of a community's run, in order.
var stages = []string{pipeline.StageAssess, pipeline.StagePlan, pipeline.StageBudget}

// job is a project's run as the page follows it. Its fields are guarded
// by mu: the communities' goroutines report into it while the page asks.
type job struct {
	mu      sync.Mutex
	dir     string
	project *project.Project
	lang    hromada.Lang
	out     string
	names   []hromada.Text
	done    [][]string // stages done, by community
	ended   []bool
	failed  []string // the stage each community failed at; "" none
	running bool
	runs    []pipeline.CommunityRun
	cons    *consbook.Consolidated
	err     error // the consolidated workbook's
	work    *pipeline.Run
	// onStage is Options.Stage.
	onStage func(i int, stage string)
	// restored is a run rebuilt from the workbooks in the output folder
	// (restore), not one of this session.
	restored bool
}

// startRun runs the open project as hromada run does (its project's
// language, the output folder out inside the project): the project's
// inputs are loaded and the outputs checked before anything is written;
// then the communities run in the background and the page follows them
// (runStatus). A second run of the same project while one runs is
// refused.
func (s *Server) startRun(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	dir := s.current()
	if dir == "" {
		message(w, http.StatusBadRequest, "bad", tr(l, "err.noproject"))
		return
	}
	s.mu.Lock()
	if j := s.runs[dir]; j != nil && j.isRunning() {
		s.mu.Unlock()
		message(w, http.StatusConflict, "bad", tr(l, "r.busy"))
		return
	}
	prev := s.runs[dir]
	j := &job{dir: dir, running: true, onStage: s.onStage}
	s.runs[dir] = j // holds the project until the checks below pass or fail
	s.mu.Unlock()

	view, ok := j.prepare(l, r.FormValue("password"), r.FormValue("overwrite") == "1")
	if !ok {
		j.mu.Lock()
		j.running = false
		j.mu.Unlock()
		s.mu.Lock()
		s.runs[dir] = prev // the last run's results stay
		if prev == nil {
			delete(s.runs, dir)
		}
		s.mu.Unlock()
		render(w, http.StatusOK, "run", view)
		return
	}
	go j.run()
	w.Header().Set("X-Hromada-Poll", "1")
	render(w, http.StatusAccepted, "run", j.view(l))
}

func (j *job) isRunning() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.running
}

// prepare loads and checks the project as hromada run does before any
// work; on a refusal it returns the view that says why.
func (j *job) prepare(l, pw string, overwrite bool) (*runView, bool) {
	p, ps := pipeline.LoadProject(j.dir, pw)
	global, own := pipeline.SplitProblems(p, ps)
	if global.Errors() > 0 {
		all := append(global, pipeline.ProblemsOf(own)...)
		return &runView{L: l, Message: tr(l, "r.blocked"), Check: problemsView(l, j.dir, all)}, false
	}
	lang := p.Lang
	if lang == "" {
		lang = hromada.Ukrainian
	}
	eo, err := pipeline.ProjectEstimateOptions(p, false)
	if err != nil {
		return &runView{L: l, Message: say(l, j.dir, err)}, false
	}
	out := outDir(j.dir)
	outputs, err := pipeline.RunOutputs(p, out)
	if err == nil {
		err = pipeline.CheckOutputs(outputs, pipeline.ProjectInputs(p))
	}
	if err != nil {
		return &runView{L: l, Message: say(l, j.dir, err)}, false
	}
	if !overwrite {
		if edited := pipeline.EditedOutputs(outputs); len(edited) > 0 {
			v := &runView{L: l, Message: tr(l, "r.edited")}
			for _, e := range edited {
				v.Edited = append(v.Edited, rel(j.dir, e.Path))
			}
			return v, false
		}
	}
	safefile.SetPrivate(false)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return &runView{L: l, Message: say(l, j.dir, err)}, false
	}
	_, _ = safefile.Sweep(out, safefile.StaleAge) // leftovers of a run killed long ago; a failure leaves them
	j.project, j.lang, j.out = p, lang, out
	n := len(p.Communities)
	j.names = make([]hromada.Text, n)
	for i, c := range p.Communities {
		j.names[i] = c.Name
	}
	j.done, j.ended, j.failed = make([][]string, n), make([]bool, n), make([]string, n)
	j.work = &pipeline.Run{Project: p, Password: pw, Lang: lang, Estimate: eo, Plan: pipeline.ProjectPlanSettings(p), Out: out, Own: own,
		Stage: j.stage}
	return nil, true
}

func (j *job) stage(i int, name string) {
	j.mu.Lock()
	j.done[i] = append(j.done[i], name)
	j.mu.Unlock()
	if j.onStage != nil {
		j.onStage(i, name)
	}
}

func (j *job) end(i int, failed string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.ended[i], j.failed[i] = true, failed
}

// run runs every community and writes the consolidated workbook; the
// page's request has returned, so closing the tab stops nothing, and each
// workbook is written whole or not at all.
func (j *job) run() {
	runs, cons, err := j.work.All(0, j.end)
	j.mu.Lock()
	defer j.mu.Unlock()
	j.runs, j.cons, j.err, j.running = runs, cons, err, false
	j.work = nil // with the password of the project's workbooks: kept no longer than the run
}

// runView is the run's progress and, at the end, its status and files.
type runView struct {
	L, Message, Note, State, Failed, Out, Consolidated string
	Edited                                             []string
	Check                                              *checkView
	Stages                                             []string
	Rows                                               []statusRow
	Total, Steps                                       int
	Done                                               bool
}

type statusRow struct {
	Class, Name, Status string
	Marks, Why, Files   []string
}

func (j *job) view(l string) *runView {
	j.mu.Lock()
	defer j.mu.Unlock()
	v := &runView{L: l, Done: !j.running, Total: len(j.names) * len(stages), Out: j.out}
	for _, st := range stages {
		v.Stages = append(v.Stages, tr(l, "r.stage."+st))
	}
	ended, failedN := 0, 0
	lang := hl(l)
	for i, name := range j.names {
		row := statusRow{Name: name.In(lang)}
		done := map[string]bool{}
		for _, st := range j.done[i] {
			done[st] = true
		}
		for _, st := range stages {
			switch {
			case done[st]:
				row.Marks = append(row.Marks, "✓")
				v.Steps++
			case j.ended[i] && j.failed[i] != "":
				row.Marks = append(row.Marks, "–")
				v.Steps++
			default:
				row.Marks = append(row.Marks, "…")
			}
		}
		switch {
		case !j.ended[i] && len(j.done[i]) > 0:
			row.Status = tr(l, "r.working")
		case !j.ended[i]:
			row.Status = tr(l, "r.waiting")
		case j.failed[i] != "":
			failedN++
			row.Class = "failed"
			row.Status = fmt.Sprintf(tr(l, "r.failed"), tr(l, "r.stage."+j.failed[i]))
		default:
			row.Status = tr(l, "r.done")
		}
		if j.ended[i] {
			ended++
		}
		if !j.running && i < len(j.runs) {
			row.Why = why(j.dir, j.runs[i], lang)
			row.Files = j.runs[i].Row.Files
		}
		v.Rows = append(v.Rows, row)
	}
	if j.running {
		v.State = fmt.Sprintf(tr(l, "r.running"), ended, len(j.names))
		return v
	}
	v.State = fmt.Sprintf(tr(l, "r.finished"), ended-failedN, len(j.names))
	if failedN > 0 {
		v.Failed = fmt.Sprintf(tr(l, "r.failedn"), failedN)
	}
	switch {
	case j.err != nil:
		v.Message = say(l, j.dir, j.err)
	case j.restored:
		// Nothing was written: the consolidated workbook is offered as
		// it stands, when there is one.
		v.Note = tr(l, "r.restored")
		if st, err := os.Stat(filepath.Join(j.out, pipeline.ConsolidatedFile)); err == nil && st.Mode().IsRegular() {
			v.Consolidated = pipeline.ConsolidatedFile
		}
	case j.cons != nil:
		v.Consolidated = pipeline.ConsolidatedFile
	}
	return v
}

// why are the errors that stopped a community's run and its workbooks
// that are out of date, in lang, the files relative to the project
// folder dir.
func why(dir string, cr pipeline.CommunityRun, lang hromada.Lang) []string {
	var out []string
	for _, pr := range cr.Problems {
		if pr.Severity == hromada.Error {
			out = append(out, clean(dir, problemLine(dir, pr, lang)))
		}
	}
	if len(cr.Stale) > 0 {
		out = append(out, pipeline.StaleLine(cr.Stale).In(lang))
	}
	return out
}

// problemLine is a problem as one line in lang, its file relative to dir.
func problemLine(dir string, p hromada.Problem, lang hromada.Lang) string {
	p.File = safefile.Rel(dir, p.File)
	if p.File == "." {
		p.File = ""
	}
	return strings.TrimSpace(p.In(lang))
}

// runStatus shows the open project's run: progress while it runs (the
// page asks again while the answer carries X-Hromada-Poll), then the
// status table and the downloads.
func (s *Server) runStatus(w http.ResponseWriter, r *http.Request) {
	j := s.jobOf(s.current())
	if j == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		return
	}
	v := j.view(lang(r))
	if !v.Done {
		w.Header().Set("X-Hromada-Poll", "1")
	}
	render(w, http.StatusOK, "run", v)
}

// finished is the consolidated content and the communities' runs of a
// finished run; nil while it runs.
func (j *job) finished() (*consbook.Consolidated, []pipeline.CommunityRun) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.running || j.cons == nil {
		return nil, nil
	}
	return j.cons, j.runs
}
