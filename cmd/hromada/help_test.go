package main

import (
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hromada-tool/hromada"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpRoot is hromada's command tree with its help in lang.
func helpRoot(lang hromada.Lang) *cobra.Command {
	return newRoot(&app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, pre: lang})
}

// allCommands is root and every command under it, depth first.
func allCommands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		out = append(out, allCommands(c)...)
	}
	return out
}

// flagsOf is every flag a command's help lists.
func flagsOf(c *cobra.Command) []*pflag.Flag {
	var out []*pflag.Flag
	c.LocalFlags().VisitAll(func(f *pflag.Flag) { out = append(out, f) })
	return out
}

// TestHelpInBothLanguages: every command — Cobra's help and completion
// too — and every flag has a Ukrainian and an English text, and they
// differ; the examples are the same command lines in both languages (so
// help_examples, which runs one language's, runs both); a Ukrainian flag
// that takes a value names it in Ukrainian (a `word` in its text), not by
// its Go type.
func TestHelpInBothLanguages(t *testing.T) {
	uk, en := allCommands(helpRoot(hromada.Ukrainian)), allCommands(helpRoot(hromada.English))
	if len(uk) != len(en) {
		t.Fatalf("%d commands in Ukrainian, %d in English", len(uk), len(en))
	}
	if len(uk) < 15 { // hromada, 8 commands, help, completion and its 4 shells
		t.Fatalf("only %d commands", len(uk))
	}
	for i, u := range uk {
		e := en[i]
		name := u.CommandPath()
		for _, f := range []struct{ what, uk, en string }{
			{"summary", u.Short, e.Short},
			{"description", u.Long, e.Long},
		} {
			if strings.TrimSpace(f.uk) == "" || strings.TrimSpace(f.en) == "" || f.uk == f.en {
				t.Errorf("%s: %s in Ukrainian %q, in English %q", name, f.what, f.uk, f.en)
			}
		}
		if !reflect.DeepEqual(exampleLines(u.Example), exampleLines(e.Example)) {
			t.Errorf("%s: the Ukrainian examples run other commands than the English:\n%s\n---\n%s", name, u.Example, e.Example)
		}
		uf, ef := flagsOf(u), flagsOf(e)
		if len(uf) != len(ef) || len(uf) == 0 {
			t.Fatalf("%s: %d flags in Ukrainian, %d in English", name, len(uf), len(ef))
		}
		for j, f := range uf {
			g := ef[j]
			if f.Usage == "" || g.Usage == "" || f.Usage == g.Usage {
				t.Errorf("%s --%s: in Ukrainian %q, in English %q", name, f.Name, f.Usage, g.Usage)
			}
			if f.Value.Type() != "bool" && strings.Count(f.Usage, "`") != 2 {
				t.Errorf("%s --%s: the Ukrainian text does not name the value in `backquotes`: %q", name, f.Name, f.Usage)
			}
		}
	}
}

// TestHelpTableMatchesCommands: every command and flag commandHelp has
// text for exists, so no text is left behind when a flag goes.
func TestHelpTableMatchesCommands(t *testing.T) {
	cmds := map[string]*cobra.Command{}
	for _, c := range allCommands(helpRoot(hromada.Ukrainian)) {
		cmds[helpKey(c)] = c
	}
	for key, h := range commandHelp {
		c, ok := cmds[key]
		if !ok {
			t.Errorf("commandHelp has %q: no such command", key)
			continue
		}
		for name := range h.flags {
			if c.Flags().Lookup(name) == nil {
				t.Errorf("commandHelp[%q] has flag --%s: no such flag", key, name)
			}
		}
	}
}

// TestPreLang: --lang is found on the command line before Cobra parses
// it, in both of its forms; a value that is no language, or one after
// "--", is not.
func TestPreLang(t *testing.T) {
	tests := []struct {
		args []string
		want hromada.Lang
	}{
		{nil, ""},
		{[]string{"run", "--help"}, ""},
		{[]string{"run", "--help", "--lang", "en"}, hromada.English},
		{[]string{"--lang=en", "run"}, hromada.English},
		{[]string{"--lang=uk", "--help"}, hromada.Ukrainian},
		{[]string{"--lang", "EN"}, hromada.English},
		{[]string{"--lang", "fr", "--help"}, ""},
		{[]string{"--lang"}, ""},
		{[]string{"check", "--", "--lang", "en"}, ""},
		{[]string{"--lang", "fr", "--lang", "en"}, hromada.English},
	}
	for _, tc := range tests {
		if got := preLang(tc.args); got != tc.want {
			t.Errorf("preLang(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// helpOf is the help hromada prints for args.
func helpOf(t *testing.T, args ...string) string {
	t.Helper()
	var out, errs strings.Builder
	if code := run(args, strings.NewReader(""), &out, &errs); code != exitOK {
		t.Fatalf("hromada %s: exit %d: %s", strings.Join(args, " "), code, errs.String())
	}
	return out.String()
}

// TestHelpHeadings: Cobra's headings are in the language of the help, and
// none of the other language's is left.
func TestHelpHeadings(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "")
	ukWords := []string{"Використання:", "Приклади:", "Параметри:", "Загальні параметри:", "Код завершення:", "[параметри]", "(типово \"out\")"}
	enWords := []string{"Usage:", "Examples:", "Flags:", "Global Flags:", "Exit status:", "[flags]", "(default \"out\")"}
	for _, tc := range []struct {
		args       []string
		want, gone []string
	}{
		{[]string{"run", "--help"}, ukWords, enWords},
		{[]string{"run", "--help", "--lang", "en"}, enWords, ukWords},
		{[]string{"--lang=en", "help", "run"}, enWords, ukWords},
	} {
		got := helpOf(t, tc.args...)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("hromada %s: no %q in\n%s", strings.Join(tc.args, " "), w, got)
			}
		}
		for _, w := range tc.gone {
			if strings.Contains(got, w) {
				t.Errorf("hromada %s: %q in\n%s", strings.Join(tc.args, " "), w, got)
			}
		}
	}
	root := helpOf(t, "--help")
	for _, w := range []string{"Команди:", "Докладніше про команду: «hromada [команда] --help»."} {
		if !strings.Contains(root, w) {
			t.Errorf("hromada --help: no %q", w)
		}
	}
}

// TestFlagUsagesAligned: the descriptions of the flags start in one
// column, counted in characters, though the Ukrainian names of the
// values take two bytes a letter (assess's longest is «--community-column
// стовпець»: 6 spaces + 18 + 1 + 8 = 33 characters, then 3 spaces, as
// pflag pads, so the descriptions start after 36 characters).
func TestFlagUsagesAligned(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "")
	for _, lang := range []string{"uk", "en"} {
		got := helpOf(t, "assess", "--help", "--lang", lang)
		col := -1
		n := 0
		for _, l := range strings.Split(got, "\n") {
			m := flagLine.FindStringSubmatch(l)
			if m == nil || strings.Contains(l, "--lang") || strings.Contains(l, "--quiet") {
				continue
			}
			c := utf8.RuneCountInString(l) - utf8.RuneCountInString(m[2])
			if col < 0 {
				col = c
			}
			if c != col {
				t.Errorf("%s: description at column %d, not %d: %q", lang, c, col, l)
			}
			n++
		}
		if n < 25 {
			t.Errorf("%s: %d flags found in assess --help", lang, n)
		}
		if lang == "uk" && col != 36 {
			t.Errorf("uk: descriptions after %d characters, want 36", col)
		}
	}
}
