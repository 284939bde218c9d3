//! The terminal text: the presentation model drawn as lines.

#[allow(unused_imports)]
use super::*;

/// The presentation model as plain text, for a terminal.
pub fn render_text(v: &Presentation) -> String {
    let mut s = String::new();
    let mut line = |l: String| {
        s.push_str(&l);
        s.push('\n');
    };
    line(v.headline.clone());
    line(v.bsa.line());
    line(format!("  {}", v.bsa_working));
    if let Some(wc) = &v.weight_change {
        line(wc.line());
    }
    if let Some(c) = &v.criteria {
        line(String::new());
        line(format!("{}:", c.title));
        line(format!("  {}", c.basis));
        for row in &c.rows {
            line(format!("  {}", row.line()));
        }
        line(format!("  {}", c.summary));
    }
    if let Some(row) = &v.cardiac {
        line(String::new());
        line(row.line());
    }
    for item in &v.items {
        line(String::new());
        let mut head = format!("{}: {}", item.title, item.large);
        if let Some(tag) = &item.tag {
            head.push_str(&format!(" ({tag})"));
        }
        for b in &item.badges {
            head.push_str(&format!(" [{}]", b.text));
        }
        line(head);
        for row in &item.rows {
            line(format!("  {}", row.line()));
        }
    }
    if let Some(row) = &v.nk_not_in_cycle {
        line(String::new());
        line(row.line());
    }
    line(String::new());
    line(format!("{}:", v.administration_title));
    for row in &v.administration {
        line(format!("  {}", row.line()));
    }
    line(String::new());
    line(format!("{}:", v.schedule_title));
    for day in &v.schedule {
        let when = if day.date.is_empty() { day.day.clone() } else { format!("{} {}", day.day, day.date) };
        line(format!("  {when}: {}", day.events));
    }
    line(String::new());
    line(format!("{}:", v.warnings_title));
    if v.warnings.is_empty() {
        line(format!("  {}", v.none));
    }
    for x in &v.warnings {
        match &x.needs_reason_label {
            Some(label) => line(format!("  - [{}] {label} {}", x.code, x.text)),
            None => line(format!("  - [{}] {}", x.code, x.text)),
        }
    }
    s
}
