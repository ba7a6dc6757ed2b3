package sim

// Published figures the synthetic population is calibrated to. Each
// constant says where it was published and when; the rates of the
// simulator (population.go) are derived from them below, or are
// assumptions where no figure was found, and say so.

// ZhytomyrPopulation2022 is the population of Zhytomyr oblast on
// 1 January 2022: the sum over its 66 communities of the State Statistics
// Service's figures, as KSE-Loc-Data-Hub derives them
// (data/derived/ua-pop-2022.csv, commit 0b71e68).
const ZhytomyrPopulation2022 = 1_179_032

// ZhytomyrHouseholdsWithChildren2018 is the share of households of
// Zhytomyr oblast with children under 18: 38.1 % of 486 thousand
// households (185.3 thousand). State Statistics Service, «Соціально-
// демографічні характеристики домогосподарств України у 2018 році», as
// reported by zhitomir.info, 19.03.2019 (news_182330).
const ZhytomyrHouseholdsWithChildren2018 = 0.381

// ZhytomyrChildrenPerFamily2018 is the distribution of the number of
// children in Zhytomyr oblast's households with children: one 71.8 %, two
// 25.3 %, three or more 2.9 %. Same source as
// ZhytomyrHouseholdsWithChildren2018.
var ZhytomyrChildrenPerFamily2018 = [3]float64{0.718, 0.253, 0.029}

// ZhytomyrChildrenWithDisabilities2024 is the number of children with
// disabilities under 18 living in Zhytomyr oblast (of 112.6 thousand
// persons with disabilities). Zhytomyr Oblast Military Administration,
// «#Безбар'єрність: 3 грудня Міжнародний день людей з інвалідністю»,
// 03.12.2024, oda.zht.gov.ua. (An earlier answer of the oblast's social
// protection department gave 5,946: vgolos.zt.ua.)
const ZhytomyrChildrenWithDisabilities2024 = 6031

// ZhytomyrPersonsWithDisabilities2024 is the number of persons with
// disabilities, children included, living in Zhytomyr oblast. Same source
// as ZhytomyrChildrenWithDisabilities2024.
const ZhytomyrPersonsWithDisabilities2024 = 112_600

// UkraineChildrenWithDisabilities2019 is the number of children with
// disabilities under 18 in Ukraine, State Statistics Service, 2019, as
// UNICEF Ukraine quotes it (press release of 03.12.2021): about 2.2 % of
// the country's 7.5 million children, a cross-check of the oblast figure.
const UkraineChildrenWithDisabilities2019 = 163_886

// ZhytomyrIDPs2024 and ZhytomyrIDPChildren2024 are the internally
// displaced persons living in Zhytomyr oblast and the children among them.
// Zhytomyr Oblast Military Administration (department of social
// protection), 05.07.2024, as reported by zhitomir.info (news_222145) and
// novyny.kr.ua: «понад 57,9 тис. ВПО, з них 15,6 тис. — діти … 370 —
// багатодітні родини».
const (
	ZhytomyrIDPs2024        = 57_900
	ZhytomyrIDPChildren2024 = 15_600
)

// ZhytomyrLowIncomeFamiliesWithChildren2024 and
// ZhytomyrLowIncomeChildren2024 are the low-income families with children
// (recipients of state social assistance to low-income families) of
// Zhytomyr oblast paid the one-off «Тепла зима» assistance, and their
// children. Department of social protection of the Zhytomyr Oblast State
// Administration, «Грошова допомога „Тепла зима“», 17.12.2024: «6193
// одержувачам на 13084 дитини з числа малозабезпечених сімей».
const (
	ZhytomyrLowIncomeFamiliesWithChildren2024 = 6193
	ZhytomyrLowIncomeChildren2024             = 13_084
)

// UkraineSJOFamilies2020 is the number of families (with children) in
// difficult life circumstances visited by local officials and social
// workers in Ukraine. Ministry of Social Policy in answer to a request,
// as of 17.04.2020, reported by rupor.info on 08.05.2020.
const UkraineSJOFamilies2020 = 25_144

// UkraineHouseholdsWithChildren2018 is the number of households with
// children under 18 in Ukraine (5,652.3 thousand). Same source as
// ZhytomyrHouseholdsWithChildren2018.
const UkraineHouseholdsWithChildren2018 = 5_652_300

// Rates derived from the figures above, as shares of the unit the
// simulator draws in. Each is the figure over its base; the comments give
// the arithmetic.
var (
	// childrenPerFamily is the mean number of children of a family with
	// children: 1·0.718 + 2·0.253 + 3.2·0.029 = 1.317 (3.2 for "three or
	// more").
	childrenPerFamily = ZhytomyrChildrenPerFamily2018[0] + 2*ZhytomyrChildrenPerFamily2018[1] + 3.2*ZhytomyrChildrenPerFamily2018[2]

	// oblastHouseholds and oblastChildren are Zhytomyr oblast's households
	// (population ÷ PersonsPerHousehold, 471.6 thousand) and children
	// (households × 38.1 % × 1.317, 236.7 thousand).
	oblastHouseholds = float64(ZhytomyrPopulation2022) / PersonsPerHousehold
	oblastChildren   = oblastHouseholds * ZhytomyrHouseholdsWithChildren2018 * childrenPerFamily

	// rateChildDisability is the share of children with a disability:
	// 6,031 ÷ 236.7 thousand = 2.5 % (Ukraine 2019: about 2.2 %).
	rateChildDisability = ZhytomyrChildrenWithDisabilities2024 / oblastChildren

	// rateAdultDisability is the share of adults with a disability:
	// (112,600 − 6,031) ÷ (1,179,032 − 236.7 thousand) = 11.3 %.
	rateAdultDisability = (ZhytomyrPersonsWithDisabilities2024 - ZhytomyrChildrenWithDisabilities2024) / (ZhytomyrPopulation2022 - oblastChildren)

	// rateIDPFamilyWithChildren is the share of families with children
	// that are displaced: IDP children ÷ children = 15,600 ÷ 236.7
	// thousand = 6.6 %.
	rateIDPFamilyWithChildren = ZhytomyrIDPChildren2024 / oblastChildren

	// rateIDPHousehold is the share of all households that are displaced:
	// 57,900 IDPs in households of PersonsPerHousehold ÷ 471.6 thousand
	// households = 4.9 %.
	rateIDPHousehold = ZhytomyrIDPs2024 / PersonsPerHousehold / oblastHouseholds

	// rateLowIncomeWithChildren is the share of families with children
	// receiving low-income assistance: 6,193 ÷ (471.6 thousand × 38.1 %)
	// = 3.4 %.
	rateLowIncomeWithChildren = ZhytomyrLowIncomeFamiliesWithChildren2024 / (oblastHouseholds * ZhytomyrHouseholdsWithChildren2018)

	// rateSJO is the share of families with children in difficult life
	// circumstances that services know of: 25,144 ÷ 5,652.3 thousand =
	// 0.44 %.
	rateSJO = float64(UkraineSJOFamilies2020) / UkraineHouseholdsWithChildren2018
)
