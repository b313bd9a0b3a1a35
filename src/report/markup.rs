//! Escaping, once for every renderer: text in a Markdown table cell or line, and text in XML (the
//! SVG charts and the JUnit report), plus the Markdown table row the Markdown renderers share.

/// Escapes text for a Markdown table cell or list item: backslash, pipe, angle brackets (as
/// entities, so no HTML gets through) and newlines (as spaces).
pub fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;").replace('\n', " ")
}

/// A Markdown table row of already escaped cells.
pub fn row_of(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// A Markdown table row, each cell escaped.
pub fn row(cells: &[String]) -> String {
    row_of(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>())
}

/// Escapes text for XML content and attribute values: the five predefined entities, newlines as
/// `&#10;` (kept inside attributes), and no other control character (XML 1.0 forbids them).
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("&#10;"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table_or_carry_html() {
        assert_eq!(cell("a|b\\c<script>\nx"), "a\\|b\\\\c&lt;script&gt; x");
        assert_eq!(row(&["a|b".into(), "c".into()]), "| a\\|b | c |\n");
    }

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            xml("<a href=\"x\">'&'</a>\n\u{1}\t"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;&#10;\t"
        );
    }
}
