package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/pipeline"
)

// guardOutputs refuses, before any work, outputs that would replace an
// input: a usage error (exit 2) naming both.
func guardOutputs(outputs, inputs []string) error {
	if err := pipeline.CheckOutputs(outputs, inputs); err != nil {
		var c *safefile.Clash
		if errors.As(err, &c) {
			return usagef("%v; choose another -o", err)
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
			return usageError{err}
		}
	}
	return nil
}

// sweep removes from the output folder dir the unfinished workbooks
// (.NAME.xlsx.NNN.tmp) a killed run left there, and says so.
func (a *app) sweep(dir string) {
	n, err := safefile.Sweep(dir, safefile.StaleAge)
	if err != nil {
		fmt.Fprintf(a.stderr, "warning: cannot remove the unfinished files an interrupted run left in %s: %v\n", dir, err)
	}
	if n > 0 && !a.quiet {
		fmt.Fprintf(a.stderr, "removed %d unfinished %s left in %s by an interrupted run\n", n, plural(n, "file", "files"), dir)
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
			msg := "interrupted: the unfinished workbooks are removed; those already written are complete"
			if len(errs) > 0 {
				msg = fmt.Sprintf("interrupted: %v", errors.Join(errs...))
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
