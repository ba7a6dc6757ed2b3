package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"sync/atomic"

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
	// getenv reads the environment (os.Getenv; tests give their own).
	getenv func(string) string
	// out is the language of the messages once a command knows it (see
	// language); until then, msgLang falls back on --lang and the
	// environment.
	out hromada.Lang
	// pre is the language --lang names on the command line as preLang
	// finds it before Cobra parses the flags ("" without one): the
	// language of the help and of an unknown command's error.
	pre hromada.Lang
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

func (e usageError) Error() string               { return e.err.Error() }
func (e usageError) Unwrap() error               { return e.err }
func (e usageError) In(lang hromada.Lang) string { return hromada.Message(e.err, lang) }

// usagef is a usage error with a message in both languages (uk and en are
// fmt formats of the same args, as for hromada.Errorf).
func usagef(uk, en string, a ...any) error { return usageError{hromada.Errorf(uk, en, a...)} }

// hinted is an error with a line that says what to do next.
type hinted struct {
	err  error
	hint hromada.Text
}

func (e hinted) Error() string               { return e.err.Error() }
func (e hinted) Unwrap() error               { return e.err }
func (e hinted) In(lang hromada.Lang) string { return hromada.Message(e.err, lang) }

// usageHinted is a usage error (exit 2) with a line that says what to do
// next, in place of the pointer to --help.
type usageHinted struct {
	err  error
	hint hromada.Text
}

func (e usageHinted) Error() string               { return e.err.Error() }
func (e usageHinted) Unwrap() error               { return e.err }
func (e usageHinted) In(lang hromada.Lang) string { return hromada.Message(e.err, lang) }

func newRoot(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:           "hromada",
		Version:       versionString(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetVersionTemplate("hromada {{.Version}}\n")
	root.PersistentFlags().StringVar(&a.lang, "lang", "", "")
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{cobraError{err}} })
	root.AddCommand(newInitCmd(a), newCheckCmd(a), newAssessCmd(a), newPlanCmd(a), newBudgetCmd(a), newRunCmd(a), newConsolidateCmd(a), newServeCmd(a))
	localize(root, a.helpLang())
	return root
}

// language resolves the language of a command's outputs and messages:
// --lang, else the project's setting (projectDefault, "" without a
// project), else the environment (envLang), else Ukrainian. The messages
// printed from then on are in it. A --lang that is not a language is a
// usage error.
func (a *app) language(projectDefault hromada.Lang) (hromada.Lang, error) {
	l, err := a.flagLang()
	if err != nil {
		return "", err
	}
	switch {
	case l != "":
	case projectDefault != "":
		l = projectDefault
	default:
		l = a.envLang()
	}
	a.setLang(l)
	return l, nil
}

// projectLang makes the project's language setting that of the messages
// (unless --lang says otherwise) even when the project cannot be used:
// its problems are then printed in the project's language.
func (a *app) projectLang(projectDefault hromada.Lang) {
	if projectDefault == "" {
		return
	}
	if l, err := a.flagLang(); err == nil && l == "" {
		a.setLang(projectDefault)
	}
}

// flagLang is the language --lang names, "" without --lang.
func (a *app) flagLang() (hromada.Lang, error) {
	if a.lang == "" {
		return "", nil
	}
	l, err := hromada.ParseLang(a.lang)
	if err != nil {
		return "", usagef("мову «%s» не підтримано; можливі: uk, en", "language %q is not supported; allowed: uk, en", a.lang)
	}
	return l, nil
}

// envLang is the language the environment asks for: the first of LC_ALL,
// LC_MESSAGES and LANG that is set (as POSIX orders them), when it starts
// with uk (Ukrainian) or en (English); else Ukrainian.
func (a *app) envLang() hromada.Lang {
	getenv := a.getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.ToLower(getenv(k))
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "en") {
			return hromada.English
		}
		return hromada.Ukrainian
	}
	return hromada.Ukrainian
}

// msgLang is the language of the messages: the command's once it is
// known, else --lang (when it is a language; as preLang finds it when
// Cobra stopped before parsing it), else the environment.
func (a *app) msgLang() hromada.Lang {
	if a.out != "" {
		return a.out
	}
	if l, err := a.flagLang(); err == nil && l != "" {
		return l
	}
	if a.pre != "" {
		return a.pre
	}
	return a.envLang()
}

// setLang makes l the language of the messages, also of the line an
// interrupt prints.
func (a *app) setLang(l hromada.Lang) {
	a.out = l
	interruptLang.Store(string(l))
}

// interruptLang is the language of the line printed when a signal stops
// hromada (catchInterrupts), as the command last resolved it.
var interruptLang atomic.Value

// run executes the command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, pre: preLang(args)}
	interruptLang.Store(string(a.envLang())) // until the command knows its language
	safefile.SetPrivate(false)               // --no-suppress makes a command's outputs private
	root := newRoot(a)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	if strings.HasPrefix(err.Error(), "unknown command") {
		err = usageError{cobraError{err}}
	}
	return report(stderr, cmd, err, a)
}

// usageArgs makes a positional-argument check's error a usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{cobraError{err}}
		}
		return nil
	}
}

// cobraError is an error of Cobra's own (an unknown command or flag, a
// wrong number of arguments, a flag's value that is not a number): in
// English as Cobra says it, in Ukrainian worded for the cases known, else
// Cobra's words after a Ukrainian line.
type cobraError struct{ err error }

func (e cobraError) Error() string { return e.err.Error() }
func (e cobraError) Unwrap() error { return e.err }

// In returns the error in lang.
func (e cobraError) In(lang hromada.Lang) string {
	if lang == hromada.English {
		return e.err.Error()
	}
	msg := e.err.Error()
	for _, c := range cobraWords {
		if m := c.re.FindStringSubmatch(msg); m != nil {
			return c.re.ReplaceAllString(m[0], c.uk)
		}
	}
	return "неправильний виклик команди: " + msg
}

// cobraWords are Cobra's error messages with their Ukrainian wording
// (regexp replacement templates).
var cobraWords = []struct {
	re *regexp.Regexp
	uk string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`), "невідома команда «$1» для «$2»"},
	{regexp.MustCompile(`(?s)^unknown command "(.*?)" for "(.*?)"\s*Did you mean this\?(.*)$`), "невідома команда «$1» для «$2»\n\nМожливо, ви мали на увазі:$3"},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), "невідомий параметр $1"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), "невідомий короткий параметр -$1 у $2"},
	{regexp.MustCompile(`^flag needs an argument: '.' in (\S+)$`), "параметрові $1 потрібне значення"},
	{regexp.MustCompile(`^flag needs an argument: (\S+)$`), "параметрові $1 потрібне значення"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*$`), "неправильне значення «$1» параметра $2"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "команда приймає аргументів: $1, отримано: $2"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "команда приймає щонайбільше аргументів: $1, отримано: $2"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "команда потребує щонайменше аргументів: $1, отримано: $2"},
	{regexp.MustCompile(`^required flag\(s\) (.*) not set$`), "не задано обов'язкові параметри: $1"},
}

// report prints err the way a person can act on it, in the language of
// the messages, and picks the exit code.
func report(w io.Writer, cmd *cobra.Command, err error, a *app) int {
	lang := a.msgLang()
	var ps hromada.Problems
	var ue usageError
	var h hinted
	var uh usageHinted
	errWord := hromada.Error.In(lang)
	hintWord := tr(lang, "підказка", "hint")
	switch {
	case errors.As(err, &ps):
		printProblems(w, a.shown(ps), lang)
		fmt.Fprintf(w, "%s\n", countLine(ps, lang))
		return exitData
	case errors.As(err, &uh):
		fmt.Fprintf(w, "%s: %s\n%s: %s\n", errWord, hromada.Message(err, lang), hintWord, uh.hint.In(lang))
		return exitUsage
	case errors.As(err, &ue):
		fmt.Fprintf(w, "%s: %s\n", errWord, hromada.Message(ue.err, lang))
		if cmd != nil {
			fmt.Fprintf(w, tr(lang, "%s: довідка про виклик — '%s --help'\n", "%s: run '%s --help' for usage\n"), hintWord, cmd.CommandPath())
		}
		return exitUsage
	case errors.As(err, &h):
		fmt.Fprintf(w, "%s: %s\n%s: %s\n", errWord, hromada.Message(err, lang), hintWord, h.hint.In(lang))
		return exitData
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintf(w, "%s: %s\n", errWord, hromada.Message(err, lang))
		return exitUsage
	}
	fmt.Fprintf(w, "%s: %s\n", errWord, hromada.Message(err, lang))
	return exitData
}

// printProblems prints problems one a line, each after its severity, in
// lang.
func printProblems(w io.Writer, ps hromada.Problems, lang hromada.Lang) {
	for _, p := range ps {
		fmt.Fprintf(w, "%s: %s\n", p.Severity.In(lang), p.In(lang))
	}
}

// countLine counts the errors and warnings: "2 errors, 1 warning",
// «2 помилки, 1 попередження».
func countLine(ps hromada.Problems, lang hromada.Lang) string {
	e := ps.Errors()
	wn := len(ps) - e
	if lang == hromada.English {
		return fmt.Sprintf("%d %s, %d %s", e, plural(e, "error", "errors"), wn, plural(wn, "warning", "warnings"))
	}
	return fmt.Sprintf("%d %s, %d %s", e, pluralUK(e, "помилка", "помилки", "помилок"), wn, pluralUK(wn, "попередження", "попередження", "попереджень"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// pluralUK is the Ukrainian form of a noun after n: one (1, 21, 31…), few
// (2–4, 22–24…) or many (0, 5–20, 25–30…).
func pluralUK(n int, one, few, many string) string {
	n %= 100
	switch {
	case n >= 11 && n <= 14:
		return many
	case n%10 == 1:
		return one
	case n%10 >= 2 && n%10 <= 4:
		return few
	}
	return many
}

// counted is n with its noun in lang: "3 files", «3 файли».
func counted(lang hromada.Lang, n int, ukOne, ukFew, ukMany, enOne, enMany string) string {
	if lang == hromada.English {
		return fmt.Sprintf("%d %s", n, plural(n, enOne, enMany))
	}
	return fmt.Sprintf("%d %s", n, pluralUK(n, ukOne, ukFew, ukMany))
}
