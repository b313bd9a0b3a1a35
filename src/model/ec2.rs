//! Amazon EC2 instances (Linux, shared tenancy, on-demand): the self-hosted baseline that runs the
//! Compose stack today. Also home of [`InstanceSpec`], the catalog row shared by the RDS,
//! ElastiCache and EC2 catalogs that the planner chooses sizes from.
//! <https://aws.amazon.com/ec2/pricing/on-demand/>

use serde::{Deserialize, Deserializer, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// One size of an instance family, as the planner needs it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct InstanceSpec {
    /// AWS name, e.g. `t3.large`, `db.m6g.xlarge`, `cache.r6g.large`.
    pub name: &'static str,
    /// vCPUs.
    pub vcpu: u32,
    /// Memory in GiB. For ElastiCache node types this is the memory usable for data, as AWS lists it.
    pub memory_gib: f64,
}

const fn spec(name: &'static str, vcpu: u32, memory_gib: f64) -> InstanceSpec {
    InstanceSpec { name, vcpu, memory_gib }
}

/// EC2 instance types obs-cost knows (Linux on-demand prices in the book where sourced).
pub const EC2_INSTANCE_TYPES: &[InstanceSpec] = &[
    spec("t3.micro", 2, 1.0),
    spec("t3.small", 2, 2.0),
    spec("t3.medium", 2, 4.0),
    spec("t3.large", 2, 8.0),
    spec("t3.xlarge", 4, 16.0),
    spec("t3.2xlarge", 8, 32.0),
    spec("t3a.micro", 2, 1.0),
    spec("t3a.small", 2, 2.0),
    spec("t3a.medium", 2, 4.0),
    spec("t3a.large", 2, 8.0),
    spec("t3a.xlarge", 4, 16.0),
    spec("t3a.2xlarge", 8, 32.0),
    spec("t4g.micro", 2, 1.0),
    spec("t4g.small", 2, 2.0),
    spec("t4g.medium", 2, 4.0),
    spec("t4g.large", 2, 8.0),
    spec("t4g.xlarge", 4, 16.0),
    spec("t4g.2xlarge", 8, 32.0),
    spec("m5.large", 2, 8.0),
    spec("m5.xlarge", 4, 16.0),
    spec("m5.2xlarge", 8, 32.0),
    spec("m5.4xlarge", 16, 64.0),
    spec("m6i.large", 2, 8.0),
    spec("m6i.xlarge", 4, 16.0),
    spec("m6i.2xlarge", 8, 32.0),
    spec("m6i.4xlarge", 16, 64.0),
    spec("m6g.large", 2, 8.0),
    spec("m6g.xlarge", 4, 16.0),
    spec("m6g.2xlarge", 8, 32.0),
    spec("m6g.4xlarge", 16, 64.0),
    spec("m7g.large", 2, 8.0),
    spec("m7g.xlarge", 4, 16.0),
    spec("m7g.2xlarge", 8, 32.0),
    spec("m7g.4xlarge", 16, 64.0),
    spec("c6i.large", 2, 4.0),
    spec("c6i.xlarge", 4, 8.0),
    spec("c6i.2xlarge", 8, 16.0),
    spec("c6i.4xlarge", 16, 32.0),
    spec("c6g.large", 2, 4.0),
    spec("c6g.xlarge", 4, 8.0),
    spec("c6g.2xlarge", 8, 16.0),
    spec("c6g.4xlarge", 16, 32.0),
    spec("r6i.large", 2, 16.0),
    spec("r6i.xlarge", 4, 32.0),
    spec("r6i.2xlarge", 8, 64.0),
    spec("r6i.4xlarge", 16, 128.0),
    spec("r6g.large", 2, 16.0),
    spec("r6g.xlarge", 4, 32.0),
    spec("r6g.2xlarge", 8, 64.0),
    spec("r6g.4xlarge", 16, 128.0),
];

/// Looks a name up in a catalog, for the `Deserialize` of the validated name newtypes: an unknown
/// name is a serde error listing what is allowed, which the YAML parser locates by line and column.
pub(crate) fn catalog_name<'de, D: Deserializer<'de>>(
    deserializer: D,
    what: &str,
    catalog: &'static [InstanceSpec],
) -> Result<&'static str, D::Error> {
    let name = String::deserialize(deserializer)?;
    match catalog.iter().find(|s| s.name == name) {
        Some(s) => Ok(s.name),
        None => {
            let allowed: Vec<&str> = catalog.iter().map(|s| s.name).collect();
            let close = crate::suggest::close_matches_tail(&name, allowed.iter().copied());
            Err(serde::de::Error::custom(format!(
                "unknown {what} '{name}'{close}\nhint: use one of: {}",
                allowed.join(", ")
            )))
        }
    }
}

/// Declares a validated name newtype over an [`InstanceSpec`] catalog: it deserialises only from a
/// name in the catalog (anything else is a located serde error listing what is allowed).
macro_rules! catalog_newtype {
    ($(#[$meta:meta])* $name:ident, $catalog:ident, $what:literal, $example:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
        pub struct $name(&'static str);

        impl $name {
            #[doc = concat!("The name, e.g. `", $example, "`.")]
            pub fn as_str(self) -> &'static str {
                self.0
            }

        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::model::ec2::catalog_name(deserializer, $what, $catalog).map($name)
            }
        }
    };
}
pub(crate) use catalog_newtype;

catalog_newtype!(
    /// An EC2 instance type from [`EC2_INSTANCE_TYPES`]; anything else is rejected when the file is read.
    Ec2InstanceType,
    EC2_INSTANCE_TYPES,
    "EC2 instance type",
    "t3.large"
);

/// One `ec2:` item: a group of identical instances.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ec2Instances {
    /// Name of the group in the usage file, shown in the line items.
    pub name: String,
    /// Instance type, e.g. `t3.large` (Linux, shared tenancy, on-demand).
    pub instance_type: Ec2InstanceType,
    /// Number of instances (default 1).
    pub count: Option<Quantity>,
    /// Running hours of each instance in the month (default: the month's hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Quantity>,
}

impl ServiceModel for Ec2Instances {
    const SERVICE: &'static str = "ec2";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let t = self.instance_type.as_str();
        let count = q(self.count).unwrap_or(rust_decimal::Decimal::ONE);
        let hours = q(self.hours).unwrap_or(ctx.hours_per_month);
        vec![CostComponent::new(
            format!("EC2 instance ({}: {t}, Linux)", self.name),
            count * hours,
            PriceQuery::new(format!("ec2.{t}.linux"), "AmazonEC2", format!("BoxUsage:{t}")),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::estimate;

    use crate::model::testing::d;
    use crate::model::AwsUsage;
    use crate::pricing::PriceBook;
    use rust_decimal::Decimal;

    fn total(yaml: &str, region: &str) -> Decimal {
        estimate(yaml, region).total_monthly_usd
    }

    #[test]
    fn catalog_names_are_unique_and_every_priced_type_is_in_it() {
        let mut names: Vec<_> = EC2_INSTANCE_TYPES.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), EC2_INSTANCE_TYPES.len());
        let book = PriceBook::bundled().unwrap();
        for region in book.region_codes() {
            for e in &book.region(region).unwrap().entries {
                if let Some(t) = e.id.strip_prefix("ec2.").and_then(|s| s.strip_suffix(".linux")) {
                    assert!(names.contains(&t), "{} in {region} is not in the catalog", e.id);
                }
            }
        }
    }

    #[test]
    fn three_t3_large_hosts_match_the_infracost_rate() {
        // 3 × 730 h × $0.0832 (infracost: t3.large $0.0832/h) = $182.208
        let yaml = "ec2: [{name: compose, instance_type: t3.large, count: 3}]";
        assert_eq!(total(yaml, "us-east-1"), d("182.208"));
        // infracost instance_test golden: t3.medium 730 h = $30.37
        let yaml = "ec2: [{name: m, instance_type: t3.medium}]";
        assert_eq!(crate::units::round_cents(total(yaml, "us-east-1")), d("30.37"));
    }

    #[test]
    fn seoul_prices_differ_from_us_east_1() {
        let yaml = "ec2: [{name: compose, instance_type: t3.medium, count: 2, hours: 100}]";
        assert_eq!(total(yaml, "us-east-1"), d("8.32")); // 200 h × $0.0416
        assert_eq!(total(yaml, "ap-northeast-2"), d("10.4")); // 200 h × $0.052
    }

    #[test]
    fn unknown_instance_type_is_rejected_with_its_location() {
        let err = serde_yaml::from_str::<AwsUsage>("ec2:\n  - {name: x, instance_type: t3.huge}\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("unknown EC2 instance type 't3.huge'") && text.contains("t3.large"), "{text}");
        assert!(text.contains("line 2"), "{text}");
        assert!(err.location().is_some());
    }

    #[test]
    fn name_and_price_id() {
        let usage: AwsUsage = serde_yaml::from_str("ec2: [{name: compose, instance_type: m7g.large}]").unwrap();
        let groups = usage.components(&ModelContext::default());
        let c = &groups[0].1[0];
        assert_eq!(c.name, "EC2 instance (compose: m7g.large, Linux)");
        assert_eq!(c.price.id, "ec2.m7g.large.linux");
        assert_eq!(c.price.usage_type, "BoxUsage:m7g.large");
    }
}
