package main

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hromada-tool/hromada"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The help — every command's summary, description, examples and flags,
// and the headings of Cobra's usage text — is in the language of --lang,
// else of the environment, else Ukrainian. The project's setting cannot
// be known when help is printed (no project is read), so it plays no
// part. The texts are in help_text.go.

// helpText is a help text in both languages.
type helpText struct{ UK, EN string }

// in returns the text in lang.
func (h helpText) in(lang hromada.Lang) string {
	if lang == hromada.English {
		return h.EN
	}
	return h.UK
}

// cmdHelp is one command's help in both languages. args is what follows
// the command's name in its usage line ("[PROJECT]"); an empty text
// (English of a command Cobra makes) keeps Cobra's own. The examples are
// the same command lines in both languages: only comments differ.
type cmdHelp struct {
	args, short, long, example helpText
	flags                      map[string]helpText
}

// preLang is the language --lang names on the command line, found before
// Cobra parses it (for the help Cobra prints while parsing, and for an
// unknown command, which stops parsing): "" without --lang, after "--" or
// with a value that is no language.
func preLang(args []string) hromada.Lang {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
			i++
		}
		if !ok {
			continue
		}
		if l, err := hromada.ParseLang(v); err == nil {
			return l
		}
	}
	return ""
}

// helpLang is the language of the help: --lang (as preLang finds it),
// else the environment's (envLang), else Ukrainian.
func (a *app) helpLang() hromada.Lang {
	if a.pre != "" {
		return a.pre
	}
	return a.envLang()
}

// localize gives root and its commands — Cobra's help and completion
// commands, the --help and --version flags too — their help in lang, and
// Cobra's usage text its headings in lang.
func localize(root *cobra.Command, lang hromada.Lang) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.Flags().BoolP("version", "v", false, helpText{"версія hromada", "version for hromada"}.in(lang))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		key := helpKey(c)
		h := commandHelp[key]
		if s := h.args.in(lang); s != "" {
			c.Use = c.Name() + " " + s
		}
		set := func(dst *string, t helpText) {
			if s := t.in(lang); s != "" {
				*dst = s
			}
		}
		set(&c.Short, h.short)
		set(&c.Long, h.long)
		set(&c.Example, h.example)
		c.Flags().BoolP("help", "h", false, helpText{"довідка про " + c.CommandPath(), "help for " + c.Name()}.in(lang))
		usage := func(f *pflag.Flag) {
			t, ok := h.flags[f.Name]
			if !ok {
				t = sharedFlags[f.Name]
			}
			if s := t.in(lang); s != "" {
				f.Usage = s
			}
		}
		c.Flags().VisitAll(usage)
		c.PersistentFlags().VisitAll(usage)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for _, c := range root.Commands() {
		if c.Name() == "help" && lang != hromada.English {
			c.Run = ukrainianHelpTopic(c.Run)
		}
	}
	root.SetUsageTemplate(usageTemplate(lang))
	root.SetHelpTemplate(helpTemplate + "\n" + exitHelp.in(lang))
}

// ukrainianHelpTopic is Cobra's help command run with its message for a
// topic that is no command in Ukrainian.
func ukrainianHelpTopic(run func(*cobra.Command, []string)) func(*cobra.Command, []string) {
	return func(c *cobra.Command, args []string) {
		if cmd, _, err := c.Root().Find(args); cmd == nil || err != nil {
			c.Printf("Довідки про «%s» немає: такої команди не існує.\n", strings.Join(args, " "))
			cobra.CheckErr(c.Root().Usage())
			return
		}
		run(c, args)
	}
}

// helpKey is a command's key in commandHelp: its path without "hromada "
// ("completion bash"), "hromada" for the root.
func helpKey(c *cobra.Command) string {
	if !c.HasParent() {
		return c.Name()
	}
	return strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
}

func init() {
	cobra.AddTemplateFunc("flagUsages", flagUsages)
	cobra.AddTemplateFunc("useLine", useLine)
}

// flagUsages lists the flags of fs as pflag does, with the word for a
// flag's default in lang, and the descriptions aligned by characters
// (pflag counts bytes, two of each Cyrillic letter of a value's name).
func flagUsages(fs *pflag.FlagSet, lang string) string {
	var names, usages []string
	width := 0
	for _, l := range strings.Split(strings.TrimRight(fs.FlagUsages(), " \t\n"), "\n") {
		m := flagLine.FindStringSubmatch(l)
		if m == nil { // a description's continuation line, or no flag
			names, usages = append(names, l), append(usages, "")
			continue
		}
		names, usages = append(names, m[1]), append(usages, m[2])
		width = max(width, utf8.RuneCountInString(m[1]))
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteByte('\n')
		}
		if usages[i] == "" {
			b.WriteString(n)
			continue
		}
		u := usages[i]
		if hromada.Lang(lang) != hromada.English {
			u = strings.Replace(u, " (default ", " (типово ", 1)
			// A default number in the language's digits: «(типово 0,95)».
			u = decimalDefault.ReplaceAllString(u, "(типово $1,$2)")
		}
		b.WriteString(n + strings.Repeat(" ", width-utf8.RuneCountInString(n)+3) + u)
	}
	return b.String()
}

// decimalDefault is a decimal default in pflag's digits: "(типово 0.95)".
var decimalDefault = regexp.MustCompile(`\(типово (\d+)\.(\d+)\)`)

// flagLine is a line of pflag's list of flags: the flag with its value's
// name, two spaces or more, its description.
var flagLine = regexp.MustCompile(`^( +-\S.*?)  +(\S.*)$`)

// useLine is a command's usage line with "[flags]" in lang.
func useLine(c *cobra.Command, lang string) string {
	s := c.UseLine()
	if hromada.Lang(lang) == hromada.English {
		return s
	}
	return strings.Replace(s, " [flags]", " [параметри]", 1)
}

// helpTemplate is Cobra's: the description, then the usage text.
const helpTemplate = `{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`

// usageHeadings are the headings of the usage text.
var usageHeadings = map[string]helpText{
	"usage":    {"Використання:", "Usage:"},
	"command":  {"команда", "command"},
	"examples": {"Приклади:", "Examples:"},
	"commands": {"Команди:", "Available Commands:"},
	"flags":    {"Параметри:", "Flags:"},
	"global":   {"Загальні параметри:", "Global Flags:"},
	"more":     {"Докладніше про команду: «%s [команда] --help».", `Use "%s [command] --help" for more information about a command.`},
}

// usageTemplate is Cobra's usage template (without command groups and
// aliases, which hromada has none of) with its headings in lang.
func usageTemplate(lang hromada.Lang) string {
	w := func(k string) string { return usageHeadings[k].in(lang) }
	more := strings.Replace(w("more"), "%s", "{{.CommandPath}}", 1)
	return w("usage") + `{{if .Runnable}}
  {{useLine . "` + string(lang) + `"}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [` + w("command") + `]{{end}}{{if .HasExample}}

` + w("examples") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + w("commands") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + w("flags") + `
{{flagUsages .LocalFlags "` + string(lang) + `"}}{{end}}{{if .HasAvailableInheritedFlags}}

` + w("global") + `
{{flagUsages .InheritedFlags "` + string(lang) + `"}}{{end}}{{if .HasAvailableSubCommands}}

` + more + `{{end}}
`
}

// exitHelp is the exit status, at the end of every command's help.
var exitHelp = helpText{
	UK: `Код завершення:
  0  успішно
  1  помилки в даних: у вхідному файлі є помилки (кожну названо з файлом,
     аркушем і клітинкою)
  2  неправильний виклик: невідома команда чи параметр, бракує аргументу,
     файл не знайдено, вихідний файл замінив би вхідний, або вихідну робочу
     книгу після запису hromada змінила людина (її замінює --overwrite-edited)
  130  перервано (Ctrl-C); 143 — зупинено (SIGTERM). Недописані робочі книги
     вилучаються.
`,
	EN: `Exit status:
  0  success
  1  bad data: an input file has errors (each is listed with file, sheet and cell)
  2  bad usage: unknown command or flag, missing argument, a file that cannot be
     found, an output that would replace an input, or an output workbook a
     person edited since hromada wrote it (--overwrite-edited replaces it)
  130  interrupted (Ctrl-C); 143: terminated (SIGTERM). Unfinished workbooks are removed.
`,
}
