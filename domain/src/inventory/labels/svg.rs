//! One label as SVG, in real size (70 × 37 mm), for the portal to show and
//! a desktop printer to print.

use std::fmt::Write;

use super::Label;
use super::layout::{self, BARS_HEIGHT, BARS_TOP, HEIGHT, Line, MM_PER_PT, WIDTH};
use crate::platform::errors::DomainResult;

/// Text as XML character data.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn text(line: &Line) -> String {
    let weight = if line.bold { r#" font-weight="bold""# } else { "" };
    format!(
        r#"<text x="{x}" y="{y}" font-family="Courier, monospace" font-size="{size:.3}"{weight} text-anchor="middle">{text}</text>"#,
        x = WIDTH / 2.0,
        y = line.baseline,
        size = line.size_pt * MM_PER_PT,
        text = escape(&line.text),
    )
}

/// The label of one location as an SVG document.
pub fn svg(label: &Label) -> DomainResult<String> {
    let drawing = layout::draw(label)?;
    let mut bars = String::new();
    for bar in &drawing.bars {
        let _ = write!(bars, "M{:.3} {BARS_TOP}h{:.3}v{BARS_HEIGHT}h-{:.3}z", bar.x, bar.width, bar.width);
    }
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}mm" height="{HEIGHT}mm" viewBox="0 0 {WIDTH} {HEIGHT}"><title>{title}</title><rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>{header}<path fill="#000" d="{bars}"/>{caption}</svg>"##,
        title = escape(&label.code),
        header = text(&drawing.header),
        caption = text(&drawing.caption),
    ))
}
