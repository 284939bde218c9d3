//! The faces that leave the program on paper: the order sheet (PDF) and printing (CUPS).

pub mod layout;
pub mod print;
pub mod sheet;
