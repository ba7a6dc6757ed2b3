// Package plan computes the service-gap plan of a community: for each
// social service, demand against the capacity of the providers, whether to
// create it, enhance it or leave it, the target clients and the staff year
// by year, and the order in which to act.
//
// It is pure computation: values in, values and an error out. Reading the
// assessment's Demand sheet (package workbook/assessbook, ReadDemand) and the
// inventory (package project) and writing the plan workbook (package
// workbook/planbook) live elsewhere; package pipeline builds an Input from
// them (PlanInput, PlanCommunity).
//
// # Use
//
// Fill an [Input] for one community — the union demand of each service
// from the assessment, the community's providers, the project's targets
// and posts, the groups with their vulnerability weights — and call
// [Make]. The [Result] lists the services in rank order with a [Summary]
// ("N new services, M enhanced"); [Summary.Add] totals several
// communities. A planner's rank read back from an edited plan workbook
// goes into Input.Rank and wins over the score.
//
// # The model (METHODS.md §2)
//
//	D         = the demand the plan acts on, and its bounds             (below)
//	E         = u · D, also at the bounds (u: uptake)                   expected users
//	C         = Σ capacity over the community's providers of the service
//	Gap       = max(0, E − C), also at E_low and E_high
//	Coverage  = C / E
//	Target    = c · E,  TargetGap = max(0, Target − C)
//	clients_k on the path from the current clients to Target   ([Clients])
//	FTE_k     = ceil_to_step(max(min_staff, clients_k / caseload), step)  ([Staff])
//	Score     = 100 · TargetGap/E · W · (1 + 0.5·basic + 0.25·minimum_package)  ([Score])
//
// The survey's demand is the union demand of the assessment (group
// "any"): each family, child or person counted once. It never comes from
// adding groups, which overlap.
//
// # Which demand the plan acts on
//
// The plan acts only on credible demand; the rule, in order ([Basis]):
//
//  1. Known clients used as the demand (Input.KnownClients, use "demand"):
//     D = the count, bounds the count ([BasisKnownClients]).
//  2. The survey's union demand when it is usable ([Usable]): published
//     (Known), above 0, and its lower bound above 0 or absent (an edited
//     figure without an interval) ([BasisSurvey]).
//  3. Else the largest usable group demand, as a floor: the union is at
//     least as large, so the upper bound is NaN ([BasisGroupFloor],
//     reason [ReasonGroupFloor]).
//  4. Known clients used as a floor (use "floor", the default) lift 2 or 3
//     to max(D, count), the bounds to max(bound, count), or stand alone
//     when neither is usable and the count is above 0 ([BasisKnownFloor]).
//  5. Else [MoreData] — never "sufficient", never posts: Years is nil,
//     gap, target and score are NaN or 0. The reasons say why
//     ([ReasonSuppressed]: suppressed or missing; [ReasonNotObserved]:
//     demand 0, no respondent with the need; [ReasonIntervalZero]: the
//     lower bound is 0) and what would settle it ([ReasonNeedKnown],
//     [ReasonNeedSample]).
//
// # Plausibility flags
//
// [Result.Flags] are warnings a planner may accept, each with the figure
// compared ([Flag]):
//
//   - new posts per 1,000 residents (HireFTE / population × 1000) above
//     Input.PostsPer1000High — the catalogue's parameter
//     new_posts_per_1000_high when it has one, else
//     [DefaultPostsPer1000High] = 1, hromada's default (no published
//     benchmark was found; the target is at most 1);
//   - (workforce + HireFTE) / workforce above Input.WorkforceGrowthHigh
//     (catalogue parameter workforce_growth_high, else 2: the plan more
//     than doubles the staff), workforce being the inventory's staff in
//     post and vacant over all the community's providers, planned services
//     or not; +Inf when the inventory has no staff and the plan hires;
//   - for each service to create whose staff is set by its minimum
//     ([ReasonMinStaff]): clients / FTE in the plan's last year below
//     [MinStaffShare] (½) of the caseload — a community with too few
//     clients to run the service alone, which might share it with a
//     neighbouring community (inter-municipal cooperation) or buy it
//     (social commissioning) ([FlagMinStaffSmall], one per service).
//
// A figure equal to its limit is not flagged; without the community's
// population there is no per-resident figure.
//
// # Choices
//
// These are choices of this tool, not norms; the plan workbook shows them.
//
//   - More data needed (choice, METHODS.md §2): a suppressed estimate,
//     one not observed, or one whose interval reaches 0 is not planned on;
//     the service's action is [MoreData] and Years is nil, so the plan
//     workbook writes its Actions row with Include "no" and budget does
//     not cost it unless a planner types target clients and says "yes".
//     The inventory is still shown.
//   - Known clients (choice): a count in the service's unit from case
//     records; as a demand its bounds are the count (an administrative
//     count has no sampling interval). Known clients of 0 used as the
//     demand make the service sufficient with the reason [ReasonNoDemand]:
//     the records know nobody who needs it.
//   - Group floor (choice): only when the union is not usable; the group
//     with the largest usable demand; never a sum of groups.
//   - Uptake (choice): the project's (Target.Uptake), else the catalogue's
//     (hromada.Service.Uptake); 0 or NaN reads as the next source, and a
//     catalogue's 0 as 1. The catalogue's default is 1: no source for
//     another value was found.
//   - Create or enhance (choice): create when no provider row exists and the
//     target is above 0; enhance when providers exist (even with capacity
//     0) and capacity is below the target; sufficient otherwise. Capacity
//     meets the target within a relative 1e-9, so floating-point noise
//     does not turn a met target into an enhancement.
//   - Targets (choice): the project's coverage, else the catalogue's; a
//     service with no target row, or a row without a path, reaches it in
//     equal steps over the plan's years (path linear; a linear path of 0
//     years is the plan's years): need is not met in year one. Targets and
//     posts of services not in the plan are ignored.
//   - The path starts from the current clients, not the capacity (choice):
//     spare capacity is not served demand. Clients never fall below the
//     current clients: the plan grows services, it does not cut them.
//     Clients are not rounded to whole families; the workbook formats them.
//   - A ramp's shares are shares of the target, year 1, 2, …; past the end
//     of the ramp its last share holds; shares past the horizon are unused.
//     A linear path that is longer than the horizon stops short of the
//     target.
//   - Staff (choice): the minimum staff applies in every year the service
//     runs — it has a provider or clients — and is rounded up to the step
//     like the caseload figure, so FTE is a whole number of steps. A new
//     service in a year with no clients yet (a ramp share of 0) needs no
//     staff.
//   - Vacancies count as existing staff (choice): vacant posts are in the
//     staff schedule and the budget already; Hires are new posts above
//     the existing establishment (in post + vacant). The reason
//     [ReasonVacancies] tells the planner there are posts to fill.
//   - Posts are never cut (choice): Staff_k = max(Staff_{k−1}, FTE_k); a
//     year that needs fewer staff keeps last year's posts, and FTE shows
//     the lower need.
//   - Post types (choice): a service's FTE is split by the shares of its
//     posts in whole steps by the largest remainder, so the posts add up
//     to the FTE exactly; a post with a small share may get 0 in a small
//     service. The shares must sum to 1. There is no caseload per post
//     type yet.
//   - Unmet need by group (choice): the gap is shared among groups in
//     proportion to their demand, Unmet_g = min(D_g, D) · Gap / D, as if
//     the providers served each group alike; a group's survey demand above
//     a smaller known-clients demand counts as D. Groups overlap, so these
//     do not add up to the gap.
//   - Priority (choice, METHODS.md §2): U = TargetGap / D is the share of
//     demand the plan sets out to add capacity for; W is the demand-weighted
//     mean vulnerability of the groups that need the service (1 without
//     group data); basic services the law obliges every community to
//     provide score half as much again, minimum-package services a quarter.
//     The bonuses multiply, so a service that meets its target scores 0.
//     The weights are the constants [ScaleScore], [BasicWeight] and
//     [MinimumPackageWeight].
//   - Rank (choice): by score, highest first; at equal score a service
//     that needs more data comes before one with a demand (someone should
//     look at it), then by classifier code. A planner's rank places
//     the service there and the others fill the remaining places in score
//     order; equal planner ranks keep score order; a rank past the end puts
//     the service last. Ranks are then numbered 1 … n.
//   - Providers of another community are an error, not filtered out, so a
//     community code that does not match cannot silently turn every
//     service into "create". Providers of a service the plan does not
//     cover are returned in Result.Unplanned.
//
// # Errors
//
// [Make] checks the whole input and returns every problem at once, joined;
// each wraps [ErrInput] and names the service, provider (with its cell,
// when Provider.Ref is set) or group. A caseload of 0 is an error only for
// a service that has clients to staff.
package plan
