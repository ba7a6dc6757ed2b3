package main

// place is one community of the example project with its real population.
type place struct {
	Code   string // KATOTTG code
	UK, EN string // short name of the community
	Slug   string // survey file name, without .xlsx
	Pop    int    // residents, 2022
	Urban  int    // urban residents, 2022
	Town   string // the town (urban stratum), in Ukrainian
}

// places are the six communities of Zhytomyr oblast in the "Minimum Package
// of Integrated Social Services for Families with Children" project.
//
// Population and urban population are real: State Statistics Service of
// Ukraine, population as of 1 January 2022, as derived by the
// KSE-Loc-Data-Hub (data/derived/ua-pop-2022.csv). Zviahelska community was
// called Novohrad-Volynska until its town was renamed in 2022; the source
// lists it under the old name. Everything else in the example is synthetic.
var places = []place{
	{Code: "UA18020010000059904", UK: "Андрушівська", EN: "Andrushivska", Slug: "andrushivska", Pop: 19530, Urban: 8325, Town: "Андрушівка"},
	{Code: "UA18040190000029215", UK: "Житомирська", EN: "Zhytomyrska", Slug: "zhytomyrska", Pop: 263237, Urban: 261624, Town: "Житомир"},
	{Code: "UA18080150000022496", UK: "Звягельська", EN: "Zviahelska", Slug: "zviahelska", Pop: 61105, Urban: 55086, Town: "Звягель"},
	{Code: "UA18060090000061708", UK: "Коростенська", EN: "Korostenska", Slug: "korostenska", Pop: 71498, Urban: 61496, Town: "Коростень"},
	{Code: "UA18060190000071101", UK: "Олевська", EN: "Olevska", Slug: "olevska", Pop: 34193, Urban: 11166, Town: "Олевськ"},
	{Code: "UA18040570000099817", UK: "Хорошівська", EN: "Khoroshivska", Slug: "khoroshivska", Pop: 17575, Urban: 7335, Town: "Хорошів"},
}

// villageNames are common Ukrainian village names. Rural clusters take
// their names from this list at random: they are not the real villages of
// the communities.
var villageNames = []string{
	"Березівка", "Бобрик", "Болярка", "Борове", "Бровки", "Буда", "Вербівка",
	"Вереси", "Весняне", "Видибор", "Вишневе", "Вишняки", "Вільхове", "Вільшанка",
	"Гай", "Гайове", "Глибочок", "Горбулів", "Гордіївка", "Городище", "Грабівка",
	"Гуменники", "Гута", "Дідківці", "Довжик", "Дубки", "Дубове", "Дубрівка",
	"Заболоття", "Забілоччя", "Завалля", "Загір'я", "Зарічне", "Зарудя",
	"Зелена Діброва", "Іванівка", "Калинівка", "Кам'янка", "Кленове", "Козачки",
	"Кошарище", "Криниця", "Кропивня", "Курганці", "Липки", "Липники", "Лісна Рудня",
	"Лісове", "Лозівка", "Лука", "Любарка", "Малинівка", "Марківка", "Мартинівка",
	"Михайлівка", "Мирне", "Млинище", "Немирівка", "Нивки", "Нова Гута",
	"Новоселиця", "Озерне", "Ольшанка", "Осички", "Острів", "Підлісне", "Поліське",
	"Поляни", "Потоки", "Рихальське", "Романівка", "Рудня", "Рясне", "Садки",
	"Садове", "Селянщина", "Слобода", "Соснівка", "Ставки", "Старосілля", "Степок",
	"Сущани", "Тарасівка", "Теклівка", "Тетерівка", "Тополівка", "Улянівка",
	"Ходаки", "Хмелівка", "Черемошне", "Юрівка", "Ялинівка", "Ясенівка", "Ярошівка",
}
