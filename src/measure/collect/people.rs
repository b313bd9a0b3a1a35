//! The measuring session's Grafana licence users and Alertmanager notifications: who would need
//! an Amazon Managed Grafana licence (`grafana_stat_totals_active_*`, when Grafana's /metrics is
//! scraped) and how many notifications each Alertmanager integration sends a month
//! (`alertmanager_notifications_total`), what SNS and other notification channels would carry.

use super::*;

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

    /// Notifications per month by Alertmanager integration.
    pub(super) fn notifications(&mut self) -> Result<(), QueryError> {
        let rq = q::alertmanager::NOTIFICATIONS;
        match self.grouped_rate(&rq, &["integration"])? {
            Ok(Some((groups, meta))) => {
                for (key, value) in groups {
                    let m = self.measured_rate(value, rq.unit, &meta);
                    self.part.notifications.insert(key[0].clone(), m);
                }
            }
            Ok(None) => {}
            Err(failed) => {
                self.part.notifications.insert("all".into(), failed);
            }
        }
        Ok(())
    }
}

/// Adds one server's notifications to the merged ones.
pub(super) fn merge_notifications(into: &mut BTreeMap<String, Measured>, other: BTreeMap<String, Measured>) {
    for (k, m) in other {
        match into.get_mut(&k) {
            Some(e) => e.merge_sum(&m),
            None => {
                into.insert(k, m);
            }
        }
    }
}

/// What is missing among the values above.
pub(super) fn not_measured(metrics: &MetricsUsage, alerting: &AlertingUsage, missing: &mut dyn FnMut(&str, &str)) {
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
