//! Amazon EBS General Purpose SSD volumes (gp3, gp2) of the self-hosted baseline: GB-months, and for
//! gp3 the IOPS above 3,000 and throughput above 125 MB/s that are billed extra.
//! <https://aws.amazon.com/ebs/pricing/>

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// IOPS every gp3 volume includes.
pub const GP3_FREE_IOPS: Decimal = Decimal::from_parts(3000, 0, 0, false, 0);
/// Throughput every gp3 volume includes, MB/s.
pub const GP3_FREE_THROUGHPUT_MBPS: Decimal = Decimal::from_parts(125, 0, 0, false, 0);

/// EBS volume type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EbsVolumeType {
    /// General Purpose SSD gp3.
    Gp3,
    /// General Purpose SSD gp2.
    Gp2,
}

impl EbsVolumeType {
    fn as_str(self) -> &'static str {
        match self {
            EbsVolumeType::Gp3 => "gp3",
            EbsVolumeType::Gp2 => "gp2",
        }
    }
}

/// One `ebs:` item: a group of identical volumes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EbsVolumes {
    /// Name of the group in the usage file, shown in the line items.
    pub name: String,
    /// `gp3` or `gp2`.
    pub volume_type: EbsVolumeType,
    /// Size of each volume, GB (provisioned all month).
    pub size_gb: Quantity,
    /// Number of volumes (default 1).
    pub count: Option<Quantity>,
    /// Provisioned IOPS of each gp3 volume; the part above 3,000 is billed. Ignored for gp2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iops: Option<Quantity>,
    /// Provisioned throughput of each gp3 volume, MB/s; the part above 125 is billed. Ignored for gp2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throughput_mbps: Option<Quantity>,
}

impl ServiceModel for EbsVolumes {
    const SERVICE: &'static str = "ebs";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        let ec2 = "AmazonEC2";
        let t = self.volume_type.as_str();
        let count = q(self.count).unwrap_or(Decimal::ONE);
        let name = &self.name;
        let mut out = vec![CostComponent::new(
            format!("EBS storage ({name}: {t})"),
            count * self.size_gb.get(),
            PriceQuery::new(format!("ebs.{t}"), ec2, format!("EBS:VolumeUsage.{t}")),
        )];
        // gp2 has no provisioned IOPS or throughput to bill: its performance comes with the GB price.
        if self.volume_type == EbsVolumeType::Gp3 {
            if let Some(iops) = q(self.iops).filter(|i| *i > GP3_FREE_IOPS) {
                out.push(CostComponent::new(
                    format!("EBS provisioned IOPS ({name}: gp3 above 3,000)"),
                    count * (iops - GP3_FREE_IOPS),
                    PriceQuery::new("ebs.gp3_iops", ec2, "EBS:VolumeP-IOPS.gp3"),
                ));
            }
            if let Some(mbps) = q(self.throughput_mbps).filter(|t| *t > GP3_FREE_THROUGHPUT_MBPS) {
                out.push(CostComponent::new(
                    format!("EBS provisioned throughput ({name}: gp3 above 125 MB/s)"),
                    count * (mbps - GP3_FREE_THROUGHPUT_MBPS),
                    PriceQuery::new("ebs.gp3_throughput", ec2, "EBS:VolumeP-Throughput.gp3"),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {

    use crate::model::testing::{d, estimate};

    use crate::model::AwsUsage;

    #[test]
    fn usage_file_example_in_both_regions() {
        let yaml = "ebs: [{name: data, volume_type: gp3, size_gb: 100, count: 3}]";
        assert_eq!(estimate(yaml, "us-east-1").total_monthly_usd, d("24")); // 300 × $0.08
        assert_eq!(estimate(yaml, "ap-northeast-2").total_monthly_usd, d("27.36")); // 300 × $0.0912
        let yaml = "ebs: [{name: old, volume_type: gp2, size_gb: 10}]";
        assert_eq!(estimate(yaml, "us-east-1").total_monthly_usd, d("1")); // infracost: gp2 10 GB = $1.00
    }

    #[test]
    fn gp3_extras_match_the_infracost_golden() {
        // infracost ebs_volume_test gp3: 40 GB $3.20, 1,000 IOPS $5.00, 5 MB/s $0.20
        let yaml = "ebs: [{name: v, volume_type: gp3, size_gb: 40, iops: 4000, throughput_mbps: 130}]";
        let c = estimate(yaml, "us-east-1");
        let names: Vec<_> = c.services[0].line_items.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "EBS storage (v: gp3)",
                "EBS provisioned IOPS (v: gp3 above 3,000)",
                "EBS provisioned throughput (v: gp3 above 125 MB/s)"
            ]
        );
        assert_eq!(c.total_monthly_usd, d("3.2") + d("5") + d("0.2"));
    }

    #[test]
    fn unknown_volume_type_is_rejected_with_its_location() {
        let err = serde_yaml::from_str::<AwsUsage>("ebs:\n  - {name: v, volume_type: io2, size_gb: 1}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("io2") && err.contains("gp3") && err.contains("line 2"), "{err}");
    }
}
