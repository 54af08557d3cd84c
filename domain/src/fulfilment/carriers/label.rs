//! The shipping label of the simulated carrier: 4 × 6 in (101.6 ×
//! 152.4 mm), the size of thermal shipping labels, with the sender, the
//! service and weight, the recipient in large type, and a Code 128 barcode
//! of the tracking number (code set B) with the number under it. As a PDF
//! page in the standard Courier fonts (nothing embedded; text outside
//! Windows-1252, such as Chinese, prints as `?`), or as ZPL II for a
//! 203 dpi thermal printer, whose own fonts take UTF-8 (`^CI28`).
//!
//! The symbology is barcoders', the PDF syntax pdf-writer's.

use barcoders::sym::code128::Code128;
use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str, TextStr};

use super::{CarrierError, ShipmentRequest};

const WIDTH_MM: f32 = 101.6;
const HEIGHT_MM: f32 = 152.4;
const MARGIN_MM: f32 = 5.0;
const PT_PER_MM: f32 = 72.0 / 25.4;
/// Dots per millimetre at 203 dpi.
const DOTS_PER_MM: f32 = 8.0;
/// Module width of the barcode: 0.375 mm is 3 dots at 203 dpi.
const MODULE_MM: f32 = 0.375;
const BARS_TOP_MM: f32 = 100.0;
const BARS_HEIGHT_MM: f32 = 30.0;

/// One line of text: its top in millimetres from the label's top, size
/// in points, weight.
struct Line {
    top: f32,
    size_pt: f32,
    bold: bool,
    text: String,
}

/// `size_pt`, or smaller for a `text` too long for the label at that size
/// (Courier: every glyph 0.6 em wide).
fn fitting(text: &str, size_pt: f32) -> f32 {
    let em_mm = text.chars().count() as f32 * 0.6 / PT_PER_MM;
    ((WIDTH_MM - 2.0 * MARGIN_MM) / em_mm).min(size_pt)
}

/// Everything but the barcode, top to bottom.
fn lines(request: &ShipmentRequest) -> Vec<Line> {
    let from = &request.ship_from;
    let to = &request.ship_to;
    let kg = f64::from(request.package.weight_grams) / 1000.0;
    let d = request.package.dimensions;
    let joined = |parts: &[Option<&str>]| parts.iter().flatten().copied().collect::<Vec<_>>().join(" ");
    let from_place = joined(&[
        Some(from.address.city.as_str()),
        from.address.region.as_deref(),
        from.address.postal_code.as_deref(),
        Some(from.country.as_str()),
    ]);
    let to_place = joined(&[Some(to.city.as_str()), to.region.as_deref(), to.postal_code.as_deref()]);
    let mut small = vec![format!("FROM: {}", from.name), from.address.line1.clone()];
    small.extend(from.address.line2.clone());
    small.push(from_place);
    let mut large = vec![to.name.clone()];
    large.extend(to.company.clone());
    large.push(to.line1.clone());
    large.extend(to.line2.clone());
    large.push(to_place);
    large.push(to.country.clone());
    let mut out = Vec::new();
    let mut top = MARGIN_MM;
    for text in small {
        out.push(Line { top, size_pt: fitting(&text, 8.0), bold: false, text });
        top += 4.0;
    }
    top += 2.0;
    let service =
        format!("{}  {kg:.2} KG  {}x{}x{} MM", request.service.as_str().to_uppercase(), d.length, d.width, d.height);
    out.push(Line { top, size_pt: fitting(&service, 11.0), bold: true, text: service });
    top += 8.0;
    out.push(Line { top, size_pt: 8.0, bold: false, text: "SHIP TO:".into() });
    top += 4.5;
    for text in large {
        out.push(Line { top, size_pt: fitting(&text, 12.0), bold: true, text });
        top += 6.0;
    }
    let reference = format!("REF: {}", request.reference);
    out.push(Line {
        top: HEIGHT_MM - MARGIN_MM - 4.0,
        size_pt: fitting(&reference, 8.0),
        bold: false,
        text: reference,
    });
    out
}

/// The modules of the Code 128 symbol of `number` (1 dark, 0 light).
fn modules(number: &str) -> Result<Vec<u8>, CarrierError> {
    let symbol = Code128::new(format!("\u{0181}{number}"))
        .map_err(|e| CarrierError::Label(format!("`{number}` has no Code 128 symbol: {e:?}")))?;
    Ok(symbol.encode())
}

/// The dark bars of `modules`, centred on the label: left edge and width
/// in millimetres.
fn bars(modules: &[u8]) -> Vec<(f32, f32)> {
    let left = (WIDTH_MM - modules.len() as f32 * MODULE_MM) / 2.0;
    let mut bars: Vec<(f32, f32)> = Vec::new();
    for (i, dark) in modules.iter().enumerate() {
        if *dark != 1 {
            continue;
        }
        let x = left + i as f32 * MODULE_MM;
        match bars.last_mut() {
            Some((start, width)) if (*start + *width - x).abs() < MODULE_MM / 2.0 => *width += MODULE_MM,
            _ => bars.push((x, MODULE_MM)),
        }
    }
    bars
}

/// `text` in Windows-1252 as far as Latin-1 reaches, `?` for the rest.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| if (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c) { c as u8 } else { b'?' })
        .collect()
}

/// The label as a one-page PDF.
pub fn pdf(request: &ShipmentRequest, tracking_number: &str) -> Result<Vec<u8>, CarrierError> {
    const REGULAR: Name<'static> = Name(b"F1");
    const BOLD: Name<'static> = Name(b"F2");
    let (catalog, tree, page_id, content_id, info) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    let (regular, bold) = (Ref::new(6), Ref::new(7));
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page_id]).count(1);
    pdf.document_info(info).title(TextStr(tracking_number)).producer(TextStr("Silkport"));
    let encoding = Name(b"WinAnsiEncoding");
    pdf.type1_font(regular).base_font(Name(b"Courier")).encoding_predefined(encoding);
    pdf.type1_font(bold).base_font(Name(b"Courier-Bold")).encoding_predefined(encoding);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, WIDTH_MM * PT_PER_MM, HEIGHT_MM * PT_PER_MM));
    page.parent(tree);
    page.contents(content_id);
    page.resources().fonts().pair(REGULAR, regular).pair(BOLD, bold);
    drop(page);

    let mut content = Content::new();
    let mut text = |top: f32, size: f32, bold: bool, centred: bool, bytes: &[u8]| {
        let width = bytes.len() as f32 * 0.6 * size / PT_PER_MM;
        let x = if centred { (WIDTH_MM - width) / 2.0 } else { MARGIN_MM };
        let baseline = HEIGHT_MM - top - size / PT_PER_MM;
        content.begin_text();
        content.set_font(if bold { BOLD } else { REGULAR }, size);
        content.next_line(x * PT_PER_MM, baseline * PT_PER_MM);
        content.show(Str(bytes));
        content.end_text();
    };
    for line in lines(request) {
        text(line.top, line.size_pt, line.bold, false, &win_ansi(&line.text));
    }
    text(BARS_TOP_MM + BARS_HEIGHT_MM + 2.0, 14.0, true, true, tracking_number.as_bytes());
    for (x, width) in bars(&modules(tracking_number)?) {
        let y = HEIGHT_MM - BARS_TOP_MM - BARS_HEIGHT_MM;
        content.rect(x * PT_PER_MM, y * PT_PER_MM, width * PT_PER_MM, BARS_HEIGHT_MM * PT_PER_MM);
    }
    content.fill_nonzero();
    pdf.stream(content_id, &content.finish());
    Ok(pdf.finish())
}

/// `text` as a ZPL field: `^FH` lets `_` escape in hex the characters ZPL
/// would read as commands (`^`, `~`) and `_` itself.
fn field(text: &str) -> String {
    let escaped = text.replace('_', "_5F").replace('^', "_5E").replace('~', "_7E");
    format!("^FH^FD{escaped}^FS")
}

/// Millimetres as printer dots.
fn dots(mm: f32) -> i32 {
    (mm * DOTS_PER_MM).round() as i32
}

/// The label as a ZPL II program: UTF-8 text (`^CI28`), scalable font 0,
/// the barcode by the printer's own Code 128 (`^BC`, with the number
/// printed under it).
pub fn zpl(request: &ShipmentRequest, tracking_number: &str) -> Result<String, CarrierError> {
    let mut out = format!("^XA\n^CI28\n^PW{}\n^LL{}\n", dots(WIDTH_MM), dots(HEIGHT_MM));
    for line in lines(request) {
        let height = dots(line.size_pt / PT_PER_MM);
        let font =
            if line.bold { format!("^A0N,{height},{height}") } else { format!("^A0N,{height},{}", height * 4 / 5) };
        out.push_str(&format!("^FO{},{}{font}{}\n", dots(MARGIN_MM), dots(line.top), field(&line.text)));
    }
    let width = dots(modules(tracking_number)?.len() as f32 * MODULE_MM);
    out.push_str(&format!(
        "^FO{},{}^BY{}^BCN,{},Y,N,N{}\n^XZ\n",
        (dots(WIDTH_MM) - width) / 2,
        dots(BARS_TOP_MM),
        dots(MODULE_MM),
        dots(BARS_HEIGHT_MM),
        field(tracking_number)
    ));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fulfilment::carriers::{Carrier, LabelFormat, Simulated, test_request as request};

    #[tokio::test]
    async fn the_pdf_label_parses_and_carries_the_tracking_number() {
        let shipment = Simulated.create_shipment(&request(LabelFormat::Pdf)).await.expect("a shipment");
        let label = shipment.label.expect("a label");
        assert_eq!(label.format, LabelFormat::Pdf);
        let document = lopdf::Document::load_mem(&label.bytes).expect("the PDF parses");
        let pages = document.get_pages();
        assert_eq!(pages.len(), 1);
        let page = *pages.values().next().expect("a page");
        let content = String::from_utf8_lossy(&document.get_page_content(page)).into_owned();
        assert!(content.contains(&format!("({}) Tj", shipment.tracking_number)), "{content}");
        assert!(content.contains("(Mountain View CA 94043) Tj"));
        assert!(content.contains("1.25 KG"));
        let page = document.get_dictionary(page).expect("a page");
        let media_box = page.get(b"MediaBox").and_then(|b| b.as_array()).expect("a media box");
        let sizes: Vec<f32> = media_box.iter().map(|n| n.as_float().expect("a number")).collect();
        assert!((sizes[2] - 288.0).abs() < 0.01 && (sizes[3] - 432.0).abs() < 0.01, "4 x 6 in: {sizes:?}");
    }

    #[tokio::test]
    async fn the_zpl_label_draws_a_code_128_of_the_tracking_number() {
        let shipment = Simulated.create_shipment(&request(LabelFormat::Zpl)).await.expect("a shipment");
        let zpl = String::from_utf8(shipment.label.expect("a label").bytes).expect("UTF-8");
        assert!(zpl.starts_with("^XA\n^CI28\n^PW813\n^LL1219\n") && zpl.ends_with("^XZ\n"), "{zpl}");
        assert!(zpl.contains(&format!("^BCN,240,Y,N,N^FH^FD{}^FS", shipment.tracking_number)), "{zpl}");
        assert!(zpl.contains("^FH^FDZoë O'Brien (Apt)^FS"), "UTF-8 as is: {zpl}");
    }

    #[test]
    fn zpl_fields_escape_what_zpl_reads_as_commands() {
        assert_eq!(field("A^B~C_D"), "^FH^FDA_5EB_7EC_5FD^FS");
    }

    #[test]
    fn pdf_text_is_windows_1252_as_far_as_latin_1_goes() {
        assert_eq!(win_ansi("Zoë 张"), b"Zo\xEB ?");
    }
}
