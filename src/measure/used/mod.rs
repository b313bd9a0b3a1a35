//! Used-series analysis (placeholder while building).
pub mod promql;
