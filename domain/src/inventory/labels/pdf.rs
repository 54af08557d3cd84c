//! A sheet of labels as PDF: A4 pages of 3 × 8 labels of 70 × 37 mm, in
//! the standard Courier fonts every PDF reader has (nothing embedded).

use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str, TextStr};

use super::Label;
use super::layout::{self, BARS_HEIGHT, BARS_TOP, HEIGHT, Line, WIDTH};
use crate::platform::errors::DomainResult;

const COLUMNS: usize = 3;
const ROWS: usize = 8;
const PAGE_WIDTH_MM: f32 = 210.0;
const PAGE_HEIGHT_MM: f32 = 297.0;
/// The millimetre the eight rows leave, split above and below.
const TOP_MM: f32 = (PAGE_HEIGHT_MM - ROWS as f32 * HEIGHT) / 2.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

/// A page's content: millimetres from the page's top-left corner in, PDF
/// points from its bottom-left corner out.
struct Page(Content);

impl Page {
    fn bar(&mut self, x: f32, top: f32, width: f32, height: f32) {
        let y = PAGE_HEIGHT_MM - top - height;
        self.0.rect(x * PT_PER_MM, y * PT_PER_MM, width * PT_PER_MM, height * PT_PER_MM);
    }

    fn line(&mut self, left: f32, top: f32, line: &Line) {
        let x = left + (WIDTH - line.width()) / 2.0;
        let y = PAGE_HEIGHT_MM - top - line.baseline;
        let font = if line.bold { BOLD } else { REGULAR };
        self.0.begin_text();
        self.0.set_font(font, line.size_pt);
        self.0.next_line(x * PT_PER_MM, y * PT_PER_MM);
        self.0.show(Str(line.text.as_bytes()));
        self.0.end_text();
    }

    fn label(&mut self, index: usize, label: &Label) -> DomainResult<()> {
        let drawing = layout::draw(label)?;
        let left = (index % COLUMNS) as f32 * WIDTH;
        let top = TOP_MM + (index / COLUMNS) as f32 * HEIGHT;
        self.line(left, top, &drawing.header);
        for bar in &drawing.bars {
            self.bar(left + bar.x, top + BARS_TOP, bar.width, BARS_HEIGHT);
        }
        self.0.fill_nonzero();
        self.line(left, top, &drawing.caption);
        Ok(())
    }
}

/// `labels` on as many A4 pages as they need, in order, row by row.
pub fn pdf(labels: &[Label]) -> DomainResult<Vec<u8>> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let info = Ref::new(3);
    let (regular, bold) = (Ref::new(4), Ref::new(5));
    let per_page = COLUMNS * ROWS;
    let pages: Vec<(Ref, Ref)> =
        (0..labels.len().div_ceil(per_page) as i32).map(|n| (Ref::new(6 + 2 * n), Ref::new(7 + 2 * n))).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(pages.iter().map(|(page, _)| *page)).count(pages.len() as i32);
    pdf.document_info(info).title(TextStr("Location labels")).producer(TextStr("Silkport"));
    pdf.type1_font(regular).base_font(Name(b"Courier"));
    pdf.type1_font(bold).base_font(Name(b"Courier-Bold"));
    for ((page_id, content_id), labels) in pages.iter().zip(labels.chunks(per_page)) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH_MM * PT_PER_MM, PAGE_HEIGHT_MM * PT_PER_MM));
        page.parent(tree);
        page.contents(*content_id);
        page.resources().fonts().pair(REGULAR, regular).pair(BOLD, bold);
        drop(page);
        let mut content = Page(Content::new());
        for (index, label) in labels.iter().enumerate() {
            content.label(index, label)?;
        }
        pdf.stream(*content_id, &content.0.finish());
    }
    Ok(pdf.finish())
}
