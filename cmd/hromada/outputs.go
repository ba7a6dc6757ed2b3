package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/spf13/cobra"
)

// guardOutputs refuses, before any work, outputs that would replace an
// input: a usage error (exit 2) naming both.
func guardOutputs(outputs, inputs []string) error {
	if err := pipeline.CheckOutputs(outputs, inputs); err != nil {
		var c *safefile.Clash
		if errors.As(err, &c) {
			return usagef("%v; виберіть інший -o", "%v; choose another -o", c)
		}
		return err
	}
	return nil
}

// guardInputs refuses inputs named by flags that are not regular files (a
// pipe, a device, a folder): a usage error (exit 2). Inputs that do not
// exist are left to the command's own message.
func guardInputs(paths ...string) error {
	for _, p := range paths {
		if p == "" {
			continue
		}
		var nr *safefile.NotRegular
		if err := safefile.Regular(p); errors.As(err, &nr) {
			return usageError{nr}
		}
	}
	return nil
}

// sweep removes from the output folder dir the unfinished workbooks
// (.NAME.xlsx.NNN.tmp) a killed run left there, and says so.
func (a *app) sweep(dir string) {
	lang := a.msgLang()
	n, err := safefile.Sweep(dir, safefile.StaleAge)
	if err != nil {
		fmt.Fprintf(a.stderr, tr(lang, "%s: не вдалося вилучити незавершені файли, які лишив у %s перерваний запуск: %v\n",
			"%s: cannot remove the unfinished files an interrupted run left in %s: %v\n"), hromada.Warning.In(lang), dir, err)
	}
	if n > 0 && !a.quiet {
		fmt.Fprintf(a.stderr, tr(lang, "вилучено %s, які лишив у %s перерваний запуск\n", "removed %s left in %s by an interrupted run\n"),
			counted(lang, n, "незавершений файл", "незавершені файли", "незавершених файлів", "unfinished file", "unfinished files"), dir)
	}
}

// Exit codes after a signal: 128 + the signal's number, as shells report.
const (
	exitInterrupt = 130 // SIGINT, Ctrl-C
	exitTerminate = 143 // SIGTERM
)

// catchInterrupts makes SIGINT (Ctrl-C) and SIGTERM stop hromada cleanly:
// the workbooks being written are removed (those already complete stay),
// a line on stderr says so, and the exit code is 130 (143 for SIGTERM).
// exit is os.Exit but for tests. stop undoes it; called after a signal
// was caught, it waits for the exit, so that the command's own ending
// (its writes failing as the run stops) does not set the exit code.
func catchInterrupts(stderr io.Writer, exit func(int)) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	caught := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			close(caught)
			errs := safefile.Interrupt()
			lang, _ := interruptLang.Load().(string)
			msg := tr(hromada.Lang(lang), "перервано: незавершені робочі книги вилучено; ті, що вже записані, повні",
				"interrupted: the unfinished workbooks are removed; those already written are complete")
			if len(errs) > 0 {
				msg = fmt.Sprintf(tr(hromada.Lang(lang), "перервано: %v", "interrupted: %v"), errors.Join(errs...))
			}
			fmt.Fprintln(stderr, msg)
			if sig == syscall.SIGTERM {
				exit(exitTerminate)
			}
			exit(exitInterrupt)
		case <-done:
		}
	}()
	return func() {
		select {
		case <-caught:
			select {} // the handler exits the program
		default:
		}
		signal.Stop(ch)
		close(done)
	}
}

// overwriteEditedFlag is the flag that lets a command replace workbooks a
// person edited.
const overwriteEditedFlag = "overwrite-edited"

// addOverwriteEditedFlag adds --overwrite-edited to cmd.
func addOverwriteEditedFlag(cmd *cobra.Command, v *bool) {
	cmd.Flags().BoolVar(v, overwriteEditedFlag, false, "")
}

// guardEdited refuses, before any work, to replace an output workbook
// (.xlsx) that a person changed since hromada wrote it, or that holds no
// fingerprint of hromada's (pipeline.EditedOutputs): a usage error (exit
// 2, as for an output that would replace an input) naming each file and
// the flag that overwrites them. With overwrite it lets them be replaced.
func guardEdited(outputs []string, overwrite bool) error {
	if overwrite {
		return nil
	}
	var xlsx []string
	for _, p := range outputs {
		if strings.EqualFold(filepath.Ext(p), ".xlsx") {
			xlsx = append(xlsx, p)
		}
	}
	edited := pipeline.EditedOutputs(xlsx)
	if len(edited) == 0 {
		return nil
	}
	var uk, en strings.Builder
	if len(edited) == 1 {
		uk.WriteString("робочу книгу змінено після того, як її записала hromada; нічого не записано:")
		en.WriteString("a workbook was changed since hromada wrote it; nothing is written:")
	} else {
		fmt.Fprintf(&uk, "%s змінено після того, як їх записала hromada; нічого не записано:",
			counted(hromada.Ukrainian, len(edited), "робочу книгу", "робочі книги", "робочих книг", "", ""))
		fmt.Fprintf(&en, "%d workbooks were changed since hromada wrote them; nothing is written:", len(edited))
	}
	for _, e := range edited {
		fmt.Fprintf(&uk, "\n  %s", e.Path)
		fmt.Fprintf(&en, "\n  %s", e.Path)
		if e.NoFingerprint {
			uk.WriteString(" (записана не hromada, або її відбиток вилучено)")
			en.WriteString(" (not written by hromada, or its fingerprint was removed)")
		}
	}
	return usageHinted{hromada.Errorf("%s", "%s", hromada.Text{UK: uk.String(), EN: en.String()}),
		hromada.T("щоб зберегти зміни, перенесіть ці файли або запишіть в іншу папку (-o); plan і budget читають змінену оцінку чи план такими, як вони є; щоб замінити їх, запустіть ще раз з --%s",
			"to keep the edits, move these files away or write to another folder (-o); plan and budget read an edited assessment or plan as it stands; to replace them, run again with --%s", overwriteEditedFlag)}
}

// guardFile is the check before any work of a command that writes one
// workbook out from the files it names (quick assess, bare plan and
// budget): out can be written, each input is a regular file, out is none
// of them and was not changed by a person since hromada wrote it (unless
// overwrite). An empty out (no workbook asked for) passes.
func guardFile(out string, overwrite bool, inputs ...string) error {
	if out != "" {
		if err := outFile(out); err != nil {
			return err
		}
	}
	if err := guardInputs(inputs...); err != nil {
		return err
	}
	if err := guardOutputs([]string{out}, inputs); err != nil {
		return err
	}
	return guardEdited([]string{out}, overwrite)
}
