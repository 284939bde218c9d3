//! The faces that leave the program on paper: the order sheet (PDF) and printing (CUPS).

pub mod layout;
pub mod print;
pub mod product;
pub mod scan;
pub mod sheet;

/// What could not be delivered: the sheet not written, or not printed.
pub enum Undelivered {
    Sheet(sheet::SheetError),
    Print(print::PrintFailure),
}
