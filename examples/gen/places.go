package main

import "github.com/hromada-tool/hromada/examples/internal/sim"

// The example's population, survey and export are package sim's, shared
// with examples/national; what is the example's own — its six places, the
// size of their samples, their providers — is here.
type (
	place     = sim.Place // a community of the example with its real population (2022)
	community = sim.Community
	survey    = sim.Survey
)

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
