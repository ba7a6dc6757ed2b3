package assessbook

import (
	"math"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/workbook"
)

// assessText holds every text of the assessment workbook in Ukrainian and
// English, by key, with the texts all reports share
// ([workbook.ReportText]). Texts with verbs (%s, %d) are fmt formats; both
// languages take the same arguments in the same order. Keys starting
// "demand." and "est." are column headers of the Demand and Estimates
// sheets (see demandColumns and estimateColumns).
var assessText = workbook.ReportText.With(workbook.Texts{
	// Sheets.
	"sheet.summary":   {UK: "Підсумок", EN: "Summary"},
	"sheet.demand":    {UK: "Потреба", EN: "Demand"},
	"sheet.estimates": {UK: "Оцінки", EN: "Estimates"},
	"sheet.quality":   {UK: "Якість даних", EN: "Data quality"},
	"sheet.methods":   {UK: "Методи", EN: "Methods"},

	// Units: what a rate is per (their plural forms are unitText's).
	"unit.family.per":   {UK: "сім'ю", EN: "family"},
	"unit.child.per":    {UK: "дитину", EN: "child"},
	"unit.person.per":   {UK: "особу", EN: "person"},
	"rate.share":        {UK: "частка %s", EN: "share of %s"}, // share of families
	"rate.per":          {UK: "%s на %s", EN: "%s per %s"},    // children per family
	"basis.registry":    {UK: "реєстр", EN: "registry"},
	"basis.survey":      {UK: "оцінка з опитування", EN: "survey estimate"},
	"basis.respondents": {UK: "опитування: респонденти, не сім'ї громади", EN: "survey: respondents, not families of the community"},

	// Reliability.
	"rel.ok":                 {UK: "надійна", EN: "ok"},
	"rel.review":             {UK: "перевірити: %s", EN: "review: %s"},
	"rel.suppressed":         {UK: "приховано: %s", EN: "suppressed: %s"},
	"rel.unpublishable":      {UK: "ненадійна, не для публікації: %s", EN: "unreliable, not for publication: %s"},
	"rel.small":              {UK: "< %d", EN: "< %d"},
	"rel.hidden":             {UK: "приховано", EN: "suppressed"},
	"flag.no_data":           {UK: "немає відповідей", EN: "no answers"},
	"flag.no_df":             {UK: "немає ступенів свободи (df ≤ 0)", EN: "no degrees of freedom (df ≤ 0)"},
	"flag.no_se":             {UK: "похибку не можна оцінити", EN: "the standard error cannot be estimated"},
	"flag.p_0_or_1":          {UK: "оцінка 0 % або 100 %", EN: "the rate is 0 % or 100 %"},
	"flag.df_lt_8":           {UK: "менше 8 ступенів свободи", EN: "fewer than 8 degrees of freedom"},
	"flag.neff_lt_30":        {UK: "ефективний розмір вибірки менше 30", EN: "effective sample size below 30"},
	"flag.wide_ci":           {UK: "ДІ ширший за 30 в. п.", EN: "CI 30 points wide or wider"},
	"flag.wide_relative_ci":  {UK: "ДІ ширший за 130 % оцінки", EN: "CI wider than 130 % of the rate"},
	"flag.small_count":       {UK: "мала комірка: менше %[1]d респондентів у групі або від 1 до %[2]d з потребою чи без неї (для кількості людей — менше %[1]d домогосподарств із потребою)", EN: "small cell: fewer than %[1]d respondents in the group, or 1 to %[2]d with the need or without it (for a count of people: fewer than %[1]d households in need)"},
	"flag.complementary":     {UK: "додаткове приховування: інакше малу комірку іншої групи можна було б відновити відніманням від «усіх»", EN: "complementary suppression: otherwise a small cell of another group could be recovered by subtraction from “all”"},
	"short.complementary":    {UK: "захист малої комірки", EN: "protects a small cell"},
	"flag.not_observed":      {UK: "жоден респондент не має потреби: не виявлено, а не 0", EN: "no respondent has the need: not observed, not 0"},
	"short.not_observed":     {UK: "не виявлено", EN: "not observed"},
	"rel.notobs":             {UK: "не виявлено (верхня межа %s сімей)", EN: "not observed (upper bound %s of families)"},
	"rel.notobs.nobound":     {UK: "не виявлено", EN: "not observed"},
	"clients.family":         {UK: "сім'я", EN: "the family"},
	"clients.roster":         {UK: "члени, яким потрібна послуга (повторна група)", EN: "members who need the service (roster)"},
	"clients.count":          {UK: "відповідь «скільки потребують» (не більше членів домогосподарства)", EN: "answer to “how many need it” (capped at the household's members)"},
	"clients.household":      {UK: "один клієнт на домогосподарство з потребою (припущення: немає питання про членів)", EN: "one client per household in need (an assumption: no question on members)"},
	"flag.lonely_psu":        {UK: "страта з одним кластером", EN: "a stratum with a single cluster"},
	"flag.high_rse":          {UK: "відносна похибка понад 30 %", EN: "relative standard error above 30 %"},
	"short.no_data":          {UK: "немає відповідей", EN: "no answers"},
	"short.no_df":            {UK: "df = 0", EN: "df = 0"},
	"short.no_se":            {UK: "немає SE", EN: "no SE"},
	"short.neff_lt_30":       {UK: "n_eff < 30", EN: "n_eff < 30"},
	"short.wide_ci":          {UK: "ДІ ≥ 30 в. п.", EN: "CI ≥ 30 points"},
	"short.wide_relative_ci": {UK: "ДІ > 130 % оцінки", EN: "CI > 130 % of rate"},
	"short.small_count":      {UK: "n < %d", EN: "n < %d"},

	// Summary.
	"sum.title":            {UK: "Оцінка потреб у соціальних послугах: %s", EN: "Assessment of needs for social services: %s"},
	"sum.project":          {UK: "Проєкт: %s", EN: "Project: %s"},
	"sum.survey":           {UK: "Опитування: %d %s (%s), %s, %s, %s.", EN: "Survey: %d %s (%s), %s, %s, %s."},
	"sum.strata":           {UK: "страт: %d", EN: "%d strata"},
	"sum.nostrata":         {UK: "без страт", EN: "no strata"},
	"sum.clusters":         {UK: "кластерів: %d", EN: "%d clusters"},
	"sum.noclusters":       {UK: "без кластерів", EN: "no clusters"},
	"sum.weighted":         {UK: "зважене (стовпець «%s»)", EN: "weighted (column “%s”)"},
	"sum.normalised":       {UK: "нормовані ваги (стовпець «%s»)", EN: "normalised weights (column “%s”)"},
	"sum.unweighted":       {UK: "без ваг", EN: "unweighted"},
	"sum.published":        {UK: "Версія для публікації: оцінки, що не відповідають правилам надійності NCHS або спираються на менше ніж %d респондентів, приховано із зазначенням причини.", EN: "Published version: estimates that fail the NCHS reliability rules or rest on fewer than %d respondents are suppressed, with the reason shown."},
	"sum.internal":         {UK: "Внутрішня версія (--no-suppress): показано всі оцінки, також ненадійні. Не публікуйте її.", EN: "Internal version (--no-suppress): every estimate is shown, unreliable ones too. Do not publish it."},
	"sum.report":           {UK: "Для звіту", EN: "For the report"},
	"sum.union":            {UK: "Потреба за послугами: усі цільові групи разом (без повторів)", EN: "Demand by service: all target groups together (unduplicated)"},
	"sum.union.note":       {UK: "Сім'я, що належить до кількох груп, рахується один раз. Рівень потреби — частка сімей цільових груп, а для послуг, що рахуються в дітях чи особах, — кількість дітей (осіб), які потребують послуги, на одну сім'ю.", EN: "A family in several groups counts once. Need rate: the share of the target groups' families, or for services counted in children or persons, the children (persons) in need per family."},
	"sum.union.plan":       {UK: "Ці цифри — лише про сім'ї цільових груп. План громади спирається саме на них (а не на «%s» нижче), бо послуги призначені цільовим групам (METHODS §2). Якщо цифру тут приховано як ненадійну, план пише «потрібні дані», навіть коли цифра для всіх домогосподарств надійна.", EN: "These figures are for the target groups' families only. The community's plan rests on them (not on \"%s\" below), because the services are for the target groups (METHODS §2). Where a figure here is hidden as unreliable, the plan says \"more data needed\", even when the figure for all households is reliable."},
	"sum.top.all":          {UK: "«%s» — кожне домогосподарство громади, не лише цільових груп; ці цифри описують громаду загалом, план на них не спирається.", EN: "\"%s\" are every household of the community, not only the target groups'; these figures describe the community as a whole, and the plan does not rest on them."},
	"sum.known":            {UK: "Відомі клієнти (адміністративні дані, не опитування)", EN: "Known clients (administrative counts, not the survey)"},
	"sum.known.count":      {UK: "Кількість", EN: "Count"},
	"sum.known.use":        {UK: "Як план використовує", EN: "How the plan uses it"},
	"sum.known.source":     {UK: "Джерело", EN: "Source"},
	"sum.known.note":       {UK: "Люди, про яких громада вже знає, що їм потрібна послуга (журнали обліку, реєстри). Це підрахунок, а не оцінка з вибірки, тому довірчого інтервалу немає. «Як попит» — план бере цю кількість замість оцінки опитування; «як нижня межа» — план бере більшу з двох: цю кількість чи надійну оцінку опитування.", EN: "People the community already knows need the service (case records, registers). A count, not a sample estimate, so it has no confidence interval. \"As demand\": the plan takes this count in place of the survey's estimate; \"as a floor\": the plan takes the larger of this count and a reliable survey estimate."},
	"known.demand":         {UK: "як попит", EN: "as demand"},
	"known.floor":          {UK: "як нижня межа", EN: "as a floor"},
	"known.cell":           {UK: "%s %s станом на %s (%s); план використовує %s", EN: "%s %s as of %s (%s); the plan uses it %s"},
	"sum.top":              {UK: "Найбільші потреби кожної групи (до %d послуг за рівнем потреби)", EN: "Top needs of each group (up to %d services by need rate)"},
	"sum.top.note":         {UK: "Рівень потреби — частка сімей групи, які потребують послуги.", EN: "Need rate: the share of the group's families that need the service."},
	"sum.top.group":        {UK: "%s: %s", EN: "%s: %s"},
	"sum.top.none":         {UK: "Даних недостатньо, щоб упорядкувати потреби групи: %s.", EN: "Not enough data to rank the group's needs: %s."},
	"sum.top.one":          {UK: "Надійна лише одна оцінка групи: даних недостатньо, щоб упорядкувати її потреби.", EN: "Only one of the group's estimates is reliable: not enough data to rank its needs."},
	"sum.size.registry":    {UK: "%s %s (реєстр, станом на %s)", EN: "%s %s (registry, as of %s)"},
	"sum.size.survey":      {UK: "%s %s (оцінка з опитування)", EN: "%s %s (survey estimate)"},
	"sum.size.respondents": {UK: "%s %s серед респондентів (без ваг: це не чисельність у громаді)", EN: "%s %s among the respondents (no weights: not a count of the community)"},
	"sum.col.service":      {UK: "Послуга", EN: "Service"},
	"sum.col.unit":         {UK: "Одиниця", EN: "Unit"},
	"sum.col.people":       {UK: "Потребують", EN: "In need"},
	"sum.col.low":          {UK: "%s від", EN: "%s from"},
	"sum.col.upp":          {UK: "до", EN: "to"},
	"sum.col.rate":         {UK: "Рівень потреби", EN: "Need rate"},
	"sum.col.rel":          {UK: "Надійність", EN: "Reliability"},
	"sum.chart.demand":     {UK: "Потреба за послугами, усі цільові групи разом, з %s", EN: "Demand by service, all target groups together, with %s"},
	"sum.chart.demand.y":   {UK: "сімей, дітей або осіб (одиниця — після назви послуги)", EN: "families, children or persons (unit in brackets)"},
	"sum.chart.rates":      {UK: "Рівень потреби за групами, з %s", EN: "Need rate by group, with %s"},
	"sum.chart.rates.y":    {UK: "частка сімей групи", EN: "share of the group's families"},
	"sum.rate.per":         {UK: `0.00" на %s"`, EN: `0.00" per %s"`},
	"sum.chart.series":     {UK: "Потребують", EN: "In need"},
	"sum.charts":           {UK: "Діаграми", EN: "Charts"},
	"sum.charts.note":      {UK: "Приховані оцінки на діаграмах не показано.", EN: "Suppressed estimates are left out of the charts."},

	// Sentences for the report.
	"say.union.first": {UK: "За оцінкою, серед сімей цільових груп послуги «%[1]s» %[2]s %[3]s %[4]s (%[5]s: %[6]s–%[7]s)", EN: "An estimated %[3]s %[4]s (%[5]s %[6]s–%[7]s) in the target groups %[2]s %[1]s"},
	"say.all.first":   {UK: "За оцінкою, у громаді послуги «%[1]s» %[2]s %[3]s %[4]s (%[5]s: %[6]s–%[7]s)", EN: "An estimated %[3]s %[4]s (%[5]s %[6]s–%[7]s) in the community %[2]s %[1]s"},
	"say.union.next":  {UK: "послуги «%[1]s» — %[3]s %[4]s (%[5]s: %[6]s–%[7]s)", EN: "%[3]s %[4]s (%[5]s %[6]s–%[7]s) %[2]s %[1]s"},
	"say.verb.one":    {UK: "потребує", EN: "needs"},
	"say.verb.many":   {UK: "потребують", EN: "need"},
	"say.rate.first":  {UK: "За оцінкою, послуги «%[1]s» потребують %[2]s сімей громади (%[3]s: %[4]s–%[5]s)", EN: "An estimated %[2]s of the community's families (%[3]s %[4]s–%[5]s) need %[1]s"},
	"say.rate.next":   {UK: "послуги «%[1]s» — %[2]s (%[3]s: %[4]s–%[5]s)", EN: "%[2]s (%[3]s %[4]s–%[5]s) need %[1]s"},
	"say.respondents": {UK: "Опитування не має ваг, тож кількість людей у громаді з нього оцінити не можна; потрібні дані реєстру.", EN: "The survey has no weights, so it cannot say how many people in the community need a service; registry counts are needed."},
	"say.union.and":   {UK: ", ", EN: ", "},
	"say.union.last":  {UK: ", ", EN: " and "},
	"say.top":         {UK: "Найвищий рівень потреби — у групі «%s», послуга «%s»: %s сімей групи (%s: %s–%s).", EN: "Need is highest among %s, for %s: %s of them (%s %s–%s)."},
	"say.basis":       {UK: "Чисельність груп без даних реєстру (%s) оцінено за вагами опитування.", EN: "The size of groups without a registry count (%s) is estimated from the survey's weights."},
	"say.suppressed":  {UK: "Оцінки, що спираються на замало відповідей, не наведено.", EN: "Estimates resting on too few answers are not given."},
	"say.norank":      {UK: "Надійних оцінок недостатньо, щоб сказати, яка потреба найбільша.", EN: "There are not enough reliable estimates to say which need is highest."},
	"say.none":        {UK: "Жодна оцінка потреби не відповідає правилам надійності для публікації.", EN: "No need estimate meets the reliability rules for publication."},

	// Demand columns (the contract plan reads; see docs/assessment-workbook.md).
	"demand.group_id":      {UK: "Код групи", EN: "Group ID"},
	"demand.group_name":    {UK: "Група", EN: "Group"},
	"demand.service_code":  {UK: "Код послуги", EN: "Service code"},
	"demand.service_name":  {UK: "Послуга", EN: "Service"},
	"demand.unit":          {UK: "Одиниця", EN: "Unit"},
	"demand.basis":         {UK: "Джерело чисельності", EN: "Count basis"},
	"demand.count":         {UK: "Чисельність N_g", EN: "Group size N_g"},
	"demand.count_unit":    {UK: "Одиниця N_g", EN: "N_g counted in"},
	"demand.count_of":      {UK: "N_g групи", EN: "N_g of group"},
	"demand.as_of":         {UK: "Станом на", EN: "As of"},
	"demand.rate":          {UK: "Рівень потреби", EN: "Need rate"},
	"demand.rate_low":      {UK: "Рівень: ДІ від", EN: "Rate: CI from"},
	"demand.rate_upp":      {UK: "Рівень: ДІ до", EN: "Rate: CI to"},
	"demand.rate_of":       {UK: "Рівень — це", EN: "Rate is"},
	"demand.people":        {UK: "Потребують", EN: "In need"},
	"demand.people_low":    {UK: "Потребують: ДІ від", EN: "In need: CI from"},
	"demand.people_upp":    {UK: "Потребують: ДІ до", EN: "In need: CI to"},
	"demand.reliability":   {UK: "Надійність", EN: "Reliability"},
	"demand.source":        {UK: "Джерело даних реєстру", EN: "Registry source"},
	"demand.known_clients": {UK: "Відомі клієнти (адміністративні дані)", EN: "Known clients (administrative)"},
	"demand.clients":       {UK: "Клієнти", EN: "Clients"},
	"demand.note":          {UK: "Аркуш, який читає команда «hromada plan». Потребують = N_g × рівень потреби, в одиницях послуги. Стовпці знаходять за назвою (українською, англійською або ключем), тож їх можна переставляти; потребу можна змінити вручну. У прихованих рядках замість чисел — примітка.", EN: "The sheet “plan” reads. In need = N_g × need rate, in the service's unit. Its columns are found by their names (in Ukrainian or English, or their keys), so they may be moved; a demand may be changed by hand. Rows that are suppressed hold a note instead of numbers."},

	// Data quality.
	"dq.title":           {UK: "Якість даних", EN: "Data quality"},
	"dq.survey":          {UK: "Опитування", EN: "Survey"},
	"dq.file":            {UK: "Файл", EN: "File"},
	"dq.sheet":           {UK: "Аркуш", EN: "Sheet"},
	"dq.rows":            {UK: "Рядків (домогосподарств) використано", EN: "Rows (households) used"},
	"dq.skipped":         {UK: "Рядків пропущено", EN: "Rows skipped"},
	"dq.strata":          {UK: "Страт", EN: "Strata"},
	"dq.psus":            {UK: "Кластерів (PSU)", EN: "Clusters (PSUs)"},
	"dq.lonely":          {UK: "Страти з одним кластером", EN: "Strata with a single cluster"},
	"dq.lonely.none":     {UK: "немає", EN: "none"},
	"dq.lonely.rule":     {UK: "%s; правило «%s»: %s", EN: "%s; rule “%s”: %s"},
	"lonely.adjust":      {UK: "внесок кластера центровано на загальне середнє", EN: "the cluster is centred on the grand mean"},
	"lonely.remove":      {UK: "страта не додає до дисперсії", EN: "the stratum adds nothing to the variance"},
	"lonely.average":     {UK: "страту відкинуто, дисперсію масштабовано на H/H_ok", EN: "the stratum is dropped and the variance scaled by H/H_ok"},
	"lonely.fail":        {UK: "не дозволено", EN: "not allowed"},
	"dq.answers":         {UK: "Відповіді за стовпцями", EN: "Answers by column"},
	"dq.col.column":      {UK: "Стовпець", EN: "Column"},
	"dq.col.what":        {UK: "Що вимірює", EN: "Measures"},
	"dq.col.answered":    {UK: "Є відповідь", EN: "Answered"},
	"dq.col.missing":     {UK: "Не знаю / відмова", EN: "Don't know / refused"},
	"dq.col.notasked":    {UK: "Не питали", EN: "Not asked"},
	"dq.col.share":       {UK: "Частка з відповіддю", EN: "Share answered"},
	"dq.flags":           {UK: "Позначки оцінок", EN: "Flags on estimates"},
	"dq.col.flag":        {UK: "Позначка", EN: "Flag"},
	"dq.col.meaning":     {UK: "Що означає", EN: "Meaning"},
	"dq.col.count":       {UK: "Оцінок", EN: "Estimates"},
	"dq.flags.none":      {UK: "Жодна оцінка не має позначок.", EN: "No estimate is flagged."},
	"dq.suppressed":      {UK: "Приховані оцінки", EN: "Suppressed estimates"},
	"dq.unpublishable":   {UK: "Ненадійні оцінки (у версії для публікації їх було б приховано)", EN: "Unreliable estimates (a published version would suppress them)"},
	"dq.col.group":       {UK: "Група", EN: "Group"},
	"dq.col.service":     {UK: "Послуга", EN: "Service"},
	"dq.col.estimate":    {UK: "Оцінка", EN: "Estimate"},
	"dq.col.reasons":     {UK: "Причини", EN: "Reasons"},
	"dq.suppressed.none": {UK: "Жодну оцінку не приховано.", EN: "No estimate is suppressed."},
	"dq.warnings":        {UK: "Попередження", EN: "Warnings"},
	"dq.warnings.none":   {UK: "Попереджень немає.", EN: "No warnings."},
	"dq.est.rate":        {UK: "рівень потреби", EN: "need rate"},
	"dq.est.demand":      {UK: "потреба (%s)", EN: "demand (%s)"},
	"dq.small.note":      {UK: "Кількості від 1 до %d показано як «< %d»: у таблицях для публікації малих кількостей респондентів не наводять.", EN: "Counts from 1 to %d are shown as “< %d”: published tables never give small counts of respondents."},

	// Methods.
	"m.title":          {UK: "Методи: як отримано кожне число", EN: "Methods: how every figure was made"},
	"m.design":         {UK: "Дизайн вибірки", EN: "Survey design"},
	"m.survey":         {UK: "Опитування", EN: "Survey"},
	"m.survey.text":    {UK: "%s, аркуш «%s»: використано домогосподарств — %d, пропущено рядків — %d.", EN: "%s, sheet “%s”: %d households used, %d rows skipped."},
	"m.survey.date":    {UK: "Дата опитування: %s.", EN: "Interviews: %s."},
	"sum.survey.date":  {UK: "%s; %s", EN: "%s; %s"},
	"m.weights":        {UK: "Ваги", EN: "Weights"},
	"m.weights.exp":    {UK: "Стовпець «%s»: вага — скільки сімей громади представляє домогосподарство.", EN: "Column “%s”: a household's weight is the number of families of the community it stands for."},
	"m.weights.norm":   {UK: "Стовпець «%s»: нормовані ваги (їх сума дорівнює кількості респондентів). Частки правильні, але чисельність груп з опитування — це кількість респондентів, а не сімей громади; потрібні дані реєстру.", EN: "Column “%s”: normalised weights (they sum to the respondents). Shares are right, but group sizes from the survey count respondents, not families of the community; registry counts are needed."},
	"m.weights.none":   {UK: "Без ваг: кожне домогосподарство важить однаково.", EN: "None: every household counts the same."},
	"m.strata":         {UK: "Страти", EN: "Strata"},
	"m.strata.col":     {UK: "Стовпець «%s»; страт: %d.", EN: "Column “%s”: %d strata."},
	"m.strata.none":    {UK: "Без страт.", EN: "None."},
	"m.clusters":       {UK: "Кластери (PSU)", EN: "Clusters (PSUs)"},
	"m.clusters.col":   {UK: "Стовпець «%s»; кластерів: %d (вкладені у страти).", EN: "Column “%s”: %d clusters, nested in strata."},
	"m.clusters.none":  {UK: "Без кластерів: кожне домогосподарство — окрема одиниця вибірки.", EN: "None: each household is its own sampling unit."},
	"m.fpc":            {UK: "Поправка на скінченну сукупність", EN: "Finite population correction"},
	"m.fpc.col":        {UK: "Стовпець «%s»: кількість кластерів у сукупності кожної страти.", EN: "Column “%s”: the clusters in the population of each stratum."},
	"m.fpc.none":       {UK: "Немає: вибір кластерів із поверненням.", EN: "None: clusters sampled with replacement."},
	"m.lonely":         {UK: "Страти з одним кластером", EN: "Strata with a single cluster"},
	"m.estimates":      {UK: "Оцінки", EN: "Estimates"},
	"m.rate":           {UK: "Рівень потреби", EN: "Need rate"},
	"m.rate.text":      {UK: "Частка сімей групи, які потребують послуги: p = Σ w·y / Σ w за домогосподарствами групи, що відповіли на питання. «Не знаю» та відмова — це відсутня відповідь, а не «ні». Знаменник один на питання: у питанні з кількома відповідями домогосподарство, яке відповіло лише «не знаю» чи відмовилося, не входить до оцінок цього питання; яке позначило й інші варіанти — входить з ними.", EN: "The share of a group's families that need a service: p = Σ w·y / Σ w over the group's households that answered. “Don't know” and refusals are missing answers, not “no”. One denominator per question: in a question with several answers, a household whose only answers are “don't know” or a refusal is left out of that question's estimates; one that ticked other options as well counts with them."},
	"m.rate.reach":     {UK: "Частка сімей групи, які дали відповідь: p = Σ w·y / Σ w за домогосподарствами групи, що відповіли на питання. Правила REACH (--reach, як analysistools): «не знаю» та відмова — такі самі відповіді, вони в знаменнику й показані як варіанти; показано кожен варіант.", EN: "The share of a group's families that gave an answer: p = Σ w·y / Σ w over the group's households that answered. REACH's conventions (--reach, as analysistools): “don't know” and refusals are answers like any other, in the denominator and shown as options; every option is shown."},
	"m.df.reach":       {UK: "Ступені свободи всього дизайну, обмеженого рядками з відповіддю на питання: кластери мінус страти (R degf), однакові для кожної групи, як srvyr survey_mean в analysistools.", EN: "The whole design's degrees of freedom, cut to the rows that answered the question: clusters minus strata (R degf), the same for every group, as srvyr's survey_mean in analysistools."},
	"m.where":          {UK: "Відбір рядків", EN: "Rows kept"},
	"m.where.text":     {UK: "Лише рядки, де %s (--where); решту пропущено.", EN: "Only the rows where %s (--where); the others are skipped."},
	"m.se":             {UK: "Стандартна похибка", EN: "Standard error"},
	"m.se.text":        {UK: "Лінеаризація Тейлора, кластери обрано з поверненням, як у пакеті R survey (svydesign(ids = ~кластер, strata = ~страта, weights = ~вага, nest = TRUE)). Групи — це домени: дисперсія сумується за всіма кластерами опитування, а не лише тими, де є члени групи.", EN: "Taylor linearisation, clusters sampled with replacement, as in R's survey package (svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight, nest = TRUE)). Groups are domains: the variance sums over every cluster of the survey, not only those with members of the group."},
	"m.df":             {UK: "Ступені свободи", EN: "Degrees of freedom"},
	"m.df.text":        {UK: "Кластери, у яких є член групи з відповіддю, мінус страти, у яких він є.", EN: "Clusters with an answering member of the group minus the strata with one."},
	"m.ci":             {UK: "Довірчий інтервал", EN: "Confidence interval"},
	"m.ci.logit":       {UK: "%s %%, логіт-інтервал: expit(logit(p) ± t·SE/(p(1−p))), t — квантиль розподілу Стьюдента зі ступенями свободи оцінки (R svyciprop, method = \"logit\").", EN: "%s %%, logit interval: expit(logit(p) ± t·SE/(p(1−p))), t the Student quantile with the estimate's degrees of freedom (R svyciprop, method = \"logit\")."},
	"m.ci.wald":        {UK: "%s %%, інтервал Вальда: p ± t·SE, t — квантиль розподілу Стьюдента зі ступенями свободи оцінки.", EN: "%s %%, Wald interval: p ± t·SE, t the Student quantile with the estimate's degrees of freedom."},
	"m.ci.wilson":      {UK: "%s %%, інтервал Вілсона на ефективному розмірі вибірки n* = p(1−p)/V.", EN: "%s %%, Wilson interval on the effective sample size n* = p(1−p)/V."},
	"m.ci.beta":        {UK: "%s %%, інтервал Корна–Граубарда (бета) (R svyciprop, method = \"beta\").", EN: "%s %%, Korn–Graubard (beta) interval (R svyciprop, method = \"beta\")."},
	"m.ci.other":       {UK: "Для середніх і відношень (послуги в дітях чи особах) — інтервал p ± t·SE. Коли p = 0 або 1 — однобічна межа Корна–Граубарда.", EN: "Means and ratios (services counted in children or persons) take p ± t·SE. When p is 0 or 1: the one-sided Korn–Graubard bound."},
	"m.nchs":           {UK: "Надійність (NCHS)", EN: "Reliability (NCHS)"},
	"m.nchs.text":      {UK: "Оцінку приховують, коли ефективний розмір вибірки n_eff = p(1−p)/V менше 30, ДІ ширший за 0,30, або ширина ДІ відносно p більша за 1,30 (якщо ширина понад 0,05). Позначають «перевірити», коли ступенів свободи менше 8, p = 0 або 1, або до дисперсії увійшла страта з одним кластером.", EN: "An estimate is suppressed when its effective sample size n_eff = p(1−p)/V is below 30, its CI is 0.30 wide or wider, or its CI width relative to p exceeds 1.30 (unless the width is at most 0.05). It is flagged for review when it has fewer than 8 degrees of freedom, p is 0 or 1, or a stratum with a single cluster entered its variance."},
	"m.ratio":          {UK: "Надійність кількостей людей", EN: "Reliability of counts of people"},
	"m.ratio.text":     {UK: "Кількість дітей чи осіб на сім'ю (середнє або відношення) приховують, коли відносна похибка SE/оцінка понад 0,30 або коли потребу мають менше домогосподарств, ніж мінімальна кількість; «перевірити», коли ступенів свободи менше 8. Інтервал — t-інтервал Вальда, обрізаний на 0.", EN: "Children or persons per family (a mean or a ratio) are suppressed when their relative standard error SE/estimate exceeds 0.30, or when fewer households than the minimum count have the need; flagged for review when they have fewer than 8 degrees of freedom. Their interval is a Wald t interval, cut at 0."},
	"m.notobs":         {UK: "Не виявлено", EN: "Not observed"},
	"m.notobs.text":    {UK: "Якщо респонденти відповіли, але жоден не має потреби, оцінка — «не виявлено», а не 0 (не «потреби немає»), з однобічною верхньою межею Корна–Граубарда частки сімей на рівні %s %%.", EN: "When respondents answered but none has the need, the estimate is “not observed”, never 0 (“no need”), with the one-sided Korn–Graubard upper bound of the share of families at the %s %% level."},
	"m.clients":        {UK: "Хто клієнти", EN: "Who the clients are"},
	"m.clients.text":   {UK: "Клієнти послуги для дітей чи осіб — члени домогосподарства, яким вона потрібна: з питання про кожного члена (повторна група), інакше з питання «скільки дітей / членів потребують» (не більше дітей / членів домогосподарства), інакше — один клієнт на домогосподарство з потребою (припущення, про яке попереджає розділ «Попередження»). Ніколи не всі діти чи члени домогосподарства. Для кожної послуги:", EN: "The clients of a service for children or persons are the household members who need it: from a question on each member (a roster), else from the question “how many children / members need it” (capped at the household's children / members), else one client per household in need (an assumption, named in the warnings). Never all the household's children or members. For each service:"},
	"m.plausible":      {UK: "Перевірка правдоподібності", EN: "Plausibility"},
	"m.plausible.text": {UK: "Попередження, якщо потреба групи перевищує зареєстровану чисельність групи в одиницях послуги (наприклад, дітей з інвалідністю), або потреба в послузі для осіб — населення громади; попередження називає обидва числа.", EN: "A warning when a group's demand exceeds the group's registered size in the service's unit (for instance the children with disabilities registered), or a demand for a person service exceeds the community's population; the warning names both figures."},
	"m.small":          {UK: "Конфіденційність: малі комірки", EN: "Privacy: small cells"},
	"m.small.text":     {UK: "Малі комірки приховують, щоб жодне опубліковане число не вказувало на кілька домогосподарств: оцінку групи, у якій менше %[1]d респондентів, або з 1–%[2]d респондентами з потребою (чи 1–%[2]d без неї — друга комірка тієї ж таблиці), а також кількість людей, за якою стоїть менше %[1]d домогосподарств із потребою. Жодного її числа не показано — ні оцінки, ні інтервалу, ні кількості людей, ні кількості респондентів, ні зважених кількостей, ні ступенів свободи — і жодної позначки для перевірки: усі приховані оцінки виглядають однаково, хоч би якою була причина. Якщо групи одного питання ділять усі домогосподарства (напр. так/ні) і лише одну з них приховано як малу комірку, приховують і опубліковану групу з найменшою кількістю респондентів (додаткове приховування, «захист малої комірки»), щоб «усі» мінус інші групи її не відновили. Розмір групи в респондентах, менший за %[1]d, не наводять. Якщо жоден респондент не має потреби, це «не виявлено» з верхньою межею, а не мала комірка — хіба що в самій групі менше %[1]d респондентів. Приховані оцінки все одно входять до підсумків зведеної книги.", EN: "Small cells are suppressed so that no published figure points to a few households: an estimate whose group has fewer than %[1]d respondents, or with 1 to %[2]d respondents with the need (or 1 to %[2]d without it — the other cell of the same table), and a count of people resting on fewer than %[1]d households in need. None of its numbers is shown — estimate, interval, people, counts of respondents, weighted counts, degrees of freedom — and no review flag: every suppressed estimate looks alike, whatever the reason. Where the groups of one question split all households (e.g. yes/no) and only one of them is suppressed as a small cell, the published group with the fewest respondents is suppressed too (complementary suppression, “protects a small cell”), so that “all” minus the other groups does not recover it. A group size below %[1]d counted in respondents is not shown. No respondent with the need is “not observed”, shown with its upper bound, not a small cell — unless the group itself has fewer than %[1]d respondents. Suppressed estimates still enter the totals of the consolidated workbook."},
	"m.publish":        {UK: "Публікація", EN: "Publication"},
	"m.publish.yes":    {UK: "Приховані оцінки замінено приміткою з причиною (а не порожньою клітинкою).", EN: "Suppressed estimates are replaced by a note giving the reason (never a blank cell)."},
	"m.publish.no":     {UK: "Внутрішня версія (--no-suppress): усі оцінки показано з усіма числами й кількостями, малі комірки теж; ненадійні позначено в стовпці «Надійність». Вона може вказувати на окремі домогосподарства: лише для внутрішнього користування командою, що планує послуги; не публікуйте й не пересилайте її.", EN: "Internal version (--no-suppress): every estimate is shown with all its numbers and counts, small cells too; unreliable ones are marked in the Reliability column. It can point to individual households: for internal use by the team that plans the services only; do not publish or share it."},
	"m.people":         {UK: "Від рівня до кількості людей", EN: "From rates to people"},
	"m.demand":         {UK: "Потреба", EN: "Demand"},
	"m.demand.text":    {UK: "Потребують = N_g × рівень потреби, інтервал N_g × [від, до]. N_g — чисельність групи з реєстру (додаток 1), а без нього — зважена кількість сімей групи з опитування (Σ w), позначена «оцінка з опитування».", EN: "In need = N_g × need rate, interval N_g × [from, to]. N_g is the group's registry count (Annex 1), or without one the survey's weighted count of the group's families (Σ w), labelled “survey estimate”."},
	"m.units":          {UK: "Послуги в дітях чи особах", EN: "Services counted in children or persons"},
	"m.units.text":     {UK: "m — клієнти домогосподарства (див. нижче). З чисельністю групи в сім'ях: R = Σ w·m / Σ w — клієнтів на одну сім'ю; з чисельністю в одиницях послуги (діти, особи): R = Σ w·m / Σ w·x, x — діти (члени) домогосподарства (відношення, R svyratio). Потреба = N_g × R, дисперсія — лінеаризація Тейлора, як для відношень.", EN: "m is a household's clients (see below). With the group counted in families: R = Σ w·m / Σ w, clients per family; counted in the service's unit (children, persons): R = Σ w·m / Σ w·x, x the household's children (members), a ratio (R svyratio). Demand = N_g × R, its variance by Taylor linearisation as for ratios."},
	"m.union":          {UK: "Усі групи разом", EN: "All groups together"},
	"m.union.text":     {UK: "Групи перетинаються (сім'я може бути і ВПО, і малозабезпеченою). Потребу всіх груп разом оцінено на їх об'єднанні як одному домені, а не як суму потреб груп, яка рахувала б таку сім'ю двічі.", EN: "Groups overlap (a family can be both IDP and low-income). The demand of all groups together is estimated on their union as one domain, never as the sum of the groups' demands, which would count such a family twice."},
	"m.sources":        {UK: "Джерела даних", EN: "Data sources"},
	"m.registry":       {UK: "%s: %s %s, станом на %s; джерело: %s", EN: "%s: %s %s, as of %s; source: %s"},
	"m.registry.none":  {UK: "Даних реєстру немає: чисельність усіх груп оцінено з опитування.", EN: "No registry counts: every group's size is estimated from the survey."},
	"m.registry.key":   {UK: "Реєстр (додаток 1)", EN: "Registry (Annex 1)"},
	"m.catalogue":      {UK: "Каталог послуг", EN: "Service catalogue"},
	"m.software":       {UK: "Програма", EN: "Software"},
	"m.software.text":  {UK: "Розраховано програмою hromada (github.com/hromada-tool/hromada). Її оцінки, похибки та інтервали збігаються з пакетом R survey 4.5 (svymean, svyciprop, svyratio) на контрольних даних; стовпці аркуша «Оцінки» — ті самі, що в analysistools (REACH).", EN: "Computed by hromada (github.com/hromada-tool/hromada). Its estimates, standard errors and intervals agree with R's survey package 4.5 (svymean, svyciprop, svyratio) on reference data; the columns of the Estimates sheet are those of analysistools (REACH)."},
	"m.lonely.none":    {UK: "Немає. Якби були, діяло б правило «%s»: %s.", EN: "None. Were there any, rule “%s” would apply: %s."},
	"m.lonely.text":    {UK: "%s. Правило «%s»: %s.", EN: "%s. Rule “%s”: %s."},
})

// tr returns the text of key in the workbook's language, formatted with
// args when there are any. An unknown key is returned as it is, so a
// missing text shows in the workbook rather than failing it; a test checks
// that every key used is in assessText.
func tr(lang hromada.Lang, key string, args ...any) string {
	return assessText.In(lang, key, args...)
}

// reasons lists the reasons of a verdict in words.
func reasons(lang hromada.Lang, v assess.Verdict, minCount int) string {
	var out []string
	for _, f := range v.Reasons {
		out = append(out, flagWords(lang, f, minCount))
	}
	return strings.Join(out, "; ")
}

// flagWords says what a flag means.
func flagWords(lang hromada.Lang, f assess.Flag, minCount int) string {
	if f == assess.FlagSmallCount {
		return tr(lang, "flag.small_count", minCount, minCount-1)
	}
	if _, ok := assessText["flag."+string(f)]; !ok {
		return string(f)
	}
	return tr(lang, "flag."+string(f))
}

// suppressedNote is what a suppressed number cell holds: "suppressed: n_eff
// < 30", the first reason in short.
func suppressedNote(lang hromada.Lang, v assess.Verdict, minCount int) string {
	why := ""
	for _, f := range v.Reasons {
		key := "short." + string(f)
		if _, ok := assessText[key]; ok {
			why = tr(lang, key)
			if f == assess.FlagSmallCount {
				why = tr(lang, key, minCount)
			}
			break
		}
	}
	if why == "" && len(v.Reasons) > 0 {
		why = flagWords(lang, v.Reasons[0], minCount)
	}
	return tr(lang, "rel.suppressed", why)
}

// notObservedNote is what the cells of an estimate with no respondent in
// need hold: "not observed (upper bound 2.8 % of families)".
func notObservedNote(lang hromada.Lang, upper float64) string {
	if math.IsNaN(upper) {
		return tr(lang, "rel.notobs.nobound")
	}
	return tr(lang, "rel.notobs", workbook.FormatPercent(lang, upper))
}

// reliability says in words whether an estimate may be used: "ok",
// "review: …", "suppressed: …" — or, in an internal workbook, "unreliable,
// not for publication: …" for what a published one would suppress.
func reliability(lang hromada.Lang, v assess.Verdict, o AssessOptions) string {
	switch {
	case v.Suppress && o.Suppress:
		return tr(lang, "rel.suppressed", reasons(lang, v, o.MinCount))
	case v.Suppress:
		return tr(lang, "rel.unpublishable", reasons(lang, v, o.MinCount))
	case v.Review:
		return tr(lang, "rel.review", reasons(lang, v, o.MinCount))
	}
	return tr(lang, "rel.ok")
}
