package pipeline

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/project"
)

// LoadProject loads the project in dir, checks that every service it may
// plan can be costed (Project.CostProblems) and checks its questionnaire,
// when it has one, against it: every problem but those of the surveys.
// Both check and run start here.
func LoadProject(dir, pw string) (*project.Project, hromada.Problems) {
	p, ps := project.Load(dir, project.LoadOptions{Password: pw})
	if cps := p.CostProblems(); len(cps) > 0 {
		// An error about the cost inputs replaces loading's warning
		// about the same file, which speaks for the stage commands.
		kept := ps[:0:0]
		for _, pr := range ps {
			if !(pr.Severity == hromada.Warning && pr.File == p.CostsPath() && pr.Cell == "") {
				kept = append(kept, pr)
			}
		}
		ps = append(kept, cps...)
	}
	form := filepath.Join(dir, project.FormFile)
	if _, err := os.Stat(form); err == nil {
		fps, err := kobo.CheckXLSFormFile(form)
		if err != nil {
			ps = append(ps, hromada.Problem{File: form, Msg: hromada.ErrText(err)})
		}
		ps = append(ps, fps...)
		if fps.Errors() == 0 && err == nil && ps.Errors() == 0 {
			if f, err := kobo.ReadXLSForm(form); err == nil {
				ps = append(ps, p.CheckAgainstForm(f)...)
			} else {
				ps = append(ps, ProblemOf(form, err))
			}
		}
	}
	return p, ps
}

// Checked is a project with every survey read and summarised.
type Checked struct {
	Project  *project.Project
	Surveys  map[string]SurveySummary // by community code
	Problems hromada.Problems
}

// SurveySummary is what check reports of a survey it read.
type SurveySummary struct {
	Rows, Strata, PSUs int
	Weighted           bool
}

// CheckProject loads a project (LoadProject) and reads every community's
// survey, jobs at a time (0: as many as there are cores); only their
// summaries are kept. A community without a survey file, or whose file is
// missing (a problem of loading), is not read.
func CheckProject(dir, pw string, jobs int) *Checked {
	p, ps := LoadProject(dir, pw)
	c := &Checked{Project: p, Problems: ps, Surveys: map[string]SurveySummary{}}
	if ps.Errors() > 0 && len(p.Communities) == 0 {
		return c
	}
	type read struct {
		sum SurveySummary
		ps  hromada.Problems
		ok  bool
	}
	reads := make([]read, len(p.Communities))
	ForEach(len(p.Communities), jobs, func(i int) {
		com := p.Communities[i]
		if com.SurveyFile == "" {
			return
		}
		if err := safefile.Regular(p.SurveyPath(com)); err != nil {
			return // missing, or a pipe or a device: reported by Load
		}
		s, sps := project.ReadSurvey(p.SurveyMap(com, pw))
		reads[i] = read{sum: summarise(s), ps: sps, ok: s != nil}
	})
	for i, com := range p.Communities {
		c.Problems = append(c.Problems, reads[i].ps...)
		if reads[i].ok {
			c.Surveys[com.Code] = reads[i].sum
		}
	}
	return c
}

func summarise(s *project.Survey) SurveySummary {
	if s == nil {
		return SurveySummary{}
	}
	return SurveySummary{Rows: s.Rows, Strata: s.Strata, PSUs: s.PSUs, Weighted: s.Weighted}
}

// SplitProblems separates the problems confined to one community of p
// (by code) from those of the whole project. A problem naming a code
// that is not a community of the project concerns the whole project.
func SplitProblems(p *project.Project, ps hromada.Problems) (hromada.Problems, map[string]hromada.Problems) {
	known := map[string]bool{}
	for _, c := range p.Communities {
		known[c.Code] = true
	}
	var global hromada.Problems
	own := map[string]hromada.Problems{}
	for _, pr := range ps {
		if pr.Community != "" && known[pr.Community] {
			own[pr.Community] = append(own[pr.Community], pr)
			continue
		}
		global = append(global, pr)
	}
	return global, own
}

// ProblemsOf lists the problems of every community, in code order.
func ProblemsOf(own map[string]hromada.Problems) hromada.Problems {
	codes := make([]string, 0, len(own))
	for k := range own {
		codes = append(codes, k)
	}
	sort.Strings(codes)
	var out hromada.Problems
	for _, code := range codes {
		out = append(out, own[code]...)
	}
	return out
}

// ForEach calls do(i) for i in [0, n), at most jobs at a time; jobs ≤ 0
// means as many as the cores Go may use. Each call must write only its
// own results, so that the outcome does not depend on the order.
func ForEach(n, jobs int, do func(i int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
