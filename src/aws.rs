//! Shared AWS SDK setup for the commands that call AWS (`pricing refresh --source api` and
//! `measure --cloudwatch`): the current-thread tokio runtime, the shared configuration (standard
//! credential chain, rustls HTTPS client, region), the up-front credential check with one clear
//! error naming every source tried, the endpoint actually called (`AWS_ENDPOINT_URL_<SERVICE>`
//! overrides), region validation, the cap on every response body ([`BodyLimit`]), and the sorting
//! of SDK errors into clear, fatal messages.
//!
//! This is the only module that builds AWS SDK configuration; service-specific calls live in
//! `pricing::refresh::api` and `measure::cloudwatch`. Nothing here ever prints a credential: errors
//! are rendered with `Display` only (never `Debug`, which can dump signed requests).

use anyhow::{bail, Context, Result};
use aws_config::{BehaviorVersion, Region};
use aws_sdk_pricing::config::ProvideCredentials;
use aws_sdk_pricing::error::{ProvideErrorMetadata, SdkError};

/// The credential sources aws-config's default chain tries, in order, for error messages.
pub const CREDENTIAL_SOURCES: &str = "environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), \
the shared config and credentials files (~/.aws/config, ~/.aws/credentials; profile AWS_PROFILE or 'default', \
including SSO, assume-role and credential_process profiles), web identity (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN), \
the ECS container endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI) and EC2 instance metadata (IMDS)";

/// AWS regions (commercial, GovCloud and China partitions) that obs-cost accepts for API calls.
/// A region outside this list is refused up front, naming it, instead of failing later as an
/// unreachable host.
pub const KNOWN_REGIONS: &[&str] = &[
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "il-central-1",
    "me-south-1",
    "me-central-1",
    "mx-central-1",
    "sa-east-1",
    "us-gov-east-1",
    "us-gov-west-1",
    "cn-north-1",
    "cn-northwest-1",
];

/// Fails with the region's name when it is not an AWS region obs-cost knows.
pub fn check_region(region: &str) -> Result<()> {
    if KNOWN_REGIONS.contains(&region) {
        return Ok(());
    }
    bail!(
        "region '{region}' is not an AWS region obs-cost knows\nhint: use a region code such as us-east-1 or ap-northeast-2 (known: {})",
        KNOWN_REGIONS.join(", ")
    )
}

/// A current-thread runtime for one command's SDK calls (obs-cost is otherwise synchronous).
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the runtime for the AWS SDK")
}

/// The shared SDK configuration for a region: the standard credential chain and a rustls HTTPS
/// client (ring), so no OpenSSL or aws-lc build is needed. `AWS_ENDPOINT_URL_<SERVICE>` and
/// `AWS_MAX_ATTEMPTS` are honoured by the SDK itself.
pub async fn load_config(region: &str) -> aws_config::SdkConfig {
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(
            aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring,
        ))
        .build_https();
    aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .http_client(http)
        .load()
        .await
}

/// The largest AWS API response body read: a GetProducts page (100 products) or a GetMetricData
/// page is well under a MiB; a longer (or endless) answer fails the call.
pub const MAX_RESPONSE_BYTES: u64 = 32 * 1024 * 1024;

/// An SDK interceptor that refuses a response body larger than [`MAX_RESPONSE_BYTES`]: by its
/// `Content-Length` before reading, and by counting while reading (chunked or endless bodies).
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit;

impl aws_smithy_runtime_api::client::interceptors::Intercept for BodyLimit {
    fn name(&self) -> &'static str {
        "obs-cost response body limit"
    }

    fn modify_before_deserialization(
        &self,
        context: &mut aws_smithy_runtime_api::client::interceptors::context::BeforeDeserializationInterceptorContextMut<
            '_,
        >,
        _components: &aws_smithy_runtime_api::client::runtime_components::RuntimeComponents,
        _cfg: &mut aws_smithy_types::config_bag::ConfigBag,
    ) -> Result<(), aws_smithy_runtime_api::box_error::BoxError> {
        let response = context.response_mut();
        let length = response.headers().get("content-length").and_then(|v| v.parse::<u64>().ok());
        if let Some(length) = length.filter(|l| *l > MAX_RESPONSE_BYTES) {
            return Err(too_large(Some(length)).into());
        }
        let body = response.take_body();
        *response.body_mut() = aws_smithy_types::body::SdkBody::from_body_1_x(LimitedBody { inner: body, read: 0 });
        Ok(())
    }
}

fn too_large(length: Option<u64>) -> String {
    let size = length.map_or_else(|| "larger".to_string(), |l| format!("{l} bytes, larger"));
    format!("the AWS answer is {size} than the {} obs-cost reads", crate::input::human_bytes(MAX_RESPONSE_BYTES))
}

/// A body that fails once more than [`MAX_RESPONSE_BYTES`] have arrived.
struct LimitedBody {
    inner: aws_smithy_types::body::SdkBody,
    read: u64,
}

impl http_body::Body for LimitedBody {
    type Data = bytes::Bytes;
    type Error = aws_smithy_runtime_api::box_error::BoxError;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let polled = std::pin::Pin::new(&mut self.inner).poll_frame(cx);
        if let std::task::Poll::Ready(Some(Ok(frame))) = &polled {
            if let Some(data) = frame.data_ref() {
                self.read += data.len() as u64;
                if self.read > MAX_RESPONSE_BYTES {
                    return std::task::Poll::Ready(Some(Err(too_large(None).into())));
                }
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// The endpoint a service client calls, for messages: `AWS_ENDPOINT_URL_<env_suffix>`, else
/// `AWS_ENDPOINT_URL`, else `default`; credentials in it redacted.
pub fn endpoint(env_suffix: &str, default: String) -> String {
    match std::env::var(format!("AWS_ENDPOINT_URL_{env_suffix}")).or_else(|_| std::env::var("AWS_ENDPOINT_URL")) {
        Ok(url) if !url.is_empty() => crate::redact::redact_url(&url),
        _ => default,
    }
}

/// Resolves credentials once, up front, so that missing credentials are one clear error naming
/// every source tried (and what still works offline) instead of one error per request.
pub async fn check_credentials(shared: &aws_config::SdkConfig, api: &str, offline_hint: &str) -> Result<()> {
    let Some(provider) = shared.credentials_provider() else {
        bail!("no AWS credentials provider is configured for the {api}\nhint: {offline_hint}");
    };
    if let Err(err) = provider.provide_credentials().await {
        bail!(
            "no AWS credentials found for the {api} (last error: {})\ntried: {CREDENTIAL_SOURCES}\nhint: configure credentials (`aws configure`, `aws sso login`, or AWS_PROFILE); {offline_hint}",
            error_chain(&err)
        );
    }
    Ok(())
}

/// An error and its sources, by their `Display` only (never `Debug`, which can dump requests).
pub fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut cur = err.source();
    while let Some(e) = cur {
        let text = e.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        cur = e.source();
    }
    crate::redact::escape_control(&parts.join(": "))
}

/// What a failed call was, for [`fatal_error`]'s messages.
pub struct CallContext<'a> {
    /// The API, e.g. `AWS Price List Query API`, `CloudWatch API`.
    pub api: &'a str,
    /// The endpoint called.
    pub endpoint: &'a str,
    /// The IAM action(s) the identity needs, e.g. `pricing:GetProducts`.
    pub iam_actions: &'a str,
    /// What still works without AWS, appended to credential and network errors.
    pub offline_hint: &'a str,
    /// What to try when throttling outlasts the retries.
    pub throttle_hint: &'a str,
}

/// The error of a call that must stop the run (expired or refused credentials, throttling that
/// outlasted the SDK's retries, an unreachable endpoint), or `None` when the failure concerns this
/// request only and the caller decides.
pub fn fatal_error<E, R>(err: &SdkError<E, R>, ctx: &CallContext<'_>) -> Option<anyhow::Error>
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    let CallContext { api, endpoint, iam_actions, offline_hint, throttle_hint } = ctx;
    let code = err.code().unwrap_or_default();
    let message = match code {
        "ExpiredTokenException" | "ExpiredToken" | "RequestExpired" => format!(
            "the AWS credentials have expired ({code}) calling the {api} at {endpoint}\nhint: refresh them (`aws sso login`, or new session credentials) and run again; {offline_hint}"
        ),
        "UnrecognizedClientException" | "InvalidClientTokenId" | "InvalidSignatureException" | "SignatureDoesNotMatch"
        | "AccessDeniedException" | "AccessDenied" | "AuthFailure" | "MissingAuthenticationToken" => format!(
            "the {api} at {endpoint} refused the credentials ({code})\nhint: the identity needs the IAM action(s) {iam_actions}; {offline_hint}"
        ),
        "ThrottlingException" | "Throttling" | "TooManyRequestsException" | "RequestLimitExceeded" => format!(
            "the {api} at {endpoint} kept throttling requests after the SDK's retries ({code})\nhint: {throttle_hint}"
        ),
        _ => match err {
            SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => format!(
                "cannot reach the {api} at {endpoint}: {}\nhint: check the network and the region; {offline_hint}",
                error_chain(err)
            ),
            _ => return None,
        },
    };
    Some(anyhow::anyhow!(message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body::Body;

    #[test]
    fn a_body_past_the_limit_fails_while_it_is_read() {
        let mut body = LimitedBody {
            inner: aws_smithy_types::body::SdkBody::from(vec![0u8; MAX_RESPONSE_BYTES as usize + 1]),
            read: 0,
        };
        let rt = runtime().unwrap();
        let outcome = rt.block_on(async {
            loop {
                match std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await {
                    Some(Ok(_)) => continue,
                    Some(Err(e)) => break e.to_string(),
                    None => break "read to the end".to_string(),
                }
            }
        });
        assert!(outcome.contains("larger than the 32 MiB obs-cost reads"), "{outcome}");
    }
}
