//! Where everything on a label goes, in millimetres from its top-left
//! corner, shared by the SVG and the PDF so both print the same label.

use barcoders::sym::code128::Code128;

use super::Label;
use crate::platform::errors::{DomainError, DomainResult};

pub const WIDTH: f32 = 70.0;
pub const HEIGHT: f32 = 37.0;
/// Left and right of the barcode, quiet zones included.
const MARGIN: f32 = 4.0;
/// Quiet zone each side of the bars, in modules (Code 128 asks for ten).
const QUIET_MODULES: f32 = 10.0;
/// Widest module: 0.5 mm reads from a metre away; longer codes get narrower ones.
const MAX_MODULE: f32 = 0.5;
pub const BARS_TOP: f32 = 8.0;
pub const BARS_HEIGHT: f32 = 16.0;

/// Millimetres per typographic point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// A line of text centred on the label, in Courier: every glyph is 0.6 em
/// wide, so a PDF centres it without font metrics.
pub struct Line {
    pub text: String,
    /// Of the baseline, from the top.
    pub baseline: f32,
    pub size_pt: f32,
    pub bold: bool,
}

impl Line {
    pub fn width(&self) -> f32 {
        self.text.chars().count() as f32 * 0.6 * self.size_pt * MM_PER_PT
    }
}

/// One dark bar: its left edge and width.
pub struct Bar {
    pub x: f32,
    pub width: f32,
}

pub struct Drawing {
    /// The warehouse and the location type, small, above the bars.
    pub header: Line,
    pub bars: Vec<Bar>,
    /// The code under the bars, for people.
    pub caption: Line,
}

/// The modules of the Code 128 symbol of `code` (1 dark, 0 light), in
/// code set B, which holds every character a location code may have.
fn modules(code: &str) -> DomainResult<Vec<u8>> {
    let symbol = Code128::new(format!("\u{0181}{code}"))
        .map_err(|e| DomainError::Internal(format!("location code `{code}` has no Code 128 symbol: {e:?}")))?;
    Ok(symbol.encode())
}

/// 14 pt, or smaller for a code too long to fit the label at that size.
fn caption_size(code: &str) -> f32 {
    let em = code.chars().count() as f32 * 0.6 * MM_PER_PT;
    ((WIDTH - 2.0 * MARGIN) / em).min(14.0)
}

pub fn draw(label: &Label) -> DomainResult<Drawing> {
    let modules = modules(&label.code)?;
    let module = ((WIDTH - 2.0 * MARGIN) / (modules.len() as f32 + 2.0 * QUIET_MODULES)).min(MAX_MODULE);
    let left = (WIDTH - modules.len() as f32 * module) / 2.0;
    let mut bars: Vec<Bar> = Vec::new();
    for (i, dark) in modules.iter().enumerate() {
        if *dark != 1 {
            continue;
        }
        let x = left + i as f32 * module;
        match bars.last_mut() {
            Some(bar) if (bar.x + bar.width - x).abs() < module / 2.0 => bar.width += module,
            _ => bars.push(Bar { x, width: module }),
        }
    }
    let header = format!("{} / {}", label.warehouse_code, label.kind.as_str().to_uppercase());
    Ok(Drawing {
        header: Line { text: header, baseline: 5.5, size_pt: 8.0, bold: false },
        bars,
        caption: Line { text: label.code.clone(), baseline: 31.0, size_pt: caption_size(&label.code), bold: true },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::locations::LocationType;

    fn label(code: &str) -> Label {
        Label { code: code.into(), warehouse_code: "LAX1".into(), kind: LocationType::Pick }
    }

    #[test]
    fn the_bars_are_the_code_128_symbol_centred_inside_the_margins() {
        let drawing = draw(&label("A-01-03-2-B")).expect("a drawing");
        let modules = modules("A-01-03-2-B").expect("modules");
        // Start, 11 characters, check character: 11 modules each; stop: 13.
        assert_eq!(modules.len(), 11 * 13 + 13);
        let dark: usize = modules.iter().filter(|m| **m == 1).count();
        let first = &drawing.bars[0];
        let last = drawing.bars.last().expect("bars");
        let module = drawing.bars.iter().map(|b| b.width).fold(f32::MAX, f32::min);
        let drawn: f32 = drawing.bars.iter().map(|b| b.width).sum();
        assert!((drawn / module - dark as f32).abs() < 0.01, "every dark module is drawn once");
        assert!((first.x - (WIDTH - (last.x + last.width))).abs() < 0.001, "centred");
        assert!(first.x >= MARGIN + QUIET_MODULES * module - 0.001, "quiet zone kept");
        assert_eq!(drawing.caption.text, "A-01-03-2-B");
        assert_eq!(drawing.header.text, "LAX1 / PICK");
    }

    #[test]
    fn the_longest_code_still_fits() {
        let drawing = draw(&label("ZZZZ-9999-9999-9999-ZZZZ")).expect("a drawing");
        let last = drawing.bars.last().expect("bars");
        assert!(drawing.bars[0].x >= MARGIN && last.x + last.width <= WIDTH - MARGIN);
        assert!(drawing.caption.width() <= WIDTH);
    }
}
