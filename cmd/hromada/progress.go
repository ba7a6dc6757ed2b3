package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress tells a person how far a project run is: a bar on a terminal,
// one plain line per community in a pipe or a CI log, nothing with
// --quiet. It is safe for concurrent use.
type progress interface {
	// stage reports that community i finished a stage (assess, plan,
	// budget).
	stage(i int, name string)
	// done reports that community i finished, failed at stage when
	// failed is not "".
	done(i int, failed string)
	// finish ends the report.
	finish()
}

// newProgress picks the report for w: a bar when w is a terminal.
func newProgress(w io.Writer, quiet bool, names []string, stages int, lang hromada.Lang) progress {
	if quiet {
		return silent{}
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return newBar(f, len(names), stages, lang)
	}
	return &lines{w: w, names: names, lang: lang}
}

type silent struct{}

func (silent) stage(int, string) {}
func (silent) done(int, string)  {}
func (silent) finish()           {}

// lines writes a line as each community finishes:
//
//	[  3/6] Olevska: done
//	[  4/6] Korostenska: failed at assess
type lines struct {
	mu    sync.Mutex
	w     io.Writer
	names []string
	n     int
	lang  hromada.Lang
}

func (l *lines) stage(int, string) {}

func (l *lines) done(i int, failed string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n++
	width := len(fmt.Sprint(len(l.names)))
	status := tr(l.lang, "готово", "done")
	if failed != "" {
		status = fmt.Sprintf(tr(l.lang, "помилка: %s", "failed: %s"), stageName(failed, l.lang))
	}
	fmt.Fprintf(l.w, "[%*d/%d] %s: %s\n", width, l.n, len(l.names), l.names[i], status)
}

func (l *lines) finish() {}

// bar is a progress bar over every stage of every community, described
// by the communities done and failed.
type bar struct {
	mu           sync.Mutex
	b            *progressbar.ProgressBar
	total        int
	stages       int
	done_, fails int
	lang         hromada.Lang
	perCommunity map[int]int
}

func newBar(w io.Writer, communities, stages int, lang hromada.Lang) *bar {
	b := &bar{total: communities, stages: stages, lang: lang, perCommunity: map[int]int{}}
	b.b = progressbar.NewOptions(communities*stages,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetDescription(b.describe()),
	)
	return b
}

func (b *bar) describe() string {
	s := fmt.Sprintf(tr(b.lang, "громад %d/%d", "communities %d/%d"), b.done_, b.total)
	if b.fails > 0 {
		s += fmt.Sprintf(tr(b.lang, ", з помилками %d", ", %d failed"), b.fails)
	}
	return s
}

func (b *bar) stage(i int, _ string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.perCommunity[i]++
	_ = b.b.Add(1) // a progress bar that cannot draw must not stop the run
}

func (b *bar) done(i int, failed string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done_++
	if failed != "" {
		b.fails++
	}
	// A failed community skips its remaining stages.
	if rest := b.stages - b.perCommunity[i]; rest > 0 {
		_ = b.b.Add(rest)
	}
	delete(b.perCommunity, i)
	b.b.Describe(b.describe())
}

func (b *bar) finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	_ = b.b.Finish()
}

// stageName is a stage's name for a person.
func stageName(stage string, lang hromada.Lang) string {
	switch stage {
	case pipeline.StageCheck:
		return tr(lang, "перевірка", "check")
	case pipeline.StageAssess:
		return tr(lang, "оцінка", "assess")
	case pipeline.StagePlan:
		return tr(lang, "план", "plan")
	case pipeline.StageBudget:
		return tr(lang, "бюджет", "budget")
	}
	return stage
}
