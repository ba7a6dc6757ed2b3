package project

import (
	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/kobo"
)

// CheckAgainstForm compares the project's mapping of needs and groups with
// the questionnaire the survey was collected with: every mapped column is a
// question of the form, a need's option is a choice of its
// select_multiple question, and a group's values are choices of its
// question. A mismatch is a warning: the survey may add columns (a weight)
// or come from another form.
func (p *Project) CheckAgainstForm(form *kobo.Form) hromada.Problems {
	var ps hromada.Problems
	warn := func(msg, hint hromada.Text) {
		ps = append(ps, hromada.Problem{Severity: hromada.Warning, File: form.Path, Msg: msg, Hint: hint})
	}
	choiceHint := hromada.T("вкажіть назву варіанта з аркуша choices анкети", "use a choice name from the form's choices sheet")
	for _, n := range p.Needs {
		q, ok := form.Question(n.Column)
		if !ok {
			warn(hromada.T("потреба послуги %s: стовпця %q немає серед запитань анкети", "need of service %s: column %q is not a question of the questionnaire", n.Service.Code, n.Column),
				hromada.T("звірте аркуш «Потреби» у project.xlsx з анкетою", "check the Needs sheet of project.xlsx against the form"))
			continue
		}
		if n.Option == "" {
			continue
		}
		if q.Type != "select_multiple" {
			warn(hromada.T("потреба послуги %s: запитання %q — %s, а не select_multiple, але варіант (%q) указано",
				"need of service %s: question %q is %s, not select_multiple, but an option (%q) is given", n.Service.Code, n.Column, q.Type, n.Option),
				hromada.T("для запитання так/ні залиште варіант порожнім", "leave the option empty for a yes/no question"))
			continue
		}
		if _, ok := form.Choice(q.List, n.Option); !ok {
			warn(hromada.T("потреба послуги %s: %q — не варіант запитання %q (список %s)", "need of service %s: %q is not a choice of question %q (list %s)",
				n.Service.Code, n.Option, n.Column, q.List), choiceHint)
		}
	}
	for _, g := range p.Groups {
		if g.Repeat != "" {
			continue
		}
		q, ok := form.Question(g.Column)
		if !ok {
			warn(hromada.T("група %s: стовпця %q немає серед запитань анкети", "group %s: column %q is not a question of the questionnaire", g.ID, g.Column),
				hromada.T("звірте аркуш «Групи» у project.xlsx з анкетою", "check the Groups sheet of project.xlsx against the form"))
			continue
		}
		if q.List == "" {
			continue
		}
		for _, v := range g.Values {
			if _, ok := form.Choice(q.List, v); !ok {
				warn(hromada.T("група %s: значення %q — не варіант запитання %q (список %s)", "group %s: value %q is not a choice of question %q (list %s)",
					g.ID, v, g.Column, q.List), choiceHint)
			}
		}
	}
	return ps
}
