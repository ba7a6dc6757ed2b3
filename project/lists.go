package project

import (
	"strings"

	"github.com/hromada-tool/hromada"
)

// ListValue is one value a drop-down list allows, with what it means.
type ListValue struct {
	Code  string       // the value hromada stores, and the English drop-down offers
	Label hromada.Text // what the value means, shown in the instructions
	// Word is the value as a Ukrainian drop-down offers it («сім'я» for
	// family); "" offers the code. Either is accepted in any workbook.
	Word string
	// Also are other spellings accepted for the value (a form a person
	// types, «фіксована» for «фіксовані»).
	Also []string
}

// lv is shorthand for a list value.
func lv(code, word string, label hromada.Text, also ...string) ListValue {
	return ListValue{Code: code, Label: label, Word: word, Also: also}
}

// FixedLists are the drop-down lists whose values do not depend on the
// project, keyed by the List name of a [Field]. The lists "service",
// "group", "community" and "kekv" come from the catalogue and the project
// and are passed to the template writer (package workbook/inputbook). A
// Ukrainian template offers each value's Word, an English one its code; the reader accepts the code, the word,
// the meaning and the other spellings in either language, in any case
// ([ParseListValue]).
var FixedLists = map[string][]ListValue{
	"language": {
		lv("uk", "", t("українська", "Ukrainian")),
		lv("en", "", t("англійська", "English")),
	},
	"ci_method": {
		lv("logit", "", t("інтервал на шкалі логіта (як svyciprop у R, метод за замовчуванням)", "interval on the logit scale (as R svyciprop; the default)")),
		lv("wald", "", t("симетричний інтервал p ± t·SE", "symmetric interval p ± t·SE")),
		lv("wilson", "", t("інтервал Вілсона з ефективним розміром вибірки", "Wilson interval with the effective sample size")),
		lv("beta", "", t("інтервал Корна–Грейбарда (бета-розподіл), обережний для малих часток", "Korn–Graubard (beta) interval, cautious for small shares")),
	},
	"lonely_psu": {
		lv("adjust", "", t("центрувати на загальному середньому (як у R survey)", "centre on the grand mean (as in R survey)")),
		lv("remove", "", t("страта не додає дисперсії", "the stratum adds no variance")),
		lv("average", "", t("середнє інших страт", "average of the other strata")),
		lv("fail", "", t("зупинитися з помилкою", "stop with an error")),
	},
	"yesno": {
		lv("yes", "так", t("так", "yes"), "true", "1", "т"),
		lv("no", "ні", t("ні", "no"), "false", "0", "н"),
	},
	"unit": {
		lv("family", "сім'я", t("сім'я", "family"), "сім’я", "сімʼя", "сімя", "сім'ї", "сімей", "родина", "родини", "родин", "families"),
		lv("child", "дитина", t("дитина", "child"), "діти", "дітей", "children"),
		lv("person", "особа", t("особа", "person"), "особи", "осіб", "persons", "people"),
	},
	"ownership": {
		lv("communal", "комунальна", t("комунальна", "communal"), "комунальний", "комунальне"),
		lv("state", "державна", t("державна", "state"), "державний", "державне"),
		lv("ngo", "громадська", t("громадська організація", "non-governmental organisation"), "го", "громадське", "nongovernmental"),
		lv("private", "приватна", t("приватна", "private"), "приватний", "приватне"),
	},
	"cost_basis": {
		lv("fixed", "фіксовані", t("фіксована сума на рік", "a fixed amount a year"), "фіксована", "фіксовано"),
		lv("per_client", "на клієнта", t("сума на одного клієнта на рік", "an amount per client a year"), "на одного клієнта", "per client"),
	},
	"path": {
		lv("linear", "рівномірно", t("рівномірно за вказану кількість років (порожньо — за роки плану)", "evenly over the given years (empty: the plan's years)"), "лінійно"),
		lv("step", "одразу", t("ціль з першого року", "the target from the first year"), "з першого року"),
		lv("ramp", "за частками", t("частки цілі за роками", "shares of the target by year"), "частки"),
	},
	"use": {
		lv("floor", "мінімум", t("мінімум", "floor")),
		lv("demand", "попит", t("попит", "demand")),
	},
	"fte_step": {
		lv("0.25", "", t("чверть ставки", "a quarter post"), "0,25", "1/4"),
		lv("0.5", "", t("пів ставки", "half a post"), "0,5", "0.50", "1/2"),
	},
}

// Shown returns the value as a drop-down in lang offers it.
func (v ListValue) Shown(lang hromada.Lang) string {
	if lang == hromada.Ukrainian && v.Word != "" {
		return v.Word
	}
	return v.Code
}

// ParseListValue reads a value of the fixed list name written in either
// language — its code, its word, its meaning or another accepted
// spelling, in any case, with any apostrophe («Сім’я», "Family",
// "Per_Client") — and returns its code. ok is false when name is not a
// fixed list or v is none of its values.
func ParseListValue(name, v string) (code string, ok bool) {
	n := normValue(v)
	for _, x := range FixedLists[name] {
		if n == normValue(x.Code) || (x.Word != "" && n == normValue(x.Word)) ||
			n == normValue(x.Label.UK) || n == normValue(x.Label.EN) {
			return x.Code, true
		}
		for _, a := range x.Also {
			if n == normValue(a) {
				return x.Code, true
			}
		}
	}
	return "", false
}

// ListWords returns the values of the fixed list name as a drop-down in
// lang offers them.
func ListWords(name string, lang hromada.Lang) []string {
	var out []string
	for _, x := range FixedLists[name] {
		out = append(out, x.Shown(lang))
	}
	return out
}

// normValue folds a list value for matching: lower case, the apostrophes
// people type (’ ʼ ` ') as one, an underscore as a space, spaces
// collapsed.
func normValue(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("’", "'", "ʼ", "'", "`", "'", "‘", "'", "_", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// ServiceLabel is a service as a code cell of the templates shows it:
// its code, then its name, "002.0 — Консультування". Readers take the
// code before the dash.
func ServiceLabel(s hromada.Service, lang hromada.Lang) string {
	name := []rune(s.Name.In(lang))
	if len(name) > 60 {
		name = append(name[:59], '…')
	}
	return s.Code + " — " + string(name)
}
