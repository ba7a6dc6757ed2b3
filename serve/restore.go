package serve

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/pipeline"
)

// jobOf is the last run of the project folder dir: the run of this
// session, or else (after the server is started again, or the project
// opened again) the run rebuilt from the workbooks in its output folder
// as they stand (restore). nil when there is none.
func (s *Server) jobOf(dir string) *job {
	if dir == "" {
		return nil
	}
	s.mu.Lock()
	j, tried := s.runs[dir], s.restored[dir]
	s.mu.Unlock()
	if j != nil || tried {
		return j
	}
	// One rebuild at a time: the page asks for the run and the results
	// together when it opens.
	s.restoring.Lock()
	defer s.restoring.Unlock()
	s.mu.Lock()
	j, tried = s.runs[dir], s.restored[dir]
	s.mu.Unlock()
	if j != nil || tried {
		return j
	}
	j = restore(dir)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.restored[dir] = true
	if s.runs[dir] == nil && j != nil {
		s.runs[dir] = j
	}
	return s.runs[dir]
}

// forget drops the rebuilt or finished run of dir, so that the project
// opened again shows its workbooks as they now stand; a run under way is
// kept.
func (s *Server) forget(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j := s.runs[dir]; j != nil && j.isRunning() {
		return
	}
	delete(s.runs, dir)
	delete(s.restored, dir)
}

// restore rebuilds the last run of the project folder dir from the
// community workbooks in its output folder as they stand, as hromada
// consolidate reads them (pipeline.Run's FromWorkbooks): the workbooks
// are the one source of the results, edits included. Nothing is written.
// It is nil when the output folder holds no workbook, or the project does
// not load without errors (a protected workbook among them: the page keeps
// no password).
func restore(dir string) *job {
	out := outDir(dir)
	if !hasWorkbook(out) {
		return nil
	}
	p, ps := pipeline.LoadProject(dir, "")
	global, own := pipeline.SplitProblems(p, ps)
	if p == nil || global.Errors() > 0 {
		return nil
	}
	lang := p.Lang
	if lang == "" {
		lang = hromada.Ukrainian
	}
	eo, err := pipeline.ProjectEstimateOptions(p, false)
	if err != nil {
		return nil
	}
	r := &pipeline.Run{Project: p, Lang: lang, Estimate: eo, Plan: pipeline.ProjectPlanSettings(p), Out: out, Own: own, FromWorkbooks: true}
	n := len(p.Communities)
	runs := make([]pipeline.CommunityRun, n)
	pipeline.ForEach(n, 0, func(i int) { runs[i] = r.Community(i) })
	rows := make([]consolidate.Row, n)
	j := &job{dir: dir, project: p, lang: lang, out: out, restored: true, runs: runs,
		names: make([]hromada.Text, n), done: make([][]string, n), ended: make([]bool, n), failed: make([]string, n)}
	for i, cr := range runs {
		rows[i] = cr.Row
		j.names[i], j.ended[i] = p.Communities[i].Name, true
		if cr.Row.Status != consolidate.OK {
			j.failed[i] = cr.Row.Stage
		}
		for _, st := range stages {
			if cr.Row.Status != consolidate.OK && st == cr.Row.Stage {
				break
			}
			j.done[i] = append(j.done[i], st)
		}
	}
	j.cons = pipeline.Consolidated(p, rows, eo, lang)
	return j
}

// hasWorkbook reports whether the folder dir holds a workbook.
func hasWorkbook(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") && strings.EqualFold(filepath.Ext(e.Name()), ".xlsx") {
			return true
		}
	}
	return false
}
