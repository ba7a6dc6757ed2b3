package main

// The help of every command in Ukrainian and English (see help.go). In a
// flag text a word in `backquotes` names the flag's value in the list of
// flags (pflag's convention), in place of its type ("--survey file", not
// "--survey string"), in both languages.

// sharedFlags are the texts of flags several commands have alike; a
// command's own text (cmdHelp.flags) comes first.
var sharedFlags = map[string]helpText{
	"lang": {
		UK: "`мова` результатів і повідомлень: uk або en (типово — мова середовища: LC_ALL, LC_MESSAGES або LANG, інакше uk; команди, що читають проєкт, беруть мову з його налаштувань; довідку — мовою --lang чи середовища, бо проєкт вона не читає)",
		EN: "`language` of outputs and messages: uk or en (default: the project's setting, else LC_ALL, LC_MESSAGES or LANG, else uk; the help, which reads no project, is in the language of --lang or the environment)",
	},
	"quiet":            {"друкувати лише помилки", "print nothing but errors"},
	"password-file":    {"`файл` із паролем захищених робочих книг (або задайте HROMADA_PASSWORD)", "`file` holding the password of protected workbooks (or set HROMADA_PASSWORD)"},
	"overwrite-edited": {"замінювати вихідні робочі книги, які людина змінила після запису hromada (ці зміни втрачаються)", "replace output workbooks a person changed since hromada wrote them (their edits are lost)"},
	"no-suppress":      {"показувати ненадійні оцінки й малі підрахунки (лише для внутрішнього вжитку)", "show unreliable estimates and small counts (internal use only)"},
	"community":        {"лише ці `громади` (код або назва; можна повторювати)", "only these `communities` (code or name; repeatable)"},
	"no-descriptions":  {"без описів у підказках автодоповнення", "disable completion descriptions"},
}

// commandHelp is the help of every command by helpKey.
var commandHelp = map[string]cmdHelp{
	"hromada": {
		short: helpText{
			UK: "Планування соціальних послуг громади: потреби, прогалини в послугах, бюджет",
			EN: "Plan social services for a community: needs, service gaps, budgets",
		},
		long: helpText{
			UK: `hromada перетворює файли, які громада вже має, — експорти опитування
домогосподарств (KoboToolbox), дані реєстрів, реєстр надавачів послуг,
дані про витрати — на оцінку потреб із довірчими інтервалами, план
усунення прогалин у послугах і багаторічний бюджет; кожне — робоча книга
Excel українською чи англійською.

Почніть з 'hromada init my-project', заповніть робочі книги, перевірте їх
командою 'hromada check my-project', потім запустіть
'hromada run my-project -o out'.

Довідка — українською; англійською — з --lang en або в англомовному
середовищі (LANG=en_US.UTF-8).`,
			EN: `hromada turns the files a community already has — household-survey exports
(KoboToolbox), registry counts, an inventory of providers, cost data — into an
assessment of needs with confidence intervals, a service-gap plan and a
multi-year budget, each an Excel workbook in Ukrainian or English.

Start with 'hromada init my-project', fill in the workbooks, check them with
'hromada check my-project', then run 'hromada run my-project -o out'.

This help is in English because --lang en or the environment (LANG=en_US…)
asks for it; without them it is in Ukrainian.`,
		},
		example: helpText{
			UK: `  hromada init my-project --lang uk       # новий проєкт, робочі книги українською
  hromada check my-project                # після заповнення робочих книг
  hromada run my-project -o out
  # швидкий погляд на один експорт опитування, без проєкту
  hromada assess --survey export.xlsx --weight weight --strata stratum --cluster cluster_id --need needs --by idp`,
			EN: `  hromada init my-project --lang uk       # a new project, workbooks in Ukrainian
  hromada check my-project                # after filling in the workbooks
  hromada run my-project -o out
  # a quick look at one survey export, without a project
  hromada assess --survey export.xlsx --weight weight --strata stratum --cluster cluster_id --need needs --by idp`,
		},
	},
	"init": {
		args:  helpText{"ПАПКА", "DIR"},
		short: helpText{"Створити заготовку проєкту: вхідні робочі книги й анкету домогосподарства", "Write a starter project: input workbooks and the household questionnaire"},
		long: helpText{
			UK: `init записує новий проєкт у ПАПКУ, якої ще немає або яка порожня:

  project.xlsx        налаштування, громади, групи населення, потреби
  registry.xlsx       дані реєстрів за громадами й групами (додаток 1)
  providers.xlsx      надавачі послуг (додаток 2)
  costs.xlsx          посади й оклади, інші й стартові витрати, фінансування,
                      доходи
  questionnaire.xlsx  анкета домогосподарства (XLSForm) для KoboToolbox
  survey/             папка для експортів опитування

Кожна робоча книга починається аркушем «Інструкція»; заповніть її жовті
клітинки. Налаштування вже називають стовпці анкети, тож експорт із
KoboToolbox читається як є. Заголовки й інструкції — мовою --lang
(типово — мовою середовища, LANG, інакше uk); анкета — обома мовами.

Проєкт записується цілим або ніяк: init готує його в тимчасовій папці
поруч із ПАПКОЮ й наприкінці перейменовує.`,
			EN: `init writes a new project into the folder DIR, which must not exist yet or be
empty:

  project.xlsx        settings, communities, population groups, needs
  registry.xlsx       registry counts per community and group (Annex 1)
  providers.xlsx      service providers (Annex 2)
  costs.xlsx          posts, salaries, other costs, start-up, funding, revenue
  questionnaire.xlsx  the household questionnaire (XLSForm) for KoboToolbox
  survey/             the folder for the survey exports

Each workbook opens with an Instructions sheet; fill in its yellow cells.
The settings already name the questionnaire's columns, so a KoboToolbox
export of it is read as it is. Headers and instructions are in the language
of --lang (default: the language of the environment, LANG, else uk); the
questionnaire has both languages.

The project is written whole or not at all: init builds it in a temporary
folder next to DIR and renames it at the end.`,
		},
		example: helpText{
			UK: `  hromada init andrushivka
  hromada init consortium-2026 --lang en      # англійською
  hromada check andrushivka                   # після заповнення робочих книг`,
			EN: `  hromada init andrushivka
  hromada init consortium-2026 --lang en      # in English
  hromada check andrushivka                   # after filling in the workbooks`,
		},
	},
	"check": {
		args:  helpText{"[ПРОЄКТ]", "[PROJECT]"},
		short: helpText{"Перевірити всі вхідні дані проєкту й назвати кожну проблему", "Validate every input of a project and list every problem"},
		long: helpText{
			UK: `check читає всі вхідні дані проєкту — налаштування, дані реєстрів,
надавачів, витрати, анкету й опитування кожної громади — і називає всі
проблеми разом, кожну з файлом, аркушем і клітинкою: що не так і що
дозволено. Нічого не записує. Попередження (страта з одним кластером,
відсутній необов'язковий файл) не означають, що перевірку не пройдено.

ПРОЄКТ — папка проєкту (типово — поточна папка).`,
			EN: `check reads every input of a project — settings, registry counts, providers,
costs, the questionnaire and every community's survey — and lists every
problem at once, each with its file, sheet and cell, what is wrong and what is
allowed. It writes nothing. Warnings (a stratum with a single cluster, an
optional file missing) do not fail the check.

PROJECT is the project folder (default: the current folder).`,
		},
		example: helpText{
			UK: `  hromada check my-project
  hromada check                      # проєкт у поточній папці
  HROMADA_PASSWORD=secret hromada check my-project   # пароль захищених робочих книг`,
			EN: `  hromada check my-project
  hromada check                      # the project in the current folder
  HROMADA_PASSWORD=secret hromada check my-project   # the password of protected workbooks`,
		},
	},
	"assess": {
		args:  helpText{"[ПРОЄКТ]", "[PROJECT]"},
		short: helpText{"Оцінити частку тих, хто потребує, і попит за групами населення та послугами", "Estimate need rates and demand per population group and service"},
		long: helpText{
			UK: `assess оцінює з опитування домогосподарств частку домогосподарств кожної
групи населення, які потребують кожної соціальної послуги, — з довірчими
інтервалами, що враховують дизайн вибірки (лінеаризація Тейлора, як у R
survey), — і попит у сім'ях, дітях чи особах за даними реєстрів.

Режим проєкту читає папку проєкту й записує у вихідну папку робочу книгу
оцінки потреб для кожної громади. Швидкий режим читає окремий файл
опитування (--survey), стовпці якого названо параметрами; проєкт не
потрібен.

Оцінки, що не відповідають стандартам надійності NCHS, і клітинки, за
якими стоїть менше респондентів, ніж мінімально потрібно, у результатах
приховано з поясненням причини; --no-suppress показує їх — лише для
внутрішнього вжитку.

Робочу книгу оцінки, яку людина змінила після запису hromada, не
замінюють: assess нічого не записує, називає її й завершується з кодом 2;
--overwrite-edited замінює її.`,
			EN: `assess estimates, from a household survey, the share of households in each
population group that need each social service — with design-correct
confidence intervals (Taylor linearisation, as R survey) — and the demand in
families, children or persons, using the registry counts.

Project mode reads a project folder and writes one assessment workbook per
community into the output folder. Quick mode reads a bare survey file named
by --survey, with its columns named by flags, and needs no project.

Estimates that fail the NCHS reliability standards, and cells from fewer
respondents than the minimum count, are suppressed in the outputs with the
reason shown; --no-suppress shows them, for internal use only.

An assessment workbook a person edited since hromada wrote it is not
replaced: assess writes nothing, names it and exits 2; --overwrite-edited
replaces it.`,
		},
		example: helpText{
			UK: `  # режим проєкту: усі громади проєкту
  hromada assess examples/zhytomyr -o out

  # швидкий режим на експорті Kobo: кожен варіант select_multiple «needs» — послуга
  hromada assess --survey export.xlsx --weight weight --strata stratum --cluster cluster_id \
    --by idp_status,low_income --need needs --ci logit --json

  # опитування без ваг, стовпці потреб так/ні, робоча книга
  hromada assess --survey survey.csv --need need_day_care,need_counselling -o quick.xlsx

  # як аналітик REACH: домовленості analysistools, лише домогосподарства, що дали згоду
  hromada assess --survey export.xlsx --form tool.xlsx --weight weight --strata admin2 \
    --cluster cluster_id --by idp_status --need needs --mean days_help \
    --where A_2_consent=yes --reach --json`,
			EN: `  # project mode: every community of the project
  hromada assess examples/zhytomyr -o out

  # quick mode on a Kobo export: each option of the select_multiple "needs" is a service
  hromada assess --survey export.xlsx --weight weight --strata stratum --cluster cluster_id \
    --by idp_status,low_income --need needs --ci logit --json

  # an unweighted survey, yes/no need columns, a workbook
  hromada assess --survey survey.csv --need need_day_care,need_counselling -o quick.xlsx

  # as a REACH analyst: analysistools' conventions, consenting households only
  hromada assess --survey export.xlsx --form tool.xlsx --weight weight --strata admin2 \
    --cluster cluster_id --by idp_status --need needs --mean days_help \
    --where A_2_consent=yes --reach --json`,
		},
		flags: map[string]helpText{
			"out":              {"результат: `папка` в режимі проєкту (типово out), файл .xlsx у швидкому режимі", "output: a `folder` in project mode (default out), an .xlsx file in quick mode"},
			"json":             {"друкувати оцінки як JSON (стовпці результату analysistools) замість таблиці", "print the estimates as JSON (the analysistools result columns) instead of a table"},
			"community":        {"режим проєкту: лише ці `громади` (код або назва; можна повторювати)", "project mode: only these `communities` (code or name; repeatable)"},
			"survey":           {"швидкий режим: `файл` опитування (XLSX чи CSV), рядок на домогосподарство", "quick mode: the survey `file` (XLSX or CSV), one row per household"},
			"sheet":            {"швидкий режим: `аркуш` опитування (типово — перший)", "quick mode: the survey's `sheet` (default: the first)"},
			"form":             {"швидкий режим: `файл` XLSForm опитування — типи питань і підписи варіантів", "quick mode: the XLSForm `file` of the survey, for question types and choice labels"},
			"weight":           {"швидкий режим: `стовпець` ваг (типово — усі ваги 1)", "quick mode: weight `column` (default: every weight 1)"},
			"strata":           {"швидкий режим: `стовпець` страт (типово — одна страта)", "quick mode: stratum `column` (default: one stratum)"},
			"cluster":          {"швидкий режим: `стовпець` кластерів (первинних одиниць вибірки; типово кожне домогосподарство — окрема одиниця)", "quick mode: cluster (PSU) `column` (default: each household its own PSU)"},
			"fpc":              {"швидкий режим: `стовпець` із кількістю первинних одиниць вибірки в сукупності страти", "quick mode: `column` with the number of PSUs in the stratum's population"},
			"by":               {"швидкий режим: `стовпці` груп; кожне значення — група", "quick mode: grouping `columns`; each value is a group"},
			"need":             {"швидкий режим: `стовпці` потреб: питання select_multiple чи select_one (частка для кожного варіанта) або стовпці так/ні чи 0/1", "quick mode: need `columns`: select_multiple or select_one questions (each option a share) or yes/no / 0/1 columns"},
			"mean":             {"швидкий режим: числові `стовпці`, середнє яких оцінити", "quick mode: numeric `columns` whose mean to estimate"},
			"where":            {"швидкий режим: лишити рядки, де `СТОВПЕЦЬ=ЗНАЧЕННЯ` (або СТОВПЕЦЬ!=ЗНАЧЕННЯ); можна повторювати", "quick mode: keep the rows where `COL=VALUE` (or COL!=VALUE); repeatable"},
			"count":            {"швидкий режим: кількість групи за реєстром, `ГРУПА=N` (групу названо, як у таблиці, напр. idp_status=yes=1200 або all=5400); можна повторювати", "quick mode: registry count of a group, `GROUP=N` (group as the table names it, e.g. idp_status=yes=1200, or all=5400); repeatable"},
			"reach":            {"швидкий режим: домовленості REACH, як в analysistools: «не знаю» й «відмова» — теж відповіді, показано кожен варіант, інтервали Вальда на ступенях свободи всіх рядків із відповіддю, хоч би якої групи", "quick mode: REACH's conventions, as analysistools: don't know and refused are answers, every option is reported, Wald intervals on the degrees of freedom of every answered row, whatever the group"},
			"children":         {"швидкий режим: `стовпець` кількості дітей — для попиту в дітях", "quick mode: number-of-children `column`, for demand in children"},
			"persons":          {"швидкий режим: `стовпець` розміру домогосподарства — для попиту в особах", "quick mode: household-size `column`, for demand in persons"},
			"ci":               {"швидкий режим: `метод` інтервалу: logit, wald, wilson або beta", "quick mode: interval `method`: logit, wald, wilson or beta"},
			"level":            {"швидкий режим: довірчий `рівень`", "quick mode: confidence `level`"},
			"lonely-psu":       {"швидкий режим: страта з однією первинною одиницею вибірки — `спосіб`: adjust, remove, average або fail", "quick mode: a stratum with one PSU — `method`: adjust, remove, average or fail"},
			"min-count":        {"швидкий режим: найменша `кількість` респондентів за оприлюдненою оцінкою", "quick mode: fewest respondents (a `number`) behind a published estimate"},
			"community-column": {"швидкий режим: `стовпець` із назвою громади, разом із --community-value", "quick mode: `column` naming the community, with --community-value"},
			"community-value":  {"швидкий режим: лишити тільки рядки, де в --community-column стоїть це `значення`", "quick mode: keep only the rows with this `value` in --community-column"},
		},
	},
	"plan": {
		args:  helpText{"[ПРОЄКТ]", "[PROJECT]"},
		short: helpText{"Спланувати послуги, які треба створити й розширити, і їхній персонал за оцінкою потреб", "Plan the services to create and enhance, with their staff, from an assessment"},
		long: helpText{
			UK: `plan порівнює попит на кожну послугу з робочої книги оцінки потреб громади
зі спроможністю її надавачів і вирішує для кожної послуги: створити
(надавача немає), розширити (спроможність нижча за цільову) чи достатньо;
задає цільову кількість клієнтів за роками шляхом нарощування, потрібний
за нормативами навантаження персонал, посади, які слід заповнити, і
пріоритет.

Оцінку потреб читають з її робочої книги, тож попит, який людина виправила в
Excel, ужито виправленим; клітинки, яких plan не може вжити, названо з їхнім
місцем. У проєкті plan читає OUT/<громада>-assessment.xlsx (записану
'hromada assess' чи 'hromada run') і записує OUT/<громада>-plan.xlsx; якщо в
OUT є зведена робоча книга consolidated.xlsx, її перебудовують із робочих
книг у їхньому теперішньому вигляді (див. 'hromada consolidate'). Робочу
книгу плану, яку людина змінила після запису hromada, не замінюють: plan
нічого не записує, називає її й завершується з кодом 2; --overwrite-edited
замінює її.`,
			EN: `plan compares each service's demand, from the community's assessment
workbook, with the capacity of its providers, and decides per service:
create (no provider), enhance (capacity below the target) or sufficient; it
sets target clients year by year along the scale-up path, the staff they
need by the caseload norms, the posts to hire, and a priority rank.

The assessment is read from its workbook, so a demand a person corrected in
Excel is used as corrected; cells plan cannot use are listed with their
place. In a project, plan reads OUT/<community>-assessment.xlsx (written by
'hromada assess' or 'hromada run') and writes OUT/<community>-plan.xlsx;
when OUT holds consolidated.xlsx it is rebuilt from the workbooks as they
stand (see 'hromada consolidate'). A plan workbook a person edited since
hromada wrote it is not replaced: plan writes nothing, names it and exits
2; --overwrite-edited replaces it.`,
		},
		example: helpText{
			UK: `  hromada plan examples/zhytomyr -o out          # після 'hromada assess examples/zhytomyr -o out'
  hromada plan --assessment olevska-assessment.xlsx --inventory providers.xlsx \
    --community-code UA18060190000071101 --first-year 2026 --years 5 -o olevska-plan.xlsx`,
			EN: `  hromada plan examples/zhytomyr -o out          # after 'hromada assess examples/zhytomyr -o out'
  hromada plan --assessment olevska-assessment.xlsx --inventory providers.xlsx \
    --community-code UA18060190000071101 --first-year 2026 --years 5 -o olevska-plan.xlsx`,
		},
		flags: map[string]helpText{
			"out":            {"результат: `папка` в проєкті (типово out), файл .xlsx з --assessment", "output: a `folder` in a project (default out), an .xlsx file with --assessment"},
			"assessments":    {"`папка` з робочими книгами оцінки потреб (типово — вихідна папка)", "`folder` holding the assessment workbooks (default: the output folder)"},
			"json":           {"друкувати плани як JSON замість таблиці", "print the plans as JSON instead of a table"},
			"assessment":     {"без проєкту: `файл` робочої книги оцінки потреб", "without a project: the assessment workbook `file`"},
			"inventory":      {"без проєкту: `файл` реєстру надавачів (додаток 2)", "without a project: the provider inventory workbook `file` (Annex 2)"},
			"community-code": {"без проєкту: `код` громади в реєстрі надавачів", "without a project: the community's `code` in the inventory"},
			"first-year":     {"без проєкту: перший `рік` планування (типово — наступний рік)", "without a project: first planning `year` (default: next year)"},
			"years":          {"без проєкту: `кількість` років планування", "without a project: `number` of planning years"},
			"fte-step":       {"без проєкту: `крок` округлення штатних одиниць, 0,25 або 0,5", "without a project: staff rounding `step`, 0.25 or 0.5"},
		},
	},
	"budget": {
		args:  helpText{"[ПРОЄКТ]", "[PROJECT]"},
		short: helpText{"Розрахувати вартість плану за роками: хто платить і що лягає на місцевий бюджет", "Project the cost of the plan year by year, who pays it, and what the local budget must carry"},
		long: helpText{
			UK: `budget рахує вартість того, що додає план, — нових посад за окладами з ЄСВ,
інших витрат з індексацією на індекс споживчих цін, адміністративних витрат,
стартових закупівель, які повторюють після строку їх служби, — за роками,
ділить її між донором, державою й місцевим бюджетом за графіком фінансування
і знаходить рік, коли донор виходить («обрив»), стрибок місцевих витрат того
року й сукупні зобов'язання місцевого бюджету, а також спроможність громади:
місцеві витрати порівняно з доходами її бюджету.

План читають з його робочої книги, тож зміни планувальника (вилучена дія,
інша ціль, пріоритет) враховано. У проєкті budget читає
OUT/<громада>-plan.xlsx і записує OUT/<громада>-budget.xlsx — живу
робочу книгу: змініть жовту клітинку припущень, і її таблиці, ключові
показники й діаграми перерахуються; речення для звіту — незмінний текст.
Якщо в OUT є зведена робоча книга consolidated.xlsx, її перебудовують із
робочих книг у їхньому теперішньому вигляді (див. 'hromada consolidate').
Робочу книгу бюджету, яку людина змінила після запису hromada, не
замінюють: budget нічого не записує, називає її й завершується з кодом 2;
--overwrite-edited замінює її.`,
			EN: `budget costs what the plan adds — new posts at their salaries with ЄСВ,
other costs indexed by CPI, admin, start-up items re-bought after their
useful life — year by year, splits it between donor, state and the local
budget by the funding schedule, and finds the year the donor leaves (the
cliff), the jump in local cost that year and the cumulative local
commitment, with affordability against the community's budget revenue.

The plan is read from its workbook, so the planner's edits (an action
dropped, a target changed, a rank) are followed. In a project, budget reads
OUT/<community>-plan.xlsx and writes OUT/<community>-budget.xlsx, a live
workbook: change a yellow assumption cell and its tables, key figures and
charts recalculate; the sentences for the report are fixed text. When OUT
holds consolidated.xlsx it is rebuilt from the workbooks as they stand
(see 'hromada consolidate'). A budget workbook a person edited since
hromada wrote it is not replaced: budget writes nothing, names it and
exits 2; --overwrite-edited replaces it.`,
		},
		example: helpText{
			UK: `  hromada budget examples/zhytomyr -o out        # після 'hromada plan examples/zhytomyr -o out'
  hromada budget --plan olevska-plan.xlsx --costs costs.xlsx --community-code UA18060190000071101 -o olevska-budget.xlsx`,
			EN: `  hromada budget examples/zhytomyr -o out        # after 'hromada plan examples/zhytomyr -o out'
  hromada budget --plan olevska-plan.xlsx --costs costs.xlsx --community-code UA18060190000071101 -o olevska-budget.xlsx`,
		},
		flags: map[string]helpText{
			"out":            {"результат: `папка` в проєкті (типово out), файл .xlsx з --plan", "output: a `folder` in a project (default out), an .xlsx file with --plan"},
			"plans":          {"`папка` з робочими книгами планів (типово — вихідна папка)", "`folder` holding the plan workbooks (default: the output folder)"},
			"json":           {"друкувати бюджети як JSON замість таблиці", "print the budgets as JSON instead of a table"},
			"plan":           {"без проєкту: `файл` робочої книги плану", "without a project: the plan workbook `file`"},
			"costs":          {"без проєкту: `файл` робочої книги витрат", "without a project: the cost inputs workbook `file`"},
			"community-code": {"без проєкту: `код` громади на аркушах фінансування й доходів", "without a project: the community's `code` in the funding and revenue sheets"},
			"inventory":      {"без проєкту: `файл` реєстру надавачів — скільки клієнтів обслуговують зараз", "without a project: the provider inventory `file`, for the clients served now"},
		},
	},
	"run": {
		args:  helpText{"[ПРОЄКТ]", "[PROJECT]"},
		short: helpText{"Перевірити, оцінити потреби, спланувати й розрахувати бюджет для кожної громади проєкту", "Check, assess, plan and budget every community of a project"},
		long: helpText{
			UK: `run робить усю роботу для кожної громади проєкту: перевіряє всі вхідні
дані (як 'hromada check') і записує у вихідну папку робочу книгу оцінки
потреб кожної громади, з неї — робочу книгу плану, а з неї — робочу
книгу бюджету, а тоді зведену робочу книгу (` + consolidatedFile + `): рядок на
громаду, підсумки за всіма, діаграми й стан кожної громади. Кожен етап
читає робочу книгу, яку записав попередній, так само, як читав би змінену
людиною; кожне опитування читають один раз.

run ніколи не замінює робочу книгу, яку людина змінила після запису
hromada (hromada зберігає відбиток вмісту кожної робочої книги в її
властивостях): якщо якусь вихідну робочу книгу змінено, run нічого не
записує, називає кожен змінений файл і завершується з кодом 2. Щоб
зберегти зміни, перенесіть файл або запишіть в іншу папку (-o) — щоб
продовжити зі зміненою оцінкою чи планом, запустіть 'hromada plan' чи
'hromada budget', які читають їх такими, як вони є, — або замініть
робочі книги з --overwrite-edited.

Громади обробляються водночас, скільки є ядер (--jobs). Проблема у
вхідних даних однієї громади (її опитування, її рядки реєстру) зупиняє
лише цю громаду: інші обробляються, стан кожної друкується, а код
завершення — 1. Проблема в спільних для проєкту даних (налаштування,
групи, потреби, витрати) зупиняє run до запису будь-чого.

У терміналі смуга поступу показує оброблені громади й етапи; у конвеєрі
чи журналі CI — рядок на громаду.`,
			EN: `run does the whole job for every community of a project: it checks every
input (as 'hromada check' does) and writes each community's assessment
workbook, from it the plan workbook, and from that the budget workbook into
the output folder, then the consolidated workbook (` + consolidatedFile + `): one row
per community, totals across them, charts and each community's status.
Each stage reads the workbook the stage before wrote, as it would one a
person edited; each survey is read once.

run never replaces a workbook a person changed since hromada wrote it
(hromada records a fingerprint of each workbook's content in its
properties): when any output workbook was edited, run writes nothing,
names each edited file and exits 2. Keep the edits by moving the file or
writing to another folder (-o) — to carry an edited assessment or plan on,
run 'hromada plan' or 'hromada budget', which read it as it stands — or
replace the workbooks with --overwrite-edited.

Communities run at the same time, as many as there are cores (--jobs). A
problem in one community's inputs (its survey, its registry rows) stops
that community only: the others run, the status of each is printed and
the exit status is 1. A problem in project-wide inputs (settings, groups,
needs, costs) stops the run before anything is written.

On a terminal a progress bar shows the communities and stages done; in a
pipe or a CI log, a line per community.`,
		},
		example: helpText{
			UK: `  hromada run examples/zhytomyr -o out
  hromada run my-project -o out --lang en     # робочі книги й повідомлення англійською
  hromada run national -o out --jobs 8        # вісім громад водночас`,
			EN: `  hromada run examples/zhytomyr -o out
  hromada run my-project -o out --lang en     # workbooks and messages in English
  hromada run national -o out --jobs 8        # eight communities at once`,
		},
		flags: map[string]helpText{
			"out":  {"вихідна `папка`", "output `folder`"},
			"jobs": {"скільки громад обробляти водночас (`кількість`; 0 — скільки ядер)", "communities to run at once (a `number`; 0: as many as cores)"},
		},
	},
	"consolidate": {
		args:  helpText{"[ПРОЄКТ]", "[PROJECT]"},
		short: helpText{"Перебудувати зведену робочу книгу з робочих книг вихідної папки в їхньому теперішньому вигляді", "Rebuild the consolidated workbook from the workbooks as they stand in the output folder"},
		long: helpText{
			UK: `consolidate перебудовує зведену робочу книгу вихідної папки
(` + consolidatedFile + `) з робочих книг кожної громади в їхньому теперішньому
вигляді, разом зі змінами, і не записує жодної іншої робочої книги:
послуги плану — з робочої книги оцінки потреб (як читає 'hromada plan'),
показники бюджету — з робочої книги плану (як читає 'hromada budget', тож
вилучену дію чи підвищену ціль враховано так, як їх залишив
планувальник). Домогосподарства й сім'ї, що потребують, беруть з
опитувань, як і під час оцінки. Зміни в жовтих клітинках робочої книги
бюджету перераховують лише цю книгу; зведена робоча книга рахує план за
даними про витрати проєкту.

Громаду, у якої бракує робочої книги оцінки, плану чи бюджету, на аркуші
«Стан» позначено як таку, що не пройшла цього етапу. План, зроблений з
іншої версії оцінки, бюджет, зроблений з іншої версії плану (кожен
зберігає відбиток свого джерела), і робочі книги громади, що не пройшла
етапу, названо застарілими на аркуші «Стан» і під таблицею, також із -q.
'hromada plan' і 'hromada budget' у проєкті наприкінці так само
перебудовують зведену робочу книгу.`,
			EN: `consolidate rebuilds the output folder's ` + consolidatedFile + ` from each
community's workbooks as they stand there, edits included, without
writing any other workbook: the plan's services from the assessment
workbook (as 'hromada plan' reads it), the budget's figures from the plan
workbook (as 'hromada budget' reads it, so a dropped action or a raised
target is costed as the planner left it). Households and families in need
come from the surveys, as when the assessment was made. Edits typed into a
budget workbook's yellow cells recalculate that workbook only; the
consolidated workbook costs the plan with the project's cost inputs.

A community whose assessment, plan or budget workbook is missing is
listed as failed at that stage on the Status sheet. A plan made from
another version of its assessment, a budget made from another version of
its plan (each records the fingerprint of its source) and the workbooks
of a failed community are named out of date on the Status sheet and
below the table, with -q too. 'hromada plan' and 'hromada budget' on a
project end by rebuilding ` + consolidatedFile + ` the same way.`,
		},
		example: helpText{
			UK: `  hromada consolidate examples/zhytomyr -o out   # після зміни плану й 'hromada budget examples/zhytomyr -o out'`,
			EN: `  hromada consolidate examples/zhytomyr -o out   # after editing a plan and 'hromada budget examples/zhytomyr -o out'`,
		},
		flags: map[string]helpText{
			"out":  {"вихідна `папка` з робочими книгами", "output `folder` holding the workbooks"},
			"jobs": {"скільки громад читати водночас (`кількість`; 0 — скільки ядер)", "communities to read at once (a `number`; 0: as many as cores)"},
		},
	},
	"serve": {
		args:  helpText{"[ПРОЄКТ]", "[PROJECT]"},
		short: helpText{"Уся робота в браузері: сторінка на цьому комп'ютері", "Do the whole job in a browser: a page on this computer"},
		long: helpText{
			UK: `serve відкриває в браузері сторінку, яка робить те саме, що й команди, —
для тих, хто не працює в терміналі: створити проєкт із шаблонів, відкрити
папку проєкту або завантажити його робочі книги й експорти опитування
(також zip-архів папки), перевірити його (кожна проблема з файлом,
аркушем і клітинкою), запустити (поступ за громадами, таблиця стану,
робочі книги для завантаження), переглянути головні показники й діаграми
кожної громади та швидко подивитися один експорт KoboToolbox. Сторінка
українською, з перемикачем на англійську.

Сторінка доступна лише на цьому комп'ютері (127.0.0.1), на вільному порту
(--port, щоб вибрати його), а її адреса містить ключ цього сеансу:
відкрийте адресу, яку друкує serve, або додайте --open, щоб відкрити її в
типовому браузері. Нічого не надсилається в інтернет. Нові проєкти,
завантаження й швидкі перегляди зберігаються в робочій папці (--work;
типово — папка hromada у вашій домашній папці). ПРОЄКТ, якщо його задано,
відкривається одразу. Зупиніть сторінку клавішами Ctrl-C.

Наприклад (кожна з цих команд працює до Ctrl-C, тому в довідці немає
прикладів, які завершуються самі):

  hromada serve --open
  hromada serve my-project --port 8080
  hromada serve --work D:\hromada`,
			EN: `serve starts a page in the browser that does what the commands do, for
people who do not use a terminal: start a project from the templates, open a
project folder or upload its workbooks and survey exports (a zip of the
folder too), check it (every problem with its file, sheet and cell), run it
(progress per community, the status table, the workbooks to download), look
at each community's headline figures and charts, and take a quick look at
one KoboToolbox export. The page is in Ukrainian, with an English switch.

The page is served on this computer only (127.0.0.1), on a free port
(--port to choose one), and its address carries a key for this session:
open the address serve prints, or give --open to open it in the default
browser. Nothing is sent to the internet. New projects, uploads and quick
looks are kept in the working folder (--work; default: the folder hromada
in your home folder). PROJECT, when given, is opened at the start. Stop the
page with Ctrl-C.

For example (each runs until Ctrl-C, so the help has no runnable examples):

  hromada serve --open
  hromada serve my-project --port 8080
  hromada serve --work D:\hromada`,
		},
		flags: map[string]helpText{
			"port":   {"`порт` для роботи сторінки (0 — будь-який вільний)", "`port` to listen on (0: a free one)"},
			"listen": {"`адреса` для роботи сторінки; будь-яка інша, ніж цього комп'ютера (127.0.0.1), відкриває сторінку іншим у мережі", "`address` to listen on; another than this computer's (127.0.0.1) lets others on the network reach the page"},
			"open":   {"відкрити сторінку в типовому браузері", "open the page in the default browser"},
			"work":   {"робоча `папка` для нових проєктів, завантажень і швидких переглядів (типово — hromada у вашій домашній папці)", "working `folder` for new projects, uploads and quick looks (default: hromada in your home folder)"},
		},
	},
	// Cobra's own commands: the English is Cobra's.
	"help": {
		args:  helpText{"[команда]", ""},
		short: helpText{"Довідка про будь-яку команду", ""},
		long:  helpText{"Довідка про будь-яку команду: «hromada help [команда]» — те саме,\nщо «hromada [команда] --help».", ""},
	},
	"completion": {
		short: helpText{"Сценарій автодоповнення команд для оболонки", ""},
		long:  helpText{"Друкує сценарій автодоповнення команд hromada для оболонки bash, zsh,\nfish чи powershell. Як його підключити — у довідці кожної оболонки:\n«hromada completion bash --help».", ""},
	},
	"completion bash":       completionHelp("bash", "source <(hromada completion bash)", everySession("hromada completion bash > /etc/bash_completion.d/hromada")),
	"completion zsh":        completionHelp("zsh", "source <(hromada completion zsh)", everySession(`hromada completion zsh > "${fpath[1]}/_hromada"`)),
	"completion fish":       completionHelp("fish", "hromada completion fish | source", everySession("hromada completion fish > ~/.config/fish/completions/hromada.fish")),
	"completion powershell": completionHelp("powershell", "hromada completion powershell | Out-String | Invoke-Expression", "Щоб підключати його в кожному новому сеансі, додайте вивід цієї команди до свого профілю powershell."),
}

// completionHelp is the Ukrainian help of the command that prints the
// completion script for shell: now loads it in the current session,
// always says how to load it in every new one. The English is Cobra's.
func completionHelp(shell, now, always string) cmdHelp {
	return cmdHelp{
		short: helpText{"Сценарій автодоповнення для " + shell, ""},
		long: helpText{"Друкує сценарій автодоповнення команд hromada для " + shell + ".\n\n" +
			"Щоб підключити його в поточному сеансі:\n\n\t" + now + "\n\n" + always + "\n\n" +
			"Зміни діють у новому сеансі оболонки.", ""},
	}
}

// everySession is the Ukrainian paragraph of completionHelp that loads the
// script in every new session with cmd.
func everySession(cmd string) string {
	return "Щоб підключати його в кожному новому сеансі, виконайте один раз:\n\n\t" + cmd
}
