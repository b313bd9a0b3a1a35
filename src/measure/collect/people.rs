//! The measuring session's Grafana licence users and Alertmanager notifications: who would need
//! an Amazon Managed Grafana licence (`grafana_stat_totals_active_*`, when Grafana's /metrics is
//! scraped) and how many notifications each Alertmanager integration sends a month
//! (`alertmanager_notifications_total`), what SNS and other notification channels would carry.
//! Notifications are kept per Alertmanager target, so that an Alertmanager several servers scrape
//! counts once (see `merge`).

use super::*;
use crate::measure::Status as MeasureStatus;

impl Session<'_> {
    /// Active Grafana admins + editors, and viewers.
    pub(super) fn grafana_users(&mut self) -> Result<(), QueryError> {
        let note = "users seen in the last 30 days by their highest role (service accounts excluded), the largest \
                    value over Grafana instances (replicas share one database)";
        for (query, editors) in [(q::GRAFANA_EDITORS, true), (q::GRAFANA_VIEWERS, false)] {
            let m = match self.query(query) {
                Ok(s) if s.is_empty() => continue,
                Ok(s) => self.ok(sum(&s), "users", query, 0).with_note(note),
                Err(e) => {
                    let m = self.failed("users", &e, 0);
                    self.fail(e)?;
                    m
                }
            };
            let slot = if editors { &mut self.part.grafana_editors } else { &mut self.part.grafana_viewers };
            *slot = Some(m);
        }
        Ok(())
    }

    /// Notifications per month by Alertmanager integration, per Alertmanager target.
    pub(super) fn notifications(&mut self) -> Result<(), QueryError> {
        let rq = q::alertmanager::NOTIFICATIONS;
        match self.rate(&rq) {
            Ok(Some((samples, meta))) => {
                let mut per: BTreeMap<String, Groups> = BTreeMap::new();
                for (key, value) in group(&samples, &["integration", "job", "instance"], &self.opts.dedup_labels) {
                    let Some((integration, target)) = key.split_first() else { continue };
                    per.entry(integration.clone()).or_default().insert(target.to_vec(), value);
                }
                for (integration, values) in per {
                    let template = self.rate_template(rq.unit, &meta);
                    self.part.notifications.insert(integration, Slot::Keyed { values, template });
                }
            }
            Ok(None) => {}
            Err(e) => {
                let m = self.failed(rq.unit, &e, self.opts.window_seconds);
                self.fail(e)?;
                self.part.notifications.insert("all".into(), Slot::Failed(m));
            }
        }
        Ok(())
    }
}

/// Grafana users of every server: the largest value (servers that scrape the same Grafana see the
/// same users), or the sum with `--sum-servers`.
pub(in crate::measure) fn merge_users(values: Vec<&Measured>, sum_servers: bool) -> Option<Measured> {
    let mut out: Option<Measured> = None;
    for m in values {
        match &mut out {
            None => out = Some(m.clone()),
            Some(o) if sum_servers => o.merge_sum(m),
            Some(o) if m.status == MeasureStatus::Failed => *o = m.clone(),
            Some(o) if o.status == MeasureStatus::Ok && m.value > o.value => *o = m.clone(),
            Some(_) => {}
        }
    }
    out
}

/// What is missing among the values above.
pub(in crate::measure) fn not_measured(
    metrics: &MetricsUsage,
    alerting: &AlertingUsage,
    missing: &mut dyn FnMut(&str, &str),
) {
    if metrics.grafana_editors.is_none() {
        missing(
            "metrics.grafana_editors",
            "no grafana_stat_totals_active_* metrics: scrape Grafana's /metrics (port 3000) with total stats enabled",
        );
    }
    if alerting.notifications_per_month.is_empty() {
        missing(
            "alerting.notifications_per_month",
            "no alertmanager_notifications_total: scrape Alertmanager's /metrics (port 9093)",
        );
    }
}
