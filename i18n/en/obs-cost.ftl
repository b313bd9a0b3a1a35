# obs-cost message catalog: English, the reference (every id here exists in every catalog, with the
# same variables; `cargo test --lib i18n` checks it). Terms follow i18n/ko/GLOSSARY.md.
#
# Sections: common words; table columns; plan (terminal, Markdown); HTML report; charts; decision
# tree; estimate; scenario suite; price book; plan-document sentences (`doc-*`, matched against the
# English the planner writes, see src/i18n/recognise.rs) and terms (`atom-*`).
# Arguments are text formatted by the caller (numbers grouped, money as $1,234.50).

## Common words

on = on
off = off
yes = yes
no = no
unknown = unknown
decision-migrate-now = migrate now
decision-migrate-gradually = migrate gradually
decision-stay = stay self-hosted
decision-provisional = { $decision } (provisional)
outcome-keep-compose = keep Compose (stay self-hosted)
outcome-consider-aws = consider AWS
outcome-migrate-to-aws = migrate to AWS
outcome-gradual-migration = gradual migration
payback-never = never
payback-cell = { $months } mo
payback-months = { $months ->
    [1] 1 month
   *[other] { $months } months
}
payback-months-growth = { $months } months (month { $month } with growth)
payback-months-not-in-horizon = { $months } months (not within the horizon with growth)
payback-growth-only = month { $month } (with growth)
lower-bound = ≥ { $amount } ({ $unknown } unknown)
crossing-from = from { $value }
crossing-below = below { $value }
crossing-whole-range = whole range
crossing-never = never within range
unconfirmed-default-reason = not confirmed for this region
depends-on-usage = depends on usage: { $price } per { $unit }
fx-note = Amounts in ₩ at $1 = ₩{ $rate } (the rate given with --fx-rate; obs-cost fetches none), rounded to the nearest won.
fx-note-dated = Amounts in ₩ at $1 = ₩{ $rate } on { $date } (the rate given with --fx-rate; obs-cost fetches none), rounded to the nearest won.
service-cloudwatch-metrics = CloudWatch metrics
service-cloudwatch-alarms = CloudWatch alarms
service-cloudwatch-dashboards = CloudWatch dashboards
service-cloudwatch-logs = CloudWatch Logs
service-xray = X-Ray
service-managed-prometheus = Managed Prometheus
service-managed-grafana = Managed Grafana
service-rds = RDS
service-elasticache = ElastiCache
service-fargate = ECS Fargate
service-load-balancers = Load balancers
service-nat-gateways = NAT gateways
service-data-transfer = Data transfer
service-ec2 = EC2
service-ebs = EBS

## Table columns

col-item = Item
col-quantity = Quantity
col-unit = Unit
col-unit-price = Unit price
col-monthly = Monthly
col-key = Key
col-value = Value
col-source = Source
col-query = Query
col-window = Window
col-extrapolated = Extrapolated
col-metric = Metric
col-series = Series
col-cw-custom-per-month = CloudWatch custom metrics / month
col-amp-per-month = Managed Prometheus / month
col-target = Target
col-chosen = Chosen by the scenario
col-phase = Phase
col-self-hosted = Self-hosted
col-aws = AWS
col-total = Total
col-service = Service
col-forecast = Forecast
col-actual = Actual
col-error = Error
col-forecast-cost = Forecast cost
col-actual-cost = Actual cost
col-cost-error = Cost error
col-infra-delta = Infra delta
col-ops-labor-saved = Ops labor saved
col-downtime-saved = Downtime saved
col-productivity = Productivity
col-net-per-month = Net / month
col-one-time-cost = One-time cost
col-payback = Payback
col-npv = NPV
col-roi-decision = ROI decision
col-dau-net-zero = DAU, net $0
col-dau-net-threshold = DAU, migrate-now threshold
col-dau-searched = DAU searched up to
col-team-net-zero = Team, net $0
col-team-net-threshold = Team, migrate-now threshold
col-assumption = Assumption
col-low = Low
col-high = High
col-net-at-low = Net at low
col-net-at-high = Net at high
col-swing = Swing
col-net-low = Net low
col-net-expected = Net expected
col-net-high = Net high
col-npv-low = NPV low
col-npv-expected = NPV expected
col-npv-high = NPV high
col-region = Region
col-location = Location
col-snapshot = Snapshot
col-price-id = Price id
col-as-of = As of
col-workload = Workload
col-explanation = Explanation
col-moves = Moves
col-aws-per-month = AWS/month
col-self-hosted-per-month = Self-hosted/month
col-one-time = One-time
col-ops-saved = Ops saved
col-net-slash-month = Net/month
col-decision = Decision
col-quantity-per-month = Quantity (per month)
col-dau-net-zero-short = DAU net $0
col-dau-net-threshold-short = DAU net threshold
col-team-net-zero-short = Team net $0
col-team-net-threshold-short = Team net threshold
col-p-net-positive = P(net > 0)
col-net-low-p10 = Net low (P10)
col-net-high-p90 = Net high (P90)
col-scenario = Scenario
col-result = Result
col-golden = Golden
col-failures = Failures
col-check = Check
col-field = Field
col-expected = Expected
col-usage-type = Usage type
col-usd-per-unit = USD per unit
col-status = Status
col-confirmed = Confirmed
col-derived = Derived
col-unconfirmed = Unconfirmed
col-stale = Stale

## Plan: terminal and Markdown

plan-heading = Migration plan: { $name } ({ $region }, { $hours } hours per month, free tier { $free_tier }, price book { $book } snapshot { $snapshot })
plan-inputs = Team { $engineers } engineers ({ $ops_fte } ops FTE at { $loaded }/month loaded), DAU { $dau } growing { $growth }%/month, downtime { $downtime }/minute, ops burden { $burden }, metrics to { $target }, horizon { $horizon } months at { $discount }%/year
plan-baseline = Baseline (all self-hosted): { $infra }/month infrastructure, availability { $availability }% = { $minutes } min downtime/month ({ $downtime }), ops labor { $ops }/month
plan-metrics-target = { $target } { $cost }
plan-metrics-target-chosen = { $target } { $cost } [chosen]
plan-metrics-line = Metrics workload alone, per month: { $targets }
plan-tree = Decision tree (seed 000): { $outcome }
plan-disagreement = DISAGREEMENT: { $note }
plan-phase-items = Phase { $phase } { $name }: AWS line items (cumulative: { $on_aws }); one-time { $one_time } = labor { $labor } ({ $phase ->
    [1] phase 1
   *[other] phases 1-{ $phase }
}: { $weeks } engineer-weeks) + dual running { $dual } ({ $dual_weeks } weeks)
plan-aws-total = AWS total
plan-self-hosted-service = self-hosted { $service }
plan-actual-title = Forecast vs actual (plan --actual)
plan-switch-title = Switch points (net monthly benefit crossing $0 and the migrate-now threshold)
plan-uncertainty-title = Uncertainty: net monthly benefit low (P10) / expected / high (P90)
plan-tornado-title = Tornado, phase { $phase }: what moves the net monthly benefit most
plan-mapping-title = How usage maps to AWS
plan-mapping-label = phase { $phase } { $workload }
actual-total-compared = total compared
actual-extrapolated = { $value } (extrapolated)
actual-not-measured = not measured
actual-quantity = { $name } ({ $unit })
actual-source = Actual usage from { $file } (CloudWatch, { $region }, { $start } to { $end }); error = { $error }; actual costs use the plan's prices, with the other line items as forecast.
actual-note = note: { $note }
md-plan-title = Migration plan: { $name }
md-tree = Decision tree
md-switch = Switch points
md-uncertainty = Uncertainty
md-tornado = Tornado, phase { $phase }
md-phase = Phase { $phase } { $name }: AWS { $aws }, self-hosted { $self_hosted }, one-time { $one_time }
md-mapping-label = phase { $phase } `{ $workload }`

## HTML report

r-title = obs-cost report: { $name }
r-h1 = Migration report: { $name }
r-context = Scenario file { $file } · region { $region } · price book { $book } (snapshot { $snapshot }) · free tier { $free_tier } · { $hours } hours per month
r-generated = Generated { $time }.
r-rendered-by = rendered by obs-cost { $version }
r-computed-rendered-by = plan computed by { $computed }, rendered by obs-cost { $version }
r-footer-html = . Every number comes from the plan JSON (<code>obs-cost plan --format json</code>); this file makes no network request and needs no script.
r-headline = ROI rule: { $decision } (best: phase { $phase } { $name }, net { $net } a month). Decision tree: { $outcome }.
r-headline-tree-only = Decision tree: { $outcome }.
r-next-stay = Stay self-hosted for now: no phase nets at least { $threshold } a month. Re-run the plan when usage, team or prices change (see the switch points).
r-next-start = Start with phase { $phase } ({ $name }): it nets { $net } a month for a one-time { $one_time }.
r-next-start-then = Start with phase { $phase } ({ $name }): on its own it nets { $net } a month for a one-time { $one_time }; carry on to phase { $best } ({ $best_name }), the best end state.
r-next-on-the-way = Phase { $phase } ({ $name }) is the next step but does not pay on its own (net { $net } a month): it is worth doing only on the way to phase { $best } ({ $best_name }).
r-next-no-phase = The plan has no phase.
r-card-net = Net monthly benefit, { $best }
r-card-net-band = P10 to P90: { $band }
r-card-tree = tree: { $outcome }
r-best-phase = phase { $phase } ({ $name })
r-range = { $low } to { $high }
r-usage-source = Source: { $source }.
r-usage-source-none = not recorded in this plan
r-value-source-scenario = given in the scenario
r-value-source-snapshot = snapshot
r-value-range = { $expected } (low { $low }, high { $high })
r-window-instant = instant
r-window-days = { $days } days
r-window-hours = { $hours } hours
r-window-seconds = { $seconds } s
r-phase-label = Phase { $phase } { $name }
r-phase-number = Phase { $phase }
r-total-compared = Total compared
r-phase-title = Phase { $phase }: { $name } (moves { $moves })
r-phase-title-nothing = Phase { $phase }: { $name } (moves nothing new)
r-cap-phase-aws = { $title }: AWS line items
r-cap-phase-self-hosted = { $title }: still self-hosted
r-phase-totals = AWS { $aws } + still self-hosted { $self_hosted } = { $total } a month; one-time cost { $one_time } ({ $phase ->
    [1] phase 1
   *[other] phases 1-{ $phase }
}: { $weeks } engineer-weeks of labor).
r-headline-selected = ROI rule for phase { $phase } { $name }, the one phase this plan holds: { $decision } (net { $net } a month). Decision tree: { $outcome }.
r-next-selected = This plan holds phase { $phase } ({ $name }) only: { $decision }, net { $net } a month for a one-time { $one_time } (the labor and dual running of phases 1-{ $phase }). Plan every phase to choose where to start.
r-actual-intro = Actual usage read from CloudWatch in { $region } from { $start } to { $end } ({ $file }). Error = { $error }. Actual costs use the plan's prices; the services' other line items keep their forecast quantities.
r-baseline-totals = All self-hosted: { $infra } a month of infrastructure, { $ops } of ops labor, { $availability }% availability ({ $minutes } minutes of downtime, { $downtime }).
r-baseline-totals-lower-bound = All self-hosted: { $infra } a month of infrastructure (lower bound: { $unknown } line items unknown), { $ops } of ops labor, { $availability }% availability ({ $minutes } minutes of downtime, { $downtime }).
r-tornado-figcaption = Net monthly benefit of { $phase } with each assumption at its low and its high value (others expected); largest swing first. The table below holds the same numbers.
r-cap-tornado = Assumptions that move the net monthly benefit of { $phase } most

## HTML report: fixed text (ids ending -html carry markup and take no variables)

r-toc-label = Sections
r-sec-summary = 1. Summary
r-sec-usage = 2. Measured usage
r-sec-phases = 4. Cost per phase
r-toc-roi = 5. ROI and cash flow
r-sec-roi = 5. ROI per phase
r-sec-switch = 6. Switch points
r-sec-tree = 7. Decision tree
r-sec-sensitivity = 8. Sensitivity
r-sec-assumptions = 9. Assumptions and sources
r-card-payback = Payback
r-card-payback-sub = of the one-time cost
r-card-npv = NPV over the horizon
r-card-npv-sub = growth and discount applied
r-card-decision = ROI rule / decision tree
r-agree-html = <strong>The ROI rule and the decision tree agree.</strong>
r-disagree-html = <strong>The ROI rule and the decision tree disagree.</strong>
r-next-html = <strong>Recommended next phase.</strong>
r-cap-usage = Usage values and their provenance
r-h-top = Top metrics by series
r-top-none-html = Not available: this usage has no per-metric series counts. Run <code>obs-cost measure --top N</code> against the stack's Prometheus (or add <code>usage.metrics.top_metrics</code> to the scenario) to see which metric names drive the bill.
r-cap-top = Metric names with the most series, and what each adds a month
r-cap-targets = The whole metrics workload on each target, per month
r-phases-intro = Phases are cumulative: phase N runs everything moved in phases 1 to N on AWS; the rest stays self-hosted.
r-cost-figcaption = Monthly infrastructure cost: what still runs self-hosted and each AWS service, for the baseline and each phase. The table below holds the same numbers.
r-cap-cost = Monthly infrastructure cost by phase
r-h-actual = Forecast vs actual
r-cap-actual = Forecast vs actual per phase and service, per month
r-h-baseline = Baseline: all self-hosted
r-cap-baseline = Baseline line items (self-hosted infrastructure priced at AWS list prices)
r-roi-intro = Net monthly benefit = − infrastructure delta + ops labor saved + downtime cost saved + productivity gained. One-time cost = migration labor of phases 1 to N + dual running, paid at month 0.
r-cap-roi = ROI per phase, USD per month unless stated
r-cap-switch = Where each phase's net monthly benefit crosses $0 and the migrate-now threshold
r-tree-figcaption = The seed's "when to switch" tree, this scenario's path in bold blue.
r-sensitivity-none-html = No value of this scenario is given as a range (<code>{"{"}low, expected, high{"}"}</code>), so there is nothing to vary.
r-cap-uncertainty = Net monthly benefit and NPV: low (P10), expected, high (P90)
r-h-price-book = Price book
r-cap-regions = Price-book regions and snapshot dates
r-h-mapping = How usage maps to AWS
r-cap-mapping = Mapping of self-hosted usage to AWS quantities
r-h-inputs = Scenario inputs
r-inputs-none = This plan does not carry the scenario's values; see the scenario file.
r-cap-inputs = Every value of the scenario file
r-h-notes = Notes

## Charts

chart-baseline = Baseline
chart-baseline-all-self-hosted = Baseline (all self-hosted)
chart-self-hosted-series = Self-hosted (EC2, EBS, ...)
chart-aws-service = AWS { $service }
chart-other-aws = Other AWS services
chart-cost-title = Monthly infrastructure cost by phase and service
chart-cost-desc = Monthly infrastructure cost of the baseline and of each phase, split into what still runs self-hosted and each AWS service. Totals: baseline { $baseline }; { $totals }.
chart-phase-total = phase { $phase } { $total }
chart-usd-per-month = USD per month
chart-break-even-label = break-even, phase { $phase }: month { $month }
chart-breaks-even = phase { $phase } breaks even in month { $month }
chart-no-break-even = phase { $phase } does not break even within the horizon
chart-cash-title = Cumulative cash flow by phase
chart-cash-desc = Cumulative cash flow over { $months } months (month 0 = the one-time cost; growth applied, not discounted): { $sentences }.
chart-month = month
chart-threshold = Migrate-now threshold ({ $threshold })
chart-marker-zero = P{ $phase } $0
chart-marker-now = P{ $phase } now
chart-switch-net-title = Net monthly benefit of each phase against DAU
chart-switch-net-desc = Net monthly benefit of each phase against DAU ({ $first } to { $last }, logarithmic), with the $0 line and the migrate-now threshold of { $threshold }; the marked points are the switch points in the table below.
chart-dau-log = daily active users (log scale)
chart-switch-none = This plan has no cost-against-DAU series (it was computed by an older obs-cost, or DAU is 0); the table below lists the switch points.
chart-all-self-hosted = All self-hosted
chart-crosses-cheaper-above = phase { $phase } crosses the self-hosted line at { $dau } DAU (cheaper above)
chart-crosses-cheaper-below = phase { $phase } crosses the self-hosted line at { $dau } DAU (cheaper below)
chart-phase-crossing = phase { $phase }: { $crossing }
chart-switch-title = Monthly cost of self-hosted and of each phase against DAU
chart-switch-desc = Monthly cost of ownership against DAU ({ $first } to { $last }, logarithmic): { $method }. { $sentences }.
chart-tree-title = When to switch: the decision tree
chart-tree-desc = The seed's decision tree; this scenario's path is highlighted: { $path }. Outcome: { $outcome }.
chart-tornado-title = Sensitivity of the net monthly benefit, { $phase }
chart-tornado-desc = Net monthly benefit of { $phase } (expected { $expected }) with one assumption at a time at its low and high value: { $rows }.
chart-tornado-row = { $key } { $low } to { $high }
chart-net-usd = net monthly benefit, USD
chart-tornado-low = assumption at its low value
chart-tornado-high = at its high value

## Decision tree (the seed's "when to switch" chart)

tree-team-size = Team size? ({ $engineers } engineers)
tree-dau = DAU? ({ $dau })
tree-team-range = { $from } to { $to }
tree-ops-burden = Ops burden? ({ $burden })
tree-in-between = in between
tree-keep-compose = Keep Compose
tree-gradual-migration = Gradual migration
tree-migrate-to-aws = Migrate to AWS
tree-consider-aws = Consider AWS

## Estimate

estimate-heading = AWS monthly estimate: { $region } ({ $hours } hours per month), free tier { $free_tier }, price book { $book } snapshot { $snapshot }
estimate-subtotal = { $service } subtotal
estimate-unknown-note = { $unknown } line item(s) have unknown usage and are not in the total: give their quantities to price them.
md-estimate-title = AWS monthly estimate: { $region } **{ $total }**
md-estimate-context = Region `{ $region }`, { $hours } hours per month, free tier { $free_tier }, price book `{ $book }` (snapshot { $snapshot }).

## Scenario suite (`scenarios check`)

suite-title = Scenario check (price book { $book })
suite-line = { $tag } { $name } ({ $file })
suite-line-updated = { $tag } { $name } ({ $file }, golden updated)
suite-failure = { $kind } { $field }: expected { $expected }, actual { $actual }
suite-no-expect = note: no `expect:` block; only the golden is checked
suite-skipped = Skipped (not scenario files): { $files }
suite-summary = { $scenarios } scenario(s): { $passed } passed, { $failed } failed, { $errors } error(s)
suite-summary-updated = { $scenarios } scenario(s): { $passed } passed, { $failed } failed, { $errors } error(s); goldens updated
suite-kind-expectation = expectation
suite-kind-guardrail = guardrail
suite-kind-golden = golden
suite-golden-matches = matches
suite-golden-differs = differs
suite-golden-missing = missing
suite-golden-updated = updated
suite-golden-not-checked = not checked
suite-result-error = error
suite-result-passed = passed
suite-result-failed = **failed**
md-suite-title = obs-cost scenarios check
md-suite-summary = **{ $summary }** (price book `{ $book }`)
md-suite-error = Error: { $error }

## Price book (`pricing show`)

book-title = Price book: { $origin }
book-summary-title = Price book: { $origin }, entries per status
book-region-title = { $region } ({ $location }), snapshot { $snapshot }, stale before { $stale_before }
book-tier-over = over { $begin }: { $price }
book-stale-date = { $date } (stale)
book-notes = * notes:
book-free-tiers = Free tiers (account-wide, per month; `--free-tier off` ignores them):
book-free-tier = { $quantity } { $unit } of { $description } ({ $applies_to })
book-legend = Stale: the source date (as_of) is more than { $months } months before the region's snapshot date.
book-legend-as-of = Stale: the source date (as_of) is more than { $months } months before the --as-of date.
book-all = all
md-book-notes = Notes (*):
md-book-region = { $region } ({ $location }), snapshot { $snapshot }
md-book-stale-before = Stale before { $date }.

## Price flags, sizing warnings and the agents' path (plan, estimate, report)

flag-derived = derived
flag-unconfirmed = unconfirmed
mark-flag = ({ $flag })
mark-flag-stale = ({ $flag }, stale)
mark-stale = (stale)
price-flags-summary = Prices: { $derived } derived, { $unconfirmed } unconfirmed and { $stale } stale (source more than { $months } months older than the price book's snapshot) are used, marked beside their lines and listed below; `{ $refresh }` re-reads them from AWS, `obs-cost pricing show --region { $region } --status unconfirmed` shows where each came from.
flagged-stale = stale price { $id }{ $rule } (as of { $as_of })
flagged-derived = derived price { $id }{ $rule } (as of { $as_of })
flagged-derived-stale = derived price { $id }{ $rule } (as of { $as_of }, stale)
flagged-unconfirmed = unconfirmed price { $id }{ $rule } (as of { $as_of }): { $why }
flagged-unconfirmed-stale = unconfirmed price { $id }{ $rule } (as of { $as_of }, stale): { $why }
plan-sizing-warning = Warning: { $warning }.
r-agents-html = <strong>How the agents reach AWS.</strong>
r-price-marks-html = A unit price marked (derived), (unconfirmed) or (stale) is listed under <a href="#assumptions">Assumptions and sources</a>.
r-h-flagged = Derived, unconfirmed and stale prices used
r-flagged-none = None: every price used is confirmed for its region and fresh.
r-cap-flagged-html = Prices used that are derived by a rule, not confirmed for the region, or older than 18 months before the price book's snapshot (marked beside their lines above); <code>obs-cost pricing refresh</code> re-reads them
col-rule-or-why = Rule or why unconfirmed
service-public-ipv4 = Public IPv4 addresses
service-vpc-endpoints = VPC endpoints
service-sns = SNS
service-secrets-manager = Secrets Manager
service-s3 = S3
service-ecr = ECR
service-eks = EKS

## Used series: "What your rules and dashboards read" (plan table, Markdown, report)

used-title = What your rules and dashboards read
r-sec-used = 3. What your rules and dashboards read
used-how-to-measure = obs-cost measure --prometheus URL --grafana-dashboards DIR --rule-files 'GLOB' -o usage.yaml (or --grafana URL --grafana-token-file FILE for Grafana's API)
used-missing-old = { $title }: not recorded in this plan (saved by an older build); plan it again with this build.
used-missing-unmeasured = { $title }: not measured, so the series nobody reads are not priced. Measure them with { $how } and plan with that snapshot, or give usage.metrics.series_used_by_rules_and_dashboards in the scenario.
used-of-active = { $used } of { $active } active series ({ $share }%)
used-of-active-no-share = { $used } of { $active } active series
used-active-unknown = { $used } series (active series unknown)
used-src-scenario = given in the scenario
used-src-snapshot = measured by obs-cost measure: { $query } ({ $window }, { $extrapolated })
used-query-not-recorded = query not recorded
used-extrapolated = extrapolated
used-not-extrapolated = not extrapolated
used-chosen-all = every series
used-chosen-used = the used series
used-cw-cost = CloudWatch, the metrics workload a month: every series { $all }, only the used series { $used }: the unused series cost { $unused } a month. This plan ships { $chosen } (mapping.cloudwatch_series: { $key }).
used-cw-unpriced = CloudWatch: not priced both ways (the active or used series are unknown, or metrics move in no phase); this plan ships { $chosen } (mapping.cloudwatch_series: { $key }).
used-amp-cost = Amazon Managed Prometheus ingests and stores every sample, whatever reads it: the unused series are { $unused } of its { $total } a month (drop them before remote write to save it).
used-amp-unpriced = Amazon Managed Prometheus ingests and stores every sample, whatever reads it (its samples are unknown here, so it is not priced).
used-head = { $title }: { $used_of_active } from { $names } metric name(s); { $unused } series nobody reads.
used-head-no-names = { $title }: { $used_of_active }; { $unused } series nobody reads.
used-provenance = Used series { $provenance }.
used-provenance-note = Used series { $provenance }; { $note }.
used-note = Note: { $note }.
used-unparsed-none = Expressions not parsed: none.
used-unparsed-count = Expressions not parsed: { $count } (their metric names may be missing from the used series):
used-unparsed-more-text = … and { $count } more (every one is in the plan JSON and the HTML report)
col-aws-every-series = AWS, every series
col-aws-used-series = AWS, used series
col-difference = Difference
col-phase-total-uses-short = Phase total uses
col-metric-unread = Metric nobody reads
col-cw-per-month = CloudWatch / month
col-amp-short-per-month = AMP / month
used-all-unused = all unused series
used-other-unused = other unused series
used-total-unused = total unused
used-unparsed-more-report = … and { $count } more, listed in the plan JSON (used_series.unparsed_expressions).
used-lead = Alerting rules, the recording rules they read and dashboards read { $used_of_active }, from { $names } metric name(s); the other { $unused } series are collected, stored and, on CloudWatch, billed as custom metrics for nobody.
used-lead-no-names = Alerting rules, the recording rules they read and dashboards read { $used_of_active }; the other { $unused } series are collected, stored and, on CloudWatch, billed as custom metrics for nobody.
used-unknown-paren = (unknown)
used-chart-text = Active series read by rules and dashboards: { $used } used, { $unused } unused.
used-chart-title = Active series: read by rules and dashboards, or by nobody
used-legend-used = Used
used-legend-unused = Unused
used-card-used = Series read by rules and dashboards
used-card-unused = Series nobody reads
used-card-unused-sub = { $names } metric name(s) read
used-card-unused-sub-no-names = metric names not listed
used-card-cw = Unused series on CloudWatch
used-card-cw-sub = a month; this plan ships { $chosen }
used-card-amp = Unused series on Managed Prometheus
used-card-amp-sub = a month; AMP ingests every sample
used-prov-snapshot = snapshot (obs-cost measure)
used-prov-read = What was read
used-names-summary = The { $count } metric name(s) rules and dashboards read
used-names-more = … and { $count } more (in the plan JSON)
r-used-figcaption-tail = The cards and tables below hold the same numbers.
r-cap-used-phases = Metrics on CloudWatch: each phase's AWS cost shipping every series and shipping only the used series, per month
col-every-series = Every series
col-used-series-only = Used series only
col-phase-total-uses = The phase's total uses
r-cap-unused = Metrics nobody reads, largest first, and their share of what the unused series cost a month
r-cap-used-provenance = Where the used series come from
r-h-unparsed = Expressions not parsed
r-unparsed-none = None: every rule and dashboard expression read was parsed.
r-unparsed-intro = The metric names of these expressions may be missing from the used series (names a fallback scanner found in them are counted; the error says which). Fix or simplify them and measure again.
r-cap-unparsed = Expressions the used-series analysis could not parse, with where they are
col-expression = Expression

## Plan-document sentences (`doc-*`): each is the exact English of one sentence the planner writes
## into the plan; src/i18n/recognise.rs matches it and writes the same id in the output language.
## Variables starting with t_ are terms (`unknown`, `Multi-AZ`, phase names), translated too.
## They take no selectors.

# Line items (models) and price tiers (cost)
doc-item-cw-custom-metrics = Custom metrics
doc-item-cw-api-requests = API requests
doc-item-cw-gmd = GetMetricData metrics requested
doc-item-alarms-standard = Standard-resolution alarm metrics
doc-item-alarms-high = High-resolution alarm metrics
doc-item-alarms-composite = Composite alarms
doc-item-dashboards = Dashboards
doc-item-logs-standard = Logs ingested (Standard)
doc-item-logs-ia = Logs ingested (Infrequent Access)
doc-item-logs-stored = Logs stored
doc-item-logs-insights = Logs Insights data scanned
doc-item-vended-standard = Vended logs delivered (Standard)
doc-item-vended-ia = Vended logs delivered (Infrequent Access)
doc-item-data-transfer-out = Data transfer out to the internet
doc-item-ebs-storage = EBS storage ({ $name }: { $type })
doc-item-ebs-iops = EBS provisioned IOPS ({ $name }: gp3 above 3,000)
doc-item-ebs-throughput = EBS provisioned throughput ({ $name }: gp3 above 125 MB/s)
doc-item-ec2-instance = EC2 instance ({ $name }: { $type }, Linux)
doc-item-cache-nodes = Cache nodes ({ $name }: { $node }, { $engine })
doc-item-cache-backup = Cache backup storage ({ $name })
doc-item-fargate-vcpu = Fargate vCPU ({ $name }: { $arch })
doc-item-fargate-memory = Fargate memory ({ $name }: { $arch })
doc-item-fargate-storage = Fargate ephemeral storage ({ $name }: above 20 GB)
doc-item-lb-hours = Load balancer hours ({ $name }: application)
doc-item-lb-lcu = Load balancer capacity units ({ $name }: application)
doc-item-grafana-editors = Editor licences
doc-item-grafana-viewers = Viewer licences
doc-item-amp-samples = Samples ingested
doc-item-amp-stored = Metrics stored
doc-item-amp-qsp = Query samples processed
doc-item-nat-hours = NAT gateway hours ({ $name })
doc-item-nat-processed = NAT gateway data processed ({ $name })
doc-item-rds-instance = DB instance ({ $name }: { $class }, { $t_az })
doc-item-rds-storage = DB storage ({ $name }: { $storage }, { $t_az })
doc-item-rds-iops = DB provisioned IOPS ({ $name }: gp3 above { $baseline }, { $t_az })
doc-item-rds-backup = DB backup storage ({ $name })
doc-item-xray-recorded = Traces recorded
doc-item-xray-retrieved = Traces retrieved
doc-item-xray-scanned = Traces scanned
doc-item-xray-insights = Insights traces processed
item-with-tier = { $item } ({ $tier })
item-detail-and-tier = { $open }, { $tier })
doc-tier-free = free tier
doc-tier-first = first { $end }
doc-tier-range = { $begin } to { $end }
doc-tier-over = over { $begin }

# Units of the price book
doc-unit-gb = GB
doc-unit-gb-hour = GB-hour
doc-unit-gb-month = GB-month
doc-unit-iops-month = IOPS-month
doc-unit-lcu-hour = LCU-hour
doc-unit-mbps-month = MBps-month
doc-unit-alarm-metric-month = alarm-metric-month
doc-unit-alarm-month = alarm-month
doc-unit-dashboard-month = dashboard-month
doc-unit-hour = hour
doc-unit-metric = metric
doc-unit-metric-month = metric-month
doc-unit-notification = notification
doc-unit-request = request
doc-unit-sample = sample
doc-unit-secret-month = secret-month
doc-unit-trace = trace
doc-unit-user-month = user-month
doc-unit-vcpu-hour = vCPU-hour

# How usage maps to AWS (plan::mapping)
doc-map-cw-series-all = { $t_series } active series -> { $t_metrics } CloudWatch custom metrics (one per series; mapping.cloudwatch_series: all)
doc-map-cw-series-used = { $t_used } of { $t_series } active series are read by rules or dashboards -> { $t_metrics } CloudWatch custom metrics (mapping.cloudwatch_series: used)
doc-map-cw-requests = { $t_metrics } metrics x 1 datapoint per { $interval }s x { $seconds } s/month / { $per_put } datapoints per PutMetricData -> { $t_requests } API requests
doc-map-cw-gmd = { $t_views } dashboard views/month x { $per_view } metrics per view -> { $t_gmd } GetMetricData metrics
doc-map-cw-alarms = { $t_rules } alerting rules x { $per_rule } alarm metric(s) each -> { $t_alarms } standard-resolution CloudWatch alarm metrics (no high-resolution or composite alarms assumed)
doc-map-cw-recording = { $t_rules } recording rules -> no CloudWatch charge of their own (they become metric math in alarms and dashboards)
doc-map-cw-dashboards = { $t_dashboards } Grafana dashboards -> { $t_cw } CloudWatch dashboards
doc-map-amp-sps-measured = { $sps } samples/s measured
doc-map-amp-sps = { $t_series } active series / { $interval }s scrape interval -> { $t_sps } samples/s
doc-map-amp-ingested = { $t_sps } samples/s x { $seconds } s/month -> { $t_samples } AMP samples ingested (AMP bills every sample ingested, whatever rules and dashboards read; mapping.cloudwatch_series applies to CloudWatch only)
doc-map-amp-stored = { $t_sps } samples/s x 86,400 s x { $days } days retained x { $bytes } bytes/sample -> { $t_gb } GB stored in AMP
doc-map-amp-qsp = { $t_rules } rules x evaluations every { $interval }s x { $per_eval } samples + { $t_views } dashboard views x { $per_view } samples -> { $t_qsp } AMP query samples processed
doc-map-amg = { $t_editors } Grafana editors and { $t_viewers } viewers -> Amazon Managed Grafana licences ({ $t_dashboards } dashboards move as they are)
doc-map-logs-gb = { $t_gb } GB/month of logs ingested -> { $t_ingested } GB CloudWatch Logs ingestion (Standard class)
doc-map-logs-lines = { $t_lines } log lines/month x { $bytes } bytes/line -> { $t_ingested } GB CloudWatch Logs ingestion (Standard class)
doc-map-logs-stored = { $t_gb } GB/month x { $compression } compression x { $days } days retained / { $days_per_month } days per month -> { $t_stored } GB stored once retention has filled (it accumulates up to that)
doc-map-logs-insights = { $t_gb } GB/month scanned by log queries -> Logs Insights data scanned
doc-map-xray = { $t_spans } spans/month / { $per_trace } spans per trace / { $kept }% kept by Jaeger -> { $t_requests } traced requests; X-Ray sampling { $reservoir } per second + { $rate }% of the rest -> { $t_traces } traces recorded
doc-map-xray-access = { $t_viewed } traces viewed and { $t_scanned } scanned by searches per month -> X-Ray traces retrieved and scanned
doc-map-rds-pinned = RDS instance class { $class } pinned by mapping.rds.instance_class
doc-map-rds-sized = database { $t_size } GB, { $t_tps } transactions/s, { $t_conns } connections -> needs { $vcpu } vCPU ({ $tps_per_vcpu } tps per vCPU) and { $memory } GB memory -> { $class } ({ $class_vcpu } vCPU, { $class_memory } GB), the cheapest fitting class with a price in { $region }
doc-map-rds-sized-skipped = database { $t_size } GB, { $t_tps } transactions/s, { $t_conns } connections -> needs { $vcpu } vCPU ({ $tps_per_vcpu } tps per vCPU) and { $memory } GB memory -> { $class } ({ $class_vcpu } vCPU, { $class_memory } GB), the cheapest fitting class with a price in { $region } (skipped for lack of a price: { $skipped })
doc-map-rds-storage = RDS { $class } { $t_az }, { $storage_type } storage { $t_storage } GB ({ $t_size } GB x { $headroom } headroom, at least 20), backup storage { $t_backup } GB
doc-map-cache-pinned = ElastiCache node type { $node } pinned by mapping.elasticache.node_type
doc-map-cache-sized = Redis { $t_used } GB used x { $headroom } headroom -> { $t_need } GB -> { $node } ({ $node_memory } GB), the cheapest fitting node type with a price in { $region }
doc-map-cache-sized-skipped = Redis { $t_used } GB used x { $headroom } headroom -> { $t_need } GB -> { $node } ({ $node_memory } GB), the cheapest fitting node type with a price in { $region } (skipped for lack of a price: { $skipped })
doc-map-cache-nodes = ElastiCache { $engine } { $node } x { $nodes } nodes (1 primary + { $replicas } replica(s))
doc-map-no-containers = no containers in usage.containers -> no Fargate tasks (compute usage unknown)
doc-map-container = container { $name }: { $t_cores } cores and { $t_memory } GB peak x { $headroom } headroom -> Fargate task { $vcpu } vCPU / { $task_memory } GB ({ $arch }) x { $tasks } tasks, { $hours } hours
doc-map-container-pod = container { $name }: { $t_cores } cores and { $t_memory } GB peak x { $headroom } headroom + { $overhead } GB pod overhead -> Fargate task { $vcpu } vCPU / { $task_memory } GB ({ $arch }) x { $tasks } tasks, { $hours } hours
doc-map-lb = 1 { $lb_type } load balancer processing { $t_gb } GB/month in front of the tasks
doc-map-nat = { $nats } NAT gateway(s) for tasks in private subnets, processing { $t_gb } GB/month

# Notes, the decision tree, methods (plan::build, roi::tree, plan::switch, plan::uncertainty,
# plan::measured, plan::actual)
doc-note-provisional = phase { $phase }: { $unknown } AWS line item(s) have unknown usage, so its AWS cost is a lower bound and its decision is provisional
doc-note-baseline-unknown = the self-hosted baseline has { $unknown } line item(s) with unknown usage: its cost is a lower bound
doc-note-cumulative = phases are cumulative: phase N holds everything moved in phases 1..N; its one-time cost is phases 1..N's labor ({ $rate }/engineer-week = loaded monthly cost x 12/52) plus dual running, paid at month 0
doc-note-growth = over the horizon, traffic growth multiplies the infra delta (and the downtime term when it scales with traffic); labor and productivity stay flat
doc-tree-selected-agree = the tree ({ $t_outcome }) and the ROI of phase { $phase }, the one phase this plan holds ({ $t_decision }), agree
doc-tree-selected-disagree = the tree says { $t_outcome } but the ROI of phase { $phase }, the one phase this plan holds, says { $t_decision }: the tree looks at team size, DAU and ops burden only, the ROI at this scenario's measured costs and savings
doc-short-history = values measured on less than a day of history (as little as { $history }; a day is the minimum for a monthly figure) are extrapolated to a month and may be far off: { $keys }; measure again once the server holds a day of data
doc-diff-phase-only = compared phase { $phase } only: { $old } holds { $t_old_phases }, { $new } { $t_new_phases } (the ROI's best phase and the agents' path, which depend on the phases a plan holds, are not compared)
doc-diff-phases-differ = the plans hold different phases ({ $old }: { $t_old_phases }, { $new }: { $t_new_phases }): a phase one plan lacks is shown as absent there, not as a change of decision
phase-list-one = phase { $phase }
phase-list-range = phases { $first }-{ $last }
phase-list-some = phases { $phases }
doc-diff-scenarios-differ = the plans are of different scenarios ('{ $old_name }' in { $old }, '{ $new_name }' in { $new }): any difference may come from the scenario, not from prices or obs-cost
doc-tree-agree = the tree ({ $t_outcome }) and the ROI (best phase { $phase }: { $t_decision }) agree
doc-tree-disagree = the tree says { $t_outcome } but the ROI says { $t_decision } (best phase { $phase }): the tree looks at team size, DAU and ops burden only, the ROI at this scenario's measured costs and savings
doc-tree-small-team = team size { $engineers }: at most { $max } engineers -> keep Compose
doc-tree-large-team = team size { $engineers }: more than { $max } engineers -> consider AWS
doc-tree-mid-team = team size { $engineers }: { $from } to { $to } engineers -> look at traffic
doc-tree-low-dau = DAU { $dau }: below { $low } -> keep Compose
doc-tree-high-dau = DAU { $dau }: { $high } or more -> migrate to AWS
doc-tree-mid-dau = DAU { $dau }: from { $low } to below { $high } -> look at the ops burden
doc-tree-manageable = ops burden manageable -> keep Compose
doc-tree-burdensome = ops burden burdensome -> gradual migration
doc-switch-method = DAU: usage scaled linearly from the measured point (DAU { $dau }): series, samples, log GB, spans, database size and load, Redis memory, container replicas and network GB are multiplied by DAU / { $dau_again }; AWS is re-priced (tiers) and re-sized, the self-hosted cost is scaled linearly; searched from { $from } to { $to } DAU (33 log-spaced points, then bisection to 1 DAU). Team size: ops FTE keeps its share of the team ({ $ops_fte } of { $engineers }), infrastructure unchanged; searched from { $team_min } to { $team_max } engineers. The 'net_1000' points use the migrate-now threshold ({ $threshold }).
doc-switch-method-downtime = DAU: usage scaled linearly from the measured point (DAU { $dau }): series, samples, log GB, spans, database size and load, Redis memory, container replicas and network GB are multiplied by DAU / { $dau_again }; AWS is re-priced (tiers) and re-sized, the self-hosted cost is scaled linearly, and so is the cost of a minute of downtime; searched from { $from } to { $to } DAU (33 log-spaced points, then bisection to 1 DAU). Team size: ops FTE keeps its share of the team ({ $ops_fte } of { $engineers }), infrastructure unchanged; searched from { $team_min } to { $team_max } engineers. The 'net_1000' points use the migrate-now threshold ({ $threshold }).
doc-switch-method-limits = { $t_head } Phase { $phase }: the DAU search stopped below { $dau } DAU, where the phase cannot be priced: { $reason }.
doc-curve-method = monthly cost of ownership = infrastructure (AWS + what remains self-hosted) + ops labor + downtime cost - productivity gained; the all-self-hosted cost minus a phase's cost is that phase's net monthly benefit, so a phase's line crosses the self-hosted line at its DAU switch point
doc-uncertainty-none = no value of the scenario is given as {"{"}low, expected, high{"}"} (or uncertainty.samples is 0): low = expected = high
doc-uncertainty-method = { $samples } samples, seed { $seed }, each uncertain value drawn from a triangular distribution (low, expected, high); business values enter the ROI exactly, infrastructure costs by interpolating, per assumption, between the plan re-priced at its low, expected and high values (additive: interactions between two uncertain usage values through price tiers are ignored); low and high are the 10th and 90th percentiles. The tornado re-prices the whole plan with one assumption at a time at its low and high end.
doc-usage-measured = measured by obs-cost measure (snapshot { $snapshot }): { $measured } value(s) measured, { $given } given in the scenario (inline values win)
doc-usage-given = given in the scenario
doc-top-metrics-method = What each metric adds a month: the metrics workload priced with and without its series (active series reduced by them, samples per second in proportion), with the scenario's free-tier setting and tiers; on CloudWatch every series becomes a custom metric (as with mapping.cloudwatch_series: all), on Amazon Managed Prometheus its samples are ingested and stored.
doc-actual-error = (actual - forecast) / forecast x 100: positive when the actual usage is above the forecast
doc-actual-region = the actual usage was read in { $actual } but the plan prices { $plan }: the quantities are compared as they are
doc-actual-not-measured = { $key } ({ $service }.{ $field }) was not measured: see the snapshot's not_measured
doc-actual-nothing = phase { $phase } { $t_name }: none of CloudWatch Logs, CloudWatch metrics or X-Ray is on AWS yet, nothing to compare

## Plan-document sentences of the costs a migration pays (hidden costs), the sizing warnings, the
## agents' path and the used series.

doc-item-public-ipv4 = Public IPv4 addresses ({ $name })
doc-item-s3-standard = S3 Standard storage ({ $name })
doc-item-s3-requests = S3 PUT, COPY, POST, LIST requests ({ $name })
doc-item-secrets = Secrets
doc-item-secrets-api = Secrets Manager API requests
doc-item-sns-email = Email notifications
doc-item-sns-http = HTTP/S notifications
doc-item-vpce-hours = VPC endpoint hours ({ $name }: { $endpoints } endpoint(s) x { $azs } AZ(s))
doc-item-vpce-processed = VPC endpoint data processed ({ $name })
doc-item-ecr-storage = Image storage
doc-item-eks-hours = EKS cluster hours ({ $name })
doc-item-eks-extended = EKS extended support ({ $name })
doc-item-cross-az = Cross-AZ data transfer ({ $name }, out and in)
doc-item-rds-extended = DB Extended Support ({ $name }: { $t_period }, { $vcpu } vCPU x { $count } instance(s))
doc-map-sns-none = usage.alerting.notifications_per_month not given -> SNS email and HTTP/S deliveries unknown (obs-cost measure reads them from Alertmanager's alertmanager_notifications_total)
doc-map-sns = Alertmanager notifications a month: { $t_email_kinds } -> { $email } SNS email deliveries; { $t_http_kinds } -> { $http } SNS HTTP/S deliveries (chat and paging webhooks become HTTPS subscriptions); the first 1,000 emails and 100,000 HTTP/S deliveries a month are free
doc-map-log-archive = logs exported to S3 at { $after } days old and kept there until { $keep } days: { $t_gb } GB/month x { $ratio } compression x { $days } days / { $days_per_month } days per month -> { $t_stored } GB in S3 Standard once the archive has filled (CloudWatch Logs keeps its own copy for mapping.log_retention_days)
doc-map-pg-unknown = PostgreSQL major version unknown (usage.database.postgres_major_version; obs-cost measure reads it from postgres_exporter's pg_static) -> RDS Extended Support unknown
doc-map-pg-standard = PostgreSQL { $major } is in RDS standard support on { $date } (until { $ends }) -> no Extended Support charge
doc-map-pg-extended = PostgreSQL { $major } left RDS standard support on { $ended }; on { $date } it is in RDS Extended Support, { $t_period } (since { $since }) -> billed per vCPU-hour of the instance and of its standby (upgrade the major to avoid it)
doc-map-pg-newer = PostgreSQL { $major } is newer than the RDS support calendar obs-cost knows ({ $known }) -> assumed in standard support, no Extended Support charge
doc-map-cross-az = { $t_gb } GB/month between the application and the { $t_what } x { $share }% crossing AZs (mapping.network.cross_az_share_percent) -> { $t_crossing } GB billed out of one AZ and into the other
doc-map-cross-az-missing = { $t_gb } GB/month between the application and the { $t_what } (give { $path }) x { $share }% crossing AZs (mapping.network.cross_az_share_percent) -> { $t_crossing } GB billed out of one AZ and into the other
doc-map-cross-az-multi-az = { $t_head }; Multi-AZ replication to the standby is not charged
doc-map-ipv4-nat = public IPv4 addresses: { $nat } for the NAT gateway(s), { $alb } for the internet-facing ALB (one per AZ) -> billed per address-hour
doc-map-ipv4-tasks = public IPv4 addresses: { $alb } for the internet-facing ALB (one per AZ), { $t_tasks } for the tasks in public subnets (one each) -> billed per address-hour
doc-map-ecr = { $services } service image(s) x { $image } GB x { $kept } versions kept -> { $gb } GB in ECR
doc-map-eks = EKS (mapping.compute.platform: eks): 1 cluster control plane instead of ECS
doc-map-eks-extended = EKS (mapping.compute.platform: eks): 1 cluster control plane, on a Kubernetes version in extended support (surcharge per cluster-hour) instead of ECS
doc-map-eks-fargate = EKS on Fargate: one Fargate task per pod, each with { $gb } GB more memory for the Kubernetes agents (kubelet, kube-proxy)
doc-map-eks-nodes = EKS EC2 nodes: pods need { $vcpu } vCPU and { $gb } GB -> { $nodes } x { $node_type } ({ $node_vcpu } vCPU, { $node_gb } GB each, at least one per AZ), each with a { $root_gb } GB gp3 root volume
doc-map-secrets-tasks = { $secrets } secret(s) in Secrets Manager ({ $stores } database/cache credential(s) + { $extra } more, mapping.secrets_manager.additional_secrets); { $t_tasks } tasks read each at every one of { $deployments } deployments a month -> { $t_requests } API requests
doc-map-secrets-self = { $secrets } secret(s) in Secrets Manager ({ $stores } database/cache credential(s) + { $extra } more, mapping.secrets_manager.additional_secrets); no API requests until compute moves (the self-hosted app keeps its configuration) -> { $requests } API requests
doc-map-agents-public = tasks in public subnets (mapping.fargate.nat_gateways: 0): agents reach CloudWatch, X-Ray and AMP through the internet gateway, at no charge
doc-map-agents-nat = agents send { $t_total } GB/month to AWS ({ $parts } GB) through the NAT gateway (mapping.network.agents_via: nat) -> NAT data processed { $t_app } GB app egress + { $t_telemetry } GB telemetry = { $t_nat } GB
doc-map-agents-vpce = agents send { $t_total } GB/month to AWS ({ $parts } GB) through VPC interface endpoints (mapping.network.agents_via: vpc_endpoints): { $count } endpoint(s) ({ $endpoints }) x { $azs } AZs, the telemetry GB processed by them; the NAT gateway keeps the app's { $t_app } GB
doc-warn-skipped-one = phase { $phase } { $t_workload }: { $priced } is priced while { $skipped }, which fits, has no price in { $region }: the { $t_workload_again } could cost less; add the price (obs-cost pricing refresh --region { $region_again }) or pin the size in the scenario's mapping
doc-warn-skipped-many = phase { $phase } { $t_workload }: { $priced } is priced while { $skipped }, which fit, have no price in { $region }: the { $t_workload_again } could cost less; add the price (obs-cost pricing refresh --region { $region_again }) or pin the size in the scenario's mapping
doc-warn-search-stop = the switch-point search of phase { $t_phases } stopped at { $dau } DAU, where no { $t_workload } size can be priced: { $reason }; its DAU switch points hold up to { $t_upto } only
doc-agents = Agents' traffic to AWS (phase { $phase }): { $t_gb } GB/month to { $endpoints } costs { $t_nat }/month through the NAT gateway and { $t_vpce }/month through { $count } VPC interface endpoint(s) in { $azs } AZs: { $t_verdict }; the plan sends it through { $t_way } (mapping.network.agents_via: { $via }).
doc-agents-nat-cheaper = the NAT gateway is cheaper by { $amount }
doc-agents-vpce-cheaper = the endpoints are cheaper by { $amount }
doc-agents-unknown = which is cheaper depends on the unknown volume
doc-used-method = The unused series are what shipping every series adds over shipping the used ones: on CloudWatch, the custom metrics between the used count and the active count, the top of the tier ladder. Their cost is the difference between the metrics workload priced both ways (custom metrics and PutMetricData requests, with the scenario's free tier and tiers), and each unused metric gets a share in proportion to its series: the average price of that band, not the average over every series (which would charge them the free tier and the first tiers the used series already fill) nor the marginal price at the tier the total reaches (which undercounts when the band spans tiers). Amazon Managed Prometheus ingests and stores every sample whatever reads it: there the unused series cost AMP priced with every sample minus AMP with the used series' share of the samples (samples in proportion to series), shared the same way. Shares are rounded to the cent so that the rows add up exactly to both totals. From the phase that moves compute to AWS, a phase's ship-all minus ship-used also holds the agents' traffic those series' datapoints make on the way to CloudWatch (NAT gateway data processed, or VPC endpoint GB), which is not shared among the metrics here.
doc-used-note = names read by { $alerts } alerting rules, { $queries } dashboard queries and { $variables } variable queries in { $dashboards } dashboards, and by the { $read } of { $recordings } recording rules those read (their outputs count as used only then); { $used } of { $counted } series counted by name at `at` in { $batches } batches
doc-used-note-no-dashboard = { $t_head }; no dashboard was read (pass --grafana URL or --grafana-dashboards DIR): rules only
doc-used-more-than-active = the used series ({ $used }) are more than the active series ({ $active }): they were counted at another time; the unused series are taken as 0 and their cost as unknown
doc-used-listed-more = the unused metrics listed have { $listed } series, more than active − used series ({ $unused }): they were counted at another time; their shares are taken over the { $listed_again } listed

## Terms (`atom-*`): words that stand alone inside sentences and cells

atom-unknown = unknown
atom-multi-az = Multi-AZ
atom-single-az = Single-AZ
atom-monitoring = monitoring
atom-logs = logs
atom-data = data
atom-compute = compute
atom-full = full
atom-metrics = metrics
atom-traces = traces
atom-database = database
atom-cache = cache
atom-manageable = manageable
atom-burdensome = burdensome
atom-cloudwatch = cloudwatch
atom-managed-prometheus = managed_prometheus
atom-keep-compose = keep_compose
atom-consider-aws = consider_aws
atom-migrate-to-aws = migrate_to_aws
atom-gradual-migration = gradual_migration
atom-migrate-now = migrate_now
atom-migrate-gradually = migrate_gradually
atom-stay = stay
atom-confirmed = confirmed
atom-unconfirmed = unconfirmed
atom-derived = derived
list-and = { $rest } and { $last }
atom-years-1-2 = years 1-2
atom-year-3 = year 3
atom-pg-major-unknown = PostgreSQL major version unknown
atom-none = none
atom-the-nat-gateway = the NAT gateway
atom-the-endpoints = the endpoints
atom-no-dau = no DAU

## Plan diff (`plan --compare-to`, and a differing golden in `scenarios check`)

col-delta-aws = Δ AWS
col-delta-self-hosted = Δ self-hosted
col-net-benefit-per-month = Net benefit/month
col-delta-net = Δ net
col-side = Side
col-old-per-month = Old/month
col-new-per-month = New/month
col-delta = Δ
col-price = Price
col-old = Old
col-new = New
col-change = Change
diff-added = added
diff-removed = removed
diff-price-per = { $price } per { $unit }
diff-side = { $label } (price book { $book }, snapshot { $snapshot })
diff-none = No differences.
diff-summary = { $phases } phase(s) changed, { $flips } decision(s) flipped, { $prices } price(s) moved, { $fields } field(s) differ in all.
diff-summary-tree = { $phases } phase(s) changed, { $flips } decision(s) flipped, { $prices } price(s) moved, { $fields } field(s) differ in all; the decision tree's outcome changed.
diff-title = Plan diff: { $heading }
diff-warning = Warning: { $warning }.
diff-tree = Decision tree: { $change }
diff-baseline = Self-hosted baseline: { $change }
diff-services = Services:
diff-moved-prices = Moved prices:
diff-fields = Fields that differ ({ $fields }):
diff-more-fields = ... and { $more } more (--format json lists them all)
md-diff-tree = **Decision tree:** { $change }
md-diff-baseline = **Self-hosted baseline:** { $change }
md-diff-services = Services
md-diff-moved-prices = Moved prices
md-diff-fields = { $fields } field(s) differ
md-diff-more-fields = … and { $more } more
atom-side-aws = aws
atom-side-self-hosted = self-hosted
