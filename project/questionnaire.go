package project

import "github.com/hromada-tool/hromada"

// Question is one question of the household questionnaire that init writes
// as an XLSForm for KoboToolbox. Its Name is the column header of the
// export, so the default project settings read the export with no mapping.
type Question struct {
	Type     string       // XLSForm type: text, integer, select_one LIST, select_multiple LIST, …
	Name     string       // XLSForm name = export column
	Label    hromada.Text // question text
	Hint     hromada.Text
	Required bool
	Relevant string // XLSForm relevant expression
	Calc     string // XLSForm calculation, for type calculate
	Group    string // begin_group name this question sits in ("" = top level)
	Repeat   bool   // inside the household-member repeat group
}

// Choice is one answer option of a select list.
type Choice struct {
	List  string
	Name  string
	Label hromada.Text
}

// NeedOption ties an option of the needs question to a service of the
// catalogue by the service's key.
type NeedOption struct {
	Key   string // option name in the form and export, e.g. "early_intervention"
	Label hromada.Text
}

// NeedOptions are the services the questionnaire asks about, in the order
// the form lists them. Their keys are the catalogue's service keys.
var NeedOptions = []NeedOption{
	{"social_support", t("Соціальний супровід сім'ї у складних життєвих обставинах", "Social support of a family in difficult life circumstances")},
	{"counselling", t("Консультування (соціальне, юридичне, психологічне)", "Counselling (social, legal, psychological)")},
	{"psychosocial", t("Психологічна підтримка, відновлення після стресу", "Psychosocial support, recovery from stress")},
	{"crisis", t("Кризове та екстрене втручання", "Crisis and emergency intervention")},
	{"early_intervention", t("Рання втручання для дитини до 4 років", "Early intervention for a child under 4")},
	{"day_care_children", t("Денний догляд дитини з інвалідністю", "Day care for a child with a disability")},
	{"inclusive_support", t("Супровід дитини під час інклюзивного навчання", "Support of a child in inclusive education")},
	{"respite_care", t("Тимчасовий відпочинок для батьків (перепочинок)", "Respite care for parents")},
	{"home_care", t("Догляд вдома", "Home care")},
	{"supported_living", t("Підтримане проживання", "Supported living")},
	{"mediation", t("Посередництво (медіація)", "Mediation")},
	{"representation", t("Представництво інтересів", "Representation of interests")},
	{"natural_aid", t("Натуральна допомога (речі, продукти, засоби гігієни)", "In-kind assistance (goods, food, hygiene items)")},
	{"information", t("Інформування про права й послуги", "Information on rights and services")},
}

// MemberNeedsQuestion is the member-level question of the roster: which
// services this member needs, a select_multiple over the services counted
// in children or persons. The starter Needs rows of those services read
// their clients from it (METHODS.md §1.5).
const MemberNeedsQuestion = "member_needs"

// RosterSheet is the repeat group of household members, and the sheet of
// the Kobo export that holds its rows.
const RosterSheet = "roster"

// MemberNeedOptions are the keys of the services asked about for each
// member: those of NeedOptions counted in children or persons in the
// catalogue.
var MemberNeedOptions = []string{"day_care_children", "inclusive_support", "respite_care", "home_care", "supported_living"}

// GroupQuestion defines a default population group from a yes/no question.
type GroupQuestion struct {
	Group  string // group id of the catalogue
	Column string // question name
	Unit   hromada.Unit
}

// DefaultGroups are the population groups the questionnaire identifies,
// and the yes/no question that marks a household as a member.
var DefaultGroups = []GroupQuestion{
	{"families_with_children", "has_children", hromada.Family},
	{"idp", "idp", hromada.Family},
	{"low_income", "low_income", hromada.Family},
	{"child_disability", "child_disability", hromada.Child},
	{"large_family", "large_family", hromada.Family},
	{"sjo", "difficult_circumstances", hromada.Family},
}

// Questionnaire is the household questionnaire: one household a
// submission, needs as a select_multiple question.
var Questionnaire = []Question{
	{Type: "start", Name: "start"},
	{Type: "end", Name: "end"},
	{Type: "today", Name: "today"},
	{Type: "text", Name: "hromada", Label: t("Код громади (КАТОТТГ)", "Community code (KATOTTG)"), Required: true, Group: "location"},
	{Type: "select_one area", Name: "stratum", Label: t("Тип поселення", "Type of settlement"), Required: true, Group: "location"},
	{Type: "text", Name: "settlement", Label: t("Населений пункт", "Settlement"), Hint: t("кластер вибірки", "the sample cluster"), Required: true, Group: "location"},
	{Type: "select_one yn", Name: "consent", Label: t("Чи погоджуєтеся ви взяти участь в опитуванні?", "Do you agree to take part in the survey?"), Required: true},
	{Type: "integer", Name: "hh_size", Label: t("Скільки осіб живе у вашому домогосподарстві?", "How many people live in your household?"), Required: true, Relevant: "${consent} = 'yes'", Group: "household"},
	{Type: "integer", Name: "n_children", Label: t("Скільки з них дітей до 18 років?", "How many of them are children under 18?"), Required: true, Relevant: "${consent} = 'yes'", Group: "household"},
	{Type: "calculate", Name: "has_children", Calc: "if(${n_children} > 0, 'yes', 'no')", Group: "household"},
	{Type: "select_one yn", Name: "idp", Label: t("Чи є ваша сім'я внутрішньо переміщеними особами?", "Is your family internally displaced?"), Required: true, Relevant: "${n_children} > 0", Group: "household"},
	{Type: "select_one yn", Name: "low_income", Label: t("Чи отримує сім'я допомогу як малозабезпечена?", "Does the family receive low-income assistance?"), Required: true, Relevant: "${consent} = 'yes'", Group: "household"},
	{Type: "select_one yn", Name: "child_disability", Label: t("Чи є в сім'ї дитина з інвалідністю?", "Is there a child with a disability in the family?"), Required: true, Relevant: "${n_children} > 0", Group: "household"},
	{Type: "select_one yn", Name: "large_family", Label: t("Чи є сім'я багатодітною (3 і більше дітей)?", "Is it a large family (3 or more children)?"), Required: true, Relevant: "${n_children} > 0", Group: "household"},
	{Type: "select_one yn", Name: "difficult_circumstances", Label: t("Чи перебуває сім'я у складних життєвих обставинах?", "Is the family in difficult life circumstances?"), Required: true, Relevant: "${n_children} > 0", Group: "household"},
	{Type: "select_multiple needs", Name: "needs", Label: t("Які з цих послуг потрібні вашій сім'ї зараз?", "Which of these services does your family need now?"), Required: true, Relevant: "${consent} = 'yes'", Group: "needs"},
	// The roster: one entry per household member, so that the clients of a
	// service for children or persons are the members who need it.
	{Type: "integer", Name: "member_age", Label: t("Вік члена домогосподарства (повних років)", "Age of the household member (full years)"),
		Hint: t("додайте по одному запису на кожного члена домогосподарства", "add one entry for each member of the household"), Required: true, Relevant: "${consent} = 'yes'", Repeat: true},
	{Type: "select_one yn", Name: "member_disability", Label: t("Чи має ця особа інвалідність?", "Does this person have a disability?"), Required: true, Relevant: "${consent} = 'yes'", Repeat: true},
	{Type: "select_multiple " + MemberNeedsQuestion, Name: MemberNeedsQuestion, Label: t("Які з цих послуг потрібні цій особі?", "Which of these services does this person need?"), Required: true, Relevant: "${consent} = 'yes'", Repeat: true},
}

// QuestionnaireChoices are the choice lists other than the needs list,
// which comes from NeedOptions.
var QuestionnaireChoices = []Choice{
	{"yn", "yes", t("Так", "Yes")},
	{"yn", "no", t("Ні", "No")},
	{"yn", "dnk", t("Не знаю", "Don't know")},
	{"yn", "pnta", t("Не бажаю відповідати", "Prefer not to answer")},
	{"area", "urban", t("Місто", "Urban")},
	{"area", "rural", t("Село", "Rural")},
}
