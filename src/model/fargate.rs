//! Amazon ECS on AWS Fargate (Linux): vCPU-hours and GB-hours of memory for x86_64 or arm64 tasks,
//! and ephemeral storage above the 20 GB every task includes. <https://aws.amazon.com/fargate/pricing/>

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// Ephemeral storage every Fargate task gets at no charge, GB.
pub const FREE_EPHEMERAL_STORAGE_GB: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

/// CPU architecture of the task.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FargateArchitecture {
    /// Linux/x86 (the default).
    #[default]
    #[serde(rename = "x86_64")]
    X86_64,
    /// Linux/ARM (Graviton), about 20% cheaper.
    #[serde(rename = "arm64")]
    Arm64,
}

impl FargateArchitecture {
    fn as_str(self) -> &'static str {
        match self {
            FargateArchitecture::X86_64 => "x86_64",
            FargateArchitecture::Arm64 => "arm64",
        }
    }
}

/// One `fargate:` item: a service of identical tasks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FargateService {
    /// Name of the service in the usage file, shown in the line items.
    pub name: String,
    /// `x86_64` (default) or `arm64`.
    #[serde(default)]
    pub architecture: FargateArchitecture,
    /// vCPUs per task (0.25 to 16).
    pub vcpu: Quantity,
    /// Memory per task, GB.
    pub memory_gb: Quantity,
    /// Number of tasks running (default 1).
    pub tasks: Option<Quantity>,
    /// Running hours of each task in the month (default: the month's hours).
    pub hours: Option<Quantity>,
    /// Ephemeral storage per task, GB (20 to 200); only the part above 20 GB is billed.
    pub ephemeral_storage_gb: Option<Quantity>,
}

impl ServiceModel for FargateService {
    const SERVICE: &'static str = "fargate";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let ecs = "AmazonECS";
        let arch = self.architecture.as_str();
        let (vcpu_ut, gb_ut) = match self.architecture {
            FargateArchitecture::X86_64 => ("Fargate-vCPU-Hours:perCPU", "Fargate-GB-Hours"),
            FargateArchitecture::Arm64 => ("Fargate-ARM-vCPU-Hours:perCPU", "Fargate-ARM-GB-Hours"),
        };
        let task_hours = q(self.tasks).unwrap_or(Decimal::ONE) * q(self.hours).unwrap_or(ctx.hours_per_month);
        let name = &self.name;
        let mut out = vec![
            CostComponent::new(
                format!("Fargate vCPU ({name}: {arch})"),
                task_hours * self.vcpu.get(),
                PriceQuery::new(format!("fargate.{arch}.vcpu"), ecs, vcpu_ut),
            ),
            CostComponent::new(
                format!("Fargate memory ({name}: {arch})"),
                task_hours * self.memory_gb.get(),
                PriceQuery::new(format!("fargate.{arch}.memory"), ecs, gb_ut),
            ),
        ];
        // Only storage above the included 20 GB is a line: at or below it nothing is billed.
        if let Some(gb) = q(self.ephemeral_storage_gb).filter(|gb| *gb > FREE_EPHEMERAL_STORAGE_GB) {
            out.push(CostComponent::new(
                format!("Fargate ephemeral storage ({name}: above 20 GB)"),
                task_hours * (gb - FREE_EPHEMERAL_STORAGE_GB),
                PriceQuery::new("fargate.ephemeral_storage", ecs, "Fargate-EphemeralStorage-GB-Hours"),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {

    use crate::model::testing::{d, try_estimate};

    use crate::model::AwsUsage;

    use crate::units::round_cents;

    #[test]
    fn matches_the_infracost_ecs_golden() {
        // infracost ecs_service_test: 2 vCPU → $59.10, 4 GB → $12.98 for 730 h
        let c = try_estimate("fargate: [{name: api, vcpu: 2, memory_gb: 4}]", "us-east-1").unwrap();
        let l = &c.services[0].line_items;
        assert_eq!(l[0].name, "Fargate vCPU (api: x86_64)");
        assert_eq!(round_cents(l[0].monthly_usd.unwrap().0), d("59.10"));
        assert_eq!(round_cents(l[1].monthly_usd.unwrap().0), d("12.98"));
        assert_eq!(l.len(), 2);
    }

    #[test]
    fn usage_file_example_with_tasks_and_hours() {
        let yaml = "fargate: [{name: api, architecture: x86_64, vcpu: 1, memory_gb: 2, tasks: 5, hours: 730, \
                    ephemeral_storage_gb: 20}]";
        let c = try_estimate(yaml, "us-east-1").unwrap();
        // 3,650 task-hours × (1 × $0.04048 + 2 × $0.004445); 20 GB ephemeral is free
        assert_eq!(c.total_monthly_usd, d("147.752") + d("32.4485"));
        assert_eq!(c.services[0].line_items.len(), 2);
    }

    #[test]
    fn arm64_and_ephemeral_storage_above_20_gb() {
        let yaml = "fargate: [{name: w, architecture: arm64, vcpu: 0.5, memory_gb: 1, tasks: 2, hours: 100, \
                    ephemeral_storage_gb: 50}]";
        let c = try_estimate(yaml, "us-east-1").unwrap();
        let l = &c.services[0].line_items;
        // 200 task-hours: 100 vCPU-h × $0.03238, 200 GB-h × $0.00356, 30 GB above 20 × 200 h × $0.000111
        assert_eq!(l[0].monthly_usd.map(|m| m.0), Some(d("3.238")));
        assert_eq!(l[1].monthly_usd.map(|m| m.0), Some(d("0.712")));
        assert_eq!(l[2].name, "Fargate ephemeral storage (w: above 20 GB)");
        assert_eq!(l[2].quantity.map(|q| q.0), Some(d("6000")));
        assert_eq!(l[2].monthly_usd.map(|m| m.0), Some(d("0.666")));
        assert_eq!(l[0].usage_type, "Fargate-ARM-vCPU-Hours:perCPU");
    }

    #[test]
    fn seoul_prices_and_the_unsourced_ephemeral_rate() {
        let c = try_estimate("fargate: [{name: api, vcpu: 1, memory_gb: 2}]", "ap-northeast-2").unwrap();
        // 730 × $0.04656 + 1,460 × $0.00511
        assert_eq!(c.total_monthly_usd, d("33.9888") + d("7.4606"));
        // Seoul's ephemeral-storage rate was not read: the us-east-1 rate, flagged unconfirmed.
        let c =
            try_estimate("fargate: [{name: api, vcpu: 1, memory_gb: 2, ephemeral_storage_gb: 21}]", "ap-northeast-2")
                .unwrap();
        assert_eq!(c.services[0].line_items[2].monthly_usd.map(|m| m.0), Some(d("0.08103"))); // 1 GB × 730 h × $0.000111
        assert_eq!(
            c.unconfirmed_prices.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["fargate.ephemeral_storage"]
        );
        // ARM: 730 × $0.03725 + 1,460 × $0.00409, both read for Seoul.
        let c = try_estimate("fargate: [{name: api, architecture: arm64, vcpu: 1, memory_gb: 2}]", "ap-northeast-2")
            .unwrap();
        assert_eq!(c.total_monthly_usd, d("27.1925") + d("5.9714"));
        assert!(c.unconfirmed_prices.is_empty(), "{:?}", c.unconfirmed_prices);
    }

    #[test]
    fn unknown_architecture_is_rejected_with_its_location() {
        let err =
            serde_yaml::from_str::<AwsUsage>("fargate:\n  - {name: a, architecture: aarch64, vcpu: 1, memory_gb: 2}\n")
                .unwrap_err()
                .to_string();
        assert!(err.contains("aarch64") && err.contains("arm64") && err.contains("line 2"), "{err}");
        assert!(serde_yaml::from_str::<AwsUsage>("fargate: [{name: a, vcpu: -1, memory_gb: 2}]").is_err());
    }
}
