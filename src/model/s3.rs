//! Amazon S3 Standard storage and PUT/COPY/POST/LIST requests (a log archive, exports). Only the
//! first 50 TB storage tier is sourced: more is a missing-price error. <https://aws.amazon.com/s3/pricing/>

use serde::{Deserialize, Serialize};

use super::{q, CostComponent, ModelContext, ServiceModel};
use crate::pricing::PriceQuery;
use crate::units::Quantity;

/// One `s3:` item: a bucket (or a group of buckets) in S3 Standard.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct S3Bucket {
    /// Name of the bucket in the usage file, shown in the line items.
    pub name: String,
    /// GB-months stored in S3 Standard; absent means unknown.
    pub storage_gb: Option<Quantity>,
    /// PUT, COPY, POST and LIST requests per month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub put_requests: Option<Quantity>,
}

impl ServiceModel for S3Bucket {
    const SERVICE: &'static str = "s3";

    fn components(&self, _ctx: &ModelContext) -> Vec<CostComponent> {
        let mut out = vec![CostComponent::maybe(
            format!("S3 Standard storage ({})", self.name),
            q(self.storage_gb),
            PriceQuery::new("s3.standard.storage", "AmazonS3", "TimedStorage-ByteHrs"),
        )];
        if let Some(put) = q(self.put_requests) {
            out.push(CostComponent::new(
                format!("S3 PUT, COPY, POST, LIST requests ({})", self.name),
                put,
                PriceQuery::new("s3.standard.requests_tier1", "AmazonS3", "Requests-Tier1"),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::{d, estimate, try_estimate};

    #[test]
    fn matches_the_infracost_golden_and_seoul() {
        // infracost s3_bucket_test: Standard storage 10,000 GB = $230.00; 10 x 1k PUT requests = $0.05.
        let yaml = "s3: [{name: logs, storage_gb: 10000, put_requests: 10000}]";
        assert_eq!(estimate(yaml, "us-east-1").total_monthly_usd, d("230.05"));
        // Seoul: 10,000 x $0.025 + 10,000 x $0.0000045
        assert_eq!(estimate(yaml, "ap-northeast-2").total_monthly_usd, d("250.045"));
        // Past the sourced 50 TB tier: an error, not a guess.
        assert!(try_estimate("s3: [{name: big, storage_gb: 60000}]", "us-east-1").is_err());
        assert_eq!(estimate("s3: [{name: logs}]", "us-east-1").unknown_line_items, 1);
    }
}
