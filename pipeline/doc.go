// Package pipeline holds the rules between the stages of hromada: what an
// assessment is made from, what a plan reads of an assessment, what a
// budget reads of a plan, what a community's row of the consolidated
// workbook says, and what is checked before any of it runs. The commands
// (cmd/hromada) turn flags into options, call these functions and print;
// the rules themselves live here, each with a test of its arithmetic.
//
// # Check
//
// [LoadProject] loads a project, checks that every service of its Needs
// sheet can be costed (a post in costs.xlsx: which services a plan
// includes depends on the survey, so any of them may need staff) and
// checks its questionnaire against it; [CheckProject] does that and reads
// every community's survey. hromada check and hromada run share this one
// path, so a project that passes the check does not fail a run on its
// inputs. The stage commands (assess, plan, budget) load the project
// alone: an assessment does not need costs. [SplitProblems] separates the
// problems confined to one community (its survey, its registry rows),
// which stop that community only, from those of the whole project, which
// stop everything.
//
// # Assess
//
// [ProjectEstimateOptions] reads the estimation settings of a project;
// [CommunityAssessOptions] adds a community's services and registry
// counts. A group counted in several units (say, families and persons)
// takes as the base of its demand the count in the group's own unit,
// whatever the order of the registry rows; a group with a single count
// takes that one. [AssessCommunity] estimates the needs and demand of a
// survey and makes the assessment workbook's content; [ReadAndAssess]
// reads the survey first.
//
// The JSON of an assessment ([ProjectJSON], [PublishedRates],
// [PublishedDemand]) prints a suppressed estimate with null figures: a
// rate without stat, bounds, standard error and weighted counts (and
// without its counts when too few respondents gave it), a demand without
// its people and rate.
//
// # Plan
//
// [PlanInput] builds a plan's input from the Demand rows read back from
// the assessment workbook, as a person may have edited them. A service's
// demand is its "any" row (the union: each family counted once, whatever
// its groups); without target groups, its "all" row. A demand outside its
// own interval was typed over: the figure stands, the interval is dropped,
// and a warning names the row. [PlanCommunity] reads the workbook and
// makes the plan.
//
// # Budget
//
// [BudgetInput] builds a budget's input from the Actions read back from
// the plan workbook. The budget costs what the plan adds: for each
// included action and year, the new posts (the establishment less the
// staff the providers have now) and the added clients (the target less the
// clients served now), never below zero — the local budget already
// carries what exists. The donor and state shares come from the Funding
// sheet, year by year ([FundingSchedule]); the rates from the project's
// settings, else the catalogue: the CPI is the State Budget's forecast
// (the last known one for later years) and wage growth, when the project
// does not set it, is the CPI ([BudgetParams]). [BudgetCommunity] reads
// the plan workbook and projects the budget; [BudgetWorkbook] makes the
// budget workbook's content with the source of every assumption.
//
// # Run
//
// [Run.Community] runs one community through every stage: the check of
// its own inputs, the assessment (its survey read once), the plan read
// from the assessment workbook just written, the budget read from the
// plan workbook just written — each stage reads the workbook as it would
// one a person edited. The first stage with an error stops the community,
// and its consolidated row says which ([StageCheck], [StageAssess],
// [StagePlan], [StageBudget]); the other communities run on. Workbooks
// are named by [WorkbookPath]: <slug>-assessment.xlsx, -plan.xlsx,
// -budget.xlsx in the output folder, where the next stage (in a run or
// as a command of its own) reads them.
// [ForEach] runs the communities a few at a time; the outcome does not
// depend on how many. [Run.All] runs every community and writes the
// consolidated workbook ([ConsolidatedFile]); [RunOutputs] lists what it
// writes. hromada run and the page of hromada serve both call it.
//
// # Start and quick look
//
// [WriteStarter] writes a new project from the starter templates, whole or
// not at all (hromada init, and the page's new project). [Quick] is the
// assessment of one bare survey (the quick mode of hromada assess, and the
// page's quick look): its [Quick.SurveyMap], [Quick.Analyse] and
// [Quick.Workbook].
//
// # Outputs
//
// Before any work a command lists what it will write ([StageOutputs]:
// each community's workbooks, each checked to lie inside the output
// folder) and what it reads ([ProjectInputs]: the project's workbooks and
// surveys, and the stage workbooks it reads), and [CheckOutputs] refuses
// an output that is the same file as an input. [Slug] makes a community's
// name or code safe as a file name; the project loader refuses two
// communities of one slug. Workbooks name files relative to the project
// or to their own folder ([RelProblems]), never as typed. The rules of
// paths themselves live in internal/safefile.
//
// # Consolidate
//
// [Consolidated] makes the consolidated workbook of a run from one
// [consolidate.Row] per community. [FamiliesInNeed] fills a row's families
// in need of at least one service by group ([NeedGroups]); [AddPlan] its
// services, plan and budget. The standard errors put in a row are those
// of the demand — the need rate's standard error times the registry count
// behind it — so that consolidate can add communities' demands and their
// variances.
package pipeline
