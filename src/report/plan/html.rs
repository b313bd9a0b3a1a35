//! The plan as one self-contained HTML report (`obs-cost report`): askama template
//! (`templates/report.html`) filled with pre-formatted text and inline SVG charts (`charts`).
//! No JavaScript, no external resource: the file can be mailed and opened offline. Pure: it reads
//! the [`Plan`] as written (so a saved plan renders to the same bytes as a fresh one) and returns
//! the HTML; `cmd::report` writes the file.
//!
//! Escaping: askama escapes every `{{ }}` value; the charts are the only `|safe` content, and
//! `svg` escapes all the text it puts in them.

use anyhow::{Context, Result};
use askama::Template;
use rust_decimal::Decimal;

use super::charts::{self, best_phase};
use super::used::{self, window, UsedView};
use super::{actual_rows, aws_cell, uncertainty_cells, ActualStyle};
use crate::cost::ServiceCost;
use crate::i18n::Locale;
use crate::plan::measured::ValueSource;
use crate::plan::{PhasePlan, Plan};
use crate::report::wording::{self, decision, outcome, payback_text, phase_decision, phase_name, service_name};
use crate::report::{line_cells, Render};
use crate::roi::Decision;
use crate::scenario::MetricsTarget;
use crate::tr;
use crate::units::{group_thousands, Exact, Money};

/// The plan as the HTML report; `generated` is the generation time to print (from
/// `SOURCE_DATE_EPOCH`), or `None` to print none, so that identical inputs give identical bytes.
pub struct Html {
    /// The generation time to print, if any.
    pub generated: Option<String>,
    /// The language and currency it is written in.
    pub locale: Locale,
}

impl Render<Plan> for Html {
    fn render(&self, p: &Plan) -> Result<String> {
        render(&p.as_written()?, self.generated.as_deref(), &self.locale)
    }
}

fn num(e: Exact, dp: u32) -> String {
    group_thousands(e.0, dp)
}

/// A table row of strings.
pub struct Row(pub Vec<String>);

impl Row {
    /// The first cell (the row header).
    pub fn head(&self) -> &str {
        self.0.first().map_or("", String::as_str)
    }

    /// Every cell but the first.
    pub fn rest(&self) -> &[String] {
        self.0.get(1..).unwrap_or(&[])
    }
}

/// The forecast-vs-actual table in the report.
fn actual_style(l: &Locale) -> ActualStyle<'_> {
    ActualStyle {
        phase: Box::new(move |n, name| tr!(l, "r-phase-label", phase = n, name = phase_name(l, name))),
        service: Box::new(move |key| service_name(l, key)),
        total: l.t("r-total-compared"),
        none: "—".into(),
    }
}

/// A service's line items, formatted.
pub struct ServiceTable {
    /// Service display name.
    pub name: String,
    /// Its monthly total.
    pub total: String,
    /// name, quantity, unit, unit price, monthly.
    pub items: Vec<[String; 5]>,
}

fn tables(l: &Locale, services: &[ServiceCost]) -> Vec<ServiceTable> {
    services
        .iter()
        .map(|s| ServiceTable {
            name: service_name(l, &s.service),
            total: l.money(s.monthly_usd.0),
            items: s.line_items.iter().map(|i| line_cells(l, i)).collect(),
        })
        .collect()
}

/// One phase's line-item tables.
pub struct PhaseTables {
    /// Anchor id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Caption of its AWS line items.
    pub aws_caption: String,
    /// Caption of what stays self-hosted.
    pub self_hosted_caption: String,
    /// One sentence of totals.
    pub totals: String,
    /// AWS services.
    pub aws: Vec<ServiceTable>,
    /// What remains self-hosted.
    pub self_hosted: Vec<ServiceTable>,
}

/// The summary's figures.
pub struct Summary {
    /// One-line answer.
    pub headline: String,
    /// ROI rule's decision, in words.
    pub roi_decision: String,
    /// Tree's outcome, in words.
    pub tree_outcome: String,
    /// Whether they agree.
    pub agrees: bool,
    /// The plan's sentence on the comparison.
    pub note: String,
    /// The net card's label, naming the best phase.
    pub net_label: String,
    /// Net monthly benefit (expected).
    pub net: String,
    /// Low (P10) and high (P90).
    pub net_band: String,
    /// Payback.
    pub payback: String,
    /// NPV.
    pub npv: String,
    /// Recommended next phase, one sentence.
    pub next_step: String,
    /// What the reader must not miss: sizes skipped for lack of a price, flagged prices.
    pub warnings: Vec<String>,
    /// How the agents reach AWS and which way is cheaper (empty when compute stays self-hosted).
    pub agents: String,
}

/// The report template.
#[derive(Template)]
#[template(path = "report.html")]
pub struct Page {
    /// The language and currency every word and amount is written in.
    pub l: Locale,
    /// `<title>`.
    pub title: String,
    /// The `<h1>`.
    pub h1: String,
    /// Scenario description.
    pub description: String,
    /// One line: file, region, price book, hours.
    pub context: String,
    /// How the won amounts were computed (`--currency KRW`), or empty.
    pub fx: String,
    /// "Generated ..." from SOURCE_DATE_EPOCH, or empty.
    pub generated: String,
    /// The program that computed the plan and the one that rendered it.
    pub generated_by: String,
    /// Summary.
    pub summary: Summary,
    /// Where the usage came from.
    pub usage_source: String,
    /// key, value, source, query, window, extrapolated.
    pub usage_rows: Vec<Row>,
    /// name, series, CloudWatch, AMP.
    pub top_metrics: Vec<Row>,
    /// How top metrics are priced.
    pub top_metrics_method: String,
    /// The metrics workload on each target.
    pub metrics_targets: Vec<Row>,
    /// What the rules and dashboards read.
    pub used: UsedView,
    /// Stacked bars.
    pub cost_chart: String,
    /// label, self-hosted, AWS, total.
    pub cost_rows: Vec<Row>,
    /// Forecast vs actual (`plan --actual`): phase, service, quantity, forecast, actual, error,
    /// forecast cost, actual cost, cost error; empty without it.
    pub actual_rows: Vec<Row>,
    /// Where the actual values come from, and caveats; empty without them.
    pub actual_text: Vec<String>,
    /// Baseline line items.
    pub baseline: Vec<ServiceTable>,
    /// Baseline total sentence.
    pub baseline_totals: String,
    /// Per phase line items.
    pub phase_tables: Vec<PhaseTables>,
    /// ROI rows.
    pub roi_rows: Vec<Row>,
    /// Cash-flow chart.
    pub cash_chart: String,
    /// Its text alternative.
    pub cash_text: String,
    /// Switch chart.
    pub switch_chart: String,
    /// Its text alternative.
    pub switch_text: String,
    /// Net benefit against DAU (inline SVG; empty when the plan has no curve).
    pub switch_net_chart: String,
    /// Its text alternative.
    pub switch_net_text: String,
    /// Switch point rows.
    pub switch_rows: Vec<Row>,
    /// How switch points were computed.
    pub switch_method: String,
    /// Decision tree diagram.
    pub tree_chart: String,
    /// The path, as sentences.
    pub tree_path: Vec<String>,
    /// Tornado chart.
    pub tornado_chart: String,
    /// The tornado chart's caption.
    pub tornado_figcaption: String,
    /// The tornado table's caption.
    pub tornado_caption: String,
    /// Tornado rows.
    pub tornado_rows: Vec<Row>,
    /// P10 / expected / P90 per phase.
    pub uncertainty_rows: Vec<Row>,
    /// How the uncertainty was computed.
    pub uncertainty_method: String,
    /// Every scenario value.
    pub inputs: Vec<Row>,
    /// Price-book regions.
    pub regions: Vec<Row>,
    /// Derived, unconfirmed and stale prices: id, status, as of, stale, rule or why, source.
    pub flagged: Vec<Row>,
    /// How usage maps to AWS.
    pub mapping: Vec<Row>,
    /// Notes.
    pub notes: Vec<String>,
}

fn summary(l: &Locale, p: &Plan) -> Summary {
    let t = &p.decision_tree;
    let best = best_phase(p);
    let band = best.and_then(|b| p.uncertainty.phases.iter().find(|u| u.phase == b.phase));
    let first = p.phases.first();
    let money = |m: Money| l.money(m.0);
    let next_step = match (best, first) {
        // A single-phase plan knows nothing of the other phases: it does not say where to start.
        (Some(b), _) if p.selected_phase.is_some() => tr!(
            l,
            "r-next-selected",
            phase = b.phase,
            name = phase_name(l, &b.name),
            decision = decision(l, b.decision),
            net = money(b.net_monthly_benefit_usd),
            one_time = money(b.one_time_cost_usd)
        ),
        (Some(b), _) if b.decision == Decision::Stay => {
            tr!(l, "r-next-stay", threshold = money(p.inputs.migrate_gradually_from_usd))
        }
        (Some(b), Some(f)) if f.phase == b.phase => tr!(
            l,
            "r-next-start",
            phase = f.phase,
            name = phase_name(l, &f.name),
            net = money(f.net_monthly_benefit_usd),
            one_time = money(f.one_time_cost_usd)
        ),
        (Some(b), Some(f)) if f.net_monthly_benefit_usd.0 >= Decimal::ZERO => tr!(
            l,
            "r-next-start-then",
            phase = f.phase,
            name = phase_name(l, &f.name),
            net = money(f.net_monthly_benefit_usd),
            one_time = money(f.one_time_cost_usd),
            best = b.phase,
            best_name = phase_name(l, &b.name)
        ),
        (Some(b), Some(f)) => tr!(
            l,
            "r-next-on-the-way",
            phase = f.phase,
            name = phase_name(l, &f.name),
            net = money(f.net_monthly_benefit_usd),
            best = b.phase,
            best_name = phase_name(l, &b.name)
        ),
        _ => l.t("r-next-no-phase"),
    };
    let roi_decision = decision(l, t.roi_decision);
    let headline = match best {
        Some(b) => tr!(
            l,
            // A single-phase plan's headline speaks of that phase only.
            if p.selected_phase.is_some() { "r-headline-selected" } else { "r-headline" },
            decision = roi_decision,
            phase = b.phase,
            name = phase_name(l, &b.name),
            net = money(b.net_monthly_benefit_usd),
            outcome = outcome(l, t.outcome)
        ),
        None => tr!(l, "r-headline-tree-only", outcome = outcome(l, t.outcome)),
    };
    Summary {
        headline,
        roi_decision,
        tree_outcome: tr!(l, "r-card-tree", outcome = outcome(l, t.outcome)),
        agrees: t.agrees_with_roi,
        note: l.doc(&t.note),
        net_label: tr!(
            l,
            "r-card-net",
            best = best.map_or_else(String::new, |b| tr!(
                l,
                "r-best-phase",
                phase = b.phase,
                name = phase_name(l, &b.name)
            ))
        ),
        net: best.map_or_else(String::new, |b| money(b.net_monthly_benefit_usd)),
        net_band: tr!(
            l,
            "r-card-net-band",
            band = band.map_or_else(String::new, |u| {
                tr!(
                    l,
                    "r-range",
                    low = money(u.net_monthly_benefit_usd.low),
                    high = money(u.net_monthly_benefit_usd.high)
                )
            })
        ),
        payback: best.map_or_else(String::new, |b| payback_text(l, b.payback_months, b.payback_month_in_horizon)),
        npv: best.map_or_else(String::new, |b| money(b.npv_usd)),
        next_step,
        warnings: super::summary_lines(l, p),
        agents: super::agents_line(l, p).unwrap_or_default(),
    }
}

fn value3(l: &Locale, low: Exact, expected: Exact, high: Exact) -> String {
    if low == expected && expected == high {
        num(expected, 4)
    } else {
        tr!(l, "r-value-range", expected = num(expected, 4), low = num(low, 4), high = num(high, 4))
    }
}

fn phase_tables(l: &Locale, p: &Plan, ph: &PhasePlan) -> PhaseTables {
    let name = phase_name(l, &ph.name);
    let title = if ph.moves.is_empty() {
        tr!(l, "r-phase-title-nothing", phase = ph.phase, name = name)
    } else {
        tr!(l, "r-phase-title", phase = ph.phase, name = name, moves = wording::workloads(l, &ph.moves))
    };
    PhaseTables {
        id: format!("phase-{}", ph.phase),
        aws_caption: tr!(l, "r-cap-phase-aws", title = title),
        self_hosted_caption: tr!(l, "r-cap-phase-self-hosted", title = title),
        title,
        totals: tr!(
            l,
            "r-phase-totals",
            aws = aws_cell(l, ph),
            self_hosted = l.money(ph.self_hosted_monthly_usd.0),
            total = l.money(ph.total_monthly_usd.0),
            one_time = l.money(ph.one_time_cost_usd.0),
            phase = ph.phase,
            weeks = group_thousands(super::weeks_priced(p, ph).0, 2)
        ),
        aws: tables(l, &ph.aws_services),
        self_hosted: tables(l, &ph.self_hosted_services),
    }
}

fn roi_row(l: &Locale, ph: &PhasePlan) -> Row {
    let money = |m: Money| l.money(m.0);
    Row(vec![
        format!("{} {}", ph.phase, phase_name(l, &ph.name)),
        money(ph.roi.infra_delta_usd),
        money(ph.roi.ops_labor_saved_usd),
        money(ph.roi.downtime_saved_usd),
        money(ph.roi.productivity_gained_usd),
        money(ph.net_monthly_benefit_usd),
        money(ph.one_time_cost_usd),
        payback_text(l, ph.payback_months, ph.payback_month_in_horizon),
        money(ph.npv_usd),
        phase_decision(l, ph),
    ])
}

fn on_off(l: &Locale, on: bool) -> String {
    l.t(if on { "on" } else { "off" })
}

fn yes_no(l: &Locale, yes: bool) -> String {
    l.t(if yes { "yes" } else { "no" })
}

/// Renders the report of a plan as written.
fn render(p: &Plan, generated: Option<&str>, l: &Locale) -> Result<String> {
    let (cost_chart, cost_rows) = charts::cost(l, p);
    let (cash_chart, cash_text) = charts::cash(l, p);
    let (switch_chart, switch_text, switch_rows) = charts::switch(l, p);
    let (switch_net_chart, switch_net_text) = charts::switch_net(l, p);
    let (tornado_chart, tornado_phase, tornado_rows) = charts::tornado(l, p);
    let u = &p.usage;
    let money = |m: Money| l.money(m.0);
    let version = env!("CARGO_PKG_VERSION");
    let page = Page {
        l: l.clone(),
        title: tr!(l, "r-title", name = p.scenario.name),
        h1: tr!(l, "r-h1", name = p.scenario.name),
        description: p.scenario.description.clone().unwrap_or_default(),
        context: tr!(
            l,
            "r-context",
            file = p.scenario.file,
            region = p.region,
            book = p.price_book,
            snapshot = p.price_book_snapshot,
            free_tier = on_off(l, p.free_tier),
            hours = num(p.hours_per_month, 2)
        ),
        generated: generated.map(|g| tr!(l, "r-generated", time = g)).unwrap_or_default(),
        generated_by: if p.generated_by.is_empty() {
            tr!(l, "r-rendered-by", version = version)
        } else {
            tr!(l, "r-computed-rendered-by", computed = p.generated_by, version = version)
        },
        summary: summary(l, p),
        usage_source: tr!(
            l,
            "r-usage-source",
            source = if u.source.is_empty() { l.t("r-usage-source-none") } else { l.doc(&u.source) }
        ),
        usage_rows: u
            .values
            .iter()
            .map(|v| {
                Row(vec![
                    v.key.clone(),
                    value3(l, v.low, v.expected, v.high),
                    match v.source {
                        ValueSource::Scenario => l.t("r-value-source-scenario"),
                        ValueSource::Snapshot => l.t("r-value-source-snapshot"),
                    },
                    v.query.clone().unwrap_or_else(|| "—".into()),
                    window(l, v.window_seconds),
                    match v.extrapolated {
                        None => "—".into(),
                        Some(e) => yes_no(l, e),
                    },
                ])
            })
            .collect(),
        top_metrics: u
            .top_metrics
            .iter()
            .map(|t| {
                Row(vec![
                    t.name.clone(),
                    num(t.series, 0),
                    t.cloudwatch_monthly_usd.map_or_else(|| l.t("unknown"), money),
                    t.managed_prometheus_monthly_usd.map_or_else(|| l.t("unknown"), money),
                ])
            })
            .collect(),
        top_metrics_method: l.doc(&u.top_metrics_method),
        metrics_targets: p
            .metrics_targets
            .iter()
            .map(|m| {
                Row(vec![
                    match m.target {
                        MetricsTarget::Cloudwatch => "CloudWatch".into(),
                        MetricsTarget::ManagedPrometheus => "Managed Prometheus + Grafana".into(),
                    },
                    wording::lower_bound(l, m.monthly_usd.0, m.unknown_line_items),
                    yes_no(l, m.chosen),
                ])
            })
            .collect(),
        used: used::view(l, p),
        cost_chart,
        cost_rows,
        actual_rows: p
            .actual_comparison
            .as_ref()
            .map(|c| actual_rows(l, c, &actual_style(l)).into_iter().map(|r| Row(r.to_vec())).collect())
            .unwrap_or_default(),
        actual_text: p.actual_comparison.as_ref().map_or_else(Vec::new, |c| {
            let mut t = vec![tr!(
                l,
                "r-actual-intro",
                region = c.region,
                start = c.start,
                end = c.end,
                file = c.file,
                error = l.doc(&c.error_definition)
            )];
            t.extend(c.notes.iter().map(|n| l.doc(n)));
            t
        }),
        baseline: tables(l, &p.baseline.services),
        baseline_totals: tr!(
            l,
            if p.baseline.unknown_line_items > 0 { "r-baseline-totals-lower-bound" } else { "r-baseline-totals" },
            infra = money(p.baseline.self_hosted_monthly_usd),
            unknown = p.baseline.unknown_line_items,
            ops = money(p.baseline.ops_labor_usd),
            availability = num(p.baseline.availability_percent, 3),
            minutes = num(p.baseline.downtime_minutes_per_month, 1),
            downtime = money(p.baseline.downtime_cost_usd)
        ),
        phase_tables: p.phases.iter().map(|ph| phase_tables(l, p, ph)).collect(),
        roi_rows: p.phases.iter().map(|ph| roi_row(l, ph)).collect(),
        cash_chart,
        cash_text,
        switch_chart,
        switch_text,
        switch_net_chart,
        switch_net_text,
        switch_rows,
        switch_method: l.doc(&p.switch_points_method),
        tree_chart: charts::tree(l, p),
        tree_path: p.decision_tree.path.iter().map(|s| l.doc(s)).collect(),
        tornado_chart,
        tornado_figcaption: tr!(l, "r-tornado-figcaption", phase = tornado_phase),
        tornado_caption: tr!(l, "r-cap-tornado", phase = tornado_phase),
        tornado_rows,
        uncertainty_rows: p
            .uncertainty
            .phases
            .iter()
            .map(|u| {
                let mut cells = vec![tr!(l, "r-phase-number", phase = u.phase)];
                cells.extend(uncertainty_cells(l, u));
                Row(cells)
            })
            .collect(),
        uncertainty_method: l.doc(&p.uncertainty.method),
        inputs: p.scenario.inputs.iter().map(|kv| Row(vec![kv.key.clone(), kv.value.clone()])).collect(),
        regions: p
            .price_book_regions
            .iter()
            .map(|r| Row(vec![r.region.clone(), r.location.clone(), r.snapshot.clone()]))
            .collect(),
        flagged: p
            .price_flags
            .prices
            .iter()
            .map(|f| {
                Row(vec![
                    f.id.clone(),
                    l.term(f.status.as_str()),
                    f.as_of.clone(),
                    l.t(if f.stale { "yes" } else { "no" }),
                    f.rule.clone().or_else(|| f.note.clone()).unwrap_or_else(|| "—".into()),
                    f.source.clone(),
                ])
            })
            .collect(),
        mapping: p
            .mapping
            .iter()
            .flat_map(|m| {
                m.explanations
                    .iter()
                    .map(move |e| Row(vec![m.phase.to_string(), wording::workload(l, m.workload), l.doc(e)]))
            })
            .collect(),
        notes: p.notes.iter().map(|n| l.doc(n)).collect(),
        fx: l.fx_note().unwrap_or_default(),
    };
    page.render().context("cannot render the HTML report; this is a bug in obs-cost, please report it")
}
