//! Amazon RDS for PostgreSQL: DB instance hours (Single-AZ or Multi-AZ), gp2/gp3 storage, gp3 IOPS
//! above the included baseline, backup storage beyond the free allocation, and RDS Extended
//! Support per vCPU-hour for a major version past standard support (with the support calendar
//! that says when). <https://aws.amazon.com/rds/postgresql/pricing/>

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ec2::InstanceSpec;
use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

const fn spec(name: &'static str, vcpu: u32, memory_gib: f64) -> InstanceSpec {
    InstanceSpec { name, vcpu, memory_gib }
}

/// RDS for PostgreSQL instance classes obs-cost knows (vCPUs and memory as AWS lists them). A class
/// may have no price in a region (us-east-1 has no db.m7g/db.r7g price): sizing skips it there.
pub const RDS_INSTANCE_CLASSES: &[InstanceSpec] = &[
    spec("db.t3.micro", 2, 1.0),
    spec("db.t3.small", 2, 2.0),
    spec("db.t3.medium", 2, 4.0),
    spec("db.t3.large", 2, 8.0),
    spec("db.t3.xlarge", 4, 16.0),
    spec("db.t3.2xlarge", 8, 32.0),
    spec("db.t4g.micro", 2, 1.0),
    spec("db.t4g.small", 2, 2.0),
    spec("db.t4g.medium", 2, 4.0),
    spec("db.t4g.large", 2, 8.0),
    spec("db.t4g.xlarge", 4, 16.0),
    spec("db.t4g.2xlarge", 8, 32.0),
    spec("db.m6g.large", 2, 8.0),
    spec("db.m6g.xlarge", 4, 16.0),
    spec("db.m6g.2xlarge", 8, 32.0),
    spec("db.m6g.4xlarge", 16, 64.0),
    spec("db.m7g.large", 2, 8.0),
    spec("db.m7g.xlarge", 4, 16.0),
    spec("db.m7g.2xlarge", 8, 32.0),
    spec("db.m7g.4xlarge", 16, 64.0),
    spec("db.r6g.large", 2, 16.0),
    spec("db.r6g.xlarge", 4, 32.0),
    spec("db.r6g.2xlarge", 8, 64.0),
    spec("db.r6g.4xlarge", 16, 128.0),
    spec("db.r7g.large", 2, 16.0),
    spec("db.r7g.xlarge", 4, 32.0),
    spec("db.r7g.2xlarge", 8, 64.0),
    spec("db.r7g.4xlarge", 16, 128.0),
];

/// gp3 IOPS included below 400 GB of storage (RDS for PostgreSQL).
pub const GP3_BASELINE_IOPS_SMALL: Decimal = Decimal::from_parts(3000, 0, 0, false, 0);
/// gp3 IOPS included at 400 GB of storage and above (RDS for PostgreSQL).
pub const GP3_BASELINE_IOPS_LARGE: Decimal = Decimal::from_parts(12000, 0, 0, false, 0);
/// Storage size from which the larger gp3 baseline applies, GB.
pub const GP3_LARGE_BASELINE_FROM_GB: Decimal = Decimal::from_parts(400, 0, 0, false, 0);

/// The gp3 IOPS included with `storage_gb` of RDS for PostgreSQL storage: 3,000 below 400 GB,
/// 12,000 at 400 GB and above (the infracost golden prices "above 12,000" at exactly 400 GB;
/// hashicorp/terraform-provider-aws#28382: "once you cross over the 400GiB mark, the baseline for
/// IOPS is 12000, rather than 3000").
pub fn gp3_baseline_iops(storage_gb: Decimal) -> Decimal {
    if storage_gb >= GP3_LARGE_BASELINE_FROM_GB {
        GP3_BASELINE_IOPS_LARGE
    } else {
        GP3_BASELINE_IOPS_SMALL
    }
}

crate::model::ec2::catalog_newtype!(
    /// A DB instance class from [`RDS_INSTANCE_CLASSES`]; anything else is rejected when the file is read.
    RdsInstanceClass,
    RDS_INSTANCE_CLASSES,
    "RDS instance class",
    "db.t3.large"
);

/// The database engine: only PostgreSQL is priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RdsEngine {
    /// RDS for PostgreSQL (`postgres`, or `postgresql`).
    #[serde(rename = "postgres", alias = "postgresql")]
    Postgres,
}

/// General Purpose SSD storage type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RdsStorageType {
    /// gp2: IOPS scale with size and are included in the GB price.
    Gp2,
    /// gp3: a baseline of IOPS included, more billed per IOPS-month.
    #[default]
    Gp3,
}

impl RdsStorageType {
    fn as_str(self) -> &'static str {
        match self {
            RdsStorageType::Gp2 => "gp2",
            RdsStorageType::Gp3 => "gp3",
        }
    }
}

/// The RDS Extended Support pricing period of a major version past standard support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExtendedSupport {
    /// Years 1 and 2 after the end of standard support.
    #[serde(rename = "years_1_2")]
    Years1To2,
    /// Year 3 (twice the rate in us-east-1).
    #[serde(rename = "year_3")]
    Year3,
    /// The major version is unknown: the charge is shown as unknown (priced at the years 1-2 rate
    /// once known), never $0.
    #[serde(rename = "unknown")]
    Unknown,
}

impl ExtendedSupport {
    /// `years 1-2` or `year 3`.
    pub fn label(self) -> &'static str {
        match self {
            ExtendedSupport::Years1To2 => "years 1-2",
            ExtendedSupport::Year3 => "year 3",
            ExtendedSupport::Unknown => "PostgreSQL major version unknown",
        }
    }

    fn price(self) -> PriceQuery {
        let (id, period) = match self {
            ExtendedSupport::Years1To2 | ExtendedSupport::Unknown => ("rds.extended_support.years_1_2", "Yr1-Yr2"),
            ExtendedSupport::Year3 => ("rds.extended_support.year_3", "Yr3"),
        };
        PriceQuery::new(id, "AmazonRDS", format!("ExtendedSupport:{period}:PostgreSQL12"))
    }
}

/// Where an RDS for PostgreSQL major version stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostgresSupport {
    /// In standard support until `ends` (inclusive).
    Standard {
        /// Last day of standard support.
        ends: &'static str,
    },
    /// Past standard support: Extended Support is billed.
    Extended {
        /// The pricing period.
        period: ExtendedSupport,
        /// Last day of standard support.
        standard_ended: &'static str,
        /// First day of the pricing period.
        since: &'static str,
    },
    /// Past the end of Extended Support, or a major RDS never offered Extended Support for: the
    /// instance cannot run on RDS.
    NotOffered,
    /// A major newer than the calendar below (assumed in standard support).
    Newer,
}

/// RDS for PostgreSQL majors: last day of standard support, first day Extended Support is billed,
/// first day of year-3 pricing, last day of Extended Support. From the RDS for PostgreSQL release
/// calendar, <https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html>,
/// as transcribed by infracost/infracost@02a71da50424 `internal/resources/aws/db_instance.go`
/// (`postgresExtendedSupport`, majors 11-16; 17 from the AWS calendar); charges start the day after
/// standard support ends (<https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-charges.html>),
/// except for 11, billed from 2024-04-01.
pub const POSTGRES_CALENDAR: &[(u32, &str, &str, &str, &str)] = &[
    (11, "2024-02-29", "2024-04-01", "2026-04-01", "2027-03-31"),
    (12, "2025-02-28", "2025-03-01", "2027-03-01", "2028-02-29"),
    (13, "2026-02-28", "2026-03-01", "2028-03-01", "2029-02-28"),
    (14, "2027-02-28", "2027-03-01", "2029-03-01", "2030-02-28"),
    (15, "2028-02-29", "2028-03-01", "2030-03-01", "2031-02-28"),
    (16, "2029-02-28", "2029-03-01", "2031-03-01", "2032-02-29"),
    (17, "2030-02-28", "2030-03-01", "2032-03-01", "2033-02-28"),
];

/// Where PostgreSQL `major` stands on RDS on `date` (`YYYY-MM-DD`).
pub fn postgres_support(major: u32, date: &str) -> PostgresSupport {
    let Some(&(_, standard_end, charged_from, year3_from, extended_end)) =
        POSTGRES_CALENDAR.iter().find(|row| row.0 == major)
    else {
        return if POSTGRES_CALENDAR.last().is_some_and(|last| major > last.0) {
            PostgresSupport::Newer
        } else {
            PostgresSupport::NotOffered
        };
    };
    if date > extended_end {
        PostgresSupport::NotOffered
    } else if date >= year3_from {
        PostgresSupport::Extended { period: ExtendedSupport::Year3, standard_ended: standard_end, since: year3_from }
    } else if date > standard_end {
        // Between the end of standard support and the first billed day nothing is charged (11 only).
        if date < charged_from {
            PostgresSupport::Standard { ends: charged_from }
        } else {
            PostgresSupport::Extended {
                period: ExtendedSupport::Years1To2,
                standard_ended: standard_end,
                since: charged_from,
            }
        }
    } else {
        PostgresSupport::Standard { ends: standard_end }
    }
}

/// vCPUs of an instance class of [`RDS_INSTANCE_CLASSES`].
pub fn class_vcpus(class: RdsInstanceClass) -> Decimal {
    RDS_INSTANCE_CLASSES.iter().find(|s| s.name == class.as_str()).map_or(Decimal::ONE, |s| Decimal::from(s.vcpu))
}

/// One `rds:` item: one DB instance (with its standby when Multi-AZ).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RdsInstance {
    /// Name of the DB instance in the usage file, shown in the line items.
    pub name: String,
    /// Engine: `postgres` (alias `postgresql`); anything else is an error.
    pub engine: RdsEngine,
    /// DB instance class, e.g. `db.t3.large`.
    pub instance_class: RdsInstanceClass,
    /// Multi-AZ deployment with one standby (default false: Single-AZ).
    #[serde(default)]
    pub multi_az: bool,
    /// Storage type, `gp2` or `gp3` (default gp3).
    #[serde(default)]
    pub storage_type: RdsStorageType,
    /// Allocated storage, GB-months (GB provisioned all month).
    pub storage_gb: Option<Quantity>,
    /// Provisioned gp3 IOPS (total, including the baseline); only the part above the baseline is
    /// billed. Ignored for gp2, whose IOPS come with the GB price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iops: Option<Quantity>,
    /// Backup/snapshot storage billed beyond the free allowance (100% of the provisioned storage),
    /// GB-months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_storage_gb: Option<Quantity>,
    /// Running hours in the month (default: the month's hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Quantity>,
    /// RDS Extended Support period when the major version is past standard support: `years_1_2`
    /// or `year_3`, or `unknown` when the version is (absent: standard support, nothing billed).
    /// Billed per vCPU-hour of the instance, and of its standby when Multi-AZ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_support: Option<ExtendedSupport>,
}

impl ServiceModel for RdsInstance {
    const SERVICE: &'static str = "rds";

    fn components(&self, ctx: &ModelContext) -> Vec<CostComponent> {
        let rds = "AmazonRDS";
        let class = self.instance_class.as_str();
        let (az, az_id, instance_ut, storage_prefix) = if self.multi_az {
            ("Multi-AZ", "multi_az", "Multi-AZUsage", "RDS:Multi-AZ-")
        } else {
            ("Single-AZ", "single_az", "InstanceUsage", "RDS:")
        };
        let name = &self.name;
        let storage = self.storage_type.as_str();
        let hours = q(self.hours).unwrap_or(ctx.hours_per_month);
        let mut out = vec![
            CostComponent::new(
                format!("DB instance ({name}: {class}, {az})"),
                hours,
                PriceQuery::new(format!("rds.postgres.{class}.{az_id}"), rds, format!("{instance_ut}:{class}")),
            ),
            CostComponent::maybe(
                format!("DB storage ({name}: {storage}, {az})"),
                q(self.storage_gb),
                PriceQuery::new(
                    format!("rds.storage.{storage}.{az_id}"),
                    rds,
                    format!("{storage_prefix}{}-Storage", storage.to_uppercase()),
                ),
            ),
        ];
        if let (RdsStorageType::Gp3, Some(iops)) = (self.storage_type, q(self.iops)) {
            // Above 3,000 IOPS something is billed whatever the size; how much depends on the size.
            if iops > GP3_BASELINE_IOPS_SMALL {
                let above = q(self.storage_gb).map(|gb| (iops - gp3_baseline_iops(gb)).max(Decimal::ZERO));
                let baseline = match q(self.storage_gb) {
                    Some(gb) if gb >= GP3_LARGE_BASELINE_FROM_GB => "12,000",
                    Some(_) => "3,000",
                    None => "baseline",
                };
                out.push(CostComponent::maybe(
                    format!("DB provisioned IOPS ({name}: gp3 above {baseline}, {az})"),
                    above,
                    PriceQuery::new(format!("rds.gp3_iops.{az_id}"), rds, format!("{storage_prefix}GP3-PIOPS")),
                ));
            }
        }
        out.push(CostComponent::maybe(
            format!("DB backup storage ({name})"),
            q(self.backup_storage_gb),
            PriceQuery::new("rds.backup", rds, "RDS:ChargedBackupUsage"),
        ));
        if let Some(period) = self.extended_support {
            // Extended Support charges apply to the standby of a Multi-AZ instance too.
            let instances = if self.multi_az { Decimal::TWO } else { Decimal::ONE };
            let vcpus = class_vcpus(self.instance_class);
            let quantity = (period != ExtendedSupport::Unknown).then(|| vcpus * instances * hours);
            out.push(CostComponent::maybe(
                format!("DB Extended Support ({name}: {}, {vcpus} vCPU x {instances} instance(s))", period.label()),
                quantity,
                period.price(),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{price, Costing};
    use crate::model::testing::{d, estimate};
    use crate::model::AwsUsage;
    use crate::pricing::{LookupError, PriceBook};
    use crate::units::round_cents;

    fn try_estimate(yaml: &str, region: &str) -> Result<Costing, LookupError> {
        let usage: AwsUsage = serde_yaml::from_str(yaml).unwrap();
        let book = PriceBook::bundled().unwrap();
        price(&book, region, true, usage.components(&ModelContext::default()))
    }

    fn line(c: &Costing, prefix: &str) -> Decimal {
        let l = c.services.iter().flat_map(|s| &s.line_items).find(|l| l.name.starts_with(prefix));
        l.unwrap_or_else(|| panic!("no line {prefix} in {c:?}")).monthly_usd.unwrap().0
    }

    #[test]
    fn matches_the_infracost_postgres_golden() {
        // infracost db_instance_test: aws_db_instance.postgres, db.t3.large Single-AZ 730 h = $105.85,
        // gp2 20 GB = $2.30, additional backup storage 1,000 GB = $95.00.
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t3.large, multi_az: false, \
                    storage_type: gp2, storage_gb: 20, backup_storage_gb: 1000}]";
        let c = estimate(yaml, "us-east-1");
        assert_eq!(round_cents(line(&c, "DB instance (db: db.t3.large, Single-AZ)")), d("105.85"));
        assert_eq!(round_cents(line(&c, "DB storage (db: gp2, Single-AZ)")), d("2.30"));
        assert_eq!(round_cents(line(&c, "DB backup storage (db)")), d("95.00"));
        assert_eq!(c.total_monthly_usd, d("105.85") + d("2.3") + d("95"));
    }

    #[test]
    fn multi_az_doubles_instance_and_storage() {
        let yaml = "rds: [{name: db, engine: postgresql, instance_class: db.t3.large, multi_az: true, \
                    storage_type: gp2, storage_gb: 30}]";
        let c = estimate(yaml, "us-east-1");
        // 730 h × $0.290 (derived 2 × $0.145) and 30 GB × $0.23 (infracost: Multi-AZ gp2 30 GB = $6.90)
        assert_eq!(line(&c, "DB instance (db: db.t3.large, Multi-AZ)"), d("211.7"));
        assert_eq!(line(&c, "DB storage (db: gp2, Multi-AZ)"), d("6.9"));
        let multi =
            c.services[0].line_items.iter().find(|l| l.price_id == "rds.postgres.db.t3.large.multi_az").unwrap();
        assert_eq!(multi.price_status, crate::pricing::PriceStatus::Derived);
        let groups = serde_yaml::from_str::<AwsUsage>(yaml).unwrap().components(&ModelContext::default());
        let ids: Vec<_> = groups[0].1.iter().map(|c| c.price.usage_type.as_str()).collect();
        assert_eq!(ids, ["Multi-AZUsage:db.t3.large", "RDS:Multi-AZ-GP2-Storage", "RDS:ChargedBackupUsage"]);
    }

    #[test]
    fn gp3_iops_above_the_baseline_match_the_infracost_goldens() {
        // 20 GB, 4,000 IOPS Single-AZ: 1,000 above 3,000 × $0.02 = $20 (golden above_low_baseline)
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t4g.micro, storage_gb: 20, iops: 4000}]";
        let c = estimate(yaml, "us-east-1");
        assert_eq!(line(&c, "DB provisioned IOPS (db: gp3 above 3,000, Single-AZ)"), d("20"));
        assert_eq!(line(&c, "DB storage (db: gp3, Single-AZ)"), d("2.3"));
        // 400 GB, 14,000 IOPS Multi-AZ: 2,000 above 12,000 × $0.04 = $80; 400 GB × $0.23 = $92 (golden multi_az)
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t4g.micro, multi_az: true, \
                    storage_gb: 400, iops: 14000}]";
        let c = estimate(yaml, "us-east-1");
        assert_eq!(line(&c, "DB provisioned IOPS (db: gp3 above 12,000, Multi-AZ)"), d("80"));
        assert_eq!(line(&c, "DB storage (db: gp3, Multi-AZ)"), d("92"));
        // 400 GB with 10,000 IOPS: all within the 12,000 baseline, a zero line
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t4g.micro, storage_gb: 400, iops: 10000}]";
        assert_eq!(line(&estimate(yaml, "us-east-1"), "DB provisioned IOPS"), d("0"));
        // 3,000 IOPS or less: no IOPS line at all; gp2 never has one
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t4g.micro, storage_gb: 20, iops: 3000}, \
                    {name: old, engine: postgres, instance_class: db.t4g.micro, storage_type: gp2, storage_gb: 20, iops: 9000}]";
        let c = estimate(yaml, "us-east-1");
        assert!(c.services[0].line_items.iter().all(|l| !l.name.contains("IOPS")), "{c:?}");
    }

    #[test]
    fn unknown_storage_and_backup_are_unknown_not_zero() {
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t3.micro, iops: 5000}]";
        let c = estimate(yaml, "us-east-1");
        assert_eq!(c.unknown_line_items, 3); // storage, IOPS (baseline depends on size), backup
        assert_eq!(c.total_monthly_usd, d("13.14")); // 730 h × $0.018
    }

    #[test]
    fn seoul_has_its_own_prices_and_leaves_unsourced_classes_out() {
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t4g.micro, multi_az: true, \
                    storage_gb: 20, backup_storage_gb: 0}]";
        // 730 × $0.051 + 20 × $0.262
        assert_eq!(estimate(yaml, "ap-northeast-2").total_monthly_usd, d("37.23") + d("5.24"));
        // 730 × $0.032 (derived 2 × $0.016) + 20 × $0.23
        assert_eq!(estimate(yaml, "us-east-1").total_monthly_usd, d("23.36") + d("4.6"));
        // Seoul db.t3.large: 730 × $0.224 (Single-AZ, read for Seoul)
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t3.large}]";
        assert_eq!(estimate(yaml, "ap-northeast-2").total_monthly_usd, d("163.52"));
        // No source gives us-east-1 a db.m7g price: a missing-price error, never a guess.
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.m7g.large, storage_gb: 20}]";
        let err = try_estimate(yaml, "us-east-1").unwrap_err().to_string();
        assert!(err.contains("AmazonRDS") && err.contains("us-east-1") && err.contains("db.m7g.large"), "{err}");
    }

    #[test]
    fn unknown_class_and_engine_are_rejected_with_their_location() {
        let text = "rds:\n  - name: db\n    engine: postgres\n    instance_class: db.t3.huge\n";
        let err = serde_yaml::from_str::<AwsUsage>(text).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("unknown RDS instance class 'db.t3.huge'") && msg.contains("db.r6g.2xlarge"), "{msg}");
        // serde_yaml locates a field's error at its item: `rds[0]: ... at line 2 column 5`.
        assert!(msg.contains("rds[0]") && msg.contains("line 2 column"), "{msg}");
        let err = serde_yaml::from_str::<AwsUsage>("rds: [{name: db, engine: mysql, instance_class: db.t3.micro}]")
            .unwrap_err()
            .to_string();
        assert!(err.contains("mysql") && err.contains("postgres") && err.contains("line 1"), "{err}");
        let err = serde_yaml::from_str::<AwsUsage>(
            "rds: [{name: db, engine: postgres, instance_class: db.t3.micro, storage_type: io1}]",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("io1") && err.contains("gp3"), "{err}");
    }

    #[test]
    fn catalog_covers_every_priced_class() {
        let book = PriceBook::bundled().unwrap();
        for region in book.region_codes() {
            for e in &book.region(region).unwrap().entries {
                if let Some(rest) = e.id.strip_prefix("rds.postgres.") {
                    let class = rest.rsplit_once('.').unwrap().0;
                    assert!(RDS_INSTANCE_CLASSES.iter().any(|s| s.name == class), "{} in {region}", e.id);
                }
            }
        }
        assert!(RDS_INSTANCE_CLASSES.iter().any(|s| s.name == "db.r6g.large" && s.memory_gib == 16.0));
    }

    #[test]
    fn extended_support_is_billed_per_vcpu_hour_of_each_instance() {
        // infracost db_instance_test: extended support (year 1) 1,460 vCPU-hours = $146.00, a
        // 2-vCPU Single-AZ instance for 730 h.
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t3.large, storage_gb: 20, extended_support: years_1_2}]";
        let c = estimate(yaml, "us-east-1");
        assert_eq!(line(&c, "DB Extended Support (db: years 1-2, 2 vCPU x 1 instance(s))"), d("146"));
        // Multi-AZ bills the standby too; year 3 is $0.20: 4 vCPU x 2 x 730 h x $0.20
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.m6g.xlarge, multi_az: true, storage_gb: 20, extended_support: year_3}]";
        assert_eq!(line(&estimate(yaml, "us-east-1"), "DB Extended Support (db: year 3, 4 vCPU x 2"), d("1168"));
        // Seoul: us-east-1's rate, flagged unconfirmed
        let c = estimate(yaml, "ap-northeast-2");
        assert!(c.unconfirmed_prices.iter().any(|p| p.id == "rds.extended_support.year_3"), "{c:?}");
        let yaml = "rds: [{name: db, engine: postgres, instance_class: db.t3.large, storage_gb: 20, backup_storage_gb: 0, extended_support: unknown}]";
        assert_eq!(estimate(yaml, "us-east-1").unknown_line_items, 1);
        assert!(serde_yaml::from_str::<AwsUsage>(
            "rds: [{name: db, engine: postgres, instance_class: db.t3.large, extended_support: forever}]"
        )
        .is_err());
    }

    #[test]
    fn the_support_calendar() {
        use PostgresSupport::*;
        assert_eq!(postgres_support(16, "2026-11-01"), Standard { ends: "2029-02-28" });
        assert_eq!(
            postgres_support(13, "2026-11-01"),
            Extended { period: ExtendedSupport::Years1To2, standard_ended: "2026-02-28", since: "2026-03-01" }
        );
        assert_eq!(postgres_support(13, "2026-02-28"), Standard { ends: "2026-02-28" });
        assert!(matches!(postgres_support(11, "2026-11-01"), Extended { period: ExtendedSupport::Year3, .. }));
        // 11 left standard support on 2024-02-29 but was billed from 2024-04-01.
        assert!(matches!(postgres_support(11, "2024-03-15"), Standard { .. }));
        assert_eq!(postgres_support(11, "2027-04-01"), NotOffered);
        assert_eq!(postgres_support(10, "2026-11-01"), NotOffered);
        assert_eq!(postgres_support(18, "2026-11-01"), Newer);
        assert_eq!(class_vcpus(serde_yaml::from_str("db.r6g.2xlarge").unwrap()), d("8"));
    }
}
