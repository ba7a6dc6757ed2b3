package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/spf13/cobra"
)

// Exit codes, listed in the help text.
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

// version is set by the linker (-ldflags "-X main.version=…"); otherwise
// the module version from the build information is shown.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// app holds what every command shares: the streams and global flags.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	lang   string
	// quiet suppresses progress, summaries and warnings: only errors
	// are printed.
	quiet bool
}

// warnings is where warnings go: stderr, or nowhere with --quiet.
func (a *app) warnings() io.Writer {
	if a.quiet {
		return io.Discard
	}
	return a.stderr
}

// shown are the problems to print: with --quiet, the errors only.
func (a *app) shown(ps hromada.Problems) hromada.Problems {
	if !a.quiet {
		return ps
	}
	var out hromada.Problems
	for _, p := range ps {
		if p.Severity == hromada.Error {
			out = append(out, p)
		}
	}
	return out
}

// usageError is an error in how the command was called: exit code 2, and
// the usage hint is printed.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// hinted is an error with a line that says what to do next.
type hinted struct {
	err  error
	hint string
}

func (e hinted) Error() string { return e.err.Error() }
func (e hinted) Unwrap() error { return e.err }

// usageHinted is a usage error (exit 2) with a line that says what to do
// next, in place of the pointer to --help.
type usageHinted struct {
	err  error
	hint string
}

func (e usageHinted) Error() string { return e.err.Error() }
func (e usageHinted) Unwrap() error { return e.err }

const exitHelp = `
Exit status:
  0  success
  1  bad data: an input file has errors (each is listed with file, sheet and cell)
  2  bad usage: unknown command or flag, missing argument, a file that cannot be
     found, an output that would replace an input, or an output workbook a
     person edited since hromada wrote it (--overwrite-edited replaces it)
  130  interrupted (Ctrl-C); 143: terminated (SIGTERM). Unfinished workbooks are removed.
`

func newRoot(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "hromada",
		Short: "Plan social services for a community: needs, service gaps, budgets",
		Long: `hromada turns the files a community already has — household-survey exports
(KoboToolbox), registry counts, an inventory of providers, cost data — into an
assessment of needs with confidence intervals, a service-gap plan and a
multi-year budget, each an Excel workbook in Ukrainian or English.

Start with 'hromada init my-project', fill in the workbooks, check them with
'hromada check my-project', then run 'hromada run my-project -o out'.`,
		Example: `  hromada init my-project --lang uk
  hromada check my-project
  hromada run my-project -o out
  hromada assess --survey export.xlsx --weight weight --strata stratum --cluster cluster_id --need needs --by idp`,
		Version:       versionString(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetVersionTemplate("hromada {{.Version}}\n")
	root.PersistentFlags().StringVar(&a.lang, "lang", "", "language of outputs: uk or en (default: the project's setting, else uk)")
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "print nothing but errors")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newInitCmd(a), newCheckCmd(a), newAssessCmd(a), newPlanCmd(a), newBudgetCmd(a), newRunCmd(a), newConsolidateCmd(a), newServeCmd(a))
	root.SetHelpTemplate(root.HelpTemplate() + exitHelp)
	for _, c := range root.Commands() {
		c.SetHelpTemplate(root.HelpTemplate())
	}
	return root
}

// language resolves --lang against a project default.
func (a *app) language(projectDefault hromada.Lang) (hromada.Lang, error) {
	if a.lang == "" {
		if projectDefault != "" {
			return projectDefault, nil
		}
		return hromada.Ukrainian, nil
	}
	l, err := hromada.ParseLang(a.lang)
	if err != nil {
		return "", usageError{err}
	}
	return l, nil
}

// run executes the command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	safefile.SetPrivate(false) // --no-suppress makes a command's outputs private
	root := newRoot(a)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	if strings.HasPrefix(err.Error(), "unknown command") {
		err = usageError{err}
	}
	return report(stderr, cmd, err, a)
}

// usageArgs makes a positional-argument check's error a usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// report prints err the way a person can act on it and picks the exit code.
func report(w io.Writer, cmd *cobra.Command, err error, a *app) int {
	var ps hromada.Problems
	var ue usageError
	var h hinted
	var uh usageHinted
	switch {
	case errors.As(err, &ps):
		for _, p := range a.shown(ps) {
			fmt.Fprintf(w, "%s: %s\n", p.Severity, p.Error())
		}
		fmt.Fprintf(w, "%s\n", countLine(ps))
		return exitData
	case errors.As(err, &uh):
		fmt.Fprintf(w, "error: %v\nhint: %s\n", err, uh.hint)
		return exitUsage
	case errors.As(err, &ue):
		fmt.Fprintf(w, "error: %v\n", err)
		if cmd != nil {
			fmt.Fprintf(w, "hint: run '%s --help' for usage\n", cmd.CommandPath())
		}
		return exitUsage
	case errors.As(err, &h):
		fmt.Fprintf(w, "error: %v\nhint: %s\n", err, h.hint)
		return exitData
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintf(w, "error: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(w, "error: %v\n", err)
	return exitData
}

func countLine(ps hromada.Problems) string {
	e := ps.Errors()
	wn := len(ps) - e
	return fmt.Sprintf("%d %s, %d %s", e, plural(e, "error", "errors"), wn, plural(wn, "warning", "warnings"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
