//! Charts as inline SVG strings (plotters' SVG backend, no fonts needed: the viewer renders the
//! text): stacked bars, line charts with marked points, a tornado chart, and the decision tree
//! and a share bar drawn by hand. Every chart carries a `<title>` and `<desc>` as its text
//! alternative. Inputs are plain numbers and labels; nothing here knows about plans or prices.
//! All text is XML-escaped.

use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::Decimal;

use super::markup::xml;
use crate::units::group_thousands;

/// The Okabe–Ito palette: distinguishable with colour-blindness, readable on white and in print.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(86, 180, 233),
    RGBColor(204, 121, 167),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];

/// The `k`th colour of [`PALETTE`], cycling.
fn palette(k: usize) -> RGBColor {
    PALETTE.get(k % PALETTE.len()).copied().unwrap_or(BLACK)
}

const FONT: &str = "sans-serif";

/// A chart's size in pixels (the SVG scales to its container through its viewBox).
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl Default for Size {
    fn default() -> Self {
        Size { width: 760, height: 380 }
    }
}

/// One stacked series of a bar chart: one value per category.
#[derive(Debug, Clone)]
pub struct BarSeries {
    /// Legend label.
    pub name: String,
    /// One value per category, in category order.
    pub values: Vec<f64>,
}

/// One line of a line chart.
#[derive(Debug, Clone)]
pub struct Line {
    /// Legend label.
    pub name: String,
    /// Points `(x, y)`, sorted by x.
    pub points: Vec<(f64, f64)>,
    /// Draw dashed (e.g. a baseline).
    pub dashed: bool,
}

/// A marked point with a label (a break-even month, a crossover).
#[derive(Debug, Clone)]
pub struct Marker {
    /// x of the point.
    pub x: f64,
    /// y of the point.
    pub y: f64,
    /// Its label.
    pub label: String,
}

/// One row of a tornado chart: the result at an assumption's low and high value.
#[derive(Debug, Clone)]
pub struct TornadoRow {
    /// The assumption.
    pub label: String,
    /// Result with the assumption at its low value.
    pub low: f64,
    /// Result with the assumption at its high value.
    pub high: f64,
}

/// A node of a decision tree diagram.
#[derive(Debug, Clone)]
pub struct TreeNode {
    /// Text in the box (a question or an outcome).
    pub label: String,
    /// Text on the edge from its parent (the answer), empty for the root.
    pub edge: String,
    /// Whether the scenario's path goes through this node.
    pub on_path: bool,
    /// Children, left to right.
    pub children: Vec<TreeNode>,
}

/// `$12,345` for axis labels (whole dollars).
pub fn axis_usd(value: f64) -> String {
    let rounded = Decimal::from_f64_retain(value.round()).unwrap_or_default();
    if rounded.is_sign_negative() && !rounded.is_zero() {
        format!("-${}", group_thousands(rounded.abs(), 0))
    } else {
        format!("${}", group_thousands(rounded.abs(), 0))
    }
}

/// `12,345` for axis labels.
pub fn axis_number(value: f64) -> String {
    group_thousands(Decimal::from_f64_retain(value.round()).unwrap_or_default(), 0)
}

/// Adds `role="img"`, `<title>` and `<desc>` to an SVG document produced by plotters.
fn accessible(svg: String, id: &str, title: &str, desc: &str) -> String {
    let Some(end) = svg.find('>') else { return svg };
    let (open, rest) = svg.split_at(end);
    format!(
        "{open} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" preserveAspectRatio=\"xMidYMid meet\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        xml(title),
        xml(desc),
        &rest[1..]
    )
}

fn pad_range(min: f64, max: f64) -> (f64, f64) {
    let (min, max) = (min.min(0.0), max.max(0.0));
    if (max - min).abs() < f64::EPSILON {
        return (min - 1.0, max + 1.0);
    }
    let pad = (max - min) * 0.08;
    (if min < 0.0 { min - pad } else { min }, max + pad)
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn draw<F>(size: Size, body: F) -> Result<String, String>
where
    F: FnOnce(&Area<'_>) -> Result<(), Box<dyn std::error::Error>>,
{
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        body(&root).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// Draws the legend of a chart's labelled series at `position`, in the one style all charts share.
fn draw_legend<'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, CT>,
    position: SeriesLabelPosition,
) -> Result<(), Box<dyn std::error::Error>> {
    chart
        .configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.4))
        .label_font((FONT, 12))
        .draw()?;
    Ok(())
}

/// Stacked vertical bars: one bar per category, one stack segment per series.
pub fn stacked_bars(
    id: &str,
    title: &str,
    desc: &str,
    y_desc: &str,
    categories: &[String],
    series: &[BarSeries],
    size: Size,
) -> String {
    // A series shorter than the categories counts as 0 where it has no value.
    let at = |s: &BarSeries, i: usize| s.values.get(i).copied().unwrap_or(0.0).max(0.0);
    let totals: Vec<f64> = (0..categories.len()).map(|i| series.iter().map(|s| at(s, i)).sum()).collect();
    // Head room above the tallest bar for the legend (about 17 px a series, in the upper left).
    let plot_px = f64::from(size.height.saturating_sub(84).max(100));
    let legend_px = 24.0 + 17.0 * series.len() as f64;
    let free = (1.0 - legend_px / plot_px - 0.04).max(0.35);
    let y_max = totals.iter().copied().fold(0.0, f64::max).max(1.0) / free;
    let n = categories.len().max(1) as u32;
    let svg = draw(size, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(48)
            .y_label_area_size(78)
            .build_cartesian_2d((0u32..(n - 1).max(1)).into_segmented(), 0f64..y_max)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_desc(y_desc)
            .y_label_formatter(&|v| axis_usd(*v))
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => categories.get(*i as usize).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .label_style((FONT, 13))
            .draw()?;
        for (k, s) in series.iter().enumerate() {
            let color = palette(k);
            let bars = (0..categories.len()).filter_map(|i| {
                let below: f64 = series.iter().take(k).map(|o| at(o, i)).sum();
                let v = at(s, i);
                (v > 0.0).then(|| {
                    let i = i as u32;
                    Rectangle::new(
                        [(SegmentValue::Exact(i), below), (SegmentValue::Exact(i + 1), below + v)],
                        color.filled(),
                    )
                })
            });
            chart
                .draw_series(bars.map(|mut r| {
                    r.set_margin(0, 0, 12, 12);
                    r
                }))?
                .label(s.name.clone())
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled()));
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    });
    finish(svg, id, title, desc)
}

/// Lines over a numeric x axis, with marked points.
#[allow(clippy::too_many_arguments)]
pub fn lines(
    id: &str,
    title: &str,
    desc: &str,
    x_desc: &str,
    y_is_money: bool,
    series: &[Line],
    markers: &[Marker],
    size: Size,
) -> String {
    line_chart(id, title, desc, x_desc, y_is_money, series, markers, size, false)
}

/// Lines over a logarithmic x axis (positive x only: e.g. DAU from 100 to 10 million), with marked
/// points; ticks at powers of ten.
#[allow(clippy::too_many_arguments)]
pub fn lines_log_x(
    id: &str,
    title: &str,
    desc: &str,
    x_desc: &str,
    y_is_money: bool,
    series: &[Line],
    markers: &[Marker],
    size: Size,
) -> String {
    let log = |x: f64| if x > 0.0 { x.log10() } else { 0.0 };
    let series: Vec<Line> = series
        .iter()
        .map(|l| Line {
            name: l.name.clone(),
            points: l.points.iter().filter(|p| p.0 > 0.0).map(|p| (log(p.0), p.1)).collect(),
            dashed: l.dashed,
        })
        .collect();
    let markers: Vec<Marker> =
        markers.iter().filter(|m| m.x > 0.0).map(|m| Marker { x: log(m.x), ..m.clone() }).collect();
    line_chart(id, title, desc, x_desc, y_is_money, &series, &markers, size, true)
}

#[allow(clippy::too_many_arguments)]
fn line_chart(
    id: &str,
    title: &str,
    desc: &str,
    x_desc: &str,
    y_is_money: bool,
    series: &[Line],
    markers: &[Marker],
    size: Size,
    x_log: bool,
) -> String {
    let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let x_min = xs.clone().fold(f64::INFINITY, f64::min);
    let x_max = xs.fold(f64::NEG_INFINITY, f64::max);
    let (x_min, x_max) = if x_min.is_finite() && x_max > x_min { (x_min, x_max) } else { (0.0, 1.0) };
    let ys = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).chain(markers.iter().map(|m| m.y));
    let (y_min, y_max) = pad_range(ys.clone().fold(0.0, f64::min), ys.fold(0.0, f64::max));
    let svg = draw(size, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .margin_right(36)
            .x_label_area_size(44)
            .y_label_area_size(84)
            .build_cartesian_2d(x_min..x_max, y_min..y_max)?;
        let y_fmt = |v: &f64| if y_is_money { axis_usd(*v) } else { axis_number(*v) };
        let x_fmt = |v: &f64| {
            if !x_log {
                axis_number(*v)
            } else if (v - v.round()).abs() < 1e-6 {
                axis_number(10f64.powf(v.round()))
            } else {
                String::new()
            }
        };
        let decades = (x_max.ceil() - x_min.floor()).max(1.0) as usize + 1;
        chart
            .configure_mesh()
            .x_labels(if x_log { decades } else { 10 })
            .x_desc(x_desc)
            .y_desc(if y_is_money { "USD" } else { "" })
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .label_style((FONT, 13))
            .draw()?;
        if y_min < 0.0 {
            chart.draw_series(LineSeries::new([(x_min, 0.0), (x_max, 0.0)], BLACK.mix(0.6).stroke_width(1)))?;
        }
        for (k, s) in series.iter().enumerate() {
            let color = palette(k);
            let style = color.stroke_width(if s.dashed { 1 } else { 2 });
            let drawn = if s.dashed {
                chart.draw_series(DashedLineSeries::new(s.points.iter().copied(), 6, 4, style))?
            } else {
                chart.draw_series(LineSeries::new(s.points.iter().copied(), style))?
            };
            drawn
                .label(s.name.clone())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(2)));
        }
        for m in markers {
            chart.draw_series(std::iter::once(Circle::new((m.x, m.y), 5, BLACK.filled())))?;
            if !m.label.is_empty() {
                chart.draw_series(std::iter::once(Text::new(m.label.clone(), (m.x, m.y), (FONT, 12).into_font())))?;
            }
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    });
    finish(svg, id, title, desc)
}

/// A tornado chart: for each assumption, a bar from the result at its low value to the result at
/// its high value, around the expected result `base`; rows in the order given (largest swing first).
/// `legend` names the low and the high bars.
#[allow(clippy::too_many_arguments)]
pub fn tornado(
    id: &str,
    title: &str,
    desc: &str,
    x_desc: &str,
    legend: [&str; 2],
    rows: &[TornadoRow],
    base: f64,
    size: Size,
) -> String {
    let values = rows.iter().flat_map(|r| [r.low, r.high]).chain([base]);
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    let pad = ((hi - lo).abs() * 0.08).max(1.0);
    let n = rows.len().max(1) as u32;
    let height = size.height.max(80 + 34 * n);
    let longest = rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(0) as u32;
    let label_area = (longest * 7 + 16).clamp(120, size.width / 2);
    let svg = draw(Size { width: size.width, height }, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(label_area)
            .build_cartesian_2d((lo - pad)..(hi + pad), (0u32..(n - 1).max(1)).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_desc(x_desc)
            .x_label_formatter(&|v| axis_usd(*v))
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => (n - 1)
                    .checked_sub(*i)
                    .and_then(|k| rows.get(k as usize))
                    .map(|r| r.label.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .label_style((FONT, 12))
            .draw()?;
        for (k, r) in rows.iter().enumerate() {
            let y = n - 1 - k as u32;
            for (value, color, legend) in [(r.low, PALETTE[3], legend[0]), (r.high, PALETTE[0], legend[1])] {
                let (a, b) = if value < base { (value, base) } else { (base, value) };
                let mut rect =
                    Rectangle::new([(a, SegmentValue::Exact(y)), (b, SegmentValue::Exact(y + 1))], color.filled());
                rect.set_margin(6, 6, 0, 0);
                let drawn = chart.draw_series(std::iter::once(rect))?;
                if k == 0 {
                    drawn
                        .label(legend)
                        .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled()));
                }
            }
        }
        chart.draw_series(LineSeries::new(
            [(base, SegmentValue::Exact(0)), (base, SegmentValue::Exact(n))],
            BLACK.stroke_width(1),
        ))?;
        draw_legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        Ok(())
    });
    finish(svg, id, title, desc)
}

fn finish(svg: Result<String, String>, id: &str, title: &str, desc: &str) -> String {
    match svg {
        Ok(svg) => accessible(svg, id, title, desc),
        // Drawing into a string cannot fail for I/O reasons; show the reason instead of a chart.
        Err(err) => format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"400\" height=\"40\"><title>{}</title><text x=\"4\" y=\"24\">chart unavailable: {}</text></svg>",
            xml(title),
            xml(&err)
        ),
    }
}

/// One horizontal bar split into labelled parts in proportion to their values (a share: used
/// against unused), with a legend of each part's value and percentage under it.
pub fn share_bar(id: &str, title: &str, desc: &str, parts: &[(String, f64)]) -> String {
    const WIDTH: f64 = 900.0;
    const BAR_X: f64 = 10.0;
    const BAR_W: f64 = WIDTH - 2.0 * BAR_X;
    let total: f64 = parts.iter().map(|(_, v)| v.max(0.0)).sum();
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH:.0} 96\" width=\"{WIDTH:.0}\" height=\"96\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        xml(title),
        xml(desc)
    );
    let _ = write!(
        svg,
        "<rect x=\"{BAR_X}\" y=\"10\" width=\"{BAR_W}\" height=\"40\" fill=\"#f0f0f0\" stroke=\"#8a8a8a\"/>"
    );
    let mut x = BAR_X;
    let mut legend_x = BAR_X;
    for (k, (label, value)) in parts.iter().enumerate() {
        let RGBColor(r, g, b) = palette(k);
        let share = if total > 0.0 { value.max(0.0) / total } else { 0.0 };
        let w = share * BAR_W;
        if w > 0.0 {
            let _ =
                write!(svg, "<rect x=\"{x:.1}\" y=\"10\" width=\"{w:.1}\" height=\"40\" fill=\"rgb({r},{g},{b})\"/>");
        }
        x += w;
        let text = format!("{label}: {} ({:.1}%)", axis_number(*value), share * 100.0);
        let _ = write!(
            svg,
            "<rect x=\"{legend_x:.1}\" y=\"66\" width=\"14\" height=\"14\" fill=\"rgb({r},{g},{b})\"/><text x=\"{:.1}\" y=\"78\" font-family=\"{FONT}\" font-size=\"14\" fill=\"#111\">{}</text>",
            legend_x + 20.0,
            xml(&text)
        );
        legend_x += 40.0 + 8.5 * text.chars().count() as f64;
    }
    svg.push_str("</svg>");
    svg
}

/// Draws a decision tree top-down, the nodes on `on_path` and the edges between them highlighted.
pub fn decision_tree(id: &str, title: &str, desc: &str, root: &TreeNode) -> String {
    const BOX_W: f64 = 170.0;
    const BOX_H: f64 = 46.0;
    const GAP_X: f64 = 20.0;
    const LEVEL_H: f64 = 110.0;
    struct Placed<'a> {
        node: &'a TreeNode,
        x: f64,
        y: f64,
        parent: Option<usize>,
    }
    fn place<'a>(
        node: &'a TreeNode,
        depth: usize,
        next_leaf: &mut f64,
        parent: Option<usize>,
        out: &mut Vec<Placed<'a>>,
    ) -> f64 {
        let index = out.len();
        out.push(Placed { node, x: 0.0, y: depth as f64 * LEVEL_H + 20.0, parent });
        let x = if node.children.is_empty() {
            let x = *next_leaf;
            *next_leaf += BOX_W + GAP_X;
            x
        } else {
            let xs: Vec<f64> = node.children.iter().map(|c| place(c, depth + 1, next_leaf, Some(index), out)).collect();
            match (xs.first(), xs.last()) {
                (Some(first), Some(last)) => (first + last) / 2.0,
                _ => *next_leaf,
            }
        };
        if let Some(p) = out.get_mut(index) {
            p.x = x;
        }
        x
    }
    let mut placed = Vec::new();
    let mut next_leaf = 10.0;
    place(root, 0, &mut next_leaf, None, &mut placed);
    let width = next_leaf.max(BOX_W + 20.0) - GAP_X + 10.0;
    let height = placed.iter().map(|p| p.y).fold(0.0, f64::max) + BOX_H + 20.0;
    let (path_color, other_color) = ("#0072B2", "#8a8a8a");
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        xml(title),
        xml(desc)
    );
    for p in &placed {
        if let Some(q) = p.parent.and_then(|i| placed.get(i)) {
            let on = p.node.on_path && q.node.on_path;
            let (x1, y1, x2, y2) = (q.x + BOX_W / 2.0, q.y + BOX_H, p.x + BOX_W / 2.0, p.y);
            let _ = write!(
                svg,
                "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                if on { path_color } else { other_color },
                if on { "4" } else { "1.5" }
            );
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-family=\"{FONT}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\"{}>{}</text>",
                (x1 + x2) / 2.0,
                (y1 + y2) / 2.0,
                if on { " font-weight=\"bold\"" } else { "" },
                xml(&p.node.edge)
            );
        }
    }
    for p in &placed {
        let on = p.node.on_path;
        let _ = write!(
            svg,
            "<g><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"8\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            p.x,
            p.y,
            if on { "#e6f1f8" } else { "#ffffff" },
            if on { path_color } else { other_color },
            if on { 3 } else { 1 }
        );
        let text = wrap(&p.node.label, 26);
        let shown = text.len().min(2);
        for (i, line) in text.iter().take(2).enumerate() {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-family=\"{FONT}\" font-size=\"13\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"#111\">{}</text>",
                p.x + BOX_W / 2.0,
                p.y + BOX_H / 2.0 + 16.0 * (i as f64 - (shown as f64 - 1.0) / 2.0),
                xml(line)
            );
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// Splits text into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_well_formed(svg: &str) {
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title"));
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn charts_are_accessible_escaped_and_deterministic() {
        let cats = vec!["baseline".to_string(), "<script>alert(1)</script>".to_string()];
        let series = vec![
            BarSeries { name: "self-hosted".into(), values: vec![500.0, 200.0] },
            BarSeries { name: "AWS & co".into(), values: vec![0.0, 450.0] },
        ];
        let a = stacked_bars("c1", "Monthly cost <by phase>", "desc", "USD per month", &cats, &series, Size::default());
        let b = stacked_bars("c1", "Monthly cost <by phase>", "desc", "USD per month", &cats, &series, Size::default());
        assert_eq!(a, b);
        is_well_formed(&a);
        assert!(a.contains("&lt;script&gt;") && a.contains("Monthly cost &lt;by phase&gt;"), "{a}");
        assert!(a.contains("AWS &amp; co"));

        let line = Line { name: "phase 1".into(), points: vec![(0.0, -5000.0), (12.0, 7000.0)], dashed: false };
        let svg = lines(
            "c2",
            "Cash flow",
            "d",
            "month",
            true,
            &[line],
            &[Marker { x: 5.0, y: 0.0, label: "break-even".into() }],
            Size::default(),
        );
        is_well_formed(&svg);
        assert!(svg.contains("break-even"));

        let rows = vec![TornadoRow { label: "ops FTE".into(), low: -100.0, high: 900.0 }];
        let svg = tornado(
            "c3",
            "Sensitivity",
            "d",
            "net monthly benefit, USD",
            ["low", "high"],
            &rows,
            400.0,
            Size::default(),
        );
        is_well_formed(&svg);
        assert!(svg.contains("ops FTE"));
    }

    #[test]
    fn a_share_bar_splits_in_proportion_and_escapes_its_labels() {
        let svg = share_bar("s", "Used <series>", "d", &[("Used".into(), 25.0), ("Un&used".into(), 75.0)]);
        is_well_formed(&svg);
        assert!(svg.contains("width=\"220.0\"") && svg.contains("width=\"660.0\""), "{svg}");
        assert!(svg.contains("Used: 25 (25.0%)") && svg.contains("Un&amp;used: 75 (75.0%)"), "{svg}");
        assert!(svg.contains("Used &lt;series&gt;"));
        // Nothing to split: no segment, and no division by zero.
        let empty = share_bar("e", "t", "d", &[("Used".into(), 0.0)]);
        assert!(empty.contains("Used: 0 (0.0%)"), "{empty}");
    }

    #[test]
    fn decision_tree_highlights_the_path() {
        let leaf = |label: &str, edge: &str, on: bool| TreeNode {
            label: label.into(),
            edge: edge.into(),
            on_path: on,
            children: vec![],
        };
        let root = TreeNode {
            label: "Team size?".into(),
            edge: String::new(),
            on_path: true,
            children: vec![leaf("Keep Compose", "1-3", false), leaf("Consider AWS", "10+", true)],
        };
        let svg = decision_tree("t", "Decision tree", "path: team 10+", &root);
        is_well_formed(&svg);
        assert_eq!(svg.matches("stroke-width=\"4\"").count(), 1, "one highlighted edge");
        assert!(svg.contains(">Consider AWS<"));
    }

    #[test]
    fn axis_labels() {
        assert_eq!(axis_usd(-1234.4), "-$1,234");
        assert_eq!(axis_usd(0.0), "$0");
        assert_eq!(axis_number(300000.0), "300,000");
        assert_eq!(
            wrap("Migrate to AWS gradually over six months", 16),
            ["Migrate to AWS", "gradually over", "six months"]
        );
    }
}
